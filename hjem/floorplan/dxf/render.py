"""Drawing a flattened DXF drawing into an image at a known scale: a calibrated Background.

The image is one-bit, white with black lines, at 0.5 cm per pixel (coarser only when the
drawing would exceed background.py's size limits), and lies with its top-left corner at the
plan's origin. DXF's y axis points up and the plan's down, so the drawing is flipped.
"""

from __future__ import annotations

import io
import math
import time
from collections.abc import Collection

import numpy as np
from PIL import Image, ImageDraw

from hjem.floorplan.background import MAX_LONG_SIDE
from hjem.floorplan.dxf.errors import MAX_INK_PX, TIME_LIMIT_S, DxfError
from hjem.floorplan.dxf.geometry import Points, Progress, coordinates, extents_of
from hjem.floorplan.dxf.read import Drawing
from hjem.floorplan.dxf.units import CM_PER_UNIT, UNIT_NAMES, Unit
from hjem.floorplan.hjemfile import MAX_IMAGE_PIXELS
from hjem.floorplan.model import Background
from hjem.floorplan.validation import MAX_SIZE_CM
from hjem.i18n import msg

COARSEST_CM_PER_PIXEL = 100.0  # a metre a pixel: nothing left to trace
FINEST_CM_PER_PIXEL = 0.5  # a 10 cm wall is 20 px: crisp at the editor's usual zoom
MARGIN_PX = 4
LINE_CM = 1.0  # a pen of 1 cm: two pixels, so lines stay whole when the view shrinks the image
INK = 0
PAPER = 1  # a one-bit image: lines are black or not, and it encodes twice as fast


def render_background(
    drawing: Drawing,
    unit: Unit,
    hidden: Collection[str] = (),
    progress: Progress | None = None,
) -> Background:
    """The drawing in `unit`s, without the `hidden` layers, as a calibrated background."""
    hidden = frozenset(hidden)
    shown = [(key, shapes) for key, shapes in drawing.flat.shapes.items() if not key & hidden]
    if not shown:
        raise DxfError(msg("dxf.all_hidden"))
    parts = coordinates(drawing.flat, hidden)
    left, top, right, bottom = extents_of([array for array, _ in parts])
    cm_per_unit = CM_PER_UNIT[unit]
    width_cm, height_cm = (right - left) * cm_per_unit, (top - bottom) * cm_per_unit
    if max(width_cm, height_cm) > MAX_SIZE_CM:
        raise DxfError(msg("dxf.too_large", unit=msg(UNIT_NAMES[unit])))
    cm_per_pixel = _resolution(width_cm, height_cm)
    # Drawing costs by the length of the lines: a scribble of long lines is drawn coarser.
    ink_px = _ink(parts) * cm_per_unit / cm_per_pixel
    if ink_px > MAX_INK_PX:
        cm_per_pixel *= ink_px / MAX_INK_PX
    if cm_per_pixel > COARSEST_CM_PER_PIXEL:
        raise DxfError(msg("dxf.too_dense"))
    scale = cm_per_unit / cm_per_pixel  # pixels per drawing unit
    size = (_pixels(width_cm, cm_per_pixel), _pixels(height_cm, cm_per_pixel))
    image = Image.new("1", size, PAPER)
    _draw(
        ImageDraw.Draw(image),
        shown,
        (left, top, scale, _pen(cm_per_pixel)),
        time.monotonic() + TIME_LIMIT_S,  # from now: the volunteer may have pondered the dialog
        progress,
    )
    return Background(image=_png(image), image_format="png", cm_per_pixel=cm_per_pixel)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)  # mostly white: fast and still small
    return buffer.getvalue()


def _resolution(width_cm: float, height_cm: float) -> float:
    """The finest cm per pixel within background.py's limits on side and pixel count."""
    by_side = max(width_cm, height_cm) / (MAX_LONG_SIDE - 2 * MARGIN_PX - 1)
    by_area = math.sqrt(max(width_cm, 1.0) * max(height_cm, 1.0) / MAX_IMAGE_PIXELS) * 1.01
    return max(FINEST_CM_PER_PIXEL, by_side, by_area)


def _ink(parts: list[tuple[np.ndarray, list[Points]]]) -> float:
    """The length of all the lines, in drawing units."""
    total = 0.0
    for array, shapes in parts:
        steps = np.hypot(*np.diff(array.reshape(-1, 2), axis=0).T)
        ends = np.cumsum([len(points) for points in shapes])[:-1] - 1
        steps[ends] = 0.0  # from one shape's last point to the next one's first: not drawn
        total += float(steps.sum())
    return total


def _pen(cm_per_pixel: float) -> int:
    return max(1, round(LINE_CM / cm_per_pixel))


def _pixels(length_cm: float, cm_per_pixel: float) -> int:
    return min(MAX_LONG_SIDE, math.ceil(length_cm / cm_per_pixel) + 2 * MARGIN_PX + 1)


def _draw(
    draw: ImageDraw.ImageDraw,
    shown: list[tuple[frozenset[str], list[Points]]],
    place: tuple[float, float, float, int],
    deadline: float,
    progress: Progress | None,
) -> None:
    left, top, scale, width = place
    # A wide pen in Pillow draws polygons, twenty times slower: a thin one, shifted, instead.
    shifts = [(MARGIN_PX, MARGIN_PX)]
    if width > 1:
        shifts += [(MARGIN_PX + 1, MARGIN_PX), (MARGIN_PX, MARGIN_PX + 1)]
    total = sum(len(shapes) for _, shapes in shown)
    done = points_since = 0
    for _, shapes in shown:
        for points in shapes:
            for dx, dy in shifts:
                draw.line(
                    [((x - left) * scale + dx, (top - y) * scale + dy) for x, y in points], fill=INK
                )
            done += 1
            points_since += len(points)
            if done % 4096 == 0 or points_since > 65536:  # one polyline may be most of it
                points_since = 0
                if time.monotonic() > deadline:
                    raise DxfError(msg("dxf.too_slow"))
                if progress:
                    progress(done, total)
    if progress:
        progress(total, total)
