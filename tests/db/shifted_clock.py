"""A laptop process whose own clock is off by some hours, pushing operations to the team
server: `python -m tests.db.shifted_clock URL HOURS HOLD_SECONDS`.

Every clock hjem reads in Python (`datetime.datetime.now`, `time.time`) is shifted by HOURS
once the process has connected its drivers (their type tables keep the real `datetime`
class), and holds last HOLD_SECONDS. It first prints what its clock says, then reads one
operation per line on stdin (Operation.to_json) and prints the server's answer to each.
"""

from __future__ import annotations

import datetime
import json
import sys
import time

from hjem.db.workspace import Workspace
from hjem.sync import apply
from hjem.sync.operations import Operation


def shift_clock(by: datetime.timedelta) -> None:
    real = datetime.datetime
    real_time = time.time

    class Clock(type):  # a datetime the server sends is still a datetime for hjem's checks
        def __instancecheck__(cls, instance: object) -> bool:
            return isinstance(instance, real)

    class Shifted(real, metaclass=Clock):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> datetime.datetime:  # type: ignore[override]
            return real.now(tz) + by  # a plain datetime, as the drivers expect

    datetime.datetime = Shifted  # type: ignore[misc]
    time.time = lambda: real_time() + by.total_seconds()


def main() -> None:
    url, hours, hold = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    space = Workspace(url, migrate=False)
    space.read(lambda session: session.connection())  # the driver loaded with the real clock
    shift_clock(datetime.timedelta(hours=hours))
    apply.HOLD_DURATION = datetime.timedelta(seconds=hold)
    print(json.dumps({"clock": datetime.datetime.now(datetime.UTC).isoformat()}), flush=True)
    for line in sys.stdin:
        print(apply.apply_once(space, Operation.from_json(line)).to_json(), flush=True)
    space.close()


if __name__ == "__main__":
    main()
