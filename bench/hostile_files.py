"""Benchmark: refusing each damaged or hostile file of the corpus (issue #2: one clear error
within 2 s). Ours is `load_plan`, which caps sizes while unpacking and measures images before
decoding; the baseline reads the same file the naive way (read every member, parse the JSON,
decode the image), in the same run. `refuse_all` sums the corpus; `slowest` names the file
that took us longest.

Run: python -m bench.hostile_files [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import io
import json
import sys
import time
import zipfile

from PIL import Image

from bench.common import ROOT, case, report
from hjem.floorplan.codec import PlanFileError
from hjem.floorplan.hjemfile import load_plan

CORPUS = ROOT / "tests" / "floorplan" / "corpus"


def naive_load(path) -> None:
    """What a careless reader does: trust the archive and decode everything."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                if name == "plan.json":
                    json.loads(data)
                elif name.startswith("background"):
                    Image.MAX_IMAGE_PIXELS = None  # the careless part: no bomb check
                    Image.open(io.BytesIO(data)).load()
    except Exception:  # any failure ends the naive read
        return


def ours(path) -> None:
    try:
        load_plan(path)
    except PlanFileError:
        return
    raise AssertionError(f"{path.name} was accepted")


def seconds(run, path) -> float:
    start = time.perf_counter()
    run(path)
    return time.perf_counter() - start


def main() -> None:
    files = sorted(CORPUS.glob("*.hjem"))
    if "--quick" in sys.argv:
        files = [f for f in files if f.name != "zip-bomb.hjem"]
    ours_times = {f.name: seconds(ours, f) for f in files}
    naive_times = {f.name: seconds(naive_load, f) for f in files}
    worst = max(ours_times, key=lambda name: ours_times[name])
    cases = [
        case(
            "refuse_all",
            len(files),
            sum(ours_times.values()) * 1e6,
            sum(naive_times.values()) * 1e6,
            slowest=worst,
            slowest_us=round(ours_times[worst] * 1e6, 1),
        )
    ]
    for name in ("zip-bomb.hjem", "image-bomb.hjem"):
        if name in ours_times:
            cases.append(
                case(f"refuse_{name[:-5]}", 1, ours_times[name] * 1e6, naive_times[name] * 1e6)
            )
    report("hostile_files", cases)


if __name__ == "__main__":
    main()
