"""Synthetic proposals for the listing benchmark: 10,000 proposals in two calls, the eight regions and every stage.

Deterministic (a seeded generator). The organisation copy is first filled by the service itself (its feed
follower reads the intelligence demo registry a few seconds after start: `wait_for_organisation_copy`), then
synthetic organisations are added to it, and the calls (with the default pipeline from the proposals package,
through the ORM), the proposals and their 1–4 partners are written with COPY, then ANALYZE.

The ITI1 demo member's company leads every 10th ITI1 proposal and is a partner of every 40th other one, so the
member sees a few hundred proposals (some drafts, some declined invitations it no longer sees).
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import asyncpg
import httpx

REGIONS = {  # code: (country, weight of the region among the leads, towns)
    "ITI1": ("IT", 18, ["Prato", "Firenze", "Empoli"]), "ITC1": ("IT", 14, ["Biella", "Torino", "Novara"]),
    "RO21": ("RO", 10, ["Iași", "Bacău", "Suceava"]), "ES52": ("ES", 13, ["Alcoi", "Ontinyent", "València"]),
    "PT11": ("PT", 14, ["Guimarães", "Braga", "Porto"]), "CZ05": ("CZ", 10, ["Liberec", "Náchod", "Hradec Králové"]),
    "SE23": ("SE", 10, ["Borås", "Göteborg", "Ulricehamn"]), "FRE1": ("FR", 11, ["Roubaix", "Tourcoing", "Calais"]),
}
STAGES = {  # the default pipeline's stages and the share of the proposals in each (percent)
    "draft": 22, "submitted": 10, "screening": 8, "evaluation": 12, "portfolio": 6, "business_plan": 5,
    "investment": 4, "pilot": 3, "closed": 5, "rejected": 18, "withdrawn": 7,
}
PRIORITIES = ["circular_economy", "industry_4_0", "digital_technologies", "advanced_materials", "creativity"]
VALUE_CHAIN = ["fibre", "yarn", "fabric", "finishing", "garment", "retail", "recycling"]
TOPICS = [
    ("Recycled wool", "RECWOOL"), ("Regenerated cotton", "RECOT"), ("Low-water dyeing", "DRYDYE"),
    ("Digital printing", "DIGIPRINT"), ("Smart textiles", "SMARTEX"), ("Bio-based coatings", "BIOCOAT"),
    ("Technical nonwovens", "NONWOV"), ("Knitting data", "KNITDATA"), ("Fibre traceability", "TRACE"),
    ("Automated cutting", "AUTOCUT"), ("Enzymatic finishing", "ENZYFIN"), ("Circular denim", "CIRCDENIM"),
    ("Protective clothing", "PROTECT"), ("3D sampling", "SAMPLE3D"), ("Lace heritage", "LACE"),
]
PURPOSES = [
    "for small spinning mills", "at industrial scale", "for home textiles", "with a shared pilot line",
    "for outdoor apparel", "from post-consumer waste", "in the knitwear district", "for sportswear brands",
    "with cluster-to-cluster services", "for workwear", "from hotel linen", "for fashion start-ups",
]
SYNTHETIC_ORGANISATION_NAMESPACE = uuid.UUID("5b3f9a52-7d61-4a0e-9a55-2d0b0c1e0b57")
ORGANISATION_COLUMNS = ["id", "name", "kind", "country_code", "region_code", "city", "priorities", "visibility",
                        "version"]
PROPOSAL_COLUMNS = [
    "id", "call_id", "stage", "reference", "title", "acronym", "summary", "priorities", "value_chain", "trl",
    "budget_eur", "requested_eur", "lead_organisation_id", "region_code", "created_by", "created_by_name",
    "submitted_version", "first_submitted_at", "version", "created_at", "updated_at",
]
PARTNER_COLUMNS = ["id", "proposal_id", "organisation_id", "region_code", "role_description", "status", "invited_by",
                   "answered_by", "answered_at", "created_at"]


@dataclass(frozen=True)
class Seeded:
    """What the seed wrote: the two calls' ids and codes, and the row counts."""

    calls: dict[str, uuid.UUID]
    proposals: int
    partners: int
    organisations: int
    seconds: float
    existing: int  # proposals there before the seed (the demo data set's)


