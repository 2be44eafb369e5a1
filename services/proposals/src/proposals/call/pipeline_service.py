"""A call's pipeline as data: reading it, and the admin replacing its stages and transitions.

A new definition is checked whole (lifecycle/pipeline.py) before it governs proposals; a stage that still holds
proposals cannot be removed, and the initial stage is handed over before the new stages are written.
"""

from __future__ import annotations

import uuid

from proposals.access import Access
from proposals.call.mapping import pipeline_out, rows
from proposals.call.models import Call, Stage, Transition
from proposals.call.repository import CallRepository
from proposals.call.schemas import PipelineIn, PipelineOut, StageOut, TransitionOut
from proposals.call.service import PIPELINE_CHANGED, CallService, now, record
from proposals.concurrency import require_if_match
from proposals.errors import StageOccupied
from proposals.lifecycle.pipeline import check_pipeline
from proposals.vocab import StageKind


def _occupied(held: dict[str, int]) -> str:
    def proposals(count: int) -> str:
        return f"{count} proposal{'s' if count > 1 else ''}"

    if len(held) == 1:
        [(key, count)] = held.items()
        return (f"The stage '{key}' still holds {proposals(count)}: move {'them' if count > 1 else 'it'} on before "
                "removing the stage.")
    names = ", ".join(f"'{key}' ({proposals(count)})" for key, count in held.items())
    return f"The stages {names} still hold proposals: move them on before removing the stages."


class PipelineService:
    def __init__(self, repository: CallRepository) -> None:
        self.repository = repository
        self.calls = CallService(repository)

    async def get_pipeline(self, *, access: Access, call_id: uuid.UUID) -> PipelineOut:
        return pipeline_out(await self.calls.readable(access=access, call_id=call_id))

    async def replace_pipeline(
        self, *, access: Access, call_id: uuid.UUID, data: PipelineIn, if_match: str | None,
    ) -> PipelineOut:
        """Replace the stages and transitions; refused while a removed stage still holds proposals."""
        call = await self.calls.writable(access=access, call_id=call_id, what="change a call's pipeline")
        require_if_match(if_match, call.version)
        check_pipeline(data.stages, data.transitions)
        before = pipeline_out(call)
        if (before.stages, before.transitions) == (
            [StageOut.model_validate(s, from_attributes=True) for s in data.stages],
            [TransitionOut.model_validate(t, from_attributes=True) for t in data.transitions],
        ):
            return before
        removed = [s.key for s in before.stages if s.key not in {s.key for s in data.stages}]
        occupancy = await self.repository.stage_occupancy(call.id)
        held = {key: occupancy[key] for key in removed if occupancy.get(key)}
        if held:
            raise StageOccupied(_occupied(held), extra={"stages": held})
        stages, transitions = rows(Stage, data.stages), rows(Transition, data.transitions)

        def by_move(t: Transition) -> tuple[str, str, str]:
            return t.key, t.from_stage, t.to_stage

        await self.repository.remove_missing(call.transitions, transitions, key=by_move)
        await self._hand_over_initial(call, {s.key: s.kind for s in stages})
        await self.repository.replace(call.stages, stages, key=lambda s: s.key)
        await self.repository.put(call.transitions, transitions, key=by_move)
        call.updated_at = now()
        await self.repository.flush()
        call = await self.repository.get(call.id, fresh=True)  # type: ignore[assignment]
        after = pipeline_out(call)
        await record(
            self.calls.session, PIPELINE_CHANGED, call, stages=[s.key for s in after.stages],
            transitions=[t.key for t in after.transitions], removed_stages=removed,
            added_stages=[s.key for s in after.stages if s.key not in {b.key for b in before.stages}],
        )
        return after

    async def _hand_over_initial(self, call: Call, kinds: dict[str, str]) -> None:
        """A kept initial stage that stops being initial changes first: a call has one initial stage at any time."""
        for stage in call.stages:
            if stage.kind == StageKind.initial and kinds.get(stage.key, StageKind.initial) != StageKind.initial:
                stage.kind = kinds[stage.key]
        await self.repository.flush()
