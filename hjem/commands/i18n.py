"""`hjem i18n status | export FILE.xlsx | import FILE.xlsx`: how far the family's printout is
translated, and the spreadsheet a volunteer translator fills in (hjem.handover.translation_sheet).

`status` lists per printout language the texts missing, any mistakes and whether a native
speaker proofread it; it exits 1 when a language misses texts or has mistakes."""

from __future__ import annotations

import argparse
from pathlib import Path

from hjem.commands import EXIT_FOUND_PROBLEMS, EXIT_OK, CommandFailed, Subcommands
from hjem.i18n import PRINT_LANGUAGES, tr

SHOWN_KEYS = 5  # missing keys named per language; the count says the rest


def add(commands: Subcommands) -> None:
    i18n = commands.add_parser("i18n", help=tr("i18n_cli.help"), description=tr("i18n_cli.help"))
    actions = i18n.add_subparsers(metavar="status|export|import", required=True)
    status = actions.add_parser("status", help=tr("i18n_cli.status_help"))
    status.set_defaults(handler=run_status)
    export = actions.add_parser("export", help=tr("i18n_cli.export_help"))
    export.add_argument("file", metavar="FILE.xlsx", help=tr("i18n_cli.file_help"))
    export.set_defaults(handler=run_export)
    taken = actions.add_parser("import", help=tr("i18n_cli.import_help"))
    taken.add_argument("file", metavar="FILE.xlsx", help=tr("i18n_cli.file_help"))
    taken.add_argument("--folder", metavar="DIR", help=tr("i18n_cli.folder_help"))
    taken.set_defaults(handler=run_import)


def run_status(args: argparse.Namespace) -> int:
    from hjem.handover.translations import NATIVE_NAMES, printout_keys, status

    total, troubled = len(printout_keys()), False
    for lang in PRINT_LANGUAGES:
        found = status(lang)
        signed = found.review
        said = (
            tr("i18n_cli.reviewed", who=signed.reviewed_by, date=signed.date)
            if signed.reviewed
            else tr("i18n_cli.unreviewed")
        )
        done = total - len(found.missing)
        line = tr("i18n_cli.line", code=lang, name=NATIVE_NAMES[lang], done=done, total=total)
        print(f"{line} · {said}")
        if found.missing:
            keys = ", ".join(found.missing[:SHOWN_KEYS]) + (
                ", …" if len(found.missing) > SHOWN_KEYS else ""
            )
            print(f"    {tr('i18n_cli.missing', count=len(found.missing), keys=keys)}")
        for problem in found.problems:
            print(f"    {tr('i18n_cli.problem', problem=problem)}")
        troubled = troubled or not found.complete
    return EXIT_FOUND_PROBLEMS if troubled else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from hjem.handover.translation_sheet import export_sheet

    path = Path(args.file)
    try:
        count = export_sheet(path)
    except OSError as error:
        raise CommandFailed(
            tr("i18n_cli.cannot_write", file=path.name, reason=error.strerror or "")
        ) from None
    print(tr("i18n_cli.exported", file=path.name, count=count, languages=len(PRINT_LANGUAGES)))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from hjem.handover.translation_sheet import SheetRefused, read_sheet, write_catalogs

    path = Path(args.file)
    try:
        imported = read_sheet(path)
    except SheetRefused as refused:
        raise CommandFailed(f"{tr('i18n_cli.refused', file=path.name)}\n{refused}") from None
    folder = Path(args.folder) if args.folder else None
    try:
        written = write_catalogs(imported, folder)
    except OSError as error:
        raise CommandFailed(
            tr("i18n_cli.cannot_write", file=error.filename or "", reason=error.strerror or "")
        ) from None
    print(tr("i18n_cli.imported", file=path.name, count=len(written)))
    return EXIT_OK
