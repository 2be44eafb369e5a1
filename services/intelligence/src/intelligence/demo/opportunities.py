"""The demo opportunities: 50 a region of every kind, dated around a reference day, and a few interests."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from intelligence.demo.ids import DEMO_DOMAIN, DEMO_SUFFIX, opportunity_id
from intelligence.demo.organisations import COMPANIES_PER_REGION, slug
from intelligence.demo.places import REGIONS, REGIONS_BY_CODE, DemoRegion, jitter, pick_town, town_named
from intelligence.demo.topics import CIRCULAR_TOPICS, SUMMARIES, TITLES, TOPICS
from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.models import Organisation
from intelligence.vocab import PRIORITY_CODES

OPPORTUNITIES_PER_REGION = 50
KIND_PLAN = (("business_cooperation", 12), ("technology_offer", 7), ("technology_request", 6), ("rnd", 6),
             ("funding_call", 6), ("tender", 4), ("investment", 4), ("event", 5))
# which organisations put up which kinds of opportunity; the other kinds come from the cluster itself
OWNER_KINDS = {
    "business_cooperation": ("company",), "technology_offer": ("company", "rnd_centre"),
    "technology_request": ("company",), "rnd": ("rnd_centre", "university"), "investment": ("company", "investor"),
}
EEN_PREFIX = {"business_cooperation": "BR", "technology_offer": "TO", "technology_request": "TR"}
CREATED_BY = "demo"

# The browser story: a Norte spinner looks for a recycled-cotton partner, next to a few other circular offers.
STORY_REGION = "PT11"
STORY_TITLE = "Recycled cotton yarn partner wanted" + DEMO_SUFFIX
STORY_SUMMARY = (
    "A spinning mill in Guimarães is looking for a partner to supply or co-develop recycled cotton yarn from "
    "post-consumer garments for a GRS-certified knitwear line. Demo record: not a real offer."
)
STORY_KINDS = ("business_cooperation", "technology_offer", "business_cooperation", "technology_request")
STORY_DEADLINE_DAYS = 90


@dataclass
class DemoOpportunities:
    opportunities: list[Opportunity] = field(default_factory=list)
    interests: list[OpportunityInterest] = field(default_factory=list)


def _kinds(rng: random.Random, region: DemoRegion) -> list[str]:
    kinds = [kind for kind, count in KIND_PLAN for _ in range(count)]
    rng.shuffle(kinds)
    if region.code == STORY_REGION:  # the story's kinds first, the counts per kind unchanged
        for index, wanted in enumerate(STORY_KINDS):
            other = kinds.index(wanted, index)
            kinds[index], kinds[other] = kinds[other], kinds[index]
    return kinds


def _topic(rng: random.Random, kind: str, used: set[tuple[str, str]], story: bool) -> str:
    """A topic this region has not used for this kind yet (a circular-economy one for the story)."""
    choices = [k for k in (CIRCULAR_TOPICS if story else TOPICS) if (kind, k) not in used] or list(TOPICS)
    key = rng.choice(choices)
    used.add((kind, key))
    return key


def _opportunity(rng: random.Random, region: DemoRegion, number: int, kind: str, topic_key: str,
                 organisations: list[Organisation], today: date, *, story: bool) -> Opportunity:
    topic = TOPICS[topic_key]
    language = region.language if rng.random() < 0.6 else "en"
    owners = [o for o in organisations if o.kind in OWNER_KINDS.get(kind, ()) and o.vat_number]
    owner = rng.choice(owners) if owners else None
    town = town_named(region, owner.city) if owner and owner.city else pick_town(rng, region)
    priorities = set(topic.priorities) | ({rng.choice(PRIORITY_CODES)} if rng.random() < 0.3 else set())
    region_codes = [region.code]
    if kind in ("business_cooperation", "rnd", "funding_call") and rng.random() < 0.3:
        region_codes += rng.sample([r.code for r in REGIONS if r.code != region.code], rng.choice((1, 2)))
    lon = lat = None
    if story or kind == "event" or rng.random() < 0.7:
        if owner is not None and owner.lon is not None and owner.lat is not None:
            lon, lat = jitter(rng, float(owner.lon), float(owner.lat), 0.5)
        else:
            lon, lat = jitter(rng, town.lon, town.lat, town.radius_km)
    deadline: date | None = today + timedelta(days=rng.randint(30, 250) if story else rng.randint(-60, 300))
    if kind == "investment" and rng.random() < 0.3:
        deadline = None  # open-ended
    if deadline is not None and deadline < today:
        status = "closed"
    else:
        status = "draft" if not story and rng.random() < 0.06 else "open"
    visibility = "public" if story or rng.random() < 0.85 else "consortium"
    source, source_ref, link = _source(rng, region, number, kind, owner, today)
    opportunity = Opportunity(
        id=opportunity_id(region.code, number), kind=kind,
        title=TITLES[kind][language].format(topic=topic.text[language]) + DEMO_SUFFIX,
        summary=SUMMARIES[language].format(topic=topic.text[language], place=town.name), language=language,
        priorities=sorted(priorities, key=PRIORITY_CODES.index)[:3], region_codes=region_codes,
        country_codes=sorted({REGIONS_BY_CODE[c].country_code for c in region_codes}),
        nace_codes=list(topic.nace_codes), value_chain=list(topic.value_chain), lon=lon, lat=lat, deadline=deadline,
        budget_eur=_budget(rng, kind), source=source, source_ref=source_ref, link=link, status=status,
        visibility=visibility, owner_region_code=region.code, organisation_id=owner.id if owner else None,
        created_by=CREATED_BY, published_at=_published_at(rng, status, deadline, today),
    )
    return opportunity


def _source(rng: random.Random, region: DemoRegion, number: int, kind: str, owner: Organisation | None,
            today: date) -> tuple[str, str | None, str]:
    """Most records typed in by a manager; some look imported from EEN or the EU Funding & Tenders portal."""
    if kind in EEN_PREFIX and rng.random() < 0.3:
        ref = f"DEMO-{EEN_PREFIX[kind]}-{region.code}-{today:%Y%m}-{number:02d}"
        return "EEN", ref, f"https://een.{DEMO_DOMAIN}/profiles/{ref}"
    if kind in ("funding_call", "tender") and rng.random() < 0.5:
        ref = f"DEMO-EUFT-{today:%Y}-{region.code}-{number:02d}"
        return "EU F&T", ref, f"https://ft.{DEMO_DOMAIN}/opportunities/{ref}"
    base = owner.website if owner and owner.website else f"https://{slug(region.name)}.{DEMO_DOMAIN}"
    return "manager", None, f"{base}/opportunities/{number:02d}"


def _budget(rng: random.Random, kind: str) -> Decimal | None:
    if kind == "funding_call":
        return Decimal(rng.randint(4, 80) * 25_000)
    if kind == "tender":
        return Decimal(rng.randint(2, 40) * 5_000)
    if kind == "investment":
        return Decimal(rng.randint(2, 50) * 50_000)
    return None


def _published_at(rng: random.Random, status: str, deadline: date | None, today: date) -> datetime | None:
    if status == "draft":
        return None
    day = today - timedelta(days=rng.randint(1, 30))
    if deadline is not None:
        day = min(day, deadline - timedelta(days=rng.randint(14, 90)))
    return datetime.combine(day, time(9, 0), tzinfo=UTC)


def _story(organisations: list[Organisation], today: date) -> Opportunity:
    """Number 01 of Norte, exactly as the browser tests look for it."""
    spinner = organisations[1]  # FIXED_COMPANIES["PT11"]: the Guimarães spinning mill
    assert spinner.lon is not None and spinner.lat is not None
    lon, lat = jitter(random.Random("tex4im-demo:story"), float(spinner.lon), float(spinner.lat), 0.3)  # noqa: S311
    return Opportunity(
        id=opportunity_id(STORY_REGION, 1), kind="business_cooperation", title=STORY_TITLE, summary=STORY_SUMMARY,
        language="en", priorities=["circular_economy", "advanced_materials"], region_codes=[STORY_REGION],
        country_codes=["PT"], nace_codes=["C13.10"], value_chain=["yarn", "recycling"], lon=lon, lat=lat,
        deadline=today + timedelta(days=STORY_DEADLINE_DAYS), budget_eur=None, source="manager", source_ref=None,
        link=f"{spinner.website}/opportunities/01", status="open", visibility="public",
        owner_region_code=STORY_REGION, organisation_id=spinner.id, created_by=CREATED_BY,
        published_at=datetime.combine(today - timedelta(days=7), time(9, 0), tzinfo=UTC),
    )


def _interests(result: DemoOpportunities, organisations: dict[str, list[Organisation]]) -> None:
    """Two interests on each region's first open public partner searches, from companies of other regions."""
    number = 0
    for index, region in enumerate(REGIONS):
        targets = [o for o in result.opportunities
                   if o.owner_region_code == region.code and o.status == "open" and o.visibility == "public"
                   and o.kind in EEN_PREFIX and o.title != STORY_TITLE][:2]
        for offset, target in enumerate(targets, start=1):
            number += 1
            other = REGIONS[(index + offset) % len(REGIONS)]
            # companies 02..32: not the demo member's own (01), not the near-duplicate copy (33)
            company = organisations[other.code][1 + (index * 3 + offset * 5) % (COMPANIES_PER_REGION - 2)]
            result.interests.append(OpportunityInterest(
                opportunity_id=target.id, subject=f"demo-interest-{number}",
                person_name=f"Demo Interested Person {number}", organisation_id=company.id, region_code=other.code,
                message="Demo interest: we would like to hear more about this opportunity.",
            ))


def build_opportunities(organisations: dict[str, list[Organisation]], *, today: date) -> DemoOpportunities:
    """Every region's demo opportunities, dated relative to `today`, with a handful of interests."""
    result = DemoOpportunities()
    for region in REGIONS:
        rng = random.Random(f"tex4im-demo:opportunities:{region.code}")  # noqa: S311  (demo data, not secrets)
        used: set[tuple[str, str]] = set()
        for number, kind in enumerate(_kinds(rng, region), start=1):
            story = region.code == STORY_REGION and number <= len(STORY_KINDS)
            if story and number == 1:
                result.opportunities.append(_story(organisations[region.code], today))
                continue
            topic = _topic(rng, kind, used, story)
            result.opportunities.append(
                _opportunity(rng, region, number, kind, topic, organisations[region.code], today, story=story)
            )
    _interests(result, organisations)
    return result
