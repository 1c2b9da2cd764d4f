"""Hostile DXF files, made on the spot: garbage, cut short, huge or non-finite coordinates,
blocks that contain themselves or multiply, enormous entity counts, binary junk.

Each maker takes a seeded `random.Random` and returns the file's bytes and the catalog key of
the one error reading (and rendering) it must end in."""

from __future__ import annotations

import random
from collections.abc import Callable

import ezdxf

from tests.floorplan.dxf_drawings import apartment, text

Hostile = Callable[[random.Random], tuple[bytes, str]]


def _ascii(doc) -> bytes:
    return text(doc).encode()


def garbage(rng: random.Random) -> tuple[bytes, str]:
    return rng.randbytes(200_000), "dxf.not_dxf"


def text_not_dxf(rng: random.Random) -> tuple[bytes, str]:
    return b"Stue 20 m2\nSovevaerelse 12 m2\n" * 1000, "dxf.not_dxf"


def truncated(rng: random.Random) -> tuple[bytes, str]:
    data = _ascii(apartment("mm"))
    return data[: data.index(b"ENTITIES") + rng.randrange(10, 40)], "dxf.damaged"


def binary_junk_after_header(rng: random.Random) -> tuple[bytes, str]:
    data = _ascii(apartment("mm"))
    return data[: data.index(b"ENTITIES")] + rng.randbytes(100_000), "dxf.damaged"


def binary_sentinel_then_junk(rng: random.Random) -> tuple[bytes, str]:
    return b"AutoCAD Binary DXF\r\n\x1a\x00" + rng.randbytes(100_000), "dxf.damaged"


def _one_line(end: tuple[str, str]) -> bytes:
    return _ascii(apartment("mm")).replace(
        b"ENTITIES\n",
        b"ENTITIES\n  0\nLINE\n  8\n0\n 10\n0\n 20\n0\n 11\n%s\n 21\n%s\n"
        % (end[0].encode(), end[1].encode()),
        1,
    )


def huge_coordinates(rng: random.Random) -> tuple[bytes, str]:
    return _one_line(("1e300", "1e300")), "dxf.too_large"


def overflowing_coordinates(rng: random.Random) -> tuple[bytes, str]:
    return _one_line(("1e308", "-1e308")).replace(
        b" 10\n0\n", b" 10\n-1e308\n", 1
    ), "dxf.bad_numbers"


def infinite_coordinates(rng: random.Random) -> tuple[bytes, str]:
    return _one_line(("inf", "nan")), "dxf.bad_numbers"


def recursive_block(rng: random.Random) -> tuple[bytes, str]:
    doc = ezdxf.new("R2010")
    a, b = doc.blocks.new("A"), doc.blocks.new("B")
    a.add_line((0, 0), (1, 0))
    a.add_blockref("B", (1, 0))
    b.add_blockref("A", (0, 1))
    doc.modelspace().add_blockref("A", (0, 0))
    return _ascii(doc), "dxf.recursive_block"


def self_inserting_block(rng: random.Random) -> tuple[bytes, str]:
    doc = ezdxf.new("R2010")
    loop = doc.blocks.new("LOOP")
    loop.add_line((0, 0), (1, 0))
    loop.add_blockref("LOOP", (1, 1))
    doc.modelspace().add_blockref("LOOP", (0, 0))
    return _ascii(doc), "dxf.recursive_block"


def block_bomb(rng: random.Random) -> tuple[bytes, str]:
    """Six levels of twenty references each: 64 million lines from a small file."""
    doc = ezdxf.new("R2010")
    doc.blocks.new("L0").add_line((0, 0), (1, 0))
    for level in range(1, 7):
        block = doc.blocks.new(f"L{level}")
        for i in range(20):
            block.add_blockref(f"L{level - 1}", (i, level))
    doc.modelspace().add_blockref("L6", (0, 0))
    return _ascii(doc), "dxf.too_many_shapes"


def deep_nesting(rng: random.Random) -> tuple[bytes, str]:
    doc = ezdxf.new("R2010")
    doc.blocks.new("B0").add_line((0, 0), (1, 0))
    for level in range(1, 30):
        doc.blocks.new(f"B{level}").add_blockref(f"B{level - 1}", (1, 0))
    doc.modelspace().add_blockref("B29", (0, 0))
    return _ascii(doc), "dxf.too_deep"


