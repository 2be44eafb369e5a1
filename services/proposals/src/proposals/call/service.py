"""Calls: who sees which, how the admin configures and changes them, and what work in progress forbids.

A draft is the admin's alone (404 to everyone else); published and archived calls are public, anonymous visitors
included: the partnership advertises its calls. Only the consortium admin writes. Once proposals exist a call
still changes, but never in a way that corrupts them: scored criteria stay as scored, occupied stages stay, and a
call with proposals does not go back to draft. Removing a form field keeps the answers already given to it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.call.checks import check_configuration, check_publishable
from proposals.call.mapping import LISTS, listing, plain, rows, summary, to_out
from proposals.call.models import Call, CallField, CallPhase, CallTarget, Criterion
from proposals.call.repository import CallFilter, CallRepository
from proposals.call.schemas import CallCreate, CallOut, CallPage, CallUpdate, CriterionIn
from proposals.concurrency import require_if_match
from proposals.db import outbox
from proposals.errors import CallChangeRefused, CallCodeTaken, CallNotFound
from proposals.lifecycle.default_pipeline import default_pipeline
from proposals.vocab import CallKind, CallStatus

AGGREGATE = "call"
CREATED, UPDATED, PUBLISHED, ARCHIVED = "call.created", "call.updated", "call.published", "call.archived"
PIPELINE_CHANGED = "call.pipeline_changed"

DEFAULT_RUBRIC = (
    CriterionIn(key="excellence", title="Excellence & innovation", weight=Decimal(30), threshold=Decimal(3),
                description="How new the solution is for the textile & clothing value chain, and how sound."),
    CriterionIn(key="impact", title="Impact on the regions' value chains", weight=Decimal(30), threshold=Decimal(3),
                description="Jobs, investment, sustainability and competitiveness in the partner regions."),
    CriterionIn(key="implementation", title="Quality of implementation", weight=Decimal(20), threshold=Decimal(3),
                description="Work plan, budget, risks and the team's capacity to deliver."),
    CriterionIn(key="partnership", title="Interregional partnership", weight=Decimal(20), threshold=Decimal(3),
                description="Complementary partners from several regions, each with a clear role."),
)
SCALARS = ("code", "title", "description", "kind", "year", "eligible_priorities", "min_partner_regions",
           "max_proposals_per_region", "min_evaluators", "exclude_own_region_evaluators", "divergence_threshold",
           "overall_threshold", "selected_count", "reserve_count", "max_selected_per_region", "tie_breaks",
           "feedback_policy")
# the rules applicants were measured against when they submitted: changing them later is allowed, and recorded
SUBMISSION_RULES = ("min_partner_regions", "eligible_priorities")
DRAFT, PUBLISHED_, ARCHIVED_ = CallStatus.draft.value, CallStatus.published.value, CallStatus.archived.value
STATUS_MOVES = {(DRAFT, PUBLISHED_), (PUBLISHED_, ARCHIVED_), (PUBLISHED_, DRAFT)}


def now() -> datetime:
    return datetime.now(UTC)


def may_read(access: Access, call: Call) -> bool:
    return call.status != CallStatus.draft or access.is_admin


async def record(session: AsyncSession, type: str, call: Call, **details: Any) -> None:
    """A call's event: what consumers show of it (it is public once published), plus what the change was."""
    payload = {"id": str(call.id), "code": call.code, "title": call.title, "kind": call.kind, "year": call.year,
               "status": call.status, "version": call.version}
    await outbox.record_event(session, type=type, aggregate_type=AGGREGATE, aggregate_id=str(call.id),
                              payload=payload | details)


