"""The demo pictures' household things: lamp, rug, white goods, kitchen things, children's
things, textiles and the cardboard box that stands for everything else (see demo_drawing)."""

from __future__ import annotations

import random

from hjem.inventory.demo_drawing import RGB, Scene, mix, shade
from hjem.inventory.demo_furniture import LINEN, METAL

GLASS: RGB = (64, 78, 92)
DARK: RGB = (58, 58, 62)
KRAFT: RGB = (196, 158, 112)
TOY_COLOURS: tuple[RGB, ...] = ((214, 72, 64), (64, 124, 196), (240, 192, 64), (88, 164, 104))


def lamp(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A floor lamp: a round foot, a slim pole and a drum shade lit from inside."""
    pole = scene.measure(2, rng.uniform(150, 170), 120, 190) - 35
    top_r, bottom_r, shade_h = rng.uniform(18, 22), rng.uniform(26, 30), rng.uniform(30, 36)
    scene.glow(scene.at(0, 0, pole + shade_h * 0.4), 70, (255, 236, 196))
    scene.cylinder(0, 0, 0, 16, 3, DARK)
    scene.cylinder(0, 0, 3, 1.3, pole, METAL, metal=True)
    x, y = scene.at(0, 0, pole)
    lit = shade(rgb, 0.55)
    scene.ellipse((x, y), bottom_r, bottom_r * 0.3, shade(rgb, -0.05))
    body = (
        (x - bottom_r, y),
        (x + bottom_r, y),
        (x + top_r, y - shade_h),
        (x - top_r, y - shade_h),
    )
    scene.poly(body, rgb, gradient=-0.12)
    scene.ellipse((x, y - shade_h), top_r, top_r * 0.3, lit)


def rug(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A rug seen from straight above, lying on a wooden floor."""
    scene.background = "floor"
    scene.depth_scale = 0.0
    # The long side across the picture.
    width = scene.measure(0, 200.0, 60, 300)
    length = scene.measure(1, 140.0, 40, 300)
    width, length = max(width, length), min(width, length)

    def rect(x: float, y: float, w: float, h: float, colour: RGB, outline: bool = False) -> None:
        corners = ((x, -y), (x + w, -y), (x + w, -y - h), (x, -y - h))
        scene.poly(corners, colour, gradient=0, outline=outline)

    border, field = shade(rgb, -0.3), rgb
    fringe = (236, 228, 210)
    for i in range(int(length / 3)):  # fringes along the short ends
        y = -(i * 3 + 2.0)
        scene.line([(-0.5, y), (-6.0, y)], fringe, 0.9)
        scene.line([(width + 0.5, y), (width + 6.0, y)], fringe, 0.9)
    scene.stands([(0, 0), (width, 0), (width, -length), (0, -length)])
    rect(0, 0, width, length, border, outline=True)
    rect(12, 12, width - 24, length - 24, mix(rgb, LINEN, 0.65))
    rect(16, 16, width - 32, length - 32, field)
    if rng.random() < 0.5:
        _medallion(scene, width, length, border)
    else:
        stripe = mix(rgb, LINEN, 0.6) if sum(rgb) < 450 else shade(rgb, -0.3)
        for i in range(6):
            rect(16, 22 + i * (length - 44) / 5 - 3, width - 32, 6, stripe)


def _medallion(scene: Scene, width: float, length: float, rgb: RGB) -> None:
    """A diamond in the middle and a small one in each corner of the field."""
    cream = (236, 228, 210)
    cx, cy = width / 2, length / 2
    for size, colour in ((0.22, rgb), (0.15, cream), (0.08, shade(rgb, 0.2))):
        w, h = size * width, min(size * width * 0.8, size * length * 1.3)
        diamond = ((cx - w, -cy), (cx, -cy - h), (cx + w, -cy), (cx, -cy + h))
        scene.poly(diamond, colour, gradient=0)
    if length < 90:  # a runner has no room for corner motifs
        return
    for sx in (30.0, width - 30):
        for sy in (28.0, length - 28):
            motif = ((sx - 7, -sy), (sx, -sy - 6), (sx + 7, -sy), (sx, -sy + 6))
            scene.poly(motif, cream, gradient=0)


def fridge(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A fridge with a freezer below: two doors and long handles."""
    height = scene.measure(2, rng.uniform(170, 186), 120, 200)
    freezer = height * rng.uniform(0.3, 0.36)
    scene.box(0, 0, 0, (60, 62, height), rgb, radius=2.5, gradient=0.05)
    scene.panel(1.5, 0, 0.5, (57, 7), shade(rgb, -0.35), radius=0.5, gradient=0)
    scene.panel(1, 0, 8.5, (58, freezer - 9), shade(rgb, 0.06), radius=1.5)
    scene.panel(1, 0, freezer + 0.8, (58, height - freezer - 2), shade(rgb, 0.06), radius=1.5)
    scene.panel(4, 0, freezer - 14, (2.4, 10), METAL, radius=1, gradient=0.2)
    scene.panel(4, 0, freezer + 8, (2.4, 40), METAL, radius=1, gradient=0.2)


def washing_machine(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    scene.box(0, 0, 0, (60, 58, 85), rgb, radius=2.5, gradient=0.05)
    scene.line([scene.at(1, 0, 72), scene.at(59, 0, 72)], shade(rgb, -0.3), 0)
    scene.panel(4, 0, 75, (18, 7), shade(rgb, 0.08), radius=1)
    scene.panel(27, 0, 76, (12, 5), DARK, radius=0.8, gradient=0)
    scene.disc(49, 0, 78.5, 4.2, METAL)
    scene.disc(49, 0, 78.5, 2.2, shade(METAL, 0.2), outline=False)
    scene.disc(30, 0, 38, 22, shade(METAL, 0.1))
    scene.disc(30, 0, 38, 18.5, shade(METAL, -0.3))
    scene.disc(30, 0, 38, 15.5, GLASS)
    x, y = scene.at(24, 0, 45)
    scene.ellipse((x, y), 6, 3.5, shade(GLASS, 0.35), outline=False)
    scene.panel(50.5, 0, 33, (2.5, 10), shade(METAL, -0.1), radius=1)


def kitchen(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A pot with its lid, a small saucepan behind and a frying pan in front."""
    _saucepan(scene, -30, 30, 10, 11, METAL)
    scene.next_piece()
    _pot(scene, 0, 14, rgb)
    scene.next_piece()
    _pan(scene, 26, -16, DARK)


def _pot(scene: Scene, x: float, y: float, rgb: RGB) -> None:
    r, h = 16.0, 17.0
    cx, cy = scene.at(x, y, 0)
    for side in (-1, 1):
        handle = (cx + side * (r + 5), cy - h + 4)
        scene.ellipse(handle, 5, 2.4, shade(rgb, -0.2))
    scene.cylinder(x, y, 0, r, h, rgb)
    scene.ellipse((cx, cy - h - 1), r + 1, (r + 1) * 0.32, METAL, metal=True)
    scene.ellipse((cx, cy - h - 3), r * 0.55, r * 0.55 * 0.32, shade(METAL, 0.15))
    scene.cylinder(x, y - 0.1, h + 3.5, 2.5, 2.5, DARK)


def _saucepan(scene: Scene, x: float, y: float, r: float, h: float, rgb: RGB) -> None:
    cx, cy = scene.at(x, y, 0)
    handle = ((cx - r + 2, cy - h + 3), (cx - r - 22, cy - h + 1), (cx - r - 22, cy - h - 2))
    scene.poly((*handle, (cx - r + 2, cy - h - 1)), DARK, radius=1)
    scene.cylinder(x, y, 0, r, h, rgb, metal=True, top=shade(rgb, -0.35))


def _pan(scene: Scene, x: float, y: float, rgb: RGB) -> None:
    r, h = 14.0, 4.5
    cx, cy = scene.at(x, y, 0)
    scene.cylinder(x, y, 0, r, h, rgb, top=shade(rgb, 0.18))
    scene.ellipse((cx, cy - h), r - 2, (r - 2) * 0.32, shade(rgb, -0.2), outline=False)
    scene.poly(
        (
            (cx + r - 2, cy - h + 2),
            (cx + r + 24, cy - h - 4),
            (cx + r + 24, cy - h - 7),
            (cx + r - 2, cy - h - 1),
        ),
        (40, 38, 36),
        radius=1,
    )


def kids_furniture(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A small table with a stool behind it and one beside it."""
    stool = rng.choice(TOY_COLOURS)
    _stool(scene, 18, 58, stool)
    for lx, ly in ((3, 44), (49, 44), (3, 3), (49, 3)):
        scene.box(lx, ly, 0, (4, 4, 46), shade(rgb, -0.05), gradient=0.08, radius=1)
    scene.box(0, 0, 46, (56, 51, 3.5), rgb, radius=1.5, gradient=0.03)
    _stool(scene, 66, 6, shade(stool, 0.2) if rng.random() < 0.5 else rgb)


def _stool(scene: Scene, x: float, y: float, rgb: RGB) -> None:
    for lx, ly in ((2, 23), (23, 23), (2, 2), (23, 2)):
        scene.box(x + lx, y + ly, 0, (3.5, 3.5, 26), shade(rgb, -0.1), gradient=0.08, radius=1)
    scene.box(x, y, 26, (28, 28, 3), rgb, radius=1.5)


def toys(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A teddy, a few building blocks and a ball."""
    _teddy(scene, -34, 34, rgb)
    scene.next_piece()
    colours = list(TOY_COLOURS)
    rng.shuffle(colours)
    for i, (x, z) in enumerate(((0.0, 0.0), (13.0, 0.0), (6.5, 12.0))):
        scene.box(x, 0, z, (12, 12, 12), colours[i], gradient=0.05, radius=0.8)
        scene.disc(x + 6, 0, z + 6, 3.4, colours[(i + 1) % 4], outline=False)
    scene.next_piece()
    cx, cy = scene.at(40, -4, 10)
    scene.stands([(cx - 8, cy + 10), (cx + 8, cy + 10), (cx, cy + 7)])
    scene.ellipse((cx, cy), 10, 10, colours[3], gradient=0.15)
    band = ((cx - 10, cy - 1.5), (cx + 10, cy - 1.5), (cx + 10, cy + 1.5), (cx - 10, cy + 1.5))
    scene.poly(band, (250, 248, 240), gradient=0, outline=False)
    scene.ellipse((cx - 3.5, cy - 4), 3, 2, shade(colours[3], 0.5), outline=False)


def _teddy(scene: Scene, x: float, y: float, rgb: RGB) -> None:
    cx, cy = scene.at(x, y, 0)
    light = shade(rgb, 0.35)
    scene.stands([(cx - 12, cy), (cx + 12, cy), (cx, cy - 4)])
    for dx in (-7.0, 7.0):
        scene.ellipse((cx + dx, cy - 4), 5.5, 4.5, rgb)  # feet
    scene.ellipse((cx, cy - 13), 10, 11, rgb, gradient=0.08)
    scene.ellipse((cx, cy - 12), 5.5, 6.5, light, outline=False)
    for dx in (-10.0, 10.0):
        scene.ellipse((cx + dx, cy - 15), 3.5, 6, rgb)  # arms
    for dx in (-7.0, 7.0):
        scene.ellipse((cx + dx, cy - 36), 3.6, 3.6, rgb)  # ears
        scene.ellipse((cx + dx, cy - 36), 1.8, 1.8, light, outline=False)
    scene.ellipse((cx, cy - 29), 8.5, 8, rgb, gradient=0.08)
    scene.ellipse((cx, cy - 26.5), 3.6, 2.8, light, outline=False)
    scene.ellipse((cx, cy - 27.5), 1.3, 0.9, DARK, outline=False)
    for dx in (-3.2, 3.2):
        scene.ellipse((cx + dx, cy - 31), 0.9, 0.9, DARK, outline=False)


def textiles(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """Folded towels and linen in a neat stack."""
    colours = [rgb, shade(rgb, 0.35), LINEN, mix(rgb, (200, 196, 188), 0.6), shade(rgb, -0.15)]
    layers = rng.randint(4, 5)
    z = 0.0
    for i in range(layers):
        h = rng.uniform(6.5, 9.5)
        x = rng.uniform(-2, 2)
        colour = colours[i % len(colours)]
        scene.box(x, 0, z, (50, 32, h), colour, radius=3.2, gradient=0.08)
        scene.line(
            [scene.at(x + 3, 0, z + h * 0.5), scene.at(x + 47, 0, z + h * 0.5)],
            shade(colour, -0.15),
            0,
        )
        z += h


def cardboard_box(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A closed moving box with tape and a label: a thing of any other kind."""
    w, d, h = rng.uniform(48, 60), rng.uniform(36, 44), rng.uniform(36, 44)
    card = mix(KRAFT, rgb, 0.2)
    tape = (214, 186, 140)
    scene.box(0, 0, 0, (w, d, h), card, gradient=0.05)
    p = scene.at
    scene.line([p(0, d / 2, h), p(w, d / 2, h)], shade(card, -0.3), 0)
    scene.poly(
        (p(w / 2 - 4, 0, h), p(w / 2 + 4, 0, h), p(w / 2 + 4, d, h), p(w / 2 - 4, d, h)),
        shade(tape, 0.1),
        gradient=0,
        outline=False,
    )
    scene.panel(w / 2 - 4, 0, h - 12, (8, 12), tape, gradient=0)
    scene.panel(6, 0, h * 0.35, (16, 10), (246, 244, 238), gradient=0)
    for i in range(3):
        scene.line(
            [p(8, 0, h * 0.35 + 3 + i * 2.5), p(19 - i * 3, 0, h * 0.35 + 3 + i * 2.5)],
            (150, 150, 150),
            0.5,
        )


BUILDERS = {
    "lampe": lamp,
    "taeppe": rug,
    "koeleskab": fridge,
    "vaskemaskine": washing_machine,
    "koekkenudstyr": kitchen,
    "boernemoebel": kids_furniture,
    "legetoej": toys,
    "tekstiler": textiles,
    "andet": cardboard_box,
}