def demo_organisation_id(region_code: str, number: int = 1) -> uuid.UUID:
    """The intelligence demo registry's organisation ids (intelligence.demo.ids documents the pattern)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-organisation:{region_code}:{number:02d}")


def demo_account_subject(email: str) -> str:
    """A demo account's token subject (gateway.demo documents the pattern)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-account:{email}"))


async def wait_for_organisation_copy(gateway_url: str, admin_token: str, dsn: str, *, expected: int,
                                     deadline: float = 90.0) -> int:
    """Poll the sync status (as the admin) until the copy holds the demo registry and events_applied stops growing."""
    ends, previous = time.monotonic() + deadline, -1
    async with httpx.AsyncClient(timeout=10, cookies={"tex4im_access": admin_token}) as client:
        while True:
            response = await client.get(f"{gateway_url}/api/proposals/organisations/sync-status")
            response.raise_for_status()
            status = response.json()
            connection = await asyncpg.connect(dsn)
            try:
                copied = await connection.fetchval("SELECT count(*) FROM proposals.organisation")
            finally:
                await connection.close()
            if status["last_error"] is None and copied >= expected and status["events_applied"] == previous:
                return copied
            if time.monotonic() > ends:
                raise RuntimeError(f"the organisation copy did not fill in {deadline:.0f} s: {copied} rows, {status}")
            previous = status["events_applied"]
            await asyncio.sleep(1.0)


def _organisations(per_region: int, rng: random.Random) -> list[tuple[object, ...]]:
    rows = []
    for code, (country, _weight, towns) in REGIONS.items():
        for n in range(per_region):
            rows.append((uuid.uuid5(SYNTHETIC_ORGANISATION_NAMESPACE, f"{code}:{n}"),
                         f"Bench Textile {code} {n:04d}", "company", country, code, rng.choice(towns),
                         sorted(rng.sample(PRIORITIES, k=rng.randint(1, 3))), "consortium", 1))
    return rows


async def _calls(dsn: str, now: datetime) -> dict[str, uuid.UUID]:
    """Two published calls with the default pipeline, written through the proposals package's models."""
    from proposals import all_models  # noqa: F401  (mappers)
    from proposals.call.models import Call, CallPhase
    from proposals.lifecycle.default_pipeline import default_pipeline
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    engine = create_async_engine(dsn.replace("postgresql://", "postgresql+asyncpg://", 1))
    calls = {}
    try:
        async with AsyncSession(engine) as session, session.begin():
            for code, title, kind, year in (("BENCH25", "Incubation call 2025 (bench)", "dated", None),
                                            ("BENCHPERM", "Permanent annual round (bench)", "permanent", 2026)):
                stages, transitions = default_pipeline()
                opens = now - timedelta(days=730)
                call = Call(
                    id=uuid.uuid4(), code=code, title=title, kind=kind, year=year, status="published",
                    eligible_priorities=PRIORITIES, created_by="bench", stages=stages, transitions=transitions,
                    phases=[CallPhase(kind="submission", opens_at=opens, closes_at=now + timedelta(days=60))],
                )
                session.add(call)
                calls[code] = call.id
    finally:
        await engine.dispose()
    return calls


