"""Small Sweet Home 3D homes written by the tests: Home.xml in a zip, as Sweet Home 3D 5.3+
saves it (plus a stand-in `Home` entry, which hjem never reads)."""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr


def element(tag: str, children: str = "", **attributes: object) -> str:
    attrs = "".join(f" {name}={quoteattr(_text(value))}" for name, value in attributes.items())
    return f"<{tag}{attrs}>{children}</{tag}>" if children else f"<{tag}{attrs}/>"


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def home_xml(*children: str, **attributes: object) -> str:
    return "<?xml version='1.0'?>\n" + element(
        "home", "\n".join(children), version=7200, **attributes
    )


def sh3d_bytes(xml: str | bytes, java: bool = True, xml_member: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if java:
            archive.writestr("Home", b"\xac\xed\x00\x05sr\x00\x1ecom.eteks.sweethome3d.Home")
        if xml_member:
            archive.writestr("Home.xml", xml if isinstance(xml, bytes) else xml.encode())
        archive.writestr("0/model.obj", b"v 0 0 0\n")
    return buffer.getvalue()


def write_home(path: Path, *children: str, **attributes: object) -> Path:
    path.write_bytes(sh3d_bytes(home_xml(*children, **attributes)))
    return path


def wall(id: str, start, end, thickness=20, **more: object) -> str:
    return element(
        "wall",
        id=id,
        xStart=start[0],
        yStart=start[1],
        xEnd=end[0],
        yEnd=end[1],
        thickness=thickness,
        height=250,
        **more,
    )


def box_walls(width=600, depth=400, thickness=20, **more: object) -> list[str]:
    """Four joined walls around (0, 0)–(width, depth), clockwise on screen."""
    corners = [(0, 0), (width, 0), (width, depth), (0, depth)]
    return [
        wall(
            f"wall{i}",
            corners[i],
            corners[(i + 1) % 4],
            thickness,
            wallAtStart=f"wall{(i - 1) % 4}",
            wallAtEnd=f"wall{(i + 1) % 4}",
            **more,
        )
        for i in range(4)
    ]


def room(name: str, points, **more: object) -> str:
    inner = "".join(element("point", x=x, y=y) for x, y in points)
    return element("room", inner, name=name, **more)


def piece(name: str, x, y, width=100, depth=50, height=80, tag="pieceOfFurniture", **more):
    return element(tag, name=name, x=x, y=y, width=width, depth=depth, height=height, **more)


def sash(x_axis, y_axis, width, start_angle, end_angle) -> str:
    return element(
        "sash", xAxis=x_axis, yAxis=y_axis, width=width, startAngle=start_angle, endAngle=end_angle
    )


def door(name: str, x, y, angle=0.0, width=90, depth=20, sashes=None, **more) -> str:
    """A door whose box is the wall's thickness (wallThickness 1): one leaf hinged at its left,
    opening 90° towards its back (Java2D angles: +π/2 turns towards −y)."""
    leaves = sashes if sashes is not None else [sash(0, 1, 1, 0, math.pi / 2)]
    return element(
        "doorOrWindow",
        "".join(leaves),
        name=name,
        x=x,
        y=y,
        angle=angle,
        width=width,
        depth=depth,
        height=more.pop("height", 205),
        wallThickness=1,
        wallDistance=0,
        **more,
    )
