"""The demo pictures' furniture for living rooms and bedrooms: sofas, beds, tables, chairs and
storage, each built from boxes in centimetres (see demo_drawing). Shapes are added back to
front, so a builder's order is what hides what."""

from __future__ import annotations

import math
import random

from hjem.inventory.demo_drawing import RGB, Point, Scene, mix, shade

LEG_WOOD: RGB = (96, 70, 50)
LINEN: RGB = (244, 242, 237)
METAL: RGB = (178, 181, 186)
BEDDING: tuple[RGB, ...] = ((244, 242, 237), (214, 226, 236), (222, 230, 214), (236, 224, 206))
BOOKS: tuple[RGB, ...] = (
    (176, 62, 56),
    (52, 92, 140),
    (222, 186, 92),
    (70, 122, 96),
    (232, 226, 214),
    (60, 60, 66),
    (196, 112, 72),
)


def legs(scene: Scene, w: float, d: float, h: float, rgb: RGB, size: float = 4.0) -> None:
    """Four legs under a w × d top, the back ones first."""
    inset = 3.0
    back, front = d - inset - size, inset
    for x, y in (
        (inset, back),
        (w - inset - size, back),
        (inset, front),
        (w - inset - size, front),
    ):
        scene.box(x, y, 0, (size, size, h), rgb, gradient=0.12)


def sofa(scene: Scene, rgb: RGB, rng: random.Random, seats: int = 0) -> None:
    guess = rng.choice((2, 3, 3))
    seat_w = rng.uniform(54, 64)
    arm = rng.uniform(15, 22)
    depth = scene.measure(1, rng.uniform(84, 94), 70, 110)
    if not seats:  # as many seats as the sofa's width holds
        seats = round((scene.measure(0, guess * seat_w + 2 * arm, 120, 260) - 2 * arm) / seat_w)
    leg = rng.uniform(7, 13) if seats > 1 else rng.uniform(14, 20)
    width = seats * seat_w + 2 * arm
    arm_h = rng.uniform(52, 60)
    legs(scene, width, depth, leg, LEG_WOOD)
    scene.box(0, depth - 22, leg, (width, 22, rng.uniform(70, 78)), shade(rgb, -0.06), radius=6)
    scene.box(0, 0, leg, (width, depth, 20), shade(rgb, -0.1), radius=3)
    scene.box(0, 0, leg, (arm, depth, arm_h), rgb, radius=8)
    for i in range(seats):  # seat cushions, then the back cushions resting on them
        scene.box(arm + i * seat_w + 1, 0, leg + 20, (seat_w - 2, depth - 22, 14), rgb, radius=6)
    for i in range(seats):
        x = arm + i * seat_w + 1
        scene.box(x, depth - 38, leg + 34, (seat_w - 2, 16, 38), shade(rgb, 0.05), radius=9)
    if seats > 1 and rng.random() < 0.7:
        accent = rng.choice(((222, 186, 92), (232, 226, 214), (176, 96, 80), (92, 120, 140)))
        pillow(scene, scene.at(arm + 22, depth - 40, leg + 52), 17, accent, rng.uniform(-12, 12))
    scene.box(width - arm, 0, leg, (arm, depth, arm_h), rgb, radius=8)


def pillow(scene: Scene, centre: Point, half: float, rgb: RGB, tilt: float) -> None:
    """A plump cushion facing us: a tilted square with pinched sides and soft corners."""
    cx, cy = centre
    turn = math.radians(tilt)
    cos, sin = math.cos(turn), math.sin(turn)
    outline = []
    for i in range(8):  # corners at full size, mid-sides pulled in
        angle = math.pi / 4 + i * math.pi / 4
        r = half * (math.sqrt(2) if i % 2 == 0 else 0.9)
        x, y = r * math.cos(angle), r * math.sin(angle)
        outline.append((cx + x * cos - y * sin, cy + x * sin + y * cos))
    scene.poly(outline, rgb, radius=half * 0.35, gradient=0.12)


