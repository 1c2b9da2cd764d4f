import importlib.util
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Qt tests run without a screen, on a virtual one the size of a volunteer's laptop
# (1366 × 768); set before anything imports Qt.
LAPTOP_SCREEN = ROOT / "tests" / "ui" / "laptop_screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={LAPTOP_SCREEN}")
# No test touches the real user's keyring (a remembered team-server password): the tests of
# remembering choose a keyring of their own.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# CI has no desktop keyring: every workspace the tests make is encrypted under this session's
# key (hjem.db.keystore reads it), which the subprocesses they start inherit.
os.environ["HJEM_WORKSPACE_KEY"] = os.urandom(32).hex()


def script(name: str) -> ModuleType:
    """One of the project's `scripts/NAME.py`, loaded as a module (scripts are no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def private_workspace(tmp_path_factory, monkeypatch) -> None:
    """No test opens the real user's workspace: one left by another checkout of hjem (a newer
    migration, other cases) would decide what the test sees."""
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    # Nor the window's settings (the name the volunteer gave) in a `hjem` the test starts.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def no_key_in_memory() -> Iterator[None]:
    """Each test starts as hjem does: no workspace key typed yet (hjem.db.keystore)."""
    from hjem.db import keystore

    keystore.forget_all()
    yield
    keystore.forget_all()


def hjem_in_process(monkeypatch, capsys, data_dir: Path) -> Iterator[Callable[..., tuple]]:
    """For a fixture to yield from: `hjem ARGS` run in this process on the workspace in
    `data_dir`, Danish as a fresh `hjem` starts; each run gives (exit status, captured output)."""
    from hjem.cli import main
    from hjem.i18n import set_language

    monkeypatch.setenv("HJEM_DATA_DIR", str(data_dir))
    monkeypatch.delenv("HJEM_DATABASE_URL", raising=False)

    def run(*args: str) -> tuple:
        set_language("da")
        status = main(list(args))
        return status, capsys.readouterr()

    yield run
    set_language("da")


@pytest.fixture
def samples() -> Path:
    return ROOT / "assets" / "samples"


pytest_plugins = ["tests.database_fixtures", "tests.db.team_server", "tests.keyrings"]
