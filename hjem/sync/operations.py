"""What a laptop that worked offline asks the team server to do, and what the server answered.

An operation is made on the laptop, in the same local transaction as the change it stands for,
with an id of its own (a UUID): the server applies each id at most once and keeps its answer,
so pushing the same operation again, after a lost connection or a killed process, is harmless
and gets the same answer (ODK Central's instance ids do the same for forms). An operation
names the version it was based on; when the server's row has moved on since, the answer is a
conflict for a person to settle, never a silent merge.

The kinds:
- `hold`: reserve an item for a case before a visit, until the server's clock says it expires;
- `reserve`: reserve an item for a case (placed offline as provisional);
- `release`: end the case's reservation of an item;
- `save_plan`: store the case's plan (the `.hjem` file's bytes), based on the version the
  laptop had; someone else's newer version is a conflict, and the laptop's plan is kept.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

HOLD_HOURS = 48  # how long a hold lasts, counted by the server's clock


class Kind(StrEnum):
    HOLD = "hold"
    RESERVE = "reserve"
    RELEASE = "release"
    SAVE_PLAN = "save_plan"


class Outcome(StrEnum):
    APPLIED = "applied"  # done on the server
    CONFLICT = "conflict"  # the server's state moved on: a person decides (the item, the plan)
    REFUSED = "refused"  # it can never be done (an unknown case, an item given away)


class Reason(StrEnum):
    """Why an operation was not applied, as a code the laptop turns into words."""

    NONE = ""
    RESERVED_ELSEWHERE = "reserved_elsewhere"  # another case has the item
    NOT_AVAILABLE = "not_available"  # in repair, delivered, discarded
    NOT_RESERVED = "not_reserved"  # a release of an item the case does not hold
    PLAN_MOVED_ON = "plan_moved_on"  # someone saved the case's plan since
    UNKNOWN_CASE = "unknown_case"  # erased, or not this person's
    UNKNOWN_ITEM = "unknown_item"
    NOT_PERMITTED = "not_permitted"  # the person's role may not do it
    INVALID = "invalid"  # malformed: no server could apply it (a field too long, not a plan)


@dataclass(frozen=True)
class Operation:
    kind: Kind
    case_code: str
    who: str  # the person's name, as the inventory's history records it
    item_code: str = ""  # hold, reserve, release
    based_on: int | None = None  # save_plan: the plan version the laptop had (None: none)
    document: bytes = b""  # save_plan: the plan as a .hjem file's bytes
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    made_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "kind": self.kind.value,
                "case": self.case_code,
                "who": self.who,
                "item": self.item_code,
                "based_on": self.based_on,
                "document": base64.b64encode(self.document).decode("ascii"),
                "made_at": self.made_at.isoformat(),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Operation:
        data = json.loads(text)
        return cls(
            kind=Kind(data["kind"]),
            case_code=str(data["case"]),
            who=str(data["who"]),
            item_code=str(data.get("item", "")),
            based_on=None if data.get("based_on") is None else int(data["based_on"]),
            document=base64.b64decode(data.get("document", "")),
            id=str(uuid.UUID(str(data["id"]))),
            made_at=dt.datetime.fromisoformat(data["made_at"]),
        )


@dataclass(frozen=True)
class Answer:
    """The server's answer to one operation, the same every time it is asked again."""

    op_id: str
    outcome: Outcome
    reason: Reason = Reason.NONE
    version: int | None = None  # save_plan: the plan's version now (the laptop's or another's)
    saved_by: str = ""  # save_plan conflict: who saved the newer plan
    expires_at: dt.datetime | None = None  # hold: when it ends, by the server's clock

    def to_json(self) -> str:
        return json.dumps(
            {
                "op": self.op_id,
                "outcome": self.outcome.value,
                "reason": self.reason.value,
                "version": self.version,
                "saved_by": self.saved_by,
                "expires_at": None if self.expires_at is None else self.expires_at.isoformat(),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Answer:
        data = json.loads(text)
        expires = data.get("expires_at")
        return cls(
            op_id=str(data["op"]),
            outcome=Outcome(data["outcome"]),
            reason=Reason(data.get("reason", "")),
            version=data.get("version"),
            saved_by=str(data.get("saved_by", "")),
            expires_at=None if expires is None else dt.datetime.fromisoformat(expires),
        )
