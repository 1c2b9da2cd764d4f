"""Write the hostile-file corpus (tests/floorplan/corpus/*.hjem) and its expected errors.

Run from the project root: `python -m tests.floorplan.make_corpus`. Each file is broken in one
way a real file could be (damaged, cut short, from the future) or an attacker could make it
(zip bomb, `../` names, decompression-bomb image, NaN). `expected.json` maps each file to the
catalog key of the one error loading it must give (for an invalid value: the problem's key).
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

from hjem.floorplan.codec import plan_to_json
from hjem.floorplan.hjemfile import plan_bytes
from tests.floorplan.plans import furnished, piece, row_plan

CORPUS = Path(__file__).resolve().parent / "corpus"
PLAN = furnished(row_plan(), piece("p1", "sofa", (200, 90, 80), 150, 200))


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _plan_json(**changes: object) -> dict:
    data = plan_to_json(PLAN)
    data.update(changes)
    return data


def _with_plan(data: object) -> bytes:
    return _zip({"plan.json": json.dumps(data).encode()})


def _placement(**changes: object) -> bytes:
    return _zip({"plan.json": _placement_text(**changes).encode()})


def _placement_text(**changes: object) -> str:
    data = _plan_json()
    data["placements"][0].update(changes)
    return json.dumps(data)  # writes NaN and Infinity literals, as some tools do


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` × `height` pixels: a decompression bomb's calling card."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def _with_background(image: bytes, member: str = "background.png") -> bytes:
    data = _plan_json(background={"image": member, "cm_per_pixel": 1.0, "origin": [0, 0]})
    return _zip({"plan.json": json.dumps(data).encode(), "background.png": image})


def _flag_encrypted(data: bytes) -> bytes:
    """Set the 'encrypted' bit in the central directory entry of plan.json."""
    at = data.rindex(b"PK\x01\x02")
    flags = struct.unpack_from("<H", data, at + 8)[0] | 0x1
    return data[: at + 8] + struct.pack("<H", flags) + data[at + 10 :]


def _unknown_method(data: bytes) -> bytes:
    at = data.rindex(b"PK\x01\x02")
    return data[: at + 10] + struct.pack("<H", 99) + data[at + 12 :]


def corpus() -> dict[str, tuple[bytes, str]]:
    good = plan_bytes(PLAN)
    compressed_start = good.index(b"plan.json") + len(b"plan.json")
    crc_broken = bytearray(good)
    for i in range(compressed_start + 40, compressed_start + 60):
        crc_broken[i] ^= 0x5A
    return {
        "empty.hjem": (b"", "file.not_a_plan"),
        "not-a-zip.hjem": (b"This is a letter, not a plan.\n" * 20, "file.not_a_plan"),
        "truncated.hjem": (good[: len(good) // 2], "file.damaged"),
        "corrupted-data.hjem": (bytes(crc_broken), "file.damaged"),
        "encrypted.hjem": (_flag_encrypted(good), "file.damaged"),
        "unknown-compression.hjem": (_unknown_method(good), "file.damaged"),
        "future-version.hjem": (_with_plan(_plan_json(schema_version=99)), "file.newer_version"),
        "not-a-plan.hjem": (_with_plan({"hello": "world"}), "file.not_a_plan"),
        "no-plan-json.hjem": (_zip({"notes.txt": b"hello"}), "file.no_plan"),
        "zip-bomb.hjem": (_zip({"plan.json": b" " * (200 * 1024 * 1024)}), "file.unpacks_too_big"),
        "zip-slip.hjem": (
            _zip({"plan.json": good, "../../evil.sh": b"rm -rf ~"}),
            "file.unsafe_name",
        ),
        "absolute-path.hjem": (
            _zip({"/etc/cron.d/evil": b"x", "plan.json": b"{}"}),
            "file.unsafe_name",
        ),
        "too-many-members.hjem": (
            _zip({f"part{i}.txt": b"x" for i in range(100)}),
            "file.too_many_members",
        ),
        "deep-nesting.hjem": (
            _zip({"plan.json": b"[" * 100_000 + b"]" * 100_000}),
            "file.bad_json",
        ),
        "not-utf8.hjem": (_zip({"plan.json": b'{"format": "hjem-plan\xff\xfe"}'}), "file.bad_json"),
        "bad-json.hjem": (_zip({"plan.json": b'{"format": "hjem-plan", '}), "file.bad_json"),
        "nan-width.hjem": (_placement(width=float("nan")), "file.not_finite"),
        "infinite-depth.hjem": (
            _zip(
                {"plan.json": _placement_text(depth=12345.5).replace("12345.5", "1e999").encode()}
            ),
            "file.not_finite",
        ),
        "negative-size.hjem": (_placement(width=-90), "error.positive"),
        "zero-height.hjem": (_placement(height=0), "error.positive"),
        "wrong-type.hjem": (_placement(width="wide"), "file.expected_number"),
        "boolean-as-number.hjem": (_placement(rotation=True), "file.expected_number"),
        "point-wrong-shape.hjem": (_placement(center=[1, 2, 3]), "file.expected_point"),
        "unknown-category.hjem": (_placement(category="rocket"), "error.unknown_category"),
        "huge-coordinate.hjem": (_placement(center=[1e300, 0]), "error.coordinate"),
        "huge-label.hjem": (_placement(label="x" * 1_000_000), "error.text_too_long"),
        "duplicate-ids.hjem": (_placement(id="top"), "file.duplicate_id"),
        "opening-without-wall.hjem": (
            _with_plan(
                _plan_json(openings=[{**plan_to_json(PLAN)["openings"][0], "wall": "nowhere"}])
            ),
            "error.opening_without_wall",
        ),
        "polygon-bomb.hjem": (
            _with_plan(
                _plan_json(rooms=[{"id": "r", "kind": "stue", "polygon": [[0, 0]] * 20_000}])
            ),
            "plan_limits.room_points",
        ),
        "image-bomb.hjem": (
            _with_background(_png_header_only(40_000, 40_000)),
            "file.image_too_large",
        ),
        "image-not-an-image.hjem": (_with_background(b"GIF89a not really"), "file.bad_image"),
        "image-missing.hjem": (
            _with_background(b"", member="background.jpg"),
            "file.no_background",
        ),
    }


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    expected = {}
    for name, (data, key) in corpus().items():
        (CORPUS / name).write_bytes(data)
        expected[name] = key
    (CORPUS / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
