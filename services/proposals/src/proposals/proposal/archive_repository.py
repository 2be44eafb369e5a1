"""All SQL of a proposal's archive: its frozen versions, its attachments and their bytes, and the call's export."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, paginate

from proposals.call.models import Call, CallField
from proposals.proposal.models import Attachment, AttachmentBlob, Proposal, ProposalPartner, ProposalVersion


class ArchiveRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- what a snapshot reads besides the proposal ----------------------------------------------------------------

    async def partners(self, proposal_id: uuid.UUID) -> list[ProposalPartner]:
        return list((await self.session.scalars(
            select(ProposalPartner).where(ProposalPartner.proposal_id == proposal_id)
            .order_by(ProposalPartner.created_at, ProposalPartner.organisation_id)
        )).all())

    async def call_fields(self, call_id: uuid.UUID) -> list[CallField]:
        return list((await self.session.scalars(
            select(CallField).where(CallField.call_id == call_id).order_by(CallField.position, CallField.key)
        )).all())

    # -- versions ------------------------------------------------------------------------------------------------

    async def add_version(self, version: ProposalVersion) -> None:
        self.session.add(version)
        await self.session.flush()

    async def list_versions(
        self, proposal_id: uuid.UUID, params: PageParams
    ) -> tuple[list[ProposalVersion], str | None]:
        statement = select(ProposalVersion).where(ProposalVersion.proposal_id == proposal_id)
        return await paginate(self.session, statement, keys=[ProposalVersion.number], params=params)

    async def latest_version(self, proposal_id: uuid.UUID) -> ProposalVersion | None:
        """The version frozen at the last submission; None while the proposal was never submitted."""
        return await self.session.scalar(
            select(ProposalVersion).where(ProposalVersion.proposal_id == proposal_id)
            .order_by(ProposalVersion.number.desc()).limit(1)
        )

    async def get_version(self, proposal_id: uuid.UUID, number: int) -> ProposalVersion | None:
        return await self.session.scalar(select(ProposalVersion).where(
            ProposalVersion.proposal_id == proposal_id, ProposalVersion.number == number
        ))

    async def a_version_names(self, proposal_id: uuid.UUID, attachment_id: uuid.UUID) -> bool:
        """Some frozen version of the proposal lists the attachment."""
        return bool(await self.session.scalar(select(exists().where(
            ProposalVersion.proposal_id == proposal_id,
            ProposalVersion.content["attachments"].contains([{"id": str(attachment_id)}]),
        ))))

    # -- attachments ---------------------------------------------------------------------------------------------

    async def current_attachments(self, proposal_id: uuid.UUID) -> list[Attachment]:
        return list((await self.session.scalars(
            select(Attachment).where(Attachment.proposal_id == proposal_id, Attachment.removed_at.is_(None))
            .order_by(Attachment.uploaded_at, Attachment.id)
        )).all())

    async def list_attachments(
        self, proposal_id: uuid.UUID, *, include_removed: bool, params: PageParams
    ) -> tuple[list[Attachment], str | None]:
        statement = select(Attachment).where(Attachment.proposal_id == proposal_id)
        if not include_removed:
            statement = statement.where(Attachment.removed_at.is_(None))
        return await paginate(self.session, statement, keys=[Attachment.uploaded_at, Attachment.id], params=params)

    async def get_attachment(self, proposal_id: uuid.UUID, attachment_id: uuid.UUID) -> Attachment | None:
        return await self.session.scalar(select(Attachment).where(
            Attachment.id == attachment_id, Attachment.proposal_id == proposal_id
        ))

    async def current_with_content(self, proposal_id: uuid.UUID, sha256: str) -> Attachment | None:
        return await self.session.scalar(select(Attachment).where(
            Attachment.proposal_id == proposal_id, Attachment.sha256 == sha256, Attachment.removed_at.is_(None)
        ).limit(1))

    async def count_current(self, proposal_id: uuid.UUID) -> int:
        return await self.session.scalar(select(func.count()).select_from(Attachment).where(
            Attachment.proposal_id == proposal_id, Attachment.removed_at.is_(None)
        )) or 0

    async def store_blob(self, *, sha256: str, content: bytes) -> bool:
        """Store the bytes once per content; False when they were already there."""
        stored = await self.session.execute(
            insert(AttachmentBlob).values(sha256=sha256, content=content, size_bytes=len(content))
            .on_conflict_do_nothing(index_elements=[AttachmentBlob.sha256]).returning(AttachmentBlob.sha256)
        )
        return stored.first() is not None

    async def blob_content(self, sha256: str) -> bytes:
        return (await self.session.scalars(select(AttachmentBlob.content).where(AttachmentBlob.sha256 == sha256))).one()

    async def add_attachment(self, attachment: Attachment) -> None:
        self.session.add(attachment)
        await self.session.flush()

    async def save(self) -> None:
        await self.session.flush()

    # -- the export ----------------------------------------------------------------------------------------------

    async def get_call(self, call_id: uuid.UUID) -> Call | None:
        """The call with its stages and form fields."""
        return await self.session.scalar(
            select(Call).where(Call.id == call_id).options(selectinload(Call.stages), selectinload(Call.fields))
        )

    async def proposals_of_call(self, call_id: uuid.UUID, *, regions: set[str] | None) -> list[Proposal]:
        """The call's proposals (of the lead `regions` only, unless None), with their partners, by reference."""
        statement = select(Proposal).where(Proposal.call_id == call_id).options(selectinload(Proposal.partners))
        if regions is not None:
            statement = statement.where(Proposal.region_code.in_(regions))
        return list((await self.session.scalars(statement.order_by(Proposal.reference))).all())
