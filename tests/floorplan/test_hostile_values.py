"""Values no plan editor writes, found by fuzzing (issue 12, points 1-4): each ends in one clear
message, in both languages, never a traceback."""

import io
import json
import subprocess
import sys
import zipfile

import pytest

from hjem.floorplan.codec import PlanFileError, plan_to_json
from hjem.floorplan.hjemfile import plan_bytes, plan_from_bytes
from hjem.i18n import format_number
from tests.floorplan.plans import furnished, piece, row_plan
from tests.floorplan.test_hjemfile import reason


def sample():
    return furnished(row_plan(), piece("p1", "sofa", (200, 90, 80), 200, 150))


def with_plan_json(text: str) -> bytes:
    """A .hjem file whose plan.json is `text`, as written (a hostile file is not valid JSON
    of ours, so it cannot be made by json.dumps of a plan)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("plan.json", text)
    return buffer.getvalue()


def sofa_width(literal: str) -> bytes:
    """The furnished sample with its first piece's width written as `literal`."""
    raw = plan_to_json(sample())
    raw["placements"][0]["width"] = "WIDTH"
    return with_plan_json(json.dumps(raw).replace('"WIDTH"', literal))


def refused(data: bytes) -> str:
    with pytest.raises(PlanFileError) as caught:
        plan_from_bytes(data)
    for lang in ("da", "en"):
        text = caught.value.message.text(lang)
        assert text and "{" not in text
    return reason(caught.value.message)


@pytest.mark.parametrize("literal", ["1e27", "1e300", "-4.2e40"])
def test_a_huge_number_is_refused_with_its_value_written_out(literal):
    assert refused(sofa_width(literal)) == "error.positive"  # must be a positive size, at most …


def test_a_huge_number_is_written_in_the_readers_style():
    assert format_number(1.5e27, "da") == "1,5e+27"
    assert format_number(1.5e27, "en") == "1.5e+27"
    assert format_number(12.5, "da") == "12,5"


@pytest.mark.parametrize("digits", [400, 5000])
def test_an_integer_too_large_for_a_float_or_for_python_is_refused(digits):
    literal = "9" * digits
    assert refused(sofa_width(literal)) in {"file.not_finite", "file.bad_json"}


def test_a_point_with_a_huge_integer_is_refused():
    raw = plan_to_json(sample())
    raw["placements"][0]["center"] = ["BIG", 0]
    assert refused(with_plan_json(json.dumps(raw).replace('"BIG"', "9" * 400))) == (
        "file.not_finite"
    )


def test_a_zip_whose_header_points_before_the_file_is_damaged():
    data = bytearray(plan_bytes(sample()))
    end = data.rfind(b"PK\x05\x06")  # the end of central directory record
    offset = int.from_bytes(data[end + 16 : end + 20], "little")  # the directory's offset
    data[end + 16 : end + 20] = (offset + 1000).to_bytes(4, "little")  # members "before" 0
    assert refused(bytes(data)) == "file.damaged"


def test_a_lone_surrogate_in_an_id_is_refused():
    raw = plan_to_json(sample())
    raw["placements"][0]["id"] = "LONE"
    assert refused(with_plan_json(json.dumps(raw).replace("LONE", "\\udfff"))) == "file.bad_text"


def test_hjem_check_says_so_and_exits_2(tmp_path):
    path = tmp_path / "e-mail.hjem"
    path.write_bytes(sofa_width("1e27"))
    done = subprocess.run(
        [sys.executable, "-m", "hjem", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "e+27" in done.stderr
