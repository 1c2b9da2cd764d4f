"""The example scheme is marked as an example wherever its figures appear: the budget's
warnings and the internal printout's budget page (the CLI and the budget tab have their own
tests). A real scheme is not."""

import datetime as dt
from dataclasses import replace

from hjem.budget.demo import add_demo_case
from hjem.budget.lines import budget_summary
from hjem.budget.schemes import save_scheme, scheme_data
from hjem.cases.cases import get_case
from hjem.cases.demo import DEMO_CASE
from hjem.handover.gather import PrintChoice, case_handover
from hjem.inventory.demo import fill_demo
from tests.handover.samples import page_texts, pdf_of


def budget_page(session):
    data = case_handover(session, DEMO_CASE.code, PrintChoice(internal=True))
    return page_texts(pdf_of(data))[-1]


def test_the_internal_printout_marks_an_example_schemes_budget(workspace):
    with workspace.session() as session:
        fill_demo(session)
        add_demo_case(session, "Demo", dt.date(2026, 11, 28))
        page = budget_page(session)
        warning = budget_summary(session, DEMO_CASE.code).warnings[0].message.text("da")
    assert page.startswith("Budget – EKSEMPELORDNING")
    assert "Rammerne er fra en eksempelordning, ikke fra en rigtig." in page
    assert "ikke en rigtig ordnings." not in warning  # point 10: said in plain Danish
    assert "er en eksempelordning: beløbene er fra en eksempelordning, ikke fra en rigtig" in (
        warning
    )


def test_a_real_schemes_budget_is_not_marked(workspace):
    with workspace.session() as session:
        fill_demo(session)
        add_demo_case(session, "Demo", dt.date(2026, 11, 28))
        real = replace(scheme_data(session, 1), name="Aarhus Kommune", example=False)
        new = save_scheme(session, real)  # the demo case keeps version 1: its van was approved
        get_case(session, DEMO_CASE.code).scheme_id = new.id  # moved on by hand
        page = budget_page(session)
    assert page.startswith("Budget") and "EKSEMPEL" not in page
