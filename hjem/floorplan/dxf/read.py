"""Reading a DXF file into a `Drawing`: bounded, and repaired by ezdxf.recover when damaged."""

from __future__ import annotations

import io
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from hjem.floorplan.dxf.errors import (
    MAX_COORDINATES,
    MAX_ENTITIES,
    MAX_FILE_BYTES,
    MAX_RECOVER_BYTES,
    TIME_LIMIT_S,
    DxfError,
)
from hjem.floorplan.dxf.geometry import Flat, Progress, extents, flatten
from hjem.floorplan.dxf.tags import Damaged, Stream, scan
from hjem.floorplan.dxf.units import Units, judge
from hjem.i18n import msg

BINARY_SENTINEL = b"AutoCAD Binary DXF\r\n\x1a\x00"
# A DXF opens with a SECTION, perhaps after (999) comments.
_START = re.compile(rb"\A(?:\s*999\s*\r?\n[^\n]*\n)*\s*0\s*\r?\n\s*SECTION\s")
_GROUP_START = re.compile(rb"\n[ \t]*0[ \t]*\r?\n")
_FIRST_X = re.compile(rb"\n[ \t]*10[ \t]*\r?\n")  # the x of a point or vertex
MAX_GROUPS = 800_000  # entities, vertices, table records: counted before anything is parsed


@dataclass(frozen=True)
class Drawing:
    flat: Flat
    insunits: int | None
    units: Units
    layers: tuple[tuple[str, int], ...]  # every layer with something drawn, and how much


def read_drawing(path: str | os.PathLike[str], progress: Progress | None = None) -> Drawing:
    """The drawing at `path`, flattened, with its layers and a verdict on its units."""
    deadline = time.monotonic() + TIME_LIMIT_S
    stream = _stream(_read(Path(path)), deadline)
    flat = flatten(stream, deadline, progress)
    if not flat.layer_counts:
        # A repaired file with nothing left in it was cut short, not drawn empty.
        raise DxfError(msg("dxf.damaged" if stream.repaired else "dxf.empty"))
    long_side = _long_side(flat)
    layers = tuple(sorted(flat.layer_counts.items(), key=lambda item: item[0].casefold()))
    units = judge(stream.insunits, flat.door_radii, long_side)
    return Drawing(flat, stream.insunits, units, layers)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DxfError(msg("dxf.too_big", megabytes=MAX_FILE_BYTES // (1024 * 1024)))
        return path.read_bytes()
    except FileNotFoundError:
        raise DxfError(msg("background.not_found")) from None
    except IsADirectoryError:
        raise DxfError(msg("dxf.not_dxf")) from None
    except OSError:
        raise DxfError(msg("background.unreadable")) from None


def _stream(data: bytes, deadline: float) -> Stream:
    binary = data.startswith(BINARY_SENTINEL)
    if not binary and not _START.match(data[:4096]):
        raise DxfError(msg("dxf.not_dxf"))
    if len(_GROUP_START.findall(data)) > MAX_GROUPS:
        raise DxfError(msg("dxf.too_many_entities", limit=MAX_ENTITIES))
    if len(_FIRST_X.findall(data)) > MAX_COORDINATES:  # e.g. one polyline of a million corners
        raise DxfError(msg("dxf.too_many_points", limit=MAX_COORDINATES))
    if not binary:
        try:
            return scan(_decode(data), MAX_ENTITIES, deadline)
        except Damaged:
            pass  # let ezdxf repair it
    if len(data) > MAX_RECOVER_BYTES:
        raise DxfError(msg("dxf.binary_big" if binary else "dxf.damaged_big"))
    try:
        stream = scan(_recovered(data, binary), MAX_ENTITIES, deadline)
    except Damaged:
        raise DxfError(msg("dxf.damaged")) from None
    stream.repaired = True
    return stream


def _decode(data: bytes) -> str:
    # R2007 and later are UTF-8; older drawings are (nearly always) Windows-1252.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _recovered(data: bytes, binary: bool) -> str:
    """The drawing repaired by ezdxf.recover (or a binary DXF read by ezdxf) and written
    back out as clean ASCII DXF."""
    from ezdxf import recover
    from ezdxf.document import Drawing as EzdxfDrawing
    from ezdxf.lldxf.tagger import binary_tags_loader

    try:
        if binary:
            doc = EzdxfDrawing.load(binary_tags_loader(data))
        else:
            doc, _auditor = recover.read(io.BytesIO(data))
        out = io.StringIO()
        doc.write(out)
    except Exception:
        # ezdxf fails in many ways on a broken file (DXFStructureError, ValueError, ...).
        raise DxfError(msg("dxf.damaged")) from None
    return out.getvalue()


def _long_side(flat: Flat) -> float:
    left, top, right, bottom = extents(flat, frozenset())
    return max(right - left, top - bottom)
