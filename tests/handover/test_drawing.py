"""The drawings are to scale and complete: the scale bar measures what the page states, the
walls measure what the plan says, every piece is numbered and every room named."""

from __future__ import annotations

import io
import re

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from hjem.floorplan.shapes import net_area_m2
from hjem.floorplan.walls import wall_solids
from hjem.handover import fonts, room_name, style
from hjem.handover.frame import PT_PER_CM, draw_scale_bar
from hjem.handover.placing import badge_spots
from hjem.handover.plan_drawing import BADGE_LOOKS, Building
from tests.handover.samples import (
    SAMPLE,
    SMALL_SAMPLE,
    extent,
    fill_of,
    inside,
    page_with,
    pdf_of,
    rgb,
    sample,
    texts_on,
    union,
)

HOME = {"da": "Hele hjemmet", "en": "Your whole home"}


def _scale_and_metres(page) -> tuple[int, int]:
    """The scale the page states ("1:100") and the length its bar is labelled with ("5 m")."""
    texts = [text for text, _ in texts_on(page)]
    scale = next(int(m.group(1)) for t in texts if (m := re.search(r"1:(\d+)", t)))
    metres = next(int(m.group(1)) for t in texts if (m := re.fullmatch(r"(\d+) m", t)))
    return scale, metres


@pytest.mark.parametrize("plan_file", [SAMPLE, SMALL_SAMPLE], ids=["3-rooms", "2-rooms"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_scale_bar_and_the_walls_are_drawn_at_the_scale_the_page_states(lang, plan_file):
    data = sample(lang, plan_file)
    home = page_with(pdfium.PdfDocument(pdf_of(data)), HOME[lang], within=40)
    scale, metres = _scale_and_metres(home)
    assert scale in (50, 75, 100)
    points_per_cm = PT_PER_CM / scale
    bar = extent(home, rgb(style.SCALE_BAR))
    assert bar[2] - bar[0] == pytest.approx(metres * 100 * points_per_cm, abs=0.3)
    walls = extent(home, rgb(style.WALL))
    x0, y0, x1, y1 = shapely.union_all(list(wall_solids(data.plan).values())).bounds
    # The walls' 0.3 pt outline (closing hairline seams) widens their bounds by up to a line.
    stroke = 0.3
    width, height = (x1 - x0) * points_per_cm, (y1 - y0) * points_per_cm
    assert width - 0.05 <= walls[2] - walls[0] <= width + 2 * stroke + 0.05
    assert height - 0.05 <= walls[3] - walls[1] <= height + 2 * stroke + 0.05
    # The same ruler for both: the building measured with the bar gives its true width.
    measured = (walls[2] - walls[0] - stroke) / (bar[2] - bar[0]) * metres * 100
    assert measured == pytest.approx(x1 - x0, abs=1.5)


def _bars(page) -> list[float]:
    """The lengths of the page's scale bars: each has a baseline 1.2 pt high, full length."""
    return sorted(
        b[2] - b[0]
        for obj in page.get_objects(max_depth=1)
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and fill_of(obj) == rgb(style.SCALE_BAR)
        for b in [obj.get_bounds()]
        if b[3] - b[1] == pytest.approx(1.2, abs=0.05)
    )


def test_every_room_drawing_has_a_scale_bar_at_the_scale_it_states():
    data = sample()
    pdf = pdfium.PdfDocument(pdf_of(data))
    pages = [p for p in list(pdf)[2:] if "Målestok" in p.get_textpage().get_text_range()]
    drawn = 0
    for page in pages:
        texts = [text for text, _ in texts_on(page)]
        scales = [int(m.group(1)) for t in texts if (m := re.search(r"1:(\d+)", t))]
        metres = [int(m.group(1)) for t in texts if (m := re.fullmatch(r"(\d+) m", t))]
        stated = sorted(m * 100 * PT_PER_CM / s for m, s in zip(metres, scales, strict=True))
        assert _bars(page) == pytest.approx(stated, abs=0.3)
        drawn += len(stated)
    building = Building(data.plan, data.items)
    furnished = {building.room_of(item).id for item in data.items}
    assert drawn == len(furnished)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_piece_is_numbered_and_every_room_named_on_the_drawing(lang):
    data = sample(lang)
    home = page_with(pdfium.PdfDocument(pdf_of(data)), HOME[lang], within=40)
    drawing = union(extent(home, rgb(style.WALL)), extent(home, rgb(style.FLOOR)))
    texts = [text.strip() for text, box in texts_on(home) if inside(box, drawing)]
    numbers = sorted(int(t) for t in texts if t.isdigit())
    assert numbers == [item.number for item in data.items]
    labels = " ".join(texts)  # a long name may be wrapped onto two lines
    for room in data.plan.rooms:
        assert room_name(room, lang) in labels


def test_room_areas_are_the_floorplans_net_areas():
    data = sample()
    building = Building(data.plan, data.items)
    for room in data.plan.rooms:
        assert building.area(room) == pytest.approx(net_area_m2(data.plan, room))


def test_numbers_on_the_drawing_never_cover_each_other():
    data = sample()
    radius = 23.0  # 6.5 pt at 1:100, in cm
    spots = badge_spots([(i.number, i.placement) for i in data.items], radius)
    centres = np.array([spot for spot, _ in spots.values()])
    assert len(centres) == len(data.items)
    gaps = np.hypot(*(centres[:, None, :] - centres[None, :, :]).transpose(2, 0, 1))
    assert gaps[np.triu_indices(len(centres), 1)].min() >= 2 * radius


def _luminance(color) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a, b) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_numbers_are_legible_and_their_kinds_apart_in_black_and_white():
    greys = []
    for fill, _, number, dashed in BADGE_LOOKS.values():
        assert _contrast(number, fill) >= 4.5  # WCAG's contrast for small text
        greys.append((round(_luminance(fill), 1), dashed))
    assert len(set(greys)) == len(greys)  # dark, white, light and dashed: three kinds


@settings(max_examples=40, deadline=None)
@given(scale=st.sampled_from([50, 75, 100, 200, 500]), room=st.floats(30, 520))
def test_a_scale_bar_is_whole_metres_at_its_scale_and_fits_its_room(scale, room):
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(600, 100))
    length = draw_scale_bar(canvas, 20, 20, scale, room, "da")
    canvas.showPage()
    canvas.save()
    page = pdfium.PdfDocument(buffer.getvalue())[0]
    scale_text, metres = _scale_and_metres(page)
    bar = extent(page, rgb(style.SCALE_BAR))
    metre = 100 * PT_PER_CM / scale
    assert scale_text == scale
    assert bar[2] - bar[0] == pytest.approx(length, abs=0.05)
    assert length == pytest.approx(metres * metre, abs=0.01)
    assert length <= room or metres == 1
    longer = [m for m in (1, 2, 3, 4, 5, 10) if m > metres]
    assert all(m * metre > room for m in longer)  # the longest round bar that fits
