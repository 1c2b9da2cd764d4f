"""argparse's own texts ("usage:", "show this help message and exit", "invalid choice") in
hjem's language. argparse asks gettext for them; hjem's catalogs hold them under `argparse.*`,
the English catalog with argparse's exact msgids and every other language with their
translation, so a text argparse has that the catalogs lack simply stays English. (argparse's
one counted text, "expected %s arguments", is for a fixed number of values no hjem command
takes; it stays English.)"""

from __future__ import annotations

import argparse
import gettext
from functools import cache

from hjem.i18n import catalog, catalog_file

PREFIX = "argparse."
CATALOG = "cli_language"  # the catalog file that holds them
GETTEXT_NAME = "_"  # argparse's module did `from gettext import gettext as _`


class CatalogTranslations(gettext.NullTranslations):
    """gettext answered from hjem's catalogs: argparse's msgid → the text in `lang`."""

    def __init__(self, lang: str):
        super().__init__()
        self.texts = _texts(lang)

    def gettext(self, message: str) -> str:
        return self.texts.get(message, message)


@cache
def _texts(lang: str) -> dict[str, str]:
    # Only the English file's msgids: the whole English catalog would be read at every start.
    msgids, wanted = catalog_file("en", CATALOG), catalog(lang)
    return {
        english: translated
        for key, english in msgids.items()
        if key.startswith(PREFIX)
        and isinstance(english, str)
        and isinstance(translated := wanted.get(key), str)
    }


def speak_argparse(lang: str) -> None:
    """From now on argparse's help and errors speak `lang` (call before building a parser:
    group titles are asked for when a parser is made)."""
    if callable(getattr(argparse, GETTEXT_NAME, None)):  # a future argparse may ask otherwise
        setattr(argparse, GETTEXT_NAME, CatalogTranslations(lang).gettext)
