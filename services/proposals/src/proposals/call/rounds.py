"""The permanent annual call's next round: next year's draft with the same rules, form, rubric, targets and pipeline.

Every date moves by one year (29 February becomes 28 February), and so do the year-scoped targets. The new
round is a draft: the admin reviews it and publishes it like any other call.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import inspect
from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.call.models import Call, CallField, CallPhase, CallTarget
from proposals.call.repository import CallRepository
from proposals.call.schemas import CallOut, NextRoundIn
from proposals.call.service import DRAFT, SCALARS, CallService
from proposals.errors import InvalidCall, NotAPermanentCall
from proposals.vocab import CallKind

CODE_LENGTH = 40


def a_year_later(moment: datetime) -> datetime:
    try:
        return moment.replace(year=moment.year + 1)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + 1, day=28)


def next_code(code: str, year: int) -> str:
    """`TEX4IM-PERM-2026` → `TEX4IM-PERM-2027`; a code that does not end with its year gets `-2027` added."""
    suffix = f"-{year}"
    return f"{code.removesuffix(suffix)}-{year + 1}"


def next_title(title: str, year: int) -> str:
    return re.sub(rf"\b{year}\b", str(year + 1), title)


def _copied(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def copy_row(row: Any, **changes: Any) -> Any:
    """A new row with the same columns as `row` (not its id or call), with `changes` applied."""
    columns = {name: _copied(getattr(row, name)) for name in inspect(type(row)).column_attrs.keys()  # noqa: SIM118
               if name not in ("id", "call_id")}
    return type(row)(**(columns | changes))


def _moved(target: CallTarget) -> CallTarget:
    return copy_row(target, year=target.year + 1 if target.year is not None else None)


def _field(field: CallField) -> CallField:
    return copy_row(field, frozen_after=a_year_later(field.frozen_after) if field.frozen_after else None)


def _phase(phase: CallPhase) -> CallPhase:
    return copy_row(phase, opens_at=a_year_later(phase.opens_at), closes_at=a_year_later(phase.closes_at))


class RoundService:
    def __init__(self, repository: CallRepository) -> None:
        self.calls = CallService(repository)

    async def next_round(self, *, access: Access, call_id: uuid.UUID, data: NextRoundIn) -> CallOut:
        """Open next year's round of a permanent call as a new draft (code `<code>-<year+1>` unless given)."""
        call = await self.calls.writable(access=access, call_id=call_id, what="open the next round of a call")
        if call.kind != CallKind.permanent or call.year is None:
            raise NotAPermanentCall(f"'{call.code}' is a dated call: only the permanent annual call has a next round.")
        code = data.code or next_code(call.code, call.year)
        if len(code) > CODE_LENGTH:
            raise InvalidCall(
                f"'{code}' is longer than {CODE_LENGTH} characters; give the next round a code.",
                errors=[FieldProblem(field="body.code", message=f"required: the default '{code}' is too long",
                                     code="missing")],
            )
        await self.calls.check_code(code)
        following = Call(
            **{name: _copied(getattr(call, name)) for name in SCALARS},
            status=DRAFT, created_by=access.subject,
            phases=[_phase(p) for p in call.phases], fields=[_field(f) for f in call.fields],
            criteria=[copy_row(c) for c in call.criteria], targets=[_moved(t) for t in call.targets],
            stages=[copy_row(s) for s in call.stages], transitions=[copy_row(t) for t in call.transitions],
        )
        following.code, following.year = code, call.year + 1
        following.title = data.title or next_title(call.title, call.year)
        return await self.calls.insert(following, previous_round_id=str(call.id), previous_round_code=call.code)