class CallService:
    def __init__(self, repository: CallRepository) -> None:
        self.repository = repository

    @property
    def session(self) -> AsyncSession:
        """The request's session, which the outbox writes to."""
        return self.repository.session

    async def list_calls(
        self, *, access: Access, params: PageParams, status: CallStatus | None, kind: CallKind | None,
        year: int | None,
    ) -> CallPage:
        visible = list(CallStatus) if access.is_admin else [CallStatus.published, CallStatus.archived]
        where = CallFilter(statuses=[s.value for s in visible], status=plain(status), kind=plain(kind), year=year)
        calls, next_cursor = await self.repository.list_page(where, params)
        moment = now()
        return CallPage(items=[summary(c, at=moment) for c in calls], next_cursor=next_cursor)

    async def readable(self, *, access: Access, call_id: uuid.UUID, lock: bool = False) -> Call:
        """The call with its parts if the caller may see it; 404 otherwise, whether it is missing or a draft."""
        call = await self.repository.get(call_id, lock=lock)
        if call is None or not may_read(access, call):
            raise CallNotFound(f"There is no call {call_id} that you may see.")
        return call

    async def writable(self, *, access: Access, call_id: uuid.UUID, what: str) -> Call:
        """The call locked for the admin's change; 404 to those who may not see it, 401/403 to the other non-admins."""
        if not access.is_admin:
            await self.readable(access=access, call_id=call_id)
            access.require_admin(what=what)
        return await self.readable(access=access, call_id=call_id, lock=True)

    async def get_call(self, *, access: Access, call_id: uuid.UUID) -> CallOut:
        return to_out(await self.readable(access=access, call_id=call_id))

    async def check_code(self, code: str, *, other_than: uuid.UUID | None = None) -> None:
        if await self.repository.code_taken(code, other_than=other_than):
            raise CallCodeTaken(
                f"There is already a call with the code '{code}'; choose another.",
                errors=[FieldProblem(field="body.code", message=f"'{code}' is taken", code="taken")],
            )

    async def create_call(self, *, access: Access, data: CallCreate) -> CallOut:
        """A new draft call with the default pipeline (and, without criteria, the default rubric)."""
        access.require_admin(what="open calls")
        check_configuration(data, kind=data.kind, year=data.year)
        await self.check_code(data.code)
        stages, transitions = default_pipeline()
        call = Call(
            **{name: plain(getattr(data, name)) for name in SCALARS}, status=DRAFT, created_by=access.subject,
            phases=rows(CallPhase, data.phases), fields=rows(CallField, data.fields),
            criteria=rows(Criterion, DEFAULT_RUBRIC if data.criteria is None else data.criteria),
            targets=rows(CallTarget, data.targets), stages=stages, transitions=transitions,
        )
        return await self.insert(call)

    async def insert(self, call: Call, **details: Any) -> CallOut:
        """Add a complete new call and record `call.created` (also for a next round)."""
        await self.repository.add(call)
        call = await self.repository.get(call.id, fresh=True)  # type: ignore[assignment]
        await record(self.session, CREATED, call, **details)
        return to_out(call)

    async def update_call(
        self, *, access: Access, call_id: uuid.UUID, data: CallUpdate, if_match: str | None,
    ) -> CallOut:
        call = await self.writable(access=access, call_id=call_id, what="change calls")
        require_if_match(if_match, call.version)
        sent = data.model_fields_set
        check_configuration(data, kind=plain(data.kind) if "kind" in sent else call.kind,
                             year=data.year if "year" in sent else call.year)
        values = {name: plain(getattr(data, name)) for name in SCALARS if name in sent}
        changed = {name for name, value in values.items() if getattr(call, name) != value}
        if "code" in changed:
            await self.check_code(values["code"], other_than=call.id)
        wanted = {name: getattr(data, name) for name in LISTS if name in sent}
        changed |= {name for name, items in wanted.items() if listing(name, getattr(call, name)) != listing(
            name, items)}
        previous, status = call.status, plain(data.status) if "status" in sent else call.status
        if status != previous:
            await self._check_status_move(call, status)
        if "criteria" in changed:
            await self._check_criteria_change(call, wanted["criteria"])
        if not changed and status == previous:
            return to_out(call)
        details = await self._submission_rule_changes(call, values, changed)
        for name in changed & set(values):
            setattr(call, name, values[name])
        for name in changed & set(wanted):
            model, _, key = LISTS[name]
            await self.repository.replace(getattr(call, name), rows(model, wanted[name]), key=key)
        call.status = status
        if status == PUBLISHED_:
            check_publishable(call)
        call.updated_at = now()  # also bumps the version when only the call's parts changed
        await self.repository.flush()
        call = await self.repository.get(call.id, fresh=True)  # type: ignore[assignment]
        if status == DRAFT and previous != DRAFT:
            changed.add("status")
        if changed:
            await record(self.session, UPDATED, call, changed=sorted(changed), **details)
        if status in (PUBLISHED_, ARCHIVED_) and status != previous:
            await record(self.session, PUBLISHED if status == PUBLISHED_ else ARCHIVED, call,
                         previous_status=previous)
        return to_out(call)

    async def _check_status_move(self, call: Call, status: str) -> None:
        if (call.status, status) not in STATUS_MOVES:
            raise CallChangeRefused(f"A call moves draft → published → archived; this one cannot go from "
                                    f"{call.status} to {status}.")
        if status == DRAFT and (count := await self.repository.count_proposals(call.id)):
            raise CallChangeRefused(f"The call already has {count} proposal{'s' if count > 1 else ''}, so it cannot "
                                    "go back to draft; change it while published, or archive it.")

    async def _check_criteria_change(self, call: Call, criteria: Sequence[CriterionIn]) -> None:
        """Once reviews hold scores, the rubric they were scored on stays: keys, weights, thresholds and order."""
        before = [(c.key, c.weight, c.threshold) for c in call.criteria]
        if before != [(c.key, c.weight, c.threshold) for c in criteria]:
            count = await self.repository.count_scores(call.id)
            if count:
                raise CallChangeRefused(
                    f"Evaluators have already given {count} score{'s' if count > 1 else ''} on this call's criteria, "
                    "so their keys, weights, thresholds and order can no longer change (titles and descriptions "
                    "still can)."
                )

    async def _submission_rule_changes(self, call: Call, values: dict[str, Any], changed: set[str]) -> dict[str, Any]:
        """What the event says when rules change under proposals already submitted against them."""
        rules = {name: {"from": getattr(call, name), "to": values[name]} for name in SUBMISSION_RULES
                 if name in changed}
        if not rules or not (count := await self.repository.count_proposals(call.id, submitted_only=True)):
            return {}
        return {"changed_after_submissions": {"submitted_proposals": count, "rules": rules}}
