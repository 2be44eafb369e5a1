"""All SQL about organisations, their contacts, cluster memberships and duplicate candidates."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Text,
    any_,
    bindparam,
    delete,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncSession, AsyncSessionTransaction
from sqlalchemy.orm import aliased, defer
from tex4im_common.pagination import PageParams, paginate

from intelligence.cluster.models import Cluster
from intelligence.db import outbox
from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.events import AGGREGATE
from intelligence.organisation.models import (
    DuplicateCandidate,
    Organisation,
    OrganisationContact,
    organisation_cluster,
)
from intelligence.region.models import Region


def managing_region_of(entity: Any = Organisation) -> ColumnElement[str]:
    """SQL for the region whose managers look after a record: its steward region, else its own region."""
    return func.coalesce(entity.steward_region_code, entity.region_code)


class OrganisationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def savepoint(self) -> AsyncSessionTransaction:
        """A savepoint to roll back to: a dry run writes everything there, then undoes it."""
        return await self.session.begin_nested()

    async def partner_region_codes(self) -> set[str]:
        return set((await self.session.scalars(select(Region.code))).all())

    async def record_event(self, type: str, aggregate_id: uuid.UUID, payload: Mapping[str, Any]) -> None:
        await outbox.record_event(
            self.session, type=type, aggregate_type=AGGREGATE, aggregate_id=str(aggregate_id), payload=payload
        )

    async def record_events(self, events: Sequence[tuple[str, uuid.UUID, Mapping[str, Any]]]) -> None:
        """Many events in one batched insert (an import's), in order."""
        await outbox.record_events(self.session, aggregate_type=AGGREGATE, events=events)

    # -- organisations ------------------------------------------------------------------------------------

    async def list_page(
        self, *, visibilities: list[str], region: str | None, kind: str | None, cluster_id: uuid.UUID | None,
        params: PageParams,
    ) -> tuple[list[Organisation], str | None]:
        statement = (
            select(Organisation)
            .options(defer(Organisation.search_vector, raiseload=True))
            .where(Organisation.merged_into_id.is_(None), Organisation.visibility.in_(visibilities))
        )
        if region:
            statement = statement.where(Organisation.region_code == region)
        if kind:
            statement = statement.where(Organisation.kind == kind)
        if cluster_id:
            statement = statement.where(
                exists().where(
                    organisation_cluster.c.organisation_id == Organisation.id,
                    organisation_cluster.c.cluster_id == cluster_id,
                )
            )
        return await paginate(self.session, statement, keys=[Organisation.name, Organisation.id], params=params)

    async def get(self, organisation_id: uuid.UUID, *, lock: bool = False) -> Organisation | None:
        statement = select(Organisation).where(Organisation.id == organisation_id).options(
            defer(Organisation.search_vector, raiseload=True)
        )
        if lock:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement.execution_options(populate_existing=True))).one_or_none()

    async def get_many(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Organisation]:
        statement = select(Organisation).where(Organisation.id.in_(list(ids))).options(
            defer(Organisation.search_vector, raiseload=True)
        )
        return {o.id: o for o in (await self.session.scalars(statement)).all()}

    async def find_by_vats(self, vat_numbers: Iterable[str]) -> dict[str, list[Organisation]]:
        """Live records by VAT number."""
        vats = bindparam("vats", sorted(set(vat_numbers)), type_=ARRAY(Text))
        statement = (
            select(Organisation)
            .where(Organisation.vat_number == any_(vats), Organisation.merged_into_id.is_(None))
            .options(defer(Organisation.search_vector, raiseload=True))
            .order_by(Organisation.created_at, Organisation.id)
        )
        found: dict[str, list[Organisation]] = {}
        for organisation in (await self.session.scalars(statement)).all():
            found.setdefault(organisation.vat_number or "", []).append(organisation)
        return found

    async def add(self, *objects: Organisation | OrganisationContact) -> None:
        """Write new records (many at once are sent in batches)."""
        self.session.add_all(objects)
        await self.session.flush()

    async def flush(self) -> None:
        await self.session.flush()

    async def delete_with_merged(self, organisation_id: uuid.UUID) -> list[uuid.UUID]:
        """Delete a record and the records merged into it; contacts, memberships and candidates go with them."""
        losers = list((await self.session.scalars(
            delete(Organisation).where(Organisation.merged_into_id == organisation_id).returning(Organisation.id)
        )).all())
        await self.session.execute(delete(Organisation).where(Organisation.id == organisation_id))
        return losers

    # -- cluster memberships ------------------------------------------------------------------------------

    async def cluster_ids(self, organisation_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        table = organisation_cluster
        rows = await self.session.execute(
            select(table.c.organisation_id, table.c.cluster_id)
            .where(table.c.organisation_id.in_(list(organisation_ids)))
            .order_by(table.c.organisation_id, table.c.cluster_id)
        )
        result: dict[uuid.UUID, list[uuid.UUID]] = {}
        for organisation_id, cluster_id in rows:
            result.setdefault(organisation_id, []).append(cluster_id)
        return result

    async def existing_cluster_ids(self, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        return set((await self.session.scalars(select(Cluster.id).where(Cluster.id.in_(list(ids))))).all())

    async def set_clusters(self, organisation_id: uuid.UUID, cluster_ids: Iterable[uuid.UUID]) -> None:
        table = organisation_cluster
        await self.session.execute(delete(table).where(table.c.organisation_id == organisation_id))
        rows = [{"organisation_id": organisation_id, "cluster_id": c} for c in cluster_ids]
        if rows:
            await self.session.execute(insert(table).values(rows))

    # -- contacts -----------------------------------------------------------------------------------------

    async def contacts_of(self, organisation_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[OrganisationContact]]:
        ids = bindparam("ids", list(organisation_ids), type_=ARRAY(PG_UUID(as_uuid=True)))
        statement = select(OrganisationContact).where(OrganisationContact.organisation_id == any_(ids))
        found: dict[uuid.UUID, list[OrganisationContact]] = {}
        for contact in (await self.session.scalars(statement)).all():
            found.setdefault(contact.organisation_id, []).append(contact)
        return found

    async def contacts(self, organisation_id: uuid.UUID) -> list[OrganisationContact]:
        statement = (
            select(OrganisationContact)
            .where(OrganisationContact.organisation_id == organisation_id)
            .order_by(OrganisationContact.name, OrganisationContact.id)
        )
        return list((await self.session.scalars(statement)).all())

    async def get_contact(self, organisation_id: uuid.UUID, contact_id: uuid.UUID) -> OrganisationContact | None:
        statement = select(OrganisationContact).where(
            OrganisationContact.id == contact_id, OrganisationContact.organisation_id == organisation_id
        )
        return (await self.session.scalars(statement)).one_or_none()

    async def delete_contact(self, contact: OrganisationContact) -> None:
        await self.session.delete(contact)
        await self.session.flush()

    # -- duplicate candidates -----------------------------------------------------------------------------

    async def possible_duplicates(self, organisations: Sequence[Organisation]) -> list[Organisation]:
        """Live records sharing a VAT number, or a city of the same country, with any of `organisations`."""
        vats = sorted({o.vat_number for o in organisations if o.vat_number})
        places = sorted({(o.country_code, o.city.lower()) for o in organisations if o.city})
        conditions = []
        if vats:
            conditions.append(Organisation.vat_number == any_(bindparam("vats", vats, type_=ARRAY(Text))))
        if places:
            countries = bindparam("countries", [p[0] for p in places], type_=ARRAY(Text))
            cities = bindparam("cities", [p[1] for p in places], type_=ARRAY(Text))
            conditions.append(
                tuple_(Organisation.country_code, func.lower(Organisation.city)).in_(
                    select(func.unnest(countries), func.unnest(cities))
                )
            )
        if not conditions:
            return []
        statement = (
            select(Organisation)
            .where(Organisation.merged_into_id.is_(None), or_(*conditions))
            .options(defer(Organisation.search_vector, raiseload=True))
            .order_by(Organisation.id)
        )
        return list((await self.session.scalars(statement)).all())

    async def propose_pairs(
        self, pairs: Mapping[tuple[uuid.UUID, uuid.UUID], tuple[str, Decimal]]
    ) -> dict[tuple[uuid.UUID, uuid.UUID], DuplicateCandidate]:
        """Store the (ordered) pairs not stored yet; return every pair's candidate, new or not, whatever its status."""
        if not pairs:
            return {}
        rows = [
            {"id": uuid.uuid4(), "first_id": first, "second_id": second, "reason": reason, "similarity": similarity}
            for (first, second), (reason, similarity) in pairs.items()
        ]
        for start in range(0, len(rows), 1000):
            await self.session.execute(
                insert(DuplicateCandidate).values(rows[start:start + 1000])
                .on_conflict_do_nothing(index_elements=["first_id", "second_id"])
            )
        firsts = bindparam("firsts", [p[0] for p in pairs], type_=ARRAY(PG_UUID(as_uuid=True)))
        seconds = bindparam("seconds", [p[1] for p in pairs], type_=ARRAY(PG_UUID(as_uuid=True)))
        statement = select(DuplicateCandidate).where(
            tuple_(DuplicateCandidate.first_id, DuplicateCandidate.second_id).in_(
                select(func.unnest(firsts), func.unnest(seconds))
            )
        )
        return {(c.first_id, c.second_id): c for c in (await self.session.scalars(statement)).all()}

    async def list_candidates(
        self, *, status: str, regions: set[str] | None, params: PageParams
    ) -> tuple[list[DuplicateCandidate], str | None]:
        """Candidates with `status`; with `regions`, only pairs with at least one side managed from there."""
        statement = select(DuplicateCandidate).where(DuplicateCandidate.status == status)
        if regions is not None:
            first, second = aliased(Organisation), aliased(Organisation)
            statement = (
                statement.join(first, first.id == DuplicateCandidate.first_id)
                .join(second, second.id == DuplicateCandidate.second_id)
                .where(or_(managing_region_of(first).in_(regions), managing_region_of(second).in_(regions)))
            )
        keys = [DuplicateCandidate.created_at, DuplicateCandidate.id]
        return await paginate(self.session, statement, keys=keys, params=params)

    async def get_candidate(self, candidate_id: uuid.UUID, *, lock: bool = False) -> DuplicateCandidate | None:
        statement = select(DuplicateCandidate).where(DuplicateCandidate.id == candidate_id)
        if lock:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).one_or_none()

    async def open_candidates_involving(self, organisation_id: uuid.UUID) -> list[DuplicateCandidate]:
        statement = select(DuplicateCandidate).where(
            DuplicateCandidate.status == "open",
            or_(DuplicateCandidate.first_id == organisation_id, DuplicateCandidate.second_id == organisation_id),
        ).with_for_update()
        return list((await self.session.scalars(statement)).all())

    async def pair_exists(self, first_id: uuid.UUID, second_id: uuid.UUID) -> bool:
        statement = select(
            exists().where(DuplicateCandidate.first_id == first_id, DuplicateCandidate.second_id == second_id)
        )
        return bool((await self.session.execute(statement)).scalar())

    # -- merging: everything that pointed at the loser points at the survivor ------------------------------

    async def move_to_survivor(self, *, loser_id: uuid.UUID, survivor_id: uuid.UUID) -> None:
        table = organisation_cluster
        await self.session.execute(
            insert(table)
            .from_select(
                ["organisation_id", "cluster_id"],
                select(literal(survivor_id, type_=table.c.organisation_id.type), table.c.cluster_id)
                .where(table.c.organisation_id == loser_id),
            )
            .on_conflict_do_nothing()
        )
        await self.session.execute(delete(table).where(table.c.organisation_id == loser_id))
        await self.session.execute(
            update(OrganisationContact)
            .where(OrganisationContact.organisation_id == loser_id)
            .values(organisation_id=survivor_id)
            .execution_options(synchronize_session=False)
        )
        await self.session.execute(
            update(Opportunity)
            .where(Opportunity.organisation_id == loser_id)
            .values(organisation_id=survivor_id, version=Opportunity.version + 1, updated_at=func.now())
            .execution_options(synchronize_session=False)
        )
        await self.session.execute(
            update(OpportunityInterest)
            .where(OpportunityInterest.organisation_id == loser_id)
            .values(organisation_id=survivor_id)
            .execution_options(synchronize_session=False)
        )
        # records merged earlier into the loser now point straight at the survivor: one hop to follow
        await self.session.execute(
            update(Organisation)
            .where(Organisation.merged_into_id == loser_id)
            .values(merged_into_id=survivor_id, version=Organisation.version + 1, updated_at=func.now())
            .execution_options(synchronize_session=False)
        )
