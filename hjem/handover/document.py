"""`build_handover`: the family's printed plan of their new home, as one PDF.

The parts are laid out as blocks first (`layout.paginate`), so the number of pages is known
before anything is drawn; then each item's photo is made ready (cached, printed-size JPEG),
then the pages are drawn one by one. `progress(done, total)` is called after each photo and
each page. The PDF is written only when it is complete: to a file through a temporary file
beside it, renamed into place.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from reportlab import rl_config

from hjem.atomic import write_bytes_atomically
from hjem.handover import fonts, style
from hjem.handover.budget_page import budget_blocks
from hjem.handover.canvas import PrintCanvas
from hjem.handover.checklist import checklist_blocks
from hjem.handover.common import PHOTO_BOX, Context, footer
from hjem.handover.cover import cover
from hjem.handover.data import HandoverData
from hjem.handover.home_page import home_blocks
from hjem.handover.layout import Page, paginate
from hjem.handover.marking import mark_internal
from hjem.handover.photos import PhotoSource, PrintedPhotos
from hjem.handover.plan_drawing import Building
from hjem.handover.room_pages import room_sections
from hjem.i18n import RIGHT_TO_LEFT, tr

Progress = Callable[[int, int], None]


def build_handover(
    data: HandoverData,
    target: str | os.PathLike[str] | BinaryIO,
    progress: Progress | None = None,
    *,
    photos: PhotoSource | None = None,
) -> None:
    """Write the handover document for `data` to `target` (a path or a binary file).

    `photos` decides how item photos are prepared and embedded; the default downscales each
    once to its printed size and keeps the copy (the benchmark passes a naive twin)."""
    pdf = render(data, progress, photos or PrintedPhotos())
    if isinstance(target, str | os.PathLike):
        write_bytes_atomically(target, pdf)
    else:
        target.write(pdf)


def render(data: HandoverData, progress: Progress | None, photos: PhotoSource) -> bytes:
    with fonts.language(data.lang):  # the language's faces, for measuring and for drawing
        return _render(data, progress, photos)


def _render(data: HandoverData, progress: Progress | None, photos: PhotoSource) -> bytes:
    fonts.register()
    items = tuple(sorted(data.items, key=lambda i: i.number))
    context = Context(data, Building(data.plan, items), photos)
    pages = paginate(
        [
            cover(context),
            *home_blocks(context),
            *room_sections(context),
            *checklist_blocks(context),
            *budget_blocks(context),
        ]
    )
    with_photos = [i for i in items if i.photo is not None]
    total = len(with_photos) + len(pages)
    done = 0
    for item in with_photos:
        assert item.photo is not None
        prepared = photos.prepare(item.photo, PHOTO_BOX)
        if prepared is not None:
            context.prepared[item.number] = prepared
        done += 1
        _report(progress, done, total)
    buffer = io.BytesIO()
    canvas = PrintCanvas(
        buffer,
        pagesize=style.PORTRAIT,
        invariant=1,
        pageCompression=1,
        lang=data.lang,
        right_to_left=data.lang in RIGHT_TO_LEFT,
    )
    canvas.setTitle(tr("handover.document_title", data.lang, alias=data.alias))
    canvas.setCreator("hjem")
    with binary_streams():  # photos are embedded as they are drawn: binary from the start
        for number, page in enumerate(pages, start=1):
            _draw_page(canvas, context, page, number, len(pages))
            done += 1
            _report(progress, done, total)
        canvas.save()
    return buffer.getvalue()


_a85_lock = threading.Lock()
_a85_users = 0
_a85_saved = rl_config.useA85


@contextmanager
def binary_streams() -> Iterator[None]:
    """Page and font streams written as binary (Flate only), not ASCII85 text on top.

    reportlab reads this setting from its global `rl_config` when it writes the file; a PDF is
    valid either way, ASCII85 only makes the streams a quarter larger and the save slower. The
    count keeps two prints at the same time from restoring each other's setting too early."""
    global _a85_users, _a85_saved
    with _a85_lock:
        if _a85_users == 0:
            _a85_saved = rl_config.useA85
            rl_config.useA85 = 0
        _a85_users += 1
    try:
        yield
    finally:
        with _a85_lock:
            _a85_users -= 1
            if _a85_users == 0:
                rl_config.useA85 = _a85_saved


def _draw_page(canvas: PrintCanvas, context: Context, page: Page, number: int, pages: int) -> None:
    canvas.setPageSize(page.size)
    with canvas.mirror_page(page.size[0]):  # a right-to-left page is the mirror image
        for block, top in page.placed:
            block.draw(canvas, style.MARGIN, top)
        footer(canvas, context, number, pages, page.size[0])
        if context.data.internal:
            mark_internal(canvas, context.lang, page.size)
    canvas.showPage()


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
