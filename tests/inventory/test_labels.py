"""QR label sheets: 24 labels a page, every code and name readable, the QR code printed as
the encoder made it for exactly the item's code."""

import math

import pypdfium2
import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from hjem.inventory import labels
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import create_item
from hjem.inventory.labels import (
    LABEL_HEIGHT,
    PADDING,
    PER_PAGE,
    QR_BORDER,
    QR_SIZE,
    _place,
    fonts,
    label_sheet,
    qr_drawing,
    wrap,
)
from tests.inventory.helpers import donation

LONG_NAME = "Lænestol i grøn fløjl med høj ryg, fodskammel og et lille hul i venstre armlæn"


def page_texts(path):
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def stored_items(workspace, count):
    with workspace.session() as session:
        return [
            create_item(
                session,
                donation(name=LONG_NAME if i == 0 else f"Spisebord nr. {i}, æble-træ"),
                "Lise",
            )
            for i in range(count)
        ]


@pytest.mark.parametrize("count", [1, 24, 25, 49])
def test_every_code_and_name_is_printed_24_to_a_page(workspace, tmp_path, count):
    items = stored_items(workspace, count)
    path = tmp_path / "etiketter.pdf"
    calls = []
    pages = label_sheet(items, path, progress=lambda done, total: calls.append((done, total)))
    texts = page_texts(path)
    assert pages == len(texts) == math.ceil(count / PER_PAGE)
    assert calls == [(done, count) for done in range(1, count + 1)]
    for index, item in enumerate(items):
        text = texts[index // PER_PAGE]
        assert item.code in text
        assert "200 × 90 × 80 cm" in text
        words = " ".join(text.split())  # a name may be wrapped onto two lines
        assert (item.name if index else "Lænestol i grøn fløjl med høj") in words
    assert "…" in texts[0]  # the long name is shortened, not cut off mid-air


def test_the_qr_code_holds_exactly_the_code_and_is_printed_large(workspace, tmp_path):
    [item] = stored_items(workspace, 1)
    [widget] = qr_drawing(item.code).contents
    assert isinstance(widget, QrCodeWidget) and widget.value == item.code
    path = tmp_path / "etiket.pdf"
    label_sheet([item], path)
    widget.qr.make()
    modules = widget.qr.modules  # the encoder's matrix for the code
    module = QR_SIZE / (len(modules) + 2 * QR_BORDER)
    assert len(modules) * module >= 25 * mm
    assert printed_modules(path, len(modules), module) == [list(map(bool, r)) for r in modules]


def printed_modules(path, count, module, scale=4):
    """Dark or light at the middle of each module of the first label's QR code, as rendered."""
    pdf = pypdfium2.PdfDocument(path)
    image = pdf[0].render(scale=scale, grayscale=True).to_pil().convert("L")
    pdf.close()
    x, y = _place(0)
    left, top = x + PADDING, A4[1] - (y + (LABEL_HEIGHT + QR_SIZE) / 2)
    return [
        [
            image.getpixel(
                (
                    round((left + (column + QR_BORDER + 0.5) * module) * scale),
                    round((top + (row + QR_BORDER + 0.5) * module) * scale),
                )
            )
            < 128
            for column in range(count)
        ]
        for row in range(count)
    ]


def test_the_same_items_give_the_same_bytes(workspace, tmp_path):
    items = stored_items(workspace, 3)
    label_sheet(items, tmp_path / "a.pdf")
    label_sheet(items, tmp_path / "c.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "c.pdf").read_bytes()


def test_long_names_wrap_onto_two_lines_and_end_in_an_ellipsis():
    regular, _bold = fonts()
    lines = wrap(LONG_NAME, regular, 10, 30 * mm)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(stringWidth(line, regular, 10) <= 30 * mm for line in lines)
    assert wrap("Stol", regular, 10, 30 * mm) == ["Stol"]
    assert wrap("Ø" * 80, regular, 10, 30 * mm)[0].endswith("…")


def test_no_items_or_a_place_that_cannot_be_written_is_a_clear_message(workspace, tmp_path):
    with pytest.raises(InventoryError) as refused:
        label_sheet([], tmp_path / "tom.pdf")
    assert "Vælg" in refused.value.message.text("da")
    items = stored_items(workspace, 1)
    with pytest.raises(InventoryError) as refused:
        label_sheet(items, tmp_path / "findes-ikke" / "etiketter.pdf")
    assert "kan ikke gemmes" in refused.value.message.text("da")


def test_without_dejavu_the_labels_use_helvetica(workspace, tmp_path, monkeypatch):
    items = stored_items(workspace, 2)
    monkeypatch.setattr(labels, "FONT_FOLDER", tmp_path / "no-fonts")
    fonts.cache_clear()
    try:
        assert fonts() == ("Helvetica", "Helvetica-Bold")
        label_sheet(items, tmp_path / "etiketter.pdf")
    finally:
        fonts.cache_clear()
    text = page_texts(tmp_path / "etiketter.pdf")[0]
    assert all(item.code in text for item in items) and "æble-træ" in text
