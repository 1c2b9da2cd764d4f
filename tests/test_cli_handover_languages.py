"""`hjem handover --lang`: a printout language after the command (Arabic, Tigrinya ...), and
without --lang the language the case form remembers for the family."""

import datetime as dt

import pytest

from hjem.budget.demo import add_demo_case
from hjem.cases.cases import data_of, get_case, update_case
from hjem.cases.demo import DEMO_CASE
from hjem.db.workspace import Workspace
from hjem.i18n import tr
from hjem.inventory.demo import fill_demo
from tests.conftest import hjem_in_process
from tests.handover.poppler_text import normal, page_texts


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("languages") / "data"
    workspace = Workspace(f"sqlite:///{folder / 'workspace.sqlite'}")
    with workspace.session() as session:
        fill_demo(session, "Demo")
        add_demo_case(session, "Mette", dt.date(2026, 11, 20))
    workspace.close()
    return folder


@pytest.fixture
def hjem(data_dir, monkeypatch, capsys):
    yield from hjem_in_process(monkeypatch, capsys, data_dir)


def _remember(data_dir, lang: str) -> None:
    """The architect chooses the family's language in the case form."""
    workspace = Workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
    with workspace.session() as session:
        case = get_case(session, DEMO_CASE.code)
        data = data_of(case)
        update_case(
            session,
            case.code,
            data.__class__(**{**data.__dict__, "print_lang": lang}),
            case.version,
        )
    workspace.close()


def test_an_arabic_printout_is_asked_for_after_the_command(hjem, tmp_path):
    target = tmp_path / "ar.pdf"
    status, out = hjem("handover", DEMO_CASE.code, "-o", str(target), "--lang", "ar")
    assert status == 0, out.err
    assert normal(tr("handover.title", "ar")) in page_texts(target)[0]


def test_without_lang_the_case_prints_in_the_language_its_form_remembers(hjem, data_dir, tmp_path):
    _remember(data_dir, "uk")
    try:
        status, _ = hjem("handover", DEMO_CASE.code, "-o", str(tmp_path / "uk.pdf"))
        assert status == 0
        assert "Ваше нове житло" in page_texts(tmp_path / "uk.pdf")[0]
        status, _ = hjem("handover", DEMO_CASE.code, "-o", str(tmp_path / "da.pdf"), "--lang", "da")
        assert status == 0 and "Jeres nye hjem" in page_texts(tmp_path / "da.pdf")[0]
    finally:
        _remember(data_dir, "da")


def test_a_language_the_printout_does_not_speak_is_a_usage_error(hjem, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        hjem("handover", DEMO_CASE.code, "-o", str(tmp_path / "x.pdf"), "--lang", "de")
    assert stopped.value.code == 2
    assert not (tmp_path / "x.pdf").exists()