def armchair(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    sofa(scene, rgb, rng, seats=1)


def bed(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """Seen from its long side, the headboard at the left."""
    width = scene.measure(0, rng.choice((90.0, 140.0, 160.0, 180.0)), 70, 200)
    length = scene.measure(1, 200.0, 140, 220)
    leg, frame = 10.0, rng.uniform(20, 26)
    top = leg + frame + 20
    scene.box(-6, 0, 0, (6, width, rng.uniform(95, 115)), rgb, radius=2)
    legs(scene, length, width, leg, shade(rgb, -0.25), size=5)
    scene.box(0, 0, leg, (length, width, frame), rgb, radius=1.5)
    scene.box(1, 2, leg + frame, (length - 2, width - 4, 20), LINEN, radius=4)
    pillows = 1 if width < 120 else 2
    pillow_w = (width - 10) / pillows
    for i in reversed(range(pillows)):
        scene.box(4, 5 + i * pillow_w, top, (38, pillow_w - 4, 13), (250, 249, 246), radius=6)
    duvet = rng.choice(BEDDING)
    # The duvet turned down at the top: a lighter band, then the rest of it.
    scene.box(48, -3, leg + frame - 6, (24, width + 3, 35), shade(duvet, 0.4), radius=7)
    scene.box(70, -3, leg + frame - 6, (length - 68, width + 3, 34), duvet, radius=7)


def mattress(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A mattress lying flat, seen from above enough to show its quilted top."""
    scene.depth_scale = 2.0
    width = scene.measure(0, rng.choice((80.0, 90.0, 140.0)), 60, 200)
    length = scene.measure(1, 200.0, 140, 220)
    h = scene.measure(2, rng.uniform(20, 26), 8, 35)
    cover = mix(rgb, LINEN, 0.75)
    scene.box(0, 0, 0, (length, width, h), cover, radius=4, gradient=0.04)
    scene.panel(2, 0, h * 0.3, (length - 4, h * 0.4), shade(rgb, -0.22), radius=1)
    for handle in (length * 0.3, length * 0.7):
        scene.panel(handle - 8, 0, h * 0.42, (16, h * 0.16), shade(rgb, -0.4), radius=1)
    rows, columns = (3 if width < 120 else 5), 10
    stitch = shade(cover, -0.12)
    for c in range(1, columns):  # quilting: stitched lines, a tuft where they cross
        x = length * c / columns
        scene.line([scene.at(x, 3, h), scene.at(x, width - 3, h)], stitch, 0)
    for r in range(1, rows):
        y = width * r / rows
        scene.line([scene.at(3, y, h), scene.at(length - 3, y, h)], stitch, 0)
        for c in range(1, columns):
            centre = scene.at(length * c / columns, y, h)
            scene.ellipse(centre, 1.8, 1.2, shade(cover, -0.3), outline=False)


def _chair(scene: Scene, x: float, y: float, rgb: RGB, facing: str = "front") -> None:
    """A dining chair; `facing` is where its sitter looks: front (at us), left or right."""
    seat, size = 45.0, 42.0
    wood = shade(rgb, -0.1)
    if facing == "front":
        _back_rest(scene, x, y + size - 4, size, wood, along_x=True)
    elif facing == "right":
        _back_rest(scene, x, y, size, wood, along_x=False)
    for lx, ly in ((3, size - 6), (size - 6, size - 6), (3, 3), (size - 6, 3)):
        scene.box(x + lx, y + ly, 0, (3, 3, seat), wood, gradient=0.1)
    scene.box(x, y, seat, (size, size, 4), rgb, radius=1.5)
    if facing == "left":
        _back_rest(scene, x + size - 4, y, size, wood, along_x=False)


def _back_rest(scene: Scene, x: float, y: float, size: float, rgb: RGB, along_x: bool) -> None:
    """Two posts from the floor, spindles between them and a curved rail on top."""
    seat, top = 49.0, 92.0

    def at(offset: float, z: float, span: float, wide: float, tall: float) -> None:
        if along_x:
            scene.box(x + offset, y, z, (wide, 3.5, tall), rgb, gradient=0.1, radius=span)
        else:
            scene.box(x, y + offset, z, (3.5, wide, tall), rgb, gradient=0.1, radius=span)

    at(3, 0, 0, 3.5, top)
    for i in range(1, 4):
        at(i * size / 4 - 1, seat, 0, 2.2, top - seat - 10)
    at(size - 6.5, 0, 0, 3.5, top)
    at(2, top - 12, 1.5, size - 4, 12)


def chair(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    _chair(scene, 0, 0, rgb, "front")


def dining_table(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    width = scene.measure(0, rng.choice((120.0, 140.0, 160.0, 180.0)), 80, 240)
    depth, height = scene.measure(1, 90.0, 70, 110), 75.0
    chairs = 2 if width < 160 else 3
    chair_rgb = rng.choice((rgb, shade(rgb, -0.15), (60, 60, 62), (236, 234, 228)))
    for i in range(chairs):
        x = (i + 0.5) * width / chairs - 21
        _chair(scene, x, depth - 10, chair_rgb, "front")
    _chair(scene, -34, depth / 2 - 21, chair_rgb, "right")
    legs(scene, width, depth, height - 4, shade(rgb, -0.08), size=6)
    scene.box(0, 0, height - 4, (width, depth, 4), rgb, gradient=0.04)
    _chair(scene, width - 8, depth / 2 - 21, chair_rgb, "left")


def desk(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    width = scene.measure(0, rng.choice((110.0, 120.0, 140.0)), 90, 180)
    depth, height = scene.measure(1, 60.0, 45, 80), 74.0
    legs(scene, width, depth, height - 3, shade(rgb, -0.15), size=4)
    scene.box(width - 44, 0, 0, (42, depth - 4, height - 3), rgb, gradient=0.05)
    for z in (4.0, 26.0, 48.0):
        scene.panel(width - 42, 0, z, (38, 20), shade(rgb, 0.06), radius=0.8)
        scene.panel(width - 30, 0, z + 14, (14, 2), METAL, radius=0.8)
    scene.box(0, 0, height - 3, (width, depth, 3), shade(rgb, 0.04), gradient=0.03)
    scene.box(12, 18, height, (34, 24, 2), (88, 90, 96), radius=0.6)  # a closed laptop
    scene.cylinder(width - 22, 40, height, 4, 11, rng.choice(BOOKS))  # a pen pot
    for i in range(3):
        scene.line(
            [
                scene.at(width - 23 + i * 1.5, 40, height + 11),
                scene.at(width - 25 + i * 2.5, 40, height + 19),
            ],
            (60, 60, 66),
            0.6,
        )


def chest_of_drawers(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    guess = rng.choice((3, 4, 4))
    drawers = round((scene.measure(2, 20.0 * guess + 12, 52, 112) - 12) / 20)
    width, depth, height = (
        scene.measure(0, rng.uniform(78, 100), 50, 160),
        45.0,
        20.0 * drawers + 12,
    )
    legs(scene, width, depth, 8, shade(rgb, -0.3), size=4)
    scene.box(0, 0, 8, (width, depth, height - 8), rgb, gradient=0.04)
    scene.box(-1, -1, height, (width + 2, depth + 2, 2.5), shade(rgb, 0.05), gradient=0)
    knobs = rng.random() < 0.5
    for i in range(drawers):
        z = 10 + i * 20
        scene.panel(2.5, 0, z, (width - 5, 18), shade(rgb, 0.07), radius=0.8)
        if knobs:
            for kx in (width * 0.27, width * 0.73):
                scene.disc(kx, 0, z + 9, 1.8, METAL)
        else:
            scene.panel(width / 2 - 9, 0, z + 12, (18, 2.2), METAL, radius=1)
    _vase(scene, width * 0.72, depth * 0.5, height + 2.5, rng)


def _vase(scene: Scene, x: float, y: float, z: float, rng: random.Random) -> None:
    green = (96, 136, 92)
    top = scene.at(x, y, z + 20)
    for dx, dz in ((-9, 14), (-3, 20), (4, 17), (9, 11)):
        scene.line([top, (top[0] + dx, top[1] - dz)], green, 0.8)
        scene.ellipse((top[0] + dx, top[1] - dz), 2.4, 1.5, (120, 162, 108), outline=False)
    scene.cylinder(x, y, z, 5, 20, rng.choice(((232, 226, 214), (92, 120, 140), (196, 112, 72))))


def wardrobe(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    guess = rng.choice((2, 2, 3))
    width = scene.measure(0, 50.0 * guess, 80, 200)
    doors = 3 if width >= 140 else 2
    depth, height = 60.0, scene.measure(2, rng.uniform(190, 210), 150, 230)
    scene.box(0, 0, 0, (width, depth, 8), shade(rgb, -0.2), gradient=0)
    scene.box(0, 0, 8, (width, depth, height - 8), rgb, gradient=0.05)
    scene.box(-1, -1, height - 4, (width + 2, depth + 2, 4), shade(rgb, 0.05), gradient=0)
    door_w = (width - 4) / doors
    for i in range(doors):
        x = 2 + i * door_w
        scene.panel(x + 0.5, 0, 10, (door_w - 1, height - 16), shade(rgb, 0.06), radius=0.6)
        # Doors open in pairs from the middle; an odd last door opens on its own from the left.
        on_left = i % 2 == 1 or (i == doors - 1 and doors % 2 == 1)
        hx = x + 5 if on_left else x + door_w - 7
        scene.panel(hx, 0, height * 0.45, (2.2, 26), METAL, radius=1)


def bookcase(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    width = scene.measure(0, rng.choice((80.0, 90.0)), 60, 120)
    depth, height = 30.0, scene.measure(2, rng.uniform(176, 200), 120, 220)
    shelves = 5
    scene.box(0, 0, 0, (2.5, depth, height), rgb, gradient=0.05)
    scene.panel(2.5, depth - 1, 0, (width - 5, height), shade(rgb, -0.18), gradient=0.08)
    step = (height - 8) / shelves
    for i in range(shelves):
        z = 6 + i * step
        scene.box(2.5, 0, z, (width - 5, depth - 1, 2.2), shade(rgb, 0.06), gradient=0)
        _books(scene, 4.5, z + 2.2, width - 9, min(step - 6, 30), rng)
    scene.box(2.5, 0, height - 2.5, (width - 5, depth, 2.5), shade(rgb, 0.06), gradient=0)
    scene.box(0, 0, 0, (width, 2, 6), rgb, gradient=0)
    scene.box(width - 2.5, 0, 0, (2.5, depth, height), rgb, gradient=0.05)


def _books(scene: Scene, x: float, z: float, room: float, tall: float, rng: random.Random) -> None:
    """A row of books standing on a shelf, with a gap or a small stack lying flat now and then."""
    end = x + room * rng.uniform(0.55, 0.95)
    while x < end:
        if rng.random() < 0.12 and x + tall * 0.75 < end:
            for k in range(rng.randint(2, 3)):  # a small stack lying down
                scene.box(x, 4, z + k * 3.5, (tall * 0.75, 20, 3.5), rng.choice(BOOKS), gradient=0)
            x += tall * 0.75 + 2
            continue
        w, h = rng.uniform(2.5, 5.0), tall * rng.uniform(0.7, 1.0)
        scene.box(x, 4, z, (w, 20, h), rng.choice(BOOKS), gradient=0.1)
        x += w + 0.3


def coffee_table(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    width = scene.measure(0, rng.choice((100.0, 110.0, 120.0)), 70, 140)
    depth = scene.measure(1, 60.0, 45, 80)
    height = scene.measure(2, rng.uniform(42, 48), 35, 55)
    legs(scene, width, depth, height - 4, shade(rgb, -0.15), size=5)
    scene.box(3, 3, 10, (width - 6, depth - 6, 2.5), shade(rgb, 0.05), gradient=0)
    scene.box(15, 14, 12.5, (30, 22, 2.5), rng.choice(BOOKS), gradient=0)  # magazines below
    scene.box(17, 15, 15, (26, 20, 1.5), rng.choice(BOOKS), gradient=0)
    scene.box(0, 0, height - 4, (width, depth, 4), rgb, gradient=0.04)
    scene.box(width * 0.16, 22, height, (24, 17, 3), rng.choice(BOOKS), gradient=0)
    scene.box(width * 0.16 + 2, 23, height + 3, (20, 15, 2.5), rng.choice(BOOKS), gradient=0)
    scene.cylinder(width * 0.68, depth * 0.5, height, 10, 6, (236, 232, 222), top=(206, 196, 176))


def cot(scene: Scene, rgb: RGB, rng: random.Random) -> None:
    """A child's cot from its long side: bars all round, the mattress showing between them."""
    width, depth, height = scene.measure(1, 120.0, 100, 150), scene.measure(0, 60.0, 50, 80), 90.0
    base, bar = 28.0, 2.4
    wood = rgb

    def bars(y: float, x0: float, x1: float) -> None:
        count = int((x1 - x0) / 8)
        for i in range(1, count):
            scene.box(
                x0 + i * (x1 - x0) / count - bar / 2, y, base, (bar, bar, 56), wood, gradient=0
            )

    def end(x: float) -> None:
        for i in range(1, 6):
            scene.box(x, i * depth / 6, base, (bar, bar, 56), wood, gradient=0)

    for x in (0.0, width - 5):
        scene.box(x, depth - 5, 0, (5, 5, height), shade(wood, -0.05), gradient=0.05)
    bars(depth - 3, 5, width - 5)
    scene.box(5, depth - 4, height - 6, (width - 10, 4, 6), wood, gradient=0)
    end(1.2)
    scene.box(4, 2, base - 4, (width - 8, depth - 4, 14), mix(rgb, LINEN, 0.8), radius=3)
    end(width - 3.6)
    for x in (0.0, width - 5):
        scene.box(x, 0, 0, (5, 5, height), wood, gradient=0.05)
    scene.box(5, 0, base - 6, (width - 10, 4, 6), wood, gradient=0)
    bars(0.8, 5, width - 5)
    scene.box(5, 0, height - 6, (width - 10, 4, 6), wood, gradient=0)


BUILDERS = {
    "sofa": sofa,
    "laenestol": armchair,
    "seng": bed,
    "madras": mattress,
    "stol": chair,
    "spisebord": dining_table,
    "skrivebord": desk,
    "kommode": chest_of_drawers,
    "natbord": chest_of_drawers,  # a small chest, photographed the same way
    "skaenk": chest_of_drawers,
    "tvbord": chest_of_drawers,
    "barstol": chair,
    "klaedeskab": wardrobe,
    "reol": bookcase,
    "sofabord": coffee_table,
    "barneseng": cot,
}
