"""Fuzzing `hjem check` and the printout (issue 12, "done when"): a few hundred mutated .hjem
files, each read by its own `python -m hjem` with time and memory caps, must all end in
exit 0 (no conflicts), 1 (conflicts) or 2 (cannot read), never in a traceback.

The seed changes every day (or is HJEM_FUZZ_SEED) and is printed, with the slowest files; a
failing file is saved and named in the failure with the command that reproduces it.
HJEM_FUZZ_FILES sets how many files to try (300 by default)."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fuzz.plan_mutants import Mutant, mutant

FILES = int(os.environ.get("HJEM_FUZZ_FILES", "300"))
SEED = int(os.environ.get("HJEM_FUZZ_SEED") or dt.datetime.now(dt.UTC).strftime("%Y%m%d"))
# Time caps: 20 s of CPU (generous: the bar for an accepted plan is 2 s, issue 12 point 5),
# and 60 s on the clock for a process that waits on something. CPU time, not the clock, is
# the bound that holds on a busy CI machine running this test beside others.
CPU_CAP_S = 20
TIME_CAP_S = 60.0
ADDRESS_SPACE_CAP = 1536 * 1024 * 1024  # `hjem check` of a sample maps ~170 MB, printing ~215 MB
PRINT_EVERY = 5  # one file in five that `check` reads is printed as the family's PDF too
EXIT_CODES = {0, 1, 2}


@dataclass(frozen=True)
class Run:
    command: str
    returncode: int | None  # None: killed at the time cap
    seconds: float
    output: str


def _capped() -> None:
    """In the child, before it runs hjem: no more address space or CPU time than the caps
    (SIGXCPU ends it), no core file."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_CAP_S, CPU_CAP_S + 2))  # then SIGKILL
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _hjem(*args: str, data_dir: Path) -> Run:
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HJEM_DATA_DIR": str(data_dir),  # an empty workspace folder: printing creates none
        "OPENBLAS_NUM_THREADS": "1",
        "PYTHONFAULTHANDLER": "",
    }
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hjem", *args],
            capture_output=True,
            text=True,
            errors="replace",
            cwd=ROOT,
            env=environment,
            preexec_fn=_capped,
            timeout=TIME_CAP_S,
        )
    except subprocess.TimeoutExpired as expired:
        output = (expired.stderr or b"")[-2000:]
        text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
        return Run(" ".join(args[:1]), None, time.monotonic() - started, text)
    return Run(
        " ".join(args[:1]),
        done.returncode,
        time.monotonic() - started,
        (done.stdout[-2000:] + done.stderr[-4000:]),
    )


def _problem(run: Run) -> str | None:
    if run.returncode is None:
        return f"{run.command} still running after {TIME_CAP_S:.0f} s"
    if "Traceback" in run.output or "MemoryError" in run.output:
        return f"{run.command} ended in a traceback:\n{run.output[-1500:]}"
    if run.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"{run.command} used more than {CPU_CAP_S} s of CPU (or was killed)"
    if run.returncode not in EXIT_CODES:
        return f"{run.command} exited {run.returncode}:\n{run.output[-800:]}"
    return None


def _checked(made: Mutant, folder: Path) -> tuple[Mutant, list[Run], str | None]:
    path = _kept(made, folder)
    run = _hjem("check", str(path), data_dir=_data_dir(folder, made))
    problem = _problem(run)
    if problem is None and run.returncode not in (0, 1):
        path.unlink()  # refused, clearly: nothing more to try
    return made, [run], problem


def _printed(made: Mutant, folder: Path) -> tuple[Mutant, list[Run], str | None]:
    """The family's printout of a plan `check` read: printing crashed on a lone surrogate."""
    path, pdf = _kept(made, folder), folder / f"fuzz-{made.index}.pdf"
    run = _hjem("handover", str(path), "-o", str(pdf), data_dir=_data_dir(folder, made))
    pdf.unlink(missing_ok=True)
    return made, [run], _problem(run)


def _kept(made: Mutant, folder: Path) -> Path:
    path = folder / f"fuzz-{SEED}-{made.index}.hjem"
    if not path.exists():
        path.write_bytes(made.data)
    return path


def _data_dir(folder: Path, made: Mutant) -> Path:
    data_dir = folder / f"data-{made.index}"
    data_dir.mkdir(exist_ok=True)
    return data_dir


@pytest.mark.slow
@pytest.mark.timeout(120 + 2 * FILES)  # ~0.3 s a file on two cores; more files, more time
def test_every_mutated_plan_file_ends_in_a_clear_exit_without_a_traceback():
    folder = Path(tempfile.mkdtemp(prefix=f"hjem-fuzz-{SEED}-"))
    print(f"\nhjem fuzz: seed {SEED}, {FILES} files, failing files kept in {folder}")
    with ThreadPoolExecutor(max(2, os.cpu_count() or 2)) as pool:
        checked = list(pool.map(lambda i: _checked(mutant(SEED, i), folder), range(FILES)))
        readable = [made for made, runs, problem in checked if runs[0].returncode in (0, 1)]
        printed = list(pool.map(lambda m: _printed(m, folder), readable[::PRINT_EVERY]))
    results = checked + printed
    print(_report(results))
    _keep_only_failures(folder, results)
    failures = [
        f"{made.name}\n  kept as {folder}/fuzz-{SEED}-{made.index}.hjem\n  {problem}\n"
        f"  again: python -m tests.fuzz.plan_mutants {SEED} {made.index} x.hjem"
        for made, _, problem in results
        if problem is not None
    ]
    assert not failures, f"seed {SEED}: {len(failures)} runs failed\n" + "\n".join(failures[:10])


def _keep_only_failures(folder: Path, results: list[tuple[Mutant, list[Run], str | None]]) -> None:
    failed = {made.index for made, _, problem in results if problem is not None}
    for path in folder.iterdir():
        number = path.name.rsplit("-", 1)[-1].split(".")[0]
        if number.isdigit() and int(number) in failed and path.suffix == ".hjem":
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    if not failed:
        folder.rmdir()


def _report(results: list[tuple[Mutant, list[Run], str | None]]) -> str:
    """Counts by exit code and the slowest runs, for the log."""
    runs = [(made, run) for made, made_runs, _ in results for run in made_runs]
    codes: dict[str, int] = {}
    for _, run in runs:
        key = f"{run.command} exit {run.returncode}"
        codes[key] = codes.get(key, 0) + 1
    slowest = sorted(runs, key=lambda pair: -pair[1].seconds)[:5]
    lines = [f"  {key}: {count}" for key, count in sorted(codes.items())]
    lines += [
        f"  slow: {run.seconds:.1f} s {run.command} {made.name[:160]}" for made, run in slowest
    ]
    return "\n".join(lines)


def test_a_mutant_is_the_same_bytes_for_the_same_seed_and_number():
    assert mutant(7, 3) == mutant(7, 3)
    assert {mutant(7, i).data for i in range(20)} != {mutant(8, i).data for i in range(20)}
