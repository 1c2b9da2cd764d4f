"""What the commands say and ask on the terminal about the encrypted workspace: the progress of
a conversion, the recovery code, and passphrases (getpass, only when a person is at a terminal;
otherwise a message says what to do instead). The key itself is never printed or logged,
except as the recovery code a person asked to see, and never when it came from
HJEM_WORKSPACE_KEY."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TextIO

from hjem.commands import CommandFailed
from hjem.db import conversion, keystore, recovery_code
from hjem.db.engine import PlainWorkspace
from hjem.db.passphrase import MIN_LENGTH, WeakPassphrase, WrongPassphrase, check_strength
from hjem.errors import UserError
from hjem.i18n import tr

TRIES = 3  # passphrases typed before the command gives up


class Percent:
    """Conversion progress on stderr: one line rewritten in place at a terminal, a line per
    tenth elsewhere (a log)."""

    def __init__(self) -> None:
        self.shown = -1
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        step = 1 if self.live else 10
        if percent // step == self.shown // step and self.shown >= 0:
            return
        self.shown = percent
        text = tr("cli.workspace.progress", percent=percent)
        if self.live:
            print(f"\r{text}", end="\n" if percent == 100 else "", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)


def at_terminal() -> bool:
    return sys.stdin.isatty()


def ask(prompt: str) -> str:
    if not at_terminal():
        raise CommandFailed(tr("cli.workspace.no_terminal"))
    return getpass.getpass(prompt)


def choose_passphrase(prompt: str) -> str:
    """A new passphrase, typed twice alike and long enough."""
    for _ in range(TRIES):
        first = ask(prompt)
        try:
            check_strength(first)
        except WeakPassphrase as weak:
            print(weak.message.text(), file=sys.stderr)
            continue
        if ask(tr("cli.workspace.repeat_passphrase")) == first:
            return first
        print(tr("cli.workspace.passphrases_differ"), file=sys.stderr)
    raise CommandFailed()


def new_passphrase() -> str:
    return choose_passphrase(tr("cli.workspace.choose_passphrase", length=MIN_LENGTH))


def passphrase_for_no_keyring() -> str:
    """A passphrase to keep the key under, on a computer with no keyring: why, then the
    passphrase typed twice (CommandFailed with no terminal to type it at)."""
    if not at_terminal():
        raise CommandFailed(tr("cli.workspace.no_terminal"))
    print(tr("cli.workspace.no_keyring"), file=sys.stderr)
    return new_passphrase()


def unlock(path: Path) -> None:
    """The passphrase asked for until it unlocks the workspace's key (kept in memory)."""
    for _ in range(TRIES):
        try:
            keystore.unlock_with_passphrase(path, ask(tr("cli.workspace.ask_passphrase")))
            return
        except WrongPassphrase as wrong:
            print(wrong.message.text(), file=sys.stderr)
    raise CommandFailed()


def show_code(path: Path, out: TextIO) -> None:
    """The recovery code of the workspace's key, with what to do with it; only the
    environment's key is never shown (it was not made here)."""
    if keystore.environment_key() is not None:
        print(tr("cli.workspace.environment_key"), file=out)
        return
    code = recovery_code.encode(keystore.key_for(path))
    print(tr("cli.workspace.code", code=code), file=out)


def convert(path: Path, out: TextIO) -> None:
    """Convert the plain workspace at `path` with the progress on stderr; a passphrase is
    chosen here when there is no keyring; then what was done and the recovery code."""
    try:
        report = conversion.encrypt_plain(path, progress=Percent())
    except keystore.NoKeyring:
        passphrase = passphrase_for_no_keyring()
        report = conversion.encrypt_plain(path, progress=Percent(), passphrase=passphrase)
    seconds = round(report.seconds, 1)
    print(tr("cli.workspace.encrypted", count=report.rows, seconds=seconds), file=out)
    for file in report.removed:
        print(tr("cli.workspace.removed", file=file), file=out)
    if any(".backup-" in file.name for file in report.removed):
        print(tr("cli.workspace.removed_backups"), file=out)
    show_code(path, out)


def overcome(refusal: UserError) -> None:
    """Do at the terminal what opening the workspace needs: convert a plain one, ask for its
    passphrase, or have one chosen for a new workspace on a computer with no keyring (and
    show its recovery code). The refusal itself is raised when nothing here can help."""
    if isinstance(refusal, PlainWorkspace):
        convert(refusal.path, sys.stderr)  # stdout is the command's own (--json)
    elif isinstance(refusal, keystore.PassphraseNeeded) and at_terminal():
        unlock(refusal.path)
    elif isinstance(refusal, keystore.NoKeyring) and at_terminal():
        keystore.new_key(refusal.path, passphrase_for_no_keyring())
        show_code(refusal.path, sys.stderr)
    else:
        raise refusal
