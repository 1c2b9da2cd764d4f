"""A tiny drawing kit for the demo inventory's product pictures: furniture is described in
centimetres as boxes, panels, discs and cylinders, seen in an oblique projection (front faces
true to shape, depth receding up and to the right), and painted back to front with Pillow.

Builders record shapes in a `Scene`; `render` fits the scene into a picture afterwards, so a
builder never thinks in pixels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

RGB = tuple[int, int, int]
Point = tuple[float, float]

# Depth recedes at 40° and half length: the cabinet projection of technical illustration.
DEPTH_X = 0.383
DEPTH_Y = 0.321
CYLINDER_TILT = 0.32  # how round a horizontal circle looks from the camera's height
METAL_SHEEN = (-0.25, 0.1, 0.45, 0.05, -0.3)  # brushed steel: light from the front left


def shade(rgb: RGB, amount: float) -> RGB:
    """Lighter towards white for a positive amount, darker towards black for a negative one."""
    if amount >= 0:
        return _channels([c + (255 - c) * amount for c in rgb])
    return _channels([c * (1 + amount) for c in rgb])


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return _channels([x + (y - x) * t for x, y in zip(a, b, strict=True)])


def _channels(channels: list[float]) -> RGB:
    red, green, blue = channels
    return round(red), round(green), round(blue)


@dataclass(frozen=True)
class Shape:
    """One painted shape in scene units (cm on screen); `kind` is poly, ellipse or line."""

    kind: str
    points: tuple[Point, ...]
    fill: RGB
    gradient: float = 0.0  # vertical: lighter at the top, darker at the bottom
    outline: bool = True
    radius: float = 0.0  # rounded corners, scene units
    width: float = 0.0  # lines only
    metal: bool = False  # a horizontal sheen instead of the vertical gradient


@dataclass
class Scene:
    shapes: list[Shape] = field(default_factory=list)
    # Where each separate piece touches the floor, for its shadow.
    footprints: list[list[Point]] = field(default_factory=lambda: [[]])
    glows: list[tuple[Point, float, RGB]] = field(default_factory=list)
    depth_scale: float = 1.0  # 0 looks straight at the front, larger from higher up
    background: str = "studio"  # or "floor": seen from straight above
    dimensions: tuple[float, float, float] | None = None  # the item's w × d × h, when known

    def measure(self, axis: int, guess: float, low: float, high: float) -> float:
        """The item's own size on an axis (kept within what the drawing can show), or a guess."""
        if self.dimensions is None:
            return guess
        return min(max(self.dimensions[axis], low), high)

    def stands(self, points: Sequence[Point]) -> None:
        """Floor points of the current piece: its shadow is laid under all of them."""
        self.footprints[-1].extend(points)

    def next_piece(self) -> None:
        """Start another piece standing apart, with a shadow of its own."""
        self.footprints.append([])

    def at(self, x: float, y: float, z: float) -> Point:
        return (x + y * DEPTH_X * self.depth_scale, -(z + y * DEPTH_Y * self.depth_scale))

    def box(
        self,
        x: float,
        y: float,
        z: float,
        size: tuple[float, float, float],
        rgb: RGB,
        radius: float = 0.0,
        gradient: float = 0.06,
    ) -> None:
        """A box from its front-left-bottom corner: width along x, depth along y, height up."""
        w, d, h = size
        p = self.at
        front = (p(x, y, z), p(x + w, y, z), p(x + w, y, z + h), p(x, y, z + h))
        top = (p(x, y, z + h), p(x + w, y, z + h), p(x + w, y + d, z + h), p(x, y + d, z + h))
        side = (p(x + w, y, z), p(x + w, y + d, z), p(x + w, y + d, z + h), p(x + w, y, z + h))
        if z <= 1:
            self.stands([p(x, y, 0), p(x + w, y, 0), p(x + w, y + d, 0), p(x, y + d, 0)])
        if radius:
            # A soft box: the whole outline first, so rounded faces leave no gaps between them.
            outline = (front[0], front[1], side[1], side[2], top[3], front[3])
            self.poly(outline, shade(rgb, -0.2), radius=radius, gradient=0)
        self.poly(side, shade(rgb, -0.2), radius=radius * 0.7, gradient=gradient)
        self.poly(top, shade(rgb, 0.14), radius=radius * 0.7, gradient=0)
        self.poly(front, rgb, radius=radius, gradient=gradient)

    def poly(
        self,
        points: Sequence[Point],
        rgb: RGB,
        radius: float = 0.0,
        gradient: float = 0.06,
        outline: bool = True,
        metal: bool = False,
    ) -> None:
        self.shapes.append(Shape("poly", tuple(points), rgb, gradient, outline, radius, 0, metal))

    def panel(
        self,
        x: float,
        y: float,
        z: float,
        size: tuple[float, float],
        rgb: RGB,
        radius: float = 0.0,
        gradient: float = 0.05,
    ) -> None:
        """A flat rectangle on a front face (a drawer front, a door, a label)."""
        w, h = size
        p = self.at
        corners = (p(x, y, z), p(x + w, y, z), p(x + w, y, z + h), p(x, y, z + h))
        self.poly(corners, rgb, radius=radius, gradient=gradient)

    def disc(self, x: float, y: float, z: float, r: float, rgb: RGB, outline: bool = True) -> None:
        """A circle facing the camera (a knob, a washing machine's door)."""
        self.ellipse(self.at(x, y, z), r, r, rgb, outline=outline)

    def ellipse(
        self,
        centre: Point,
        rx: float,
        ry: float,
        rgb: RGB,
        gradient: float = 0.0,
        outline: bool = True,
        metal: bool = False,
    ) -> None:
        cx, cy = centre
        box = ((cx - rx, cy - ry), (cx + rx, cy + ry))
        self.shapes.append(Shape("ellipse", box, rgb, gradient, outline, 0, 0, metal))

    def cylinder(
        self,
        x: float,
        y: float,
        z: float,
        r: float,
        h: float,
        rgb: RGB,
        metal: bool = False,
        top: RGB | None = None,
    ) -> None:
        """An upright cylinder standing on its centre (x, y, z): a pot, a lamp's pole."""
        cx, cy = self.at(x, y, z)
        ry = r * CYLINDER_TILT
        if z <= 1:
            self.stands(
                [(cx - r, cy - ry), (cx + r, cy - ry), (cx + r, cy + ry), (cx - r, cy + ry)]
            )
        self.ellipse((cx, cy), r, ry, rgb, metal=metal, gradient=0.1)
        body = ((cx - r, cy), (cx + r, cy), (cx + r, cy - h), (cx - r, cy - h))
        self.poly(body, rgb, gradient=0.1, metal=metal)
        self.line([(cx - r, cy), (cx - r, cy - h)], shade(rgb, -0.45), 0)
        self.ellipse((cx, cy - h), r, ry, top or shade(rgb, 0.12), metal=metal)

    def line(self, points: Sequence[Point], rgb: RGB, width: float) -> None:
        """A line in scene units; width 0 is a hairline (an outline's width)."""
        self.shapes.append(Shape("line", tuple(points), rgb, 0, False, 0, width))

    def glow(self, centre: Point, radius: float, rgb: RGB) -> None:
        """Warm light on the wall behind a lamp's shade."""
        self.glows.append((centre, radius, rgb))

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for s in self.shapes for x, _ in s.points]
        ys = [y for s in self.shapes for _, y in s.points]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Fit:
    """Where scene units land in the picture: pixel = offset + unit × scale."""

    scale: float
    dx: float
    dy: float

    def px(self, point: Point) -> Point:
        return (self.dx + point[0] * self.scale, self.dy + point[1] * self.scale)


