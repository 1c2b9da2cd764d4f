"""`hjem workspace encrypt|change-key|recover`: the encrypted workspace on this computer.

- `encrypt` converts a workspace an older hjem left unencrypted (any command would, too);
- `change-key` re-encrypts it under a new random key, when the recovery code or the
  passphrase may have been seen by someone else;
- `recover --code CODE` opens it with the recovery code on a new computer or after the key
  was lost, and keeps the key here (the keyring, or under a new passphrase).
Exit status 0 done, 2 not done (the reason said; nothing changed). The database layer and
the terminal's prompts load inside the handlers: `hjem --help` stays quick."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hjem.commands import EXIT_CANNOT, EXIT_OK, CommandFailed, Subcommands
from hjem.i18n import tr


def add(commands: Subcommands) -> None:
    text = tr("cli.workspace.help")
    workspace = commands.add_parser("workspace", help=text, description=text)
    actions = workspace.add_subparsers(
        title=tr("cli.commands"), metavar=tr("cli.action"), required=True
    )
    for name, handler, key in (
        ("encrypt", run_encrypt, "cli.workspace.encrypt_help"),
        ("change-key", run_change_key, "cli.workspace.change_key_help"),
        ("recover", run_recover, "cli.workspace.recover_help"),
    ):
        action = actions.add_parser(name, help=tr(key), description=tr(key))
        action.set_defaults(handler=handler)
        if name == "recover":
            action.add_argument("--code", help=tr("cli.workspace.code_help"))


def local_file(args: argparse.Namespace) -> Path:
    """The workspace file on this computer, with what a crash left beside it dealt with;
    CommandFailed for a team server's address."""
    from hjem.db import change_key, conversion
    from hjem.db.engine import database_url, sqlite_path

    path = sqlite_path(database_url(args.database))
    if path is None:
        raise CommandFailed(tr("cli.workspace.not_local"))
    change_key.finish_interrupted(path)
    conversion.finish_interrupted(path)
    return path


def run_encrypt(args: argparse.Namespace) -> int:
    from hjem.commands import workspace_terminal as terminal
    from hjem.db import cipher

    path = local_file(args)
    if cipher.is_empty(path):
        raise CommandFailed(tr("cli.workspace.no_workspace", file=path))
    if not cipher.is_plain(path):
        print(tr("cli.workspace.already"))
        return EXIT_OK
    terminal.convert(path, sys.stdout)
    return EXIT_OK


def run_change_key(args: argparse.Namespace) -> int:
    from hjem.commands import workspace_terminal as terminal
    from hjem.db import change_key, keystore

    path = local_file(args)
    _openable(path)
    keys = keystore.read_key_file(path)
    passphrase = None
    if keys is not None and keys.passphrase is not None and not keys.in_keyring:
        passphrase = _new_key_passphrase()
    try:
        change = change_key.change_key(path, passphrase)
    except keystore.NoKeyring:
        change = change_key.change_key(path, terminal.passphrase_for_no_keyring())
    print(tr("cli.workspace.key_changed"))
    if change.backups_removed:
        print(tr("cli.workspace.backups_removed", count=change.backups_removed))
    terminal.show_code(path, sys.stdout)
    return EXIT_OK


def _openable(path: Path) -> None:
    """The workspace's key at hand (a passphrase asked for); a plain workspace or none at
    all is said and ends the command."""
    from hjem.commands import workspace_terminal as terminal
    from hjem.db import cipher, keystore
    from hjem.db.engine import workspace_key

    if cipher.is_empty(path):
        raise CommandFailed(tr("cli.workspace.no_workspace", file=path))
    try:
        workspace_key(path)
    except keystore.PassphraseNeeded as needed:
        terminal.overcome(needed)


def _new_key_passphrase() -> str:
    from hjem.commands import workspace_terminal as terminal
    from hjem.db.passphrase import MIN_LENGTH

    return terminal.choose_passphrase(tr("cli.workspace.new_passphrase", length=MIN_LENGTH))


def _typed_code(given: str | None) -> str:
    """The code from --code; with `-` read from the standard input, and without --code asked
    for at the terminal: then it stands neither in the shell's history nor in the list of
    running processes."""
    from hjem.commands import workspace_terminal as terminal

    if given == "-":
        return sys.stdin.readline()
    if given is None:
        return terminal.ask(tr("cli.workspace.code_prompt"))
    return given


def run_recover(args: argparse.Namespace) -> int:
    from hjem.commands import workspace_terminal as terminal
    from hjem.db import cipher, keystore, recovery_code
    from hjem.db.engine import PlainWorkspace

    key = recovery_code.decode(_typed_code(args.code))  # BadRecoveryCode: said, nothing written
    path = local_file(args)
    if cipher.is_empty(path):
        raise CommandFailed(tr("cli.workspace.no_workspace", file=path))
    if cipher.is_plain(path):
        raise PlainWorkspace(path)
    if not cipher.key_fits(path, key):
        print(tr("cli.workspace.code_wrong"), file=sys.stderr)
        return EXIT_CANNOT
    try:
        keystore.keep_key(path, key, None)
        print(tr("cli.workspace.recovered"))
    except keystore.NoKeyring:
        keystore.keep_key(path, key, terminal.passphrase_for_no_keyring())
        print(tr("cli.workspace.recovered_passphrase"))
    return EXIT_OK
