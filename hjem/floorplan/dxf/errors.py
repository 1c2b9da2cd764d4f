"""The one error a DXF drawing can end in, and the limits that bound reading one."""

from __future__ import annotations

from hjem.floorplan.validation import PlanError

MAX_FILE_BYTES = 40 * 1024 * 1024  # a whole building's floor is rarely a tenth of this
MAX_RECOVER_BYTES = 4 * 1024 * 1024  # ezdxf.recover repairs ~1 MB/s: a damaged file must stay quick
MAX_ENTITIES = 200_000  # in the file, counting block contents once; a 10 MB plan has ~70 000
MAX_SHAPES = 1_000_000  # drawn lines and arcs after every block reference is expanded
MAX_COORDINATES = 1_000_000  # code-10 tags (points and vertices), counted before parsing
MAX_POINTS = 1_500_000  # points once flattened (arcs, expanded blocks); a 10 MB plan has ~300 000
POINTS_PER_TURN = 73  # a full circle flattened (72 segments)
MAX_INK_PX = 40_000_000  # pixels of line length drawn; past it the drawing is drawn coarser
MAX_DEPTH = 8  # blocks inside blocks; real drawings nest two or three deep
TIME_LIMIT_S = 15.0  # reading and drawing together


class DxfError(PlanError):
    """A DXF drawing cannot be used as a background; `message` says why, in Danish first."""
