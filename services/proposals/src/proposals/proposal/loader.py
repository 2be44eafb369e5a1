"""Reading one proposal for a caller: the one loader every package uses, with proposal/policy.py's checks.

A proposal the caller may not read is reported missing (404), exactly like one that does not exist; a change
the caller may see but not make is refused by `require_editable` with the reason (409 or 403).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.problems import Forbidden

from proposals.access import Access
from proposals.call.models import Call, Stage
from proposals.errors import ProposalNotEditable, ProposalNotFound
from proposals.proposal import policy
from proposals.proposal.models import Proposal
from proposals.proposal.repository import ProposalRepository


@dataclass(frozen=True)
class Loaded:
    """A proposal the caller may read (partners loaded), its call (phases, form, rubric, pipeline), its stage and
    the caller's relation to it."""

    proposal: Proposal
    call: Call
    stage: Stage
    relation: policy.Relation

    def refreshed(self, access: Access, *, stage: Stage | None = None) -> Loaded:
        """The same proposal after a change: the caller's relation again (a new lead changes it), the new stage."""
        relation = policy.relation_to(access, self.proposal, assigned_evaluator=self.relation.assigned_evaluator)
        return replace(self, stage=stage or self.stage, relation=relation)


def stage_of(call: Call, key: str) -> Stage:
    """The stage `key` of the call's pipeline (`call.stages` loaded)."""
    return next(s for s in call.stages if s.key == key)


async def load(session: AsyncSession, *, access: Access, proposal_id: uuid.UUID, lock: bool = False) -> Loaded:
    """The proposal if policy.may_read lets the caller see it; 404 otherwise, whether missing or hidden.

    `lock` holds the proposal's row until the request commits, so the writers of one proposal queue.
    """
    access.require_user()
    repository = ProposalRepository(session)
    proposal = await repository.get(proposal_id, lock=lock)
    if proposal is not None:
        call = await repository.call_with_pipeline(proposal.call_id)
        assert call is not None  # a foreign key
        stage = stage_of(call, proposal.stage)
        assigned = access.is_evaluator and await repository.is_assigned_evaluator(proposal.id, access.subject)
        relation = policy.relation_to(access, proposal, assigned_evaluator=assigned)
        if policy.may_read(relation, stage):
            return Loaded(proposal, call, stage, relation)
    raise ProposalNotFound(f"There is no proposal {proposal_id} that you may see.")


def require_editable(loaded: Loaded, *, what: str = "change it") -> None:
    """policy.may_edit, with a reason: 409 when the stage is not editable, 403 when the caller is no co-author."""
    if not loaded.stage.editable:
        raise ProposalNotEditable(
            f"Proposal {loaded.proposal.reference} is in the stage '{loaded.stage.label}', where it cannot change."
        )
    if not policy.may_edit(loaded.relation, loaded.stage):
        raise Forbidden(f"Only the co-authors of proposal {loaded.proposal.reference} and the admin may {what}.")
