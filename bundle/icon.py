"""hjem's icon: a white house on the Red Cross's red, drawn with Pillow so it can be redrawn
(`python -m bundle.icon` writes assets/icon/hjem.png); the build turns it into the Windows
.ico and the macOS .icns (`icons`)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from bundle.paths import ICON_PNG

RED, WHITE = (213, 43, 30, 255), (255, 255, 255, 255)
SIZE = 1024  # drawn twice as large as kept: shrinking smooths the edges Pillow draws hard
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(picture)
    unit = size / 16
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=3 * unit, fill=RED)
    pen.polygon(
        [(8 * unit, 2.6 * unit), (13.6 * unit, 7.6 * unit), (2.4 * unit, 7.6 * unit)], fill=WHITE
    )  # the roof
    pen.rectangle((4 * unit, 7.4 * unit, 12 * unit, 13.2 * unit), fill=WHITE)  # the walls
    pen.rectangle((7 * unit, 9.6 * unit, 9 * unit, 13.2 * unit), fill=RED)  # the door
    return picture


def icons(folder: Path) -> None:
    """hjem.ico and hjem.icns in `folder`, from the committed PNG."""
    with Image.open(ICON_PNG) as picture:
        picture.save(folder / "hjem.ico", sizes=ICO_SIZES)
        picture.save(folder / "hjem.icns")


if __name__ == "__main__":
    ICON_PNG.parent.mkdir(parents=True, exist_ok=True)
    draw().resize((512, 512), Image.Resampling.LANCZOS).save(ICON_PNG, optimize=True)
    print(ICON_PNG)
