"""Product pictures for the demo inventory, drawn rather than photographed: each category's piece
of furniture on a light studio background with a soft shadow, tinted by the item's colour and
varied a little by a seed, so two sofas are not the same sofa. The same arguments always give
the same picture."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from hjem.inventory import demo_furniture, demo_household
from hjem.inventory.demo_drawing import RGB, Fit, Point, Scene, mix, paint, shade

Builder = Callable[[Scene, RGB, random.Random], None]

BUILDERS: dict[str, Builder] = {**demo_furniture.BUILDERS, **demo_household.BUILDERS}
FALLBACK = "andet"
SUPERSAMPLE = 2  # drawn at twice the size and scaled down: smooth edges without antialiasing
JPEG_QUALITY = 90

# Pale, quiet studio walls; the seed picks one.
WALLS: tuple[RGB, ...] = (
    (238, 234, 227),
    (231, 235, 231),
    (232, 235, 240),
    (241, 233, 229),
    (236, 236, 236),
)


def picture(
    category: str, colour: tuple[int, int, int], seed: int, size: tuple[int, int] = (800, 600)
) -> bytes:
    """A JPEG of a piece of furniture of `category` (a generic box when the category is unknown)."""
    rng = random.Random(f"{category}/{seed}/{colour}")
    scene = Scene()
    BUILDERS.get(category, BUILDERS[FALLBACK])(scene, colour, rng)
    image = render(scene, rng.choice(WALLS), size)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def render(scene: Scene, wall: RGB, size: tuple[int, int]) -> Image.Image:
    width, height = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    fit = _fit(scene, width, height)
    image = _studio(width, height, wall, horizon=0.62)
    for centre, radius, rgb in scene.glows:
        _glow(image, fit.px(centre), radius * fit.scale, rgb)
    if scene.footprint:
        _shadow(image, [fit.px(p) for p in _hull(scene.footprint)])
    paint(image, scene, fit, hairline=max(1.0, width / 620))
    return image.resize(size, Image.Resampling.LANCZOS)


def _fit(scene: Scene, width: int, height: int) -> Fit:
    """The scene as large as the frame allows, centred, standing low as on a studio floor."""
    x0, y0, x1, y1 = scene.bounds()
    scale = min(width * 0.78 / max(x1 - x0, 1), height * 0.74 / max(y1 - y0, 1))
    dx = width / 2 - (x0 + x1) / 2 * scale
    dy = height * 0.88 - y1 * scale
    return Fit(scale, dx, dy)


def _studio(width: int, height: int, wall: RGB, horizon: float) -> Image.Image:
    """A seamless backdrop: the wall lightens towards a soft floor line, the floor darkens."""
    floor = mix(wall, (214, 208, 198), 0.35)
    column: list[RGB] = []
    for i in range(height):
        t = i / (height - 1)
        if t < horizon:
            column.append(shade(wall, -0.05 + 0.08 * t / horizon))
        else:
            u = (t - horizon) / (1 - horizon)
            soft = min(1.0, u * 6)  # the floor line is a short blend, not a hard edge
            column.append(mix(shade(wall, 0.03), shade(floor, -0.06 * u), soft))
    strip = Image.new("RGB", (1, height))
    strip.putdata(column)
    return strip.resize((width, height), Image.Resampling.BILINEAR)


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


def _shadow(image: Image.Image, floor: list[Point]) -> None:
    """A soft shadow under the piece, blurred at a quarter size because blur is costly."""
    small = 4
    size = (image.width // small, image.height // small)
    cx = sum(x for x, _ in floor) / len(floor)
    cy = sum(y for _, y in floor) / len(floor)
    mask = Image.new("L", size, 0)
    # A wide, faint shadow of the room's light and a tight, darker one where the piece stands.
    for grow, strength, blur in ((1.15, 55, 10), (1.0, 70, 3)):
        layer = Image.new("L", size, 0)
        points = [((cx + (x - cx) * grow) / small, (cy + (y - cy) * grow) / small) for x, y in floor]
        ImageDraw.Draw(layer).polygon(points, fill=strength)
        mask = ImageChops.add(mask, layer.filter(ImageFilter.GaussianBlur(blur)))
    dark = Image.new("RGB", image.size, (60, 55, 50))
    image.paste(dark, (0, 0), mask.resize(image.size, Image.Resampling.BILINEAR))


def _glow(image: Image.Image, centre: Point, radius: float, rgb: RGB) -> None:
    small = 4
    mask = Image.new("L", (image.width // small, image.height // small), 0)
    cx, cy, r = centre[0] / small, centre[1] / small, radius / small
    ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=120)
    mask = mask.filter(ImageFilter.GaussianBlur(r * 0.6))
    light = Image.new("RGB", image.size, rgb)
    image.paste(light, (0, 0), mask.resize(image.size, Image.Resampling.BILINEAR))
