"""Hostile and damaged Sweet Home 3D files: each refused with its one typed error, in its own
process, within 2 s and 200 MB beyond what the interpreter and hjem take to start."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hjem.errors import UserError
from hjem.floorplan.sh3d import HomeFileError, import_home

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = Path(__file__).resolve().parent / "sh3d_corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())
SECONDS, EXTRA_MB = 2.0, 200

# Runs in a fresh interpreter: peak memory (ru_maxrss, kB on Linux) is measured after the
# imports, so what is counted is what the file made hjem take.
PROBE = """
import json, resource, sys, time
from hjem.floorplan.sh3d import HomeFileError, import_home
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
found = {}
for path in sys.argv[1:]:
    start = time.perf_counter()
    try:
        import_home(path)
        key = None
    except HomeFileError as error:
        key = error.message.key
    found[path] = (key, time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"found": found, "extra_mb": (peak - base) / 1024}))
"""


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gives_its_one_typed_error(name):
    with pytest.raises(HomeFileError) as caught:
        import_home(CORPUS / name)
    assert isinstance(caught.value, UserError)
    assert caught.value.message.key == EXPECTED[name]
    for lang in ("da", "en"):
        text = caught.value.message.text(lang)
        assert text and "{" not in text and "Traceback" not in text


def test_every_hostile_file_is_refused_within_two_seconds_and_200_mb():
    paths = [str(CORPUS / name) for name in sorted(EXPECTED)]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    outcome = json.loads(done.stdout)
    for path, (key, seconds) in outcome["found"].items():
        assert key == EXPECTED[Path(path).name], path
        assert seconds < SECONDS, (path, seconds)
    assert outcome["extra_mb"] < EXTRA_MB


def test_the_corpus_covers_every_kind_the_issue_names():
    for kind in ("zip-bomb", "ratio-bomb", "lying-header", "billion-laughs", "huge-attribute"):
        assert f"{kind}.sh3d" in EXPECTED
    for kind in ("deep-nesting", "too-many-elements", "zip-slip", "old-format", "too-many-pieces"):
        assert f"{kind}.sh3d" in EXPECTED


def test_too_many_members_are_refused(tmp_path, monkeypatch):
    from hjem.floorplan.sh3d import archive
    from tests.floorplan.sh3d.homes import home_xml, sh3d_bytes

    monkeypatch.setattr(archive, "MAX_MEMBERS", 2)  # the real limit needs a 5 MB file
    (tmp_path / "many.sh3d").write_bytes(sh3d_bytes(home_xml()))
    with pytest.raises(HomeFileError) as caught:
        import_home(tmp_path / "many.sh3d")
    assert caught.value.message.key == "sh3d.error.too_many_members"


def test_a_model_named_with_a_colon_is_no_reason_to_refuse(tmp_path):
    import io
    import zipfile

    from tests.floorplan.sh3d.homes import box_walls, home_xml

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Home.xml", home_xml(*box_walls()))
        archive.writestr("5/Chair: red.obj", b"v 0 0 0\n")
    (tmp_path / "colon.sh3d").write_bytes(buffer.getvalue())
    assert len(import_home(tmp_path / "colon.sh3d").plan.walls) == 4
