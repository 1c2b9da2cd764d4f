"""Mutated .hjem files, made from the samples and the hostile corpus by a seeded mutator.

File number `index` of run `seed` is always the same bytes (its own `random.Random`), so a
failure is reproduced from the two numbers alone:

    python -m tests.fuzz.plan_mutants SEED INDEX out.hjem

A third of the files are broken at the byte level (zip_mutations), half in plan.json's values
(json_mutations, one to three at a time, sometimes with a byte-level break on top), and the
rest in which members the archive holds (a background image that is no image, a bomb, EPS).
"""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image

from tests.conftest import ROOT
from tests.fuzz.json_mutations import JSON_MUTATIONS, serialized
from tests.fuzz.zip_mutations import ZIP_MUTATIONS

# The samples are whole, realistic plans: most files start from one of them. The corpus's
# files are broken already, each in its own way, and mutated further.
SAMPLES = sorted((ROOT / "assets" / "samples").glob("*.hjem"))
CORPUS = sorted((ROOT / "tests" / "floorplan" / "corpus").glob("*.hjem"))
SOURCES = SAMPLES + CORPUS


@dataclass(frozen=True)
class Mutant:
    """A mutated file: what it was made from and how, and its bytes."""

    index: int
    source: str
    mutations: tuple[str, ...]
    data: bytes

    @property
    def name(self) -> str:
        return f"#{self.index} {self.source}: {' + '.join(self.mutations)}"


@cache
def _source_bytes() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in SOURCES}


@cache
def _images() -> dict[str, bytes]:
    """Background members to slip in: a real picture, and pictures that are not."""
    buffer = io.BytesIO()
    Image.new("L", (64, 48), 200).save(buffer, "PNG")
    png = buffer.getvalue()
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "white").save(buffer, "JPEG")
    jpeg = buffer.getvalue()
    from tests.inventory.photo_files import eps, png_of_zero_rows

    return {
        "png": png,
        "jpeg": jpeg,
        "png-cut": png[: len(png) // 2],
        "eps": eps(),
        "png-bomb": png_of_zero_rows(9000, 9000, 0),  # 81 MP, over the 60 MP background limit
        "jpeg-as-png": jpeg,
        "empty": b"",
    }


def _plan_json(data: bytes) -> dict | None:
    """plan.json's value in a well-formed source, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            value = json.loads(archive.read("plan.json"))
    except Exception:
        return None
    return value if isinstance(value, dict) else None


def _zipped(members: dict[str, bytes], rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if rng.random() < 0.8 else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _json_mutant(plan: dict, rng: random.Random) -> tuple[dict[str, bytes], list[str]]:
    done = [rng.choice(JSON_MUTATIONS)(plan, rng) for _ in range(rng.choice((1, 1, 2, 3)))]
    return {"plan.json": serialized(plan, rng)}, done


def _member_mutant(plan: dict, rng: random.Random) -> tuple[dict[str, bytes], list[str]]:
    kind = rng.choice(sorted(_images()))
    member = "background.png" if kind.startswith(("png", "jpeg-as", "eps", "empty")) else ""
    member = member or "background.jpg"
    plan["background"] = {"image": member, "cm_per_pixel": rng.choice((1, 0.5, 1e-9, 1e9)),
                          "origin": [0, 0], "opacity": 0.5}  # fmt: skip
    members = {"plan.json": json.dumps(plan).encode(), member: _images()[kind]}
    extra = rng.choice(("", "../evil", "/abs", "later.txt", "plan.json", "many"))
    if extra == "many":
        members.update({f"m{i}": b"" for i in range(20)})
    elif extra:
        members[extra] = b"x"
    return members, [f"member:{kind}->{member}", f"member:extra={extra}"]


def mutant(seed: int, index: int) -> Mutant:
    """File `index` of the run with `seed`: the same bytes every time."""
    rng = random.Random(f"hjem-fuzz/{seed}/{index}")
    source = rng.choice(SAMPLES if rng.random() < 0.75 else CORPUS).name
    data = _source_bytes()[source]
    plan = _plan_json(data)
    level = rng.random()
    if plan is not None and level < 0.65:
        make = _json_mutant if level < 0.5 else _member_mutant
        members, done = make(plan, rng)
        data = _zipped(members, rng)
        if rng.random() < 0.15:
            data, name = rng.choice(ZIP_MUTATIONS)(data, rng)
            done.append(name)
    else:
        done = []
        for _ in range(rng.choice((1, 1, 1, 2))):
            data, name = rng.choice(ZIP_MUTATIONS)(data, rng)
            done.append(name)
    return Mutant(index, source, tuple(done), data)


if __name__ == "__main__":
    seed, index, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    made = mutant(seed, index)
    out.write_bytes(made.data)
    print(made.name)
