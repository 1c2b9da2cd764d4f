"""A fast, strict reader of ASCII DXF's tag stream: the header's units, the blocks and the
model space's entities, as group-code/value pairs.

ezdxf builds a full object per entity and needs ~5 s for a 10 MB drawing; the plan needs
only a few codes of a few entity kinds, so a healthy file is read here in well under a
second. Anything this reader finds out of order raises `Damaged`, and `read.py` hands the
file to `ezdxf.recover`, which repairs it and writes it back out as clean DXF for this reader.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from hjem.floorplan.dxf.errors import MAX_POINTS, POINTS_PER_TURN, DxfError
from hjem.i18n import msg

Tags = list[tuple[int, str]]


# The kinds `geometry.py` draws; the others are counted against the cap and dropped.
DRAWN = frozenset({"LINE", "LWPOLYLINE", "POLYLINE", "ARC", "CIRCLE", "ELLIPSE", "SOLID", "INSERT"})


class Damaged(Exception):
    """The tag stream is out of order; ezdxf.recover may still make sense of it."""


class Entity:
    """One entity: its kind, layer, and where its tags lie in the drawing's shared lists
    (nothing is copied out: a dict says where each code is)."""

    __slots__ = ("at", "codes", "end", "kind", "layer", "start", "values", "vertices")

    def __init__(self, kind: str, codes: list[int], values: list[str], start: int, end: int):
        self.kind, self.codes, self.values, self.start, self.end = kind, codes, values, start, end
        # Where each group code last occurs: one dict per entity is cheaper than searching.
        self.at = dict(zip(codes[start:end], range(start, end)))  # noqa: B905  (equal lengths)
        layer = self.at.get(8)
        self.layer = "0" if layer is None else values[layer].strip() or "0"
        self.vertices: list[tuple[int, int]] = []  # a POLYLINE's VERTEX records (start, end)

    def first(self, code: int, default: float = 0.0) -> float:
        at = self.at.get(code)
        return default if at is None else float(self.values[at])

    def text(self, code: int) -> str:
        at = self.at.get(code)
        return "" if at is None else self.values[at].strip()

    def tags(self, start: int | None = None, end: int | None = None) -> Tags:
        start, end = (self.start, self.end) if start is None or end is None else (start, end)
        return list(zip(self.codes[start:end], self.values[start:end], strict=True))


@dataclass
class Block:
    name: str
    base: tuple[float, float]
    entities: list[Entity] = field(default_factory=list)


@dataclass
class Stream:
    """What the plan needs of a drawing: its $INSUNITS (None if absent), blocks, entities."""

    insunits: int | None
    blocks: dict[str, Block]
    entities: list[Entity]
    repaired: bool = False  # read from ezdxf's repaired copy


def scan(text: str, max_entities: int, deadline: float) -> Stream:
    """The drawing in `text`; raises Damaged when its structure is broken, and a PlanError
    (via `limits`) when it holds more than `max_entities` or takes past `deadline`."""
    lines = text.split("\n")
    if lines and not lines[-1].strip():
        lines.pop()  # the newline after the final EOF
    if len(lines) % 2:
        raise Damaged("odd number of lines")
    try:
        codes = list(map(int, lines[0::2]))
    except ValueError:
        raise Damaged("a group code is not a number") from None
    values = lines[1::2]  # with any "\r": float() ignores it, names are stripped
    return _Scanner(codes, values, max_entities, deadline).run()


class _Scanner:
    def __init__(self, codes: list[int], values: list[str], max_entities: int, deadline: float):
        self.codes, self.values = codes, values
        self.max_entities, self.deadline = max_entities, deadline
        self.count = 0
        self.stream = Stream(None, {}, [])

    def run(self) -> Stream:
        starts = [i for i, c in enumerate(self.codes) if c == 0]
        if not starts or self.values[starts[-1]].strip() != "EOF":
            raise Damaged("no EOF")
        # Refuse a flood of drawn entities, or of circles, before building an object for each.
        kinds = Counter(word for i in starts if (word := self.values[i].strip()) in DRAWN)
        if sum(kinds.values()) > self.max_entities:
            raise DxfError(msg("dxf.too_many_entities", limit=self.max_entities))
        if (kinds["CIRCLE"] + kinds["ELLIPSE"]) * POINTS_PER_TURN > MAX_POINTS:
            raise DxfError(msg("dxf.too_many_points", limit=MAX_POINTS))
        section = ""
        block: Block | None = None
        for n, start in enumerate(starts[:-1]):
            word = self.values[start].strip()
            end = starts[n + 1]
            if word == "SECTION":
                section = self._section_name(start, end)
                if section == "HEADER":  # its variables follow in the same group
                    self._header(start, end)
            elif word == "ENDSEC":
                section = ""
            elif section == "HEADER":
                self._header(start, end)
            elif section == "BLOCKS":
                block = self._in_blocks(word, start, end, block)
            elif section == "ENTITIES":
                self._add(self.stream.entities, word, start, end)
        return self.stream

    def _section_name(self, start: int, end: int) -> str:
        if end - start < 2 or self.codes[start + 1] != 2:
            raise Damaged("a section without a name")
        return self.values[start + 1].strip()

    def _header(self, start: int, end: int) -> None:
        # The header is one long group-0 record of (9, $NAME) (code, value) pairs.
        for i in range(start, end - 1):
            if self.codes[i] == 9 and self.values[i].strip() == "$INSUNITS":
                try:
                    self.stream.insunits = int(self.values[i + 1])
                except ValueError:
                    raise Damaged("$INSUNITS is not a number") from None

    def _in_blocks(self, word: str, start: int, end: int, block: Block | None) -> Block | None:
        if word == "BLOCK":
            record = Entity(word, self.codes, self.values, start + 1, end)
            try:
                base = (record.first(10), record.first(20))
            except ValueError:
                raise Damaged("a block's base point is no number") from None
            block = Block(record.text(2), base)
            name = block.name
            self.stream.blocks[name] = block
            return block
        if word == "ENDBLK":
            return None
        if block is None:
            raise Damaged("an entity outside any block")
        self._add(block.entities, word, start, end)
        return block

    def _add(self, into: list[Entity], word: str, start: int, end: int) -> None:
        if word in ("VERTEX", "SEQEND"):
            # A POLYLINE's vertices belong to it: they follow it and end with SEQEND.
            if word == "VERTEX" and into and into[-1].kind == "POLYLINE":
                into[-1].vertices.append((start + 1, end))
            return
        self.count += 1
        if self.count > self.max_entities:
            raise DxfError(msg("dxf.too_many_entities", limit=self.max_entities))
        if self.count % 4096 == 0 and time.monotonic() > self.deadline:
            raise DxfError(msg("dxf.too_slow"))
        if word in DRAWN:  # text, hatching, points, dimensions: counted, not kept
            into.append(Entity(word, self.codes, self.values, start + 1, end))
