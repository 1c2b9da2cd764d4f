"""Product pictures for the demo inventory, drawn rather than photographed: each category's piece
of furniture on a light studio background with a soft shadow, tinted by the item's colour and
varied a little by a seed, so two sofas are not the same sofa. The same arguments always give
the same picture."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from hjem.inventory import demo_furniture, demo_household
from hjem.inventory.demo_drawing import RGB, Fit, Point, Scene, mix, paint, shade, shaded

Builder = Callable[[Scene, RGB, random.Random], None]

BUILDERS: dict[str, Builder] = {**demo_furniture.BUILDERS, **demo_household.BUILDERS}
FALLBACK = "andet"
SUPERSAMPLE = 2  # drawn at twice the size and scaled down: smooth edges without antialiasing
JPEG_QUALITY = 90

# Shadow layers (grow, strength, blur): a wide, faint shadow of the room's light and a tight,
# darker one where the piece stands.
STANDING_SHADOW = ((1.3, 75, 14), (1.06, 110, 4))
FLAT_SHADOW = ((1.01, 70, 2),)

# Pale, quiet studio walls; the seed picks one.
WALLS: tuple[RGB, ...] = (
    (238, 234, 227),
    (231, 235, 231),
    (232, 235, 240),
    (241, 233, 229),
    (236, 236, 236),
)


def picture(
    category: str,
    colour: tuple[int, int, int],
    seed: int,
    size: tuple[int, int] = (800, 600),
    *,
    dimensions: tuple[float, float, float] | None = None,
) -> bytes:
    """A JPEG of a piece of furniture of `category` (a generic box when the category is unknown).

    `dimensions` (the item's w × d × h in cm), when given, shape the piece where it shows: a
    90 cm bed gets one pillow, a 150 cm wardrobe three doors."""
    kind = category if category in BUILDERS else FALLBACK
    rng = random.Random(f"{kind}/{seed}/{colour}")  # a str seed hashes the same in every run
    scene = Scene(dimensions=dimensions)
    BUILDERS[kind](scene, colour, rng)
    image = render(scene, rng, size)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def render(scene: Scene, rng: random.Random, size: tuple[int, int]) -> Image.Image:
    width, height = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    fit = _fit(scene, width, height)
    if scene.background == "floor":
        image = _planks(width, height, rng)
    else:
        image = _studio(width, height, rng.choice(WALLS), horizon=0.62)
    for centre, radius, rgb in scene.glows:
        _glow(image, fit.px(centre), radius * fit.scale, rgb)
    # Something lying flat casts only a thin shadow round its edge.
    layers = FLAT_SHADOW if scene.background == "floor" else STANDING_SHADOW
    for floor in scene.footprints:
        if len(floor) >= 3:
            _shadow(image, [fit.px(p) for p in _hull(floor)], layers)
    paint(image, scene, fit, hairline=max(1.0, width / 620))
    return image.reduce(SUPERSAMPLE)


def _fit(scene: Scene, width: int, height: int) -> Fit:
    """The scene as large as the frame allows, centred, standing low as on a studio floor."""
    x0, y0, x1, y1 = scene.bounds()
    scale = min(width * 0.78 / max(x1 - x0, 1), height * 0.8 / max(y1 - y0, 1))
    dx = width / 2 - (x0 + x1) / 2 * scale
    if scene.background == "floor":
        return Fit(scale, dx, height / 2 - (y0 + y1) / 2 * scale)
    return Fit(scale, dx, height * 0.9 - y1 * scale)


def _planks(width: int, height: int, rng: random.Random) -> Image.Image:
    """A light oak floor seen from above, for things that lie on it."""
    oak = (216, 192, 158)
    image = Image.new("RGB", (width, height), oak)
    draw = ImageDraw.Draw(image)
    rows = 7
    plank = height / rows
    seam = shade(oak, -0.25)
    for r in range(rows):
        y = r * plank
        x = -rng.uniform(0, width * 0.5)
        while x < width:
            length = rng.uniform(width * 0.45, width * 0.8)
            draw.rectangle((x, y, x + length, y + plank), fill=shade(oak, rng.uniform(-0.06, 0.06)))
            draw.line((x, y, x, y + plank), fill=seam, width=2)
            x += length
        draw.line((0, y, width, y), fill=seam, width=2)
    return image


def _studio(width: int, height: int, wall: RGB, horizon: float) -> Image.Image:
    """A seamless backdrop: the wall lightens towards a soft floor line, the floor darkens."""
    t = np.linspace(0, 1, height)
    upper = shaded(wall, -0.05 + 0.08 * np.minimum(t / horizon, 1)).astype(float)
    u = np.clip((t - horizon) / (1 - horizon), 0, 1)
    floor = shaded(mix(wall, (214, 208, 198), 0.35), -0.06 * u).astype(float)
    blend = np.minimum(u * 6, 1)[:, np.newaxis]  # the floor line is a short blend, not an edge
    column = np.round(upper * (1 - blend) + floor * blend).astype(np.uint8)
    strip = Image.fromarray(np.ascontiguousarray(column[:, np.newaxis, :]), "RGB")
    return strip.resize((width, height), Image.Resampling.NEAREST)


def _hull(points: list[Point]) -> list[Point]:
    """The convex hull (Andrew's monotone chain): one shadow under the whole piece."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def half(seq: list[Point]) -> list[Point]:
        out: list[Point] = []
        for p in seq:
            while len(out) >= 2 and _cross(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out[:-1]

    return half(pts) + half(pts[::-1])


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _shadow(
    image: Image.Image, floor: list[Point], layers: tuple[tuple[float, int, int], ...]
) -> None:
    """A soft shadow under the piece, blurred at a quarter size because blur is costly."""
    small = 4
    size = (image.width // small, image.height // small)
    cx = sum(x for x, _ in floor) / len(floor)
    cy = sum(y for _, y in floor) / len(floor)
    mask = Image.new("L", size, 0)
    for grow, strength, blur in layers:
        layer = Image.new("L", size, 0)
        points = [
            ((cx + (x - cx) * grow) / small, (cy + (y - cy) * grow) / small) for x, y in floor
        ]
        ImageDraw.Draw(layer).polygon(points, fill=strength)
        mask = ImageChops.add(mask, layer.filter(ImageFilter.GaussianBlur(blur)))
    _lay_over(image, mask, small, (60, 55, 50))


def _glow(image: Image.Image, centre: Point, radius: float, rgb: RGB) -> None:
    small = 4
    mask = Image.new("L", (image.width // small, image.height // small), 0)
    cx, cy, r = centre[0] / small, centre[1] / small, radius / small
    ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=120)
    mask = mask.filter(ImageFilter.GaussianBlur(r * 0.6))
    _lay_over(image, mask, small, rgb)


def _lay_over(image: Image.Image, mask: Image.Image, small: int, rgb: RGB) -> None:
    """Lay `rgb` over the image through a small mask, enlarged only where it is not empty."""
    box = mask.getbbox()
    if box is None:
        return
    part = mask.crop(box)
    size = (part.width * small, part.height * small)
    left, top = box[0] * small, box[1] * small
    image.paste(rgb, (left, top, left + size[0], top + size[1]), part.resize(size))


def other_side(jpeg: bytes) -> bytes:
    """A second photo of the same piece, as if taken from its other side and a step closer."""
    with Image.open(io.BytesIO(jpeg), formats=["JPEG"]) as opened:
        image = ImageOps.mirror(opened.convert("RGB"))
    w, h = image.size
    closer = image.resize(
        (w, h), Image.Resampling.LANCZOS, box=(w * 0.06, h * 0.06, w * 0.94, h * 0.94)
    )
    buffer = io.BytesIO()
    closer.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()
