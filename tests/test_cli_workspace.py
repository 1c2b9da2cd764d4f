"""`hjem workspace encrypt|change-key|recover`, and the ordinary commands on a plain or locked
workspace, as real processes: exit codes, Danish messages, no traceback, no key but the
recovery code a person is to write down."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from hjem import cli
from hjem.commands import workspace_terminal
from hjem.db import cipher, keystore, recovery_code
from tests.db.hjem_process import hjem, said
from tests.db.plain_workspace import CASE, HOUSEHOLD, plain_backup, plain_workspace
from tests.keyrings import file_keyring_env
from tests.workspace_file import session_key

CODE = re.compile(r"\b(?:[0-9A-Z]{4}-){12}[0-9A-Z]{4}\b")


def _plain(folder: Path) -> Path:
    return plain_workspace(folder / "workspace.sqlite", items=300)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_encrypt_converts_and_never_shows_the_environments_key(tmp_path):
    path = _plain(tmp_path)
    backup = plain_backup(path)
    result = hjem("workspace", "encrypt", data=tmp_path)
    assert result.returncode == 0, said(result)
    assert "Arbejdsområdet er krypteret og kontrolleret: 3" in result.stdout
    assert "100 %" in result.stderr
    assert f"Overskrevet og slettet (ukrypteret): {backup}" in result.stdout
    assert "HJEM_WORKSPACE_KEY" in result.stdout and not CODE.search(said(result))
    assert session_key().hex() not in said(result)
    assert not cipher.is_plain(path) and not backup.exists()
    for content in _files(tmp_path).values():
        assert not any(field.encode() in content for field in HOUSEHOLD)

    again = hjem("workspace", "encrypt", data=tmp_path)
    assert again.returncode == 0 and "allerede krypteret" in said(again)
    listed = hjem("case", "list", data=tmp_path)
    assert listed.returncode == 0 and CASE in listed.stdout


def test_encrypt_shows_the_recovery_code_of_a_key_kept_in_the_keyring(tmp_path):
    path = _plain(tmp_path)
    result = hjem("workspace", "encrypt", data=tmp_path, **file_keyring_env(tmp_path / "ring"))
    assert result.returncode == 0, said(result)
    code = CODE.search(result.stdout)
    assert code and "Skriv koden ned på papir" in result.stdout
    assert cipher.key_fits(path, recovery_code.decode(code.group()))


def test_any_command_converts_a_plain_workspace_first_and_keeps_its_output_clean(tmp_path):
    path = _plain(tmp_path)
    result = hjem("case", "list", "--json", data=tmp_path)
    assert result.returncode == 0, said(result)
    assert [case["code"] for case in json.loads(result.stdout)["cases"]] == [CASE]
    assert "100 %" in result.stderr and not cipher.is_plain(path)


def test_change_key_shuts_the_old_code_out(tmp_path):
    path = _plain(tmp_path)
    assert hjem("workspace", "encrypt", data=tmp_path).returncode == 0
    ring = file_keyring_env(tmp_path.parent / f"{tmp_path.name}-ring")
    old_code = recovery_code.encode(session_key())
    recovered = hjem("workspace", "recover", "--code", old_code, data=tmp_path, **ring)
    assert recovered.returncode == 0 and "Gendannelseskoden passer" in said(recovered)

    changed = hjem("workspace", "change-key", data=tmp_path, **ring)
    assert changed.returncode == 0, said(changed)
    assert "Den gamle gendannelseskode åbner det ikke længere" in changed.stdout
    new_code = CODE.search(changed.stdout)
    assert new_code and new_code.group() != old_code
    assert cipher.key_fits(path, recovery_code.decode(new_code.group()))
    assert not cipher.key_fits(path, session_key())

    files = _files(tmp_path)
    wrong = hjem("workspace", "recover", "--code", old_code, data=tmp_path, **ring)
    assert wrong.returncode == 2
    assert "Gendannelseskoden passer ikke til dette arbejdsområde" in said(wrong)
    assert _files(tmp_path) == files
    listed = hjem("case", "list", data=tmp_path, **ring)
    assert listed.returncode == 0 and CASE in listed.stdout


def test_a_key_from_the_environment_is_not_changed(tmp_path):
    _plain(tmp_path)
    assert hjem("workspace", "encrypt", data=tmp_path).returncode == 0
    files = _files(tmp_path)
    result = hjem("workspace", "change-key", data=tmp_path)
    assert result.returncode == 2 and "HJEM_WORKSPACE_KEY" in said(result)
    assert _files(tmp_path) == files


def test_a_mistyped_code_is_said_and_nothing_is_written(tmp_path):
    _plain(tmp_path)
    assert hjem("workspace", "encrypt", data=tmp_path).returncode == 0
    files = _files(tmp_path)
    typo = recovery_code.encode(session_key())[:-1]
    result = hjem("workspace", "recover", "--code", typo, data=tmp_path, HJEM_WORKSPACE_KEY="")
    assert result.returncode == 2 and "Gendannelseskoden er ikke skrevet rigtigt" in said(result)
    assert _files(tmp_path) == files


def test_without_a_terminal_a_passphrase_is_not_asked_for(tmp_path):
    _plain(tmp_path)
    assert hjem("workspace", "encrypt", data=tmp_path).returncode == 0
    files = _files(tmp_path)
    code = recovery_code.encode(session_key())
    # No keyring and no terminal: no passphrase can be chosen to keep the key under.
    result = hjem("workspace", "recover", "--code", code, data=tmp_path, HJEM_WORKSPACE_KEY="")
    assert result.returncode == 2 and "ikke er nogen terminal" in said(result)
    assert _files(tmp_path) == files


def test_a_plain_workspace_with_no_keyring_and_no_terminal_is_left_as_it_is(tmp_path):
    path = _plain(tmp_path)
    files = _files(tmp_path)
    result = hjem("case", "list", data=tmp_path, HJEM_WORKSPACE_KEY="")
    assert result.returncode == 2 and "ikke er nogen terminal" in said(result)
    assert cipher.is_plain(path) and _files(tmp_path) == files


class Terminal:
    """A person at the terminal typing `answers` in turn."""

    def __init__(self, monkeypatch, *answers: str):
        self.answers = list(answers)
        monkeypatch.setattr(workspace_terminal, "at_terminal", lambda: True)
        monkeypatch.setattr(workspace_terminal.getpass, "getpass", self.type)

    def type(self, prompt: str) -> str:
        return self.answers.pop(0)


def test_at_a_terminal_recover_keeps_the_key_under_a_passphrase_typed_twice(
    tmp_path, monkeypatch, no_keyring, capsys
):
    path = _plain(tmp_path)
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path))
    assert cli.main(["workspace", "encrypt"]) == 0
    key = session_key()
    code = recovery_code.encode(key)
    monkeypatch.setenv("HJEM_WORKSPACE_KEY", "")
    keystore.forget_all()
    Terminal(monkeypatch, "kort", "sofaen i stuen", "sofaen i stuen")
    assert cli.main(["workspace", "recover", "--code", code]) == 0
    assert "mindst 8 tegn" in capsys.readouterr().err
    keystore.forget_all()
    Terminal(monkeypatch, "forkert sætning", "sofaen i stuen")
    assert cli.main(["case", "list"]) == 0  # asked for the passphrase, the second one fits
    out, err = capsys.readouterr()
    assert CASE in out and "Adgangssætningen passer ikke" in err
    assert keystore.key_for(path) == key


def test_the_code_comes_from_the_standard_input_or_is_asked_for_never_from_the_history(
    tmp_path, monkeypatch, memory_keyring
):
    """`--code -` reads it from the standard input, and without --code hjem asks at the
    terminal: either way it stands neither in the shell's history nor in the process list."""
    path = _plain(tmp_path)
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path))
    assert cli.main(["workspace", "encrypt"]) == 0
    key = session_key()
    code = recovery_code.encode(key)
    monkeypatch.setenv("HJEM_WORKSPACE_KEY", "")
    for args, typed in ((["--code", "-"], None), ([], code)):
        keystore.forget_all()
        memory_keyring.kept.clear()
        keystore.drop_key_file(path)
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{code}\n"))
        if typed is not None:
            Terminal(monkeypatch, typed)
        assert cli.main(["workspace", "recover", *args]) == 0
        keystore.forget_all()
        assert keystore.key_for(path) == key  # kept in the keyring
