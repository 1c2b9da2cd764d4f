"""A laptop process whose own clock is off by some hours preparing a visit:
`python -m tests.sync.visit_laptop URL HOURS CASE WHO CODE...`. It prints one JSON line: its
clock, and the report (each held code with its hold's end, each code not held with why)."""

from __future__ import annotations

import datetime
import json
import sys

from hjem.db.workspace import Workspace
from hjem.sync.copy import open_copy
from hjem.sync.visit import prepare_visit
from tests.db.shifted_clock import shift_clock


def main() -> None:
    url, hours, case, who, *codes = sys.argv[1:]
    server, copy = Workspace(url, migrate=False), open_copy(url)
    for space in (server, copy):  # the drivers loaded with the real clock
        space.read(lambda session: session.connection())
    shift_clock(datetime.timedelta(hours=float(hours)))
    report = prepare_visit(server, copy, case, codes, who)
    held = {h.code: None if h.expires_at is None else h.expires_at.isoformat() for h in report.held}
    print(
        json.dumps(
            {
                "clock": datetime.datetime.now(datetime.UTC).isoformat(),
                "held": held,
                "not_held": {n.code: [n.outcome.value, n.reason.value] for n in report.not_held},
                "case_copied": report.case_copied,
            }
        ),
        flush=True,
    )
    copy.close()
    server.close()


if __name__ == "__main__":
    main()
