"""The `hjem` command line: version, help, language."""

import subprocess
import sys

from hjem import __version__
from tests.conftest import ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "hjem", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"hjem {__version__}"


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
