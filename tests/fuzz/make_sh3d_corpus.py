"""Write the hostile Sweet Home 3D corpus (tests/fuzz/sh3d_corpus/*.sh3d) and its expected errors.

Run from the project root: `python -m tests.fuzz.make_sh3d_corpus`. Each file is broken one
way an attacker (zip bombs, entity expansion, `../` names, absurd nesting) or a damaged disk
could break it; `expected.json` maps each to the catalog key of the one error it must give.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

from tests.floorplan.sh3d.homes import box_walls, home_xml, sh3d_bytes

CORPUS = Path(__file__).resolve().parent / "sh3d_corpus"
GOOD = home_xml(*box_walls())


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _lying_header(data: bytes, declared: int) -> bytes:
    """`data` with every record of Home.xml declaring `declared` unpacked bytes."""
    patched = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (found := patched.find(signature, start)) >= 0:
            struct.pack_into("<I", patched, found + at, declared)
            start = found + 1
    return bytes(patched)


def _xml(body: str) -> bytes:
    return f"<?xml version='1.0'?>\n{body}".encode()


LAUGHS = (
    '<!DOCTYPE home [<!ENTITY a "hahahahahahahahahaha">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><home name="&j;"/>'
)
STEAL = '<!DOCTYPE home [<!ENTITY secret SYSTEM "file:///etc/passwd">]><home name="&secret;"/>'
DEEP = "<furnitureGroup name='g'>" * 5000 + "</furnitureGroup>" * 5000
MANY = "".join(f"<p v='{i}'/>" for i in range(60_000))  # varied: a zip bomb is not the point
NAN_WIDTH = "<home><pieceOfFurniture name='a' x='0' y='0' width='NaN' depth='1' height='1'/></home>"
WALLS = "".join(f"<wall id='w{i}' xStart='{i}' yStart='0' xEnd='{i}' yEnd='300' thickness='10'/>"
                for i in range(501))  # fmt: skip
ROUND = "".join(f"<wall id='r{i}' xStart='0' yStart='{i * 50}' xEnd='9000' yEnd='{i * 50}' "
                "thickness='10' arcExtent='6'/>" for i in range(3))  # fmt: skip
# The most elements the parser takes (50 000), all pieces: the slowest file to refuse.
PIECES = "".join(f"<pieceOfFurniture name='Chair {i % 50}' x='{i % 1000}' y='{i // 1000}' "
                 "width='40' depth='40' height='90'/>" for i in range(49_990))  # fmt: skip
BOMB = b"<home>" + b" " * (48 * 1024 * 1024) + b"</home>"
DENSE = b"<home>" + b" " * (24 * 1024 * 1024) + b"</home>"


def corpus() -> dict[str, tuple[bytes, str]]:
    return {
        "zip-bomb.sh3d": (_zip({"Home.xml": BOMB}), "sh3d.error.unpacks_too_big"),
        "ratio-bomb.sh3d": (_zip({"Home.xml": DENSE}), "sh3d.error.zip_bomb"),
        "lying-header.sh3d": (
            _lying_header(_zip({"Home.xml": DENSE}), 1000),
            "sh3d.error.damaged",
        ),
        "billion-laughs.sh3d": (_zip({"Home.xml": _xml(LAUGHS)}), "sh3d.error.xml_entities"),
        "external-entity.sh3d": (_zip({"Home.xml": _xml(STEAL)}), "sh3d.error.xml_entities"),
        "huge-attribute.sh3d": (
            _zip({"Home.xml": _xml(f"<home name='{'x' * 500_000}'/>")}),
            "sh3d.error.value_too_long",
        ),
        "deep-nesting.sh3d": (
            _zip({"Home.xml": _xml(f"<home>{DEEP}</home>")}),
            "sh3d.error.too_deep",
        ),
        "too-many-elements.sh3d": (
            _zip({"Home.xml": _xml(f"<home>{MANY}</home>")}),
            "sh3d.error.too_many_elements",
        ),
        "too-many-walls.sh3d": (
            _zip({"Home.xml": _xml(f"<home>{WALLS}</home>")}),
            "plan_limits.walls",
        ),
        "round-walls-beyond-the-limit.sh3d": (
            _zip({"Home.xml": _xml(f"<home>{ROUND}</home>")}),
            "plan_limits.walls",
        ),
        "too-many-pieces.sh3d": (
            _zip({"Home.xml": _xml(f"<home>{PIECES}</home>")}),
            "sh3d.error.too_many_pieces",
        ),
        "zip-slip.sh3d": (
            _zip({"Home.xml": GOOD.encode(), "../../evil.sh": b"rm -rf ~"}),
            "sh3d.error.unsafe_name",
        ),
        "absolute-path.sh3d": (
            _zip({"/etc/cron.d/evil": b"x", "Home.xml": GOOD.encode()}),
            "sh3d.error.unsafe_name",
        ),
        "old-format.sh3d": (sh3d_bytes("", xml_member=False), "sh3d.error.old_format"),
        "not-a-zip.sh3d": (b"<home/>", "sh3d.error.not_a_home"),
        "truncated.sh3d": (sh3d_bytes(GOOD)[:200], "sh3d.error.not_a_home"),
        "not-xml.sh3d": (_zip({"Home.xml": b"\x00\xff not xml"}), "sh3d.error.bad_xml"),
        "nan-width.sh3d": (_zip({"Home.xml": _xml(NAN_WIDTH)}), "sh3d.error.bad_number"),
    }


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    expected = {}
    for name, (data, key) in sorted(corpus().items()):
        (CORPUS / name).write_bytes(data)
        expected[name] = key
    (CORPUS / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")


if __name__ == "__main__":
    main()
