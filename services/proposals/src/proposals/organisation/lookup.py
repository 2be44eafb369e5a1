"""Reading the registry copy: the organisations proposals name, by id, as the intelligence feed last described them.

A merged organisation is followed to the record it was merged into; a deleted one is still returned by `get_many`
(proposals that name it keep showing its name) but refused as a new reference by `require_known`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.problems import FieldProblem

from proposals.errors import OrganisationUnknown
from proposals.organisation.models import OrganisationRef

# a longer chain of merges means the copy is inconsistent; refuse rather than loop
MAX_MERGE_HOPS = 10


async def get_many(session: AsyncSession, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, OrganisationRef]:
    """The copies of these organisations by id, in one query (ids the copy does not know are simply absent)."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await session.scalars(select(OrganisationRef).where(OrganisationRef.id.in_(wanted)))
    return {row.id: row for row in rows}


async def require_known(session: AsyncSession, organisation_id: uuid.UUID, *, field: str) -> OrganisationRef:
    """The organisation to record for `organisation_id`: the kept record if it was merged; 422 on `field` if none."""
    current = organisation_id
    for _ in range(MAX_MERGE_HOPS):
        record = await session.get(OrganisationRef, current)
        if record is None:
            break
        if record.merged_into_id is None or record.merged_into_id == record.id:
            if record.deleted:
                raise _unknown(organisation_id, field=field, message="the organisation was deleted from the registry",
                               code="organisation_deleted")
            return record
        current = record.merged_into_id
    raise _unknown(organisation_id, field=field, message=f"no organisation {organisation_id} in the registry",
                   code="organisation_unknown")


def _unknown(organisation_id: uuid.UUID, *, field: str, message: str, code: str) -> OrganisationUnknown:
    return OrganisationUnknown(
        f"Organisation {organisation_id} cannot be named here: {message}.",
        errors=[FieldProblem(field=field, message=message, code=code)],
    )
