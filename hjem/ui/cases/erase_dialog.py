"""Erasing a case from a window: the one question (naming the alias, saying what goes and that
it cannot be undone), the erasure off the window's thread (shredding the backups may take a
while), and what was erased, said afterwards. Used by the case window and the start screen's
list of cases past the retention period; the domain work is hjem.cases.erase."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

from hjem.cases.erase import ErasureReport, erase_everywhere
from hjem.db.scrub import ScrubReport
from hjem.i18n import Message, msg, tr
from hjem.ids import CaseCode
from hjem.ui.operations import Change, Operations, Outcome, run_off_ui_thread

QUESTION_WIDTH = 460  # px: the paragraph reads in a few long lines, not a narrow column
ERASED = frozenset({Change.CASES, Change.INVENTORY, Change.BUDGET})


def confirm_erase(parent: QWidget | None, code: str, alias: str) -> bool:
    """Asks before a case is erased; the default answer keeps it (a stray Enter erases
    nothing)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Warning, tr("erase.dialog.title"), "", buttons, parent)
    box.setObjectName("erase_confirm")
    box.setTextFormat(Qt.TextFormat.RichText)  # the question in bold; the alias escaped
    box.setText(f"<b>{escape(tr('erase.dialog.question', code=code, alias=alias))}</b>")
    details, final = escape(tr("erase.dialog.details")), escape(tr("erase.dialog.final"))
    box.setInformativeText(f"{details}<br><br><b>{final}</b>")
    _widen(box)
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText(tr("erase.dialog.yes"))
    yes.setObjectName("erase_yes")
    box.button(QMessageBox.StandardButton.No).setText(tr("erase.dialog.no"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _widen(box: QMessageBox) -> None:
    """A spacer under the texts: the paragraph reads in a few long lines, not a narrow column
    (a QMessageBox is otherwise as narrow as its longest word allows)."""
    grid = box.layout()
    if isinstance(grid, QGridLayout):
        spacer = QSpacerItem(QUESTION_WIDTH, 0, QSizePolicy.Policy.Minimum)
        grid.addItem(spacer, grid.rowCount(), 0, 1, grid.columnCount())


def erase_in_background(
    owner: QWidget,
    operations: Operations,
    code: CaseCode,
    who: str,
    done: Callable[[Outcome[ErasureReport]], None],
) -> None:
    """Erase the case on a worker thread; `done(outcome)` follows on this one (unless `owner`
    has gone), and once it is erased, the workspace's views hear of it."""

    def finished(outcome: Outcome[ErasureReport]) -> None:
        done(outcome)
        if outcome.ok:
            operations.announce(ERASED)

    run_off_ui_thread(owner, lambda: erase_everywhere(operations.workspace(), code, who), finished)


def summary(report: ErasureReport) -> str:
    """What went, in counts, and what became of the files: the text said after an erasure."""
    lines = [tr("erase.dialog.done", code=report.code, alias=report.alias)]
    counts = [
        msg("erase.count.children", count=report.children),
        msg("erase.count.visits", count=report.visits),
        msg("erase.count.plans", count=report.plans),
        msg("erase.count.budget_lines", count=report.budget_lines),
        msg("erase.count.items_returned", count=report.items_returned),
        msg("erase.count.items_kept", count=report.items_kept),
    ]
    if report.address:
        counts.insert(0, msg("erase.count.address"))
    lines += [f"• {count.text()}" for count in counts]
    if report.scrub is not None:
        lines += _scrubbed(report.scrub)
    return "\n".join(lines)


def _scrubbed(scrub: ScrubReport) -> list[str]:
    said = []
    if scrub.backups_removed:
        said.append(tr("erase.scrub.backups_removed", count=scrub.backups_removed))
    if not scrub.checkpointed:
        said.append(tr("erase.scrub.checkpoint_later"))
    return said + [tr("erase.scrub.backup_left", path=path) for path in scrub.backups_left]


def show_summary(parent: QWidget | None, report: ErasureReport) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("erase.dialog.done_title"),
        summary(report),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("erase_done")
    box.exec()


def tell_problem(parent: QWidget | None, message: Message) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("erase.dialog.title"),
        message.text(),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("erase_refused")
    box.exec()