def _proposals(count: int, calls: dict[str, uuid.UUID], leads: dict[str, list[uuid.UUID]], member: tuple[str, str],
               rng: random.Random, now: datetime) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    member_region, member_subject = member
    member_organisation = demo_organisation_id(member_region)
    codes, weights = list(REGIONS), [w for _c, w, _t in REGIONS.values()]
    stages, stage_weights = list(STAGES), list(STAGES.values())
    numbers: dict[tuple[str, str], int] = {}
    proposals, partners = [], []
    for n in range(count):
        code = "BENCH25" if n % 5 < 2 else "BENCHPERM"  # 40 % / 60 %
        region = rng.choices(codes, weights)[0]
        numbers[code, region] = number = numbers.get((code, region), 0) + 1
        stage = rng.choices(stages, stage_weights)[0]
        member_leads = region == member_region and number % 10 == 0
        lead = member_organisation if member_leads else rng.choice(leads[region])
        creator = member_subject if member_leads and number % 20 == 0 else f"bench-user-{rng.randrange(3000):04d}"
        updated = now - timedelta(seconds=rng.uniform(0, 730 * 86400))
        created = updated - timedelta(seconds=rng.uniform(0, 180 * 86400))
        submitted = stage != "draft" or rng.random() < 0.1  # some drafts were returned after a submission
        topic, acronym = rng.choice(TOPICS)
        budget = Decimal(rng.randint(100, 3000) * 1000)
        proposal_id = uuid.uuid4()
        proposals.append((
            proposal_id, calls[code], stage, f"{code}-{region}-{number:03d}",
            f"{topic} {rng.choice(PURPOSES)}", f"{acronym}-{n % 1000:03d}", f"{topic}: a bench proposal.",
            sorted(rng.sample(PRIORITIES, k=rng.choice([1, 1, 2, 2, 3]))),
            sorted(rng.sample(VALUE_CHAIN, k=rng.randint(1, 3))), rng.randint(2, 8), budget,
            (budget * Decimal(rng.randint(40, 70)) / 100).quantize(Decimal("0.01")), lead, region, creator,
            "Bench User", rng.randint(1, 3) if submitted else 0,
            created + (updated - created) / 2 if submitted else None, rng.randint(1, 12), created, updated,
        ))
        others = [r for r in codes if r != region]  # partners come from the other regions
        chosen = {member_organisation: member_region} if region != member_region and n % 40 == 7 else {}
        wanted = rng.choices([1, 2, 3, 4], [30, 35, 25, 10])[0]
        while len(chosen) < wanted:
            partner_region = rng.choice(others)
            chosen[rng.choice(leads[partner_region])] = partner_region
        for organisation, partner_region in sorted(chosen.items()):
            status = rng.choices(["invited", "confirmed", "declined"],
                                 [50, 40, 10] if stage == "draft" else [5, 85, 10])[0]
            answered = created + timedelta(days=rng.randint(1, 20)) if status != "invited" else None
            partners.append((uuid.uuid4(), proposal_id, organisation, partner_region, "Pilot partner", status,
                             creator, "bench-partner" if answered else None, answered, created))
    return proposals, partners


async def seed(dsn: str, *, proposal_count: int, organisations_per_region: int, member_region: str,
               member_email: str, seed: int = 2026) -> Seeded:
    """Synthetic organisations, two calls and the proposals with their partners; then ANALYZE."""
    started = time.monotonic()
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    now = datetime.now(UTC)
    connection = await asyncpg.connect(dsn)
    try:
        existing = await connection.fetchval("SELECT count(*) FROM proposals.proposal")
        await connection.copy_records_to_table("organisation", schema_name="proposals", columns=ORGANISATION_COLUMNS,
                                               records=_organisations(organisations_per_region, rng))
        leads: dict[str, list[uuid.UUID]] = {code: [] for code in REGIONS}
        for row in await connection.fetch("SELECT id, region_code FROM proposals.organisation "
                                          "WHERE region_code = ANY($1::varchar[]) AND NOT deleted ORDER BY id",
                                          list(REGIONS)):
            leads[row["region_code"]].append(row["id"])
        organisations = sum(len(ids) for ids in leads.values())
        calls = await _calls(dsn, now)
        proposals, partners = _proposals(proposal_count, calls, leads,
                                         (member_region, demo_account_subject(member_email)), rng, now)
        await connection.copy_records_to_table("proposal", schema_name="proposals", columns=PROPOSAL_COLUMNS,
                                               records=proposals)
        await connection.copy_records_to_table("proposal_partner", schema_name="proposals", columns=PARTNER_COLUMNS,
                                               records=partners)
        await connection.execute("ANALYZE proposals.organisation; ANALYZE proposals.proposal; "
                                 "ANALYZE proposals.proposal_partner; ANALYZE proposals.stage; ANALYZE proposals.call")
    finally:
        await connection.close()
    return Seeded(calls=calls, proposals=len(proposals), partners=len(partners), organisations=organisations,
                  seconds=time.monotonic() - started, existing=existing)
