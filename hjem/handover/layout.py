"""Pages from blocks: each part of the document is a stack of blocks of known height, and
pages are filled top to bottom before anything is drawn, so every footer can say "page 2 of 7".

A block draws itself at a given top-left (points, y up). A block may start a new page (and
choose landscape), keep with the next one (a heading with its first row), or name a
`continued` block that is drawn first when it lands at the top of a new page (a table's
heading, repeated).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import style

Draw = Callable[[Canvas, float, float], None]  # (canvas, left, top)


@dataclass(frozen=True)
class Block:
    height: float
    draw: Draw
    new_page: bool = False
    landscape: bool = False
    keep_with_next: bool = False
    continued: Block | None = None
    space_before: float = 0.0


@dataclass
class Page:
    size: tuple[float, float]
    placed: list[tuple[Block, float]] = field(default_factory=list)  # block and its top

    @property
    def landscape(self) -> bool:
        return self.size[0] > self.size[1]


def content_width(landscape: bool = False) -> float:
    size = style.LANDSCAPE if landscape else style.PORTRAIT
    return float(size[0] - 2 * style.MARGIN)


def content_height(landscape: bool = False) -> float:
    size = style.LANDSCAPE if landscape else style.PORTRAIT
    return float(size[1] - style.TOP_MARGIN - style.BOTTOM_MARGIN)


def paginate(blocks: Sequence[Block]) -> list[Page]:
    """Blocks placed on pages, top to bottom; a block taller than a page gets a page of its own."""
    pages: list[Page] = []
    cursor = 0.0  # the y of the next block's top on the current page (y up)
    for index, block in enumerate(blocks):
        need = _needed(blocks, index)
        used = bool(pages) and bool(pages[-1].placed)
        gap = block.space_before if used else 0.0
        full = used and cursor - gap - need < style.BOTTOM_MARGIN - 0.5
        if not pages or block.new_page or full or block.landscape != pages[-1].landscape:
            if not (pages and not used and block.landscape == pages[-1].landscape):
                size = style.LANDSCAPE if block.landscape else style.PORTRAIT
                pages.append(Page(size))
            cursor, gap = pages[-1].size[1] - style.TOP_MARGIN, 0.0
            if block.continued is not None and not block.new_page:
                pages[-1].placed.append((block.continued, cursor))
                cursor -= block.continued.height
        cursor -= gap
        pages[-1].placed.append((block, cursor))
        cursor -= block.height
    return pages


def _same_page(block: Block, following: Block) -> bool:
    """Whether `following` may go on `block`'s page (it neither starts one nor turns it)."""
    return not following.new_page and following.landscape == block.landscape


def _needed(blocks: Sequence[Block], index: int) -> float:
    """The room a block needs below the cursor: itself and the blocks it keeps with (a heading,
    a drawing, the first row of cards), or just the next one if they never fit one page."""
    block, room = blocks[index], content_height(blocks[index].landscape)
    chain = [block.height]
    while blocks[index].keep_with_next and index + 1 < len(blocks):
        if not _same_page(blocks[index], blocks[index + 1]):
            break
        index += 1
        chain.append(blocks[index].space_before + blocks[index].height)
    return sum(chain) if sum(chain) <= room else sum(chain[:2])
