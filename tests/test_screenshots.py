"""The docs' screenshots (scripts/screenshots.py): taken on a volunteer's laptop screen, the
printed pages at the script's resolution, and every picture the docs show is there."""

import re

from PIL import Image

from tests.conftest import ROOT, script

SHOTS = ROOT / "docs" / "screenshots"
A4_WIDTH_INCHES = 210 / 25.4


def test_the_script_takes_its_pictures_on_the_laptop_screen():
    shots = script("screenshots")
    assert shots.SCREEN.toTuple() == (1366, 768)
    assert shots.LAPTOP_SCREEN == ROOT / "tests" / "ui" / "laptop_screen.json"


def test_the_committed_handover_pages_are_at_the_scripts_resolution():
    dpi = script("screenshots").HANDOVER_DPI
    pages = sorted(SHOTS.glob("handover-*.png"))
    assert pages
    for page in pages:
        with Image.open(page) as picture:
            assert picture.width == round(A4_WIDTH_INCHES * dpi), page.name


def test_every_window_picture_fits_the_laptop_screen():
    for picture_path in SHOTS.glob("*.png"):
        if picture_path.name.startswith(("handover-", "french-door-")):
            continue  # printed pages, and the French door's detail
        with Image.open(picture_path) as picture:
            assert picture.width <= 1366 and picture.height <= 768, picture_path.name


def test_every_picture_the_docs_show_exists():
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    named = {
        name
        for document in documents
        for name in re.findall(r"docs/screenshots/([\w.-]+\.png)", document.read_text("utf-8"))
    }
    assert named
    assert sorted(name for name in named if not (SHOTS / name).exists()) == []
