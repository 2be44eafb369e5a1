"""Frozen versions: the snapshot taken at each submission, reading them back, and comparing two of them.

A version is written once, by `freeze` (called by the submission step), and no API changes or deletes it.
Its content (version_schemas.VersionContent) is self-contained: the organisations' names, the form's labels
and the attachments' checksums as they were, so it reads the same however the proposal or the call change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams

from proposals.access import Access
from proposals.call.models import CallField
from proposals.db import outbox
from proposals.errors import VersionNotFound
from proposals.organisation import lookup
from proposals.organisation.models import OrganisationRef
from proposals.proposal import policy
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.compare import compare
from proposals.proposal.loader import load
from proposals.proposal.models import Attachment, Proposal, ProposalPartner, ProposalVersion, TimelineEntry
from proposals.proposal.version_schemas import (
    AttachmentInVersion,
    Comparison,
    FieldInVersion,
    OrganisationInVersion,
    PartnerInVersion,
    VersionContent,
    VersionOut,
    VersionPage,
    VersionSummary,
)
from proposals.vocab import TimelineKind

AGGREGATE = "proposal"
VERSION_FROZEN = "proposal.version_frozen"
CURRENT = "current"
_CENTS = Decimal("0.01")


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(Decimal(value).quantize(_CENTS))


def snapshot(
    *, proposal: Proposal, partners: Iterable[ProposalPartner], organisations: Mapping[uuid.UUID, OrganisationRef],
    fields: Iterable[CallField], attachments: Iterable[Attachment],
) -> dict[str, Any]:
    """The complete content of a proposal as a JSON document (the layout of version_schemas.VersionContent)."""

    def name(organisation_id: uuid.UUID) -> str | None:
        organisation = organisations.get(organisation_id)
        return organisation.name if organisation else None

    content = VersionContent(
        title=proposal.title, acronym=proposal.acronym, summary=proposal.summary or "",
        priorities=list(proposal.priorities or []), value_chain=list(proposal.value_chain or []), trl=proposal.trl,
        budget_eur=_money(proposal.budget_eur), requested_eur=_money(proposal.requested_eur),
        lead=OrganisationInVersion(organisation_id=proposal.lead_organisation_id,
                                   name=name(proposal.lead_organisation_id), region_code=proposal.region_code),
        partners=[
            PartnerInVersion(organisation_id=p.organisation_id, name=name(p.organisation_id),
                             region_code=p.region_code, status=p.status, role_description=p.role_description or "")
            for p in partners
        ],
        fields=[FieldInVersion(key=f.key, label=f.label, type=f.type, private_to_evaluators=f.private_to_evaluators)
                for f in fields],
        answers=dict(proposal.answers or {}),
        attachments=[
            AttachmentInVersion(id=a.id, kind=a.kind, filename=a.filename, media_type=a.media_type,
                                size_bytes=a.size_bytes, sha256=a.sha256)
            for a in attachments
        ],
    )
    return content.model_dump(mode="json")


async def working_copy(repository: ArchiveRepository, proposal: Proposal) -> dict[str, Any]:
    """The snapshot of the proposal as it is now."""
    partners = await repository.partners(proposal.id)
    organisations = await lookup.get_many(repository.session,
        [proposal.lead_organisation_id, *(p.organisation_id for p in partners)]
    )
    return snapshot(
        proposal=proposal, partners=partners, organisations=organisations,
        fields=await repository.call_fields(proposal.call_id),
        attachments=await repository.current_attachments(proposal.id),
    )


async def freeze(session: AsyncSession, *, proposal: Proposal, actor: str, actor_name: str | None) -> ProposalVersion:
    """Freeze the proposal's content as its next version, in the request's transaction (the submission step)."""
    repository = ArchiveRepository(session)
    await session.flush()  # the snapshot reads partners and attachments back: include pending changes
    number = proposal.submitted_version + 1
    at = datetime.now(UTC)
    version = ProposalVersion(
        proposal_id=proposal.id, number=number, content=await working_copy(repository, proposal),
        submitted_by=actor, submitted_by_name=actor_name, submitted_at=at,
    )
    await repository.add_version(version)
    proposal.submitted_version = number
    session.add(TimelineEntry(
        proposal_id=proposal.id, kind=TimelineKind.version.value, actor=actor, actor_name=actor_name, at=at,
        details={"number": number},
    ))
    await session.flush()
    await outbox.record_event(
        session, type=VERSION_FROZEN, aggregate_type=AGGREGATE, aggregate_id=str(proposal.id),
        payload={
            "proposal_id": str(proposal.id), "call_id": str(proposal.call_id), "reference": proposal.reference,
            "region_code": proposal.region_code, "number": number, "submitted_by": actor,
            "submitted_at": at.isoformat(), "attachments": [a["sha256"] for a in version.content["attachments"]],
        },
    )
    return version


def visible_content(content: Mapping[str, Any], *, relation: policy.Relation,
                    private_keys: Iterable[str] = ()) -> VersionContent:
    """The content as the caller may see it: answers private to evaluators left out unless policy allows them.

    A field counts as private if it was private when the content was taken or is private now (`private_keys`).
    """
    document = VersionContent.model_validate(content)
    if policy.may_read_private_answers(relation):
        return document
    hidden = {f.key for f in document.fields if f.private_to_evaluators} | set(private_keys)
    return document.model_copy(update={
        "fields": [f for f in document.fields if f.key not in hidden],
        "answers": {k: v for k, v in document.answers.items() if k not in hidden},
    })


class VersionService:
    def __init__(self, repository: ArchiveRepository) -> None:
        self.repository = repository

    async def list_versions(self, *, access: Access, proposal_id: uuid.UUID, params: PageParams) -> VersionPage:
        """The proposal's frozen versions, oldest first."""
        found = await load(self.repository.session, access=access, proposal_id=proposal_id)
        rows, next_cursor = await self.repository.list_versions(found.proposal.id, params)
        return VersionPage(
            items=[VersionSummary(number=v.number, submitted_at=v.submitted_at, submitted_by_name=v.submitted_by_name)
                   for v in rows],
            next_cursor=next_cursor,
        )

    async def get_version(self, *, access: Access, proposal_id: uuid.UUID, number: int) -> VersionOut:
        found = await load(self.repository.session, access=access, proposal_id=proposal_id)
        version = await self._version(found.proposal, number)
        content = visible_content(version.content, relation=found.relation,
                                  private_keys=await self._private_keys(found.proposal))
        return VersionOut(number=version.number, submitted_at=version.submitted_at,
                          submitted_by_name=version.submitted_by_name, content=content)

    async def compare(
        self, *, access: Access, proposal_id: uuid.UUID, from_version: int, to_version: int | str,
    ) -> Comparison:
        """What changed from one version to another, or to the working copy (`current`)."""
        found = await load(self.repository.session, access=access, proposal_id=proposal_id)
        private_keys = await self._private_keys(found.proposal)
        before = (await self._version(found.proposal, from_version)).content
        if to_version == CURRENT:
            after = await working_copy(self.repository, found.proposal)
        else:
            after = (await self._version(found.proposal, int(to_version))).content
        changes = compare(
            visible_content(before, relation=found.relation, private_keys=private_keys),
            visible_content(after, relation=found.relation, private_keys=private_keys),
        )
        return Comparison(from_version=from_version,
                          to_version=CURRENT if to_version == CURRENT else int(to_version), changes=changes)

    async def _version(self, proposal: Proposal, number: int) -> ProposalVersion:
        version = await self.repository.get_version(proposal.id, number)
        if version is None:
            latest = proposal.submitted_version
            raise VersionNotFound(
                f"Proposal {proposal.reference} has no version {number}; "
                + (f"its versions are 1 to {latest}." if latest else "it has never been submitted.")
            )
        return version

    async def _private_keys(self, proposal: Proposal) -> set[str]:
        return {f.key for f in await self.repository.call_fields(proposal.call_id) if f.private_to_evaluators}
