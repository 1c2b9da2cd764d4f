"""Each domain's tables are complete when that domain alone is imported: a foreign key into a
table whose model module nobody imported fails at the first flush (NoReferencedTableError).
Each check runs in a fresh interpreter, where nothing else has imported the other models
(the migrations import them all, so the workspace is migrated beforehand, in this process)."""

import os
import subprocess
import sys
import textwrap

import pytest

from hjem.db.workspace import Workspace
from tests.conftest import ROOT


def _run(code: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
    )


def test_creating_a_case_needs_only_the_cases_package(tmp_path):
    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    Workspace(url).close()  # migrated here, so the child imports no migration
    done = _run(
        f"""
        import sys
        from hjem.cases.cases import CaseData, create_case, get_case
        from hjem.db.workspace import Workspace

        workspace = Workspace({url!r})
        with workspace.session() as session:
            create_case(session, CaseData("FBH-2026-001", "Familien Sol", scheme_id=1))
        with workspace.session() as session:
            print(get_case(session, "FBH-2026-001").scheme_id)
        assert "hjem.budget.models" not in sys.modules
        """
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == "1"


@pytest.mark.parametrize(
    "module", ["hjem.inventory.models", "hjem.cases.models", "hjem.budget.models"]
)
def test_every_foreign_key_of_a_model_module_imported_alone_finds_its_table(module):
    done = _run(
        f"""
        import {module}
        from hjem.db.base import Base

        for table in Base.metadata.sorted_tables:
            for key in table.foreign_keys:
                key.column  # raises NoReferencedTableError if the table is unknown
        """
    )
    assert (done.returncode, done.stderr) == (0, "")