def _rounded(points: Sequence[Point], radius: float) -> list[Point]:
    """The polygon with each corner replaced by a short curve, so cushions look soft."""
    if radius <= 0:
        return list(points)
    out: list[Point] = []
    n = len(points)
    for i, (x, y) in enumerate(points):
        (ax, ay), (bx, by) = points[i - 1], points[(i + 1) % n]
        la = max(((ax - x) ** 2 + (ay - y) ** 2) ** 0.5, 1e-6)
        lb = max(((bx - x) ** 2 + (by - y) ** 2) ** 0.5, 1e-6)
        r = min(radius, la * 0.45, lb * 0.45)
        start = (x + (ax - x) * r / la, y + (ay - y) * r / la)
        end = (x + (bx - x) * r / lb, y + (by - y) * r / lb)
        for k in range(6):
            t = k / 5
            out.append(
                (
                    (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * x + t**2 * end[0],
                    (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * y + t**2 * end[1],
                )
            )
    return out


def _fill(shape: Shape, w: int, h: int) -> Image.Image:
    """The shape's colour over its bounding box: a vertical gradient or a metal sheen."""
    if shape.metal:
        amounts = np.interp(np.linspace(0, 1, w), np.linspace(0, 1, 5), METAL_SHEEN)
        row = shaded(shape.fill, amounts)[np.newaxis, :, :]
        return Image.fromarray(row, "RGB").resize((w, h), Image.Resampling.NEAREST)
    column = shaded(shape.fill, np.linspace(shape.gradient, -shape.gradient, h))
    return Image.fromarray(column[:, np.newaxis, :], "RGB").resize((w, h), Image.Resampling.NEAREST)


def shaded(rgb: RGB, amounts: np.ndarray) -> np.ndarray:
    """`shade` for many amounts at once: one row of colours per amount, as uint8."""
    colour = np.array(rgb, dtype=float)[np.newaxis, :]
    t = amounts[:, np.newaxis]
    lighter = colour + (255 - colour) * np.clip(t, 0, None)
    out = np.where(t >= 0, lighter, colour * (1 + np.clip(t, None, 0)))
    return np.ascontiguousarray(np.round(out).astype(np.uint8))


def paint(image: Image.Image, scene: Scene, fit: Fit, hairline: float) -> None:
    """Paint the scene's shapes in the order they were recorded (back to front)."""
    draw = ImageDraw.Draw(image)
    for shape in scene.shapes:
        points = [fit.px(p) for p in shape.points]
        if shape.kind == "line":
            width = max(1, round(shape.width * fit.scale or hairline))
            draw.line(points, fill=shape.fill, width=width, joint="curve")
            continue
        if shape.kind == "poly":
            points = _rounded(points, shape.radius * fit.scale)
        _paint_area(image, draw, shape, points, hairline)


def _paint_area(
    image: Image.Image, draw: ImageDraw.ImageDraw, shape: Shape, points: list[Point], line: float
) -> None:
    x0, y0 = (int(min(p[0] for p in points)), int(min(p[1] for p in points)))
    x1, y1 = (int(max(p[0] for p in points)) + 2, int(max(p[1] for p in points)) + 2)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return
    mask = Image.new("L", (x1 - x0, y1 - y0), 0)
    local = [(x - x0, y - y0) for x, y in points]
    edge = shade(shape.fill, -0.42) if shape.outline else None
    width = max(1, round(line))
    if shape.kind == "ellipse":
        ImageDraw.Draw(mask).ellipse(local, fill=255)
        image.paste(_fill(shape, x1 - x0, y1 - y0), (x0, y0), mask)
        if edge:
            draw.ellipse(points, outline=edge, width=width)
        return
    ImageDraw.Draw(mask).polygon(local, fill=255)
    image.paste(_fill(shape, x1 - x0, y1 - y0), (x0, y0), mask)
    if edge:
        draw.line([*points, points[0], points[1]], fill=edge, width=width, joint="curve")
