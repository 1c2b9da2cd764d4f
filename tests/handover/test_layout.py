"""Pages from blocks, and text fitted to a width: properties over many random cases."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hjem.handover import fonts, style
from hjem.handover.layout import Block, content_height, paginate
from hjem.pdf_text import ELLIPSIS

PAGE_ROOM = content_height()


def _nothing(canvas, left, top) -> None:
    pass


HEADER = Block(20.0, _nothing)

blocks = st.lists(
    st.builds(
        Block,
        height=st.floats(5, PAGE_ROOM * 1.2),
        draw=st.just(_nothing),
        new_page=st.booleans(),
        landscape=st.sampled_from([False, False, False, True]),
        keep_with_next=st.booleans(),
        continued=st.sampled_from([None, HEADER]),
        space_before=st.sampled_from([0.0, 10.0, 18.0]),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(blocks)
def test_pages_hold_every_block_once_in_order_and_within_the_margins(blocks):
    pages = paginate(blocks)
    placed = [block for page in pages for block, _ in page.placed]
    ours = [b for b in placed if b is not HEADER]
    assert [id(b) for b in ours] == [id(b) for b in blocks if b is not HEADER]
    for page in pages:
        assert page.placed, "no empty pages"
        first, top = page.placed[0]
        assert top == page.size[1] - style.TOP_MARGIN
        for (block, top), following in zip(page.placed, [*page.placed[1:], None], strict=True):
            assert page.landscape == block.landscape or block is HEADER
            bottom = top - block.height
            alone = block is first or (first is HEADER and block is page.placed[1][0])
            assert bottom >= style.BOTTOM_MARGIN - 0.5 or alone, "runs into the footer"
            if following is not None:
                assert following[1] <= bottom + 1e-6, "blocks overlap"
    page_of = {id(b): n for n, page in enumerate(pages) for b, _ in page.placed}
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.new_page:
            page = pages[page_of[id(block)]]
            assert next(b for b, _ in page.placed if b is not HEADER) is block
        if block.keep_with_next and following is not None and _fit_together(block, following):
            assert page_of[id(block)] == page_of[id(following)], "a heading left alone"


def _fit_together(block: Block, following: Block) -> bool:
    """Whether a block and the next one fit one fresh page and nothing forces them apart."""
    header = HEADER.height if block.continued else 0.0
    need = header + block.height + following.space_before + following.height
    together = not following.new_page and following.landscape == block.landscape
    return together and need <= content_height(block.landscape) and not following.keep_with_next


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text("abcæøå ÆØÅ-·Олена", min_size=1, max_size=12), max_size=12),
    room=st.floats(12, 300),
    lines=st.integers(1, 3),
)
def test_wrapped_text_fits_its_room_and_loses_nothing_unless_it_says_so(words, room, lines):
    regular, bold = fonts.register()
    text = " ".join(words)
    wrapped = fonts.wrap(text, bold, 10, room, lines=lines)
    assert 1 <= len(wrapped) <= lines
    for line in wrapped:
        assert fonts.width(line, bold, 10) <= room + 1e-6 or len(line) <= 1
    if not any(line.endswith(ELLIPSIS) for line in wrapped):
        assert " ".join(wrapped).split() == text.split()
    short = fonts.shorten(text, regular, 9, room)
    assert short == text or (short.endswith(ELLIPSIS) and len(short) <= len(text) + 1)
    assert fonts.width(short, regular, 9) <= room + 1e-6 or short == ELLIPSIS
