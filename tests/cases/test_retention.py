"""How long closed cases are kept: closing a case stamps it, reopening clears it, and the
cases closed longer ago than the workspace's period (12 months unless set) are listed."""

import datetime as dt

import pytest

from hjem.cases.cases import CaseData, create_case, set_status
from hjem.cases.errors import CaseError
from hjem.cases.models import CaseStatus
from hjem.cases.retention import (
    DEFAULT_MONTHS,
    cases_past_retention,
    months_before,
    retention_months,
    set_retention_months,
)
from tests.cases.helpers_erase import MOON, SUN

UTC = dt.UTC


def _closed(session, data: CaseData) -> None:
    create_case(session, data)
    set_status(session, data.code, CaseStatus.CLOSED)


def test_a_closed_case_is_listed_once_the_period_has_passed_and_not_before(workspace):
    with workspace.session() as session:
        _closed(session, SUN)
        create_case(session, MOON)  # open: never listed
    now = dt.datetime.now(UTC)
    with workspace.session() as session:
        assert cases_past_retention(session, now + dt.timedelta(days=300)) == []
        due = cases_past_retention(session, now + dt.timedelta(days=370))
    assert [(c.code, c.alias) for c in due] == [(SUN.code, SUN.alias)]
    assert abs(due[0].closed_at - now) < dt.timedelta(minutes=1)


def test_reopening_a_case_takes_it_off_the_list(workspace):
    with workspace.session() as session:
        _closed(session, SUN)
        set_status(session, SUN.code, CaseStatus.ACTIVE)
    later = dt.datetime.now(UTC) + dt.timedelta(days=800)
    with workspace.session() as session:
        assert cases_past_retention(session, later) == []
        set_status(session, SUN.code, CaseStatus.CLOSED)  # closed again: the clock restarts
        assert cases_past_retention(session, later - dt.timedelta(days=100)) != []
        assert cases_past_retention(session, dt.datetime.now(UTC)) == []


def test_the_period_is_a_workspace_setting_of_whole_months(workspace):
    with workspace.session() as session:
        assert retention_months(session) == DEFAULT_MONTHS == 12
        _closed(session, SUN)
        set_retention_months(session, 3)
    in_four_months = dt.datetime.now(UTC) + dt.timedelta(days=125)
    with workspace.session() as session:
        assert retention_months(session) == 3
        assert [c.code for c in cases_past_retention(session, in_four_months)] == [SUN.code]
    for wrong in (0, -1, 121):
        with pytest.raises(CaseError), workspace.session() as session:
            set_retention_months(session, wrong)
    with workspace.session() as session:
        assert retention_months(session) == 3


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (dt.datetime(2027, 3, 31, 12, tzinfo=UTC), 1, dt.datetime(2027, 2, 28, 12, tzinfo=UTC)),
        (dt.datetime(2027, 1, 15, tzinfo=UTC), 12, dt.datetime(2026, 1, 15, tzinfo=UTC)),
        (dt.datetime(2027, 1, 15, tzinfo=UTC), 13, dt.datetime(2025, 12, 15, tzinfo=UTC)),
        (dt.datetime(2028, 2, 29, tzinfo=UTC), 12, dt.datetime(2027, 2, 28, tzinfo=UTC)),
    ],
)
def test_months_are_counted_by_the_calendar(moment, months, expected):
    assert months_before(moment, months) == expected