def array_bomb(rng: random.Random) -> tuple[bytes, str]:
    """A MINSERT of 1000 × 1000 copies (counted once, as AutoCAD would refuse it anyway)
    of a block holding a 1000-column array: past the cap on lines."""
    doc = ezdxf.new("R2010")
    doc.blocks.new("DOT").add_line((0, 0), (1, 0))
    row = doc.blocks.new("ROW")
    for i in range(1100):
        ref = row.add_blockref("DOT", (i, 0))
        ref.dxf.column_count, ref.dxf.column_spacing = 1000, 1
    doc.modelspace().add_blockref("ROW", (0, 0))
    return _ascii(doc), "dxf.too_many_shapes"


def enormous_entity_count(rng: random.Random) -> tuple[bytes, str]:
    """Two million points: a small file per entity, far past the cap."""
    head = _ascii(apartment("mm"))
    at = head.index(b"ENTITIES\n") + len(b"ENTITIES\n")
    return head[:at] + b"  0\nPOINT\n" * 2_000_000 + head[at:], "dxf.too_many_entities"


def just_past_the_entity_cap(rng: random.Random) -> tuple[bytes, str]:
    head = _ascii(apartment("mm"))
    at = head.index(b"ENTITIES\n") + len(b"ENTITIES\n")
    return head[:at] + b"  0\nLINE\n" * 200_010 + head[at:], "dxf.too_many_entities"


def just_under_the_group_cap(rng: random.Random) -> tuple[bytes, str]:
    """Points just short of the count refused before parsing: the parser refuses them."""
    head = _ascii(apartment("mm"))
    at = head.index(b"ENTITIES\n") + len(b"ENTITIES\n")
    return head[:at] + b"  0\nPOINT\n" * 790_000 + head[at:], "dxf.too_many_entities"


def _with_entities(records: bytes) -> bytes:
    head = _ascii(apartment("mm"))
    at = head.index(b"ENTITIES\n") + len(b"ENTITIES\n")
    return head[:at] + records + head[at:]


def enormous_polyline(rng: random.Random) -> tuple[bytes, str]:
    """One polyline of 1.1 million corners: refused by the count of coordinates."""
    corners = b"".join(b" 10\n%d\n 20\n%d\n" % (i % 9000, i % 5000) for i in range(1_100_000))
    return _with_entities(b"  0\nLWPOLYLINE\n  8\n0\n" + corners), "dxf.too_many_points"


def circle_flood(rng: random.Random) -> tuple[bytes, str]:
    """150 000 circles, under the cap on entities: 73 points each once drawn."""
    circle = b"  0\nCIRCLE\n  8\n0\n 10\n100\n 20\n100\n 40\n50\n"
    return _with_entities(circle * 150_000), "dxf.too_many_points"


def misaligned_tags(rng: random.Random) -> tuple[bytes, str]:
    """A line dropped in the middle: every code and value after it swap places."""
    lines = _ascii(apartment("mm")).split(b"\n")
    del lines[len(lines) // 2]
    return b"\n".join(lines), "dxf.damaged"


HOSTILE: dict[str, Hostile] = {
    maker.__name__: maker
    for maker in (
        garbage,
        text_not_dxf,
        truncated,
        binary_junk_after_header,
        binary_sentinel_then_junk,
        huge_coordinates,
        overflowing_coordinates,
        infinite_coordinates,
        recursive_block,
        self_inserting_block,
        block_bomb,
        deep_nesting,
        array_bomb,
        enormous_entity_count,
        just_past_the_entity_cap,
        just_under_the_group_cap,
        misaligned_tags,
        enormous_polyline,
        circle_flood,
    )
}


WILD_VALUES = (b"nan", b"inf", b"-inf", b"1e400", b"-1e308", b"abc", b"", b"0", b"-1",
               b"99999999999999999999", b"1e-320", b"\xff\xfe", b"  7 ")  # fmt: skip


def mutant(rng: random.Random) -> bytes:
    """A furnished drawing (blocks, arcs, polylines) with a few values, codes or lines changed
    to what no writer would write."""
    doc = apartment("mm")
    door = doc.blocks.new("D")
    door.add_arc((0, 0), 900, 0, 90)
    door.add_lwpolyline([(0, 0, 0, 0, 0.5), (900, 0), (900, 900)])
    for i in range(5):
        ref = doc.modelspace().add_blockref("D", (i * 1000, 3000), dxfattribs={"rotation": 30 * i})
        ref.dxf.column_count, ref.dxf.column_spacing = 2, 100
    lines = _ascii(doc).split(b"\n")
    for _ in range(rng.randrange(1, 6)):
        at = rng.randrange(len(lines))
        lines[at] = rng.choice(WILD_VALUES) if at % 2 else rng.choice((b"0", b"10", b"70", b"x"))
    return b"\n".join(lines)
