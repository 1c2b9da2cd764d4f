"""The result of *Forbered besøg* in plain words: how many items are held and until when (by
the server's clock, shown in the laptop's time zone), which could not be held and why."""

from __future__ import annotations

from collections.abc import Mapping

from hjem.i18n import Message, format_moment, msg
from hjem.sync.operations import Reason
from hjem.sync.visit import NotHeld, VisitReport

REASON_TEXTS = {
    Reason.RESERVED_ELSEWHERE: "visit.not_held.reserved_elsewhere",
    Reason.NOT_AVAILABLE: "visit.not_held.not_available",
    Reason.UNKNOWN_CASE: "visit.not_held.unknown_case",
    Reason.UNKNOWN_ITEM: "visit.not_held.unknown_item",
    Reason.NOT_PERMITTED: "visit.not_held.not_permitted",
}
OTHER = "visit.not_held.other"


def visit_summary(report: VisitReport, names: Mapping[str, str] | None = None) -> list[Message]:
    """One message per line; `names` (item code → name) makes the items recognisable."""
    return [line for paragraph in visit_paragraphs(report, names) for line in paragraph]


def visit_paragraphs(
    report: VisitReport, names: Mapping[str, str] | None = None
) -> list[list[Message]]:
    """The lines in paragraphs: what is held, what is not and why, what came to the laptop."""
    paragraphs = [_held_lines(report)]
    if report.not_held:
        missing = [_not_held(entry, report.case_code, names or {}) for entry in report.not_held]
        paragraphs.append([msg("visit.report.not_held", count=len(report.not_held)), *missing])
    copied = "visit.report.copied" if report.case_copied else "visit.report.case_missing"
    paragraphs.append([msg(copied, case=report.case_code)])
    return paragraphs


def _held_lines(report: VisitReport) -> list[Message]:
    until = report.held_until
    holds = sum(1 for h in report.held if h.expires_at is not None)
    kept = len(report.held) - holds  # reserved for the case with no end: nothing to renew
    lines: list[Message] = []
    if until is not None:
        when = format_moment(until)
        lines.append(msg("visit.report.held", count=holds, case=report.case_code, until=when))
    if kept:
        lines.append(msg("visit.report.reserved", count=kept, case=report.case_code))
    if not report.held:
        lines.append(msg("visit.report.none_held"))
    return lines


def _not_held(entry: NotHeld, case_code: str, names: Mapping[str, str]) -> Message:
    name = names.get(entry.code)
    item = msg("visit.item", name=name, code=entry.code) if name else entry.code
    return msg(REASON_TEXTS.get(entry.reason, OTHER), item=item, case=case_code)
