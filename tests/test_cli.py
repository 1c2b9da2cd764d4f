"""The `hjem` command line: version, help, language."""

import os
import subprocess
import sys

from hjem import __version__
from tests.conftest import ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "hjem", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_version_says_the_build_the_workspace_and_the_licences(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "hjem", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "HJEM_DATA_DIR": str(tmp_path / "data")},
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines[0] == f"hjem {__version__} (udviklerudgave, kører fra kildekoden)"
    assert lines[1] == f"Arbejdsområdet på denne computer: {tmp_path / 'data' / 'workspace.sqlite'}"
    assert not (tmp_path / "data").exists()  # saying where writes nothing there
    assert "  DejaVu Sans 2.37 – Bitstream Vera" in lines
    assert any(line.startswith("  PySide6_Essentials ") and "LGPL" in line for line in lines)


def test_help_lists_the_commands_in_danish_and_english():
    danish = run("--help")
    assert danish.returncode == 0 and "check" in danish.stdout and "konflikter" in danish.stdout
    english = run("--lang", "en", "--help")
    assert "conflicts" in english.stdout


def test_check_speaks_english_when_asked():
    result = run(
        "--lang", "en", "check", str(ROOT / "assets" / "samples" / "2-vaerelser-konflikter.hjem")
    )
    assert result.returncode == 1
    assert "The sofa and the coffee table overlap" in result.stdout


def test_a_wrong_command_is_a_usage_error():
    assert run("frobnicate").returncode == 2


ARGPARSE_ENGLISH = ("usage:", "show this help", "positional arguments", "options:", "error:")


def test_help_and_usage_errors_speak_danish_with_no_english_left():
    for args in (["--help"], ["inventory", "find", "--help"], ["case", "--help"]):
        shown = run(*args).stdout
        assert shown.startswith("brug: hjem") and "vis denne hjælp og afslut" in shown, args
        assert not [word for word in ARGPARSE_ENGLISH if word in shown], args
    assert "tilvalg:" in run("--help").stdout and "argumenter:" in run("check", "--help").stdout
    missing = run("inventory").stderr
    assert "hjem inventory: fejl: disse argumenter mangler: HANDLING" in missing
    wrong = run("frobnicate").stderr
    assert "ugyldigt valg: 'frobnicate' (vælg mellem 'check'" in wrong
    assert not [word for word in ARGPARSE_ENGLISH if word in missing + wrong]


def test_help_and_usage_errors_speak_english_when_asked():
    shown = run("--lang", "en", "--help").stdout
    assert shown.startswith("usage: hjem") and "show this help message and exit" in shown
    assert "the following arguments are required" in run("--lang", "en", "inventory").stderr
