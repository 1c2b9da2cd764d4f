"""Issue 15: the family's printout made offline never promises an item the server has not
confirmed: a piece reserved on the laptop's copy alone is printed as "not confirmed yet", on
its card and in the delivery checklist; once the server has said yes, it is printed as theirs
(real PostgreSQL, the real copy, the PDF read back)."""

from __future__ import annotations

from hjem.handover.gather import PrintChoice, case_handover
from hjem.ids import CaseCode
from hjem.sync.engine import refresh, sync
from hjem.sync.outbox import reserve_offline
from tests.db.team_server import CASE_A, Team
from tests.handover.samples import flat, page_texts, pdf_of
from tests.sync.laptops import laptop, plan_with_sofa

NOT_CONFIRMED = "Ikke sikret endnu"


def _printed(copy, offline: bool) -> str:
    choice = PrintChoice(offline=offline)
    data = copy.read(lambda session: case_handover(session, CaseCode(CASE_A), choice))
    return flat(" ".join(page_texts(pdf_of(data))))


def test_an_item_reserved_offline_is_printed_as_not_confirmed_until_the_server_says_yes(
    team: Team, samples
):
    free = plan_with_sofa(team, samples)
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        copy.run(lambda s: reserve_offline(s, free, CASE_A, "Ada"))
        offline = _printed(copy, offline=True)
        assert NOT_CONFIRMED in offline
        assert "Sofa, grå (ikke sikret endnu)" in offline  # the delivery checklist too
        assert sync(server, copy).applied == 1
        assert NOT_CONFIRMED not in _printed(copy, offline=True)
