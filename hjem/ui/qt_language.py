"""Qt's own texts in hjem's language: the standard buttons (Annuller, Gem, Ja), the file
dialog (Kig i, Filnavn), the line edit's context menu. Qt ships the translations
(`qtbase_da.qm`); hjem installs the one for its language, so no window relabels a standard
button by hand. The few texts Qt's Danish lacks (newer ones, such as the file dialog's
"&Look in:") come from hjem's catalogs, under `qt.<Qt's context>.*`: the English catalog
holds Qt's exact source text, the other languages their translation. Qt's locale follows too,
so a calendar names its months in Danish."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hjem.i18n import LOCALES, catalog, language

PREFIX = "qt."
_installed: list[QTranslator] = []  # kept alive here: Qt holds translators by pointer only


class CatalogTranslator(QTranslator):
    """Qt's texts that `qtbase_<lang>.qm` lacks, answered from hjem's catalogs."""

    def __init__(self, lang: str, parent: QCoreApplication):
        super().__init__(parent)
        self.texts = _gaps(lang)

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return not self.texts


@cache
def _gaps(lang: str) -> dict[tuple[str, str], str]:
    """(Qt's context, Qt's English text) → the text in `lang`."""
    english, wanted = catalog("en"), catalog(lang)
    found = {}
    for key, source in english.items():
        text = wanted.get(key)
        if key.startswith(PREFIX) and isinstance(source, str) and isinstance(text, str):
            context = key.removeprefix(PREFIX).split(".", 1)[0]
            found[(context, source)] = text
    return found


def install_qt_translations(app: QCoreApplication, lang: str) -> bool:
    """Speak `lang` in Qt's standard dialogs, replacing a language installed before.
    English is Qt's own and needs nothing; True if Qt now speaks `lang`."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(LOCALES[language(lang)]))
    if lang == "en":
        return True
    shipped = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not shipped.load(f"qtbase_{lang}", folder):
        return False  # a Qt without the translation still works, in English
    # Qt asks the translator installed last first: the shipped one, then hjem's for its gaps.
    for translator in (CatalogTranslator(lang, app), shipped):
        app.installTranslator(translator)
        _installed.append(translator)
    return True
