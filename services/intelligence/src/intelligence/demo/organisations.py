"""The demo organisations: 40 a region, mostly companies, built the same way on every run (seeded)."""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from intelligence.demo.ids import DEMO_DOMAIN, DEMO_SUFFIX, organisation_id
from intelligence.demo.phrases import ACTIVITY_NAMES, CAPABILITIES, JOB_TITLES, KIND_LABELS, KIND_NAMES, NOT_REAL
from intelligence.demo.places import REGIONS, DemoRegion, Town, jitter, pick_town, town_named
from intelligence.organisation.models import DuplicateCandidate, Organisation, OrganisationContact
from intelligence.vocab import PRIORITY_CODES, VALUE_CHAIN_ORDER

ORGANISATIONS_PER_REGION = 40
COMPANIES_PER_REGION = 33
# numbers 34..40: what else a region's textile ecosystem holds
OTHER_KINDS = ("rnd_centre", "rnd_centre", "university", "science_park", "business_network", "business_network",
               "investor")
CERTIFICATIONS = ("GOTS", "OEKO-TEX", "GRS", "ISO 14001", "bluesign")
SIZES = (("micro", 30), ("small", 40), ("medium", 22), ("large", 8))
# where each region's university and investor sit
CAPITALS = {"ITI1": "Firenze", "ITC1": "Torino", "RO21": "Iași", "ES52": "València", "PT11": "Guimarães",
            "CZ05": "Liberec", "SE23": "Borås", "FRE1": "Lille"}


@dataclass(frozen=True)
class Activity:
    nace_codes: tuple[str, ...]
    value_chain: tuple[str, ...]
    capabilities: tuple[str, ...]
    priorities: tuple[str, ...]  # the likeliest first


ACTIVITIES = {
    "spinning": Activity(("C13.10",), ("fibre", "yarn"), ("cotton_yarn", "recycled_fibres", "carded_wool"),
                         ("circular_economy", "advanced_materials", "industry_4_0")),
    "wool_mill": Activity(("C13.10", "C13.20"), ("yarn", "fabric"), ("carded_wool", "worsted_wool", "recycled_fibres"),
                          ("circular_economy", "creativity", "industry_4_0")),
    "weaving": Activity(("C13.20",), ("fabric",), ("jacquard", "upholstery", "worsted_wool"),
                        ("creativity", "industry_4_0", "advanced_materials")),
    "knitting": Activity(("C13.91", "C14.39"), ("fabric", "garment"), ("circular_knitting", "seamless", "knitwear"),
                         ("industry_4_0", "creativity", "digital_technologies")),
    "finishing": Activity(("C13.30",), ("finishing",), ("low_water_dyeing", "functional_finishing", "digital_printing"),
                          ("circular_economy", "industry_4_0", "advanced_materials")),
    "printing": Activity(("C13.30",), ("finishing",), ("digital_printing", "low_water_dyeing"),
                         ("digital_technologies", "creativity", "circular_economy")),
    "technical": Activity(("C13.96",), ("fabric", "finishing"),
                          ("technical_fabrics", "coated_fabrics", "functional_finishing"),
                          ("advanced_materials", "industry_4_0")),
    "nonwovens": Activity(("C13.95",), ("fabric",), ("nonwovens_filtration", "recycled_fibres"),
                          ("advanced_materials", "circular_economy")),
    "apparel": Activity(("C14.13", "C14.14", "C14.19"), ("garment", "retail"),
                        ("small_batch", "pattern_making", "traceability"),
                        ("creativity", "digital_technologies", "circular_economy")),
    "recycling": Activity(("E38.32", "C13.10"), ("recycling", "fibre"), ("sorting", "recycled_fibres", "traceability"),
                          ("circular_economy", "digital_technologies")),
    "smart": Activity(("C13.96", "C14.19"), ("fabric", "garment"), ("smart_textiles", "conductive_yarns"),
                      ("advanced_materials", "digital_technologies", "industry_4_0")),
    "lace": Activity(("C13.99",), ("fabric",), ("leavers_lace", "embroidery"), ("creativity", "industry_4_0")),
    "home": Activity(("C13.92",), ("fabric", "finishing"), ("home_textiles", "upholstery", "jacquard"),
                     ("creativity", "circular_economy", "digital_technologies")),
    "carpets": Activity(("C13.93",), ("fabric",), ("carpets", "recycled_fibres"), ("creativity", "circular_economy")),
    "leather": Activity(("C15.12", "C15.11"), ("garment", "retail"), ("leather_goods", "traceability"),
                        ("creativity", "circular_economy")),
}
OTHER_PROFILES = {
    "rnd_centre": Activity(("M72.19",), ("fibre", "fabric", "finishing"),
                           ("testing_lab", "applied_research", "smart_textiles"), PRIORITY_CODES),
    "university": Activity(("P85.4",), (), ("training", "applied_research"), PRIORITY_CODES),
    "science_park": Activity(("M72.19",), (), ("incubation", "applied_research"), PRIORITY_CODES),
    "business_network": Activity(("S94.11",), (), ("networking",), PRIORITY_CODES),
    "investor": Activity(("K64.30",), (), ("equity",), PRIORITY_CODES),
}


@dataclass(frozen=True)
class FixedCompany:
    """A company the demo stories rely on: number 02 of its region, in a given town."""

    activity: str
    surname: str
    town: str
    legal_form: str
    duplicate_legal_form: str | None = None  # a second record, number 33, that differs only in how this is written


FIXED_COMPANIES = {
    "ITI1": FixedCompany("wool_mill", "Bianchi", "Prato", "S.p.A.", "SpA"),
    "ES52": FixedCompany("weaving", "Ferrer", "Ontinyent", "S.L.", "SL"),
    "PT11": FixedCompany("spinning", "Ferreira", "Guimarães", "Lda."),
    "CZ05": FixedCompany("weaving", "Novák", "Liberec", "s.r.o.", "s. r. o."),
    "FRE1": FixedCompany("lace", "Lefebvre", "Calais", "SAS", "S.A.S."),
}


@dataclass
class DemoOrganisations:
    organisations: list[Organisation] = field(default_factory=list)
    by_region: dict[str, list[Organisation]] = field(default_factory=dict)
    cluster_members: dict[str, list[uuid.UUID]] = field(default_factory=dict)  # region -> members of its cluster
    duplicates: list[DuplicateCandidate] = field(default_factory=list)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Builder:
    """Builds one region's organisations; contact numbers run on across regions."""

    def __init__(self, result: DemoOrganisations) -> None:
        self.result = result
        self.contact_number = 0

    def region(self, position: int, region: DemoRegion) -> None:
        rng = random.Random(f"tex4im-demo:organisations:{region.code}")  # noqa: S311  (demo data, not secrets)
        fixed = FIXED_COMPANIES.get(region.code)
        used = {(fixed.activity, fixed.surname)} if fixed else set()
        organisations: list[Organisation] = []
        members: list[uuid.UUID] = []
        for number in range(1, ORGANISATIONS_PER_REGION + 1):
            if number == 2 and fixed:
                org = self._company(rng, region, position, number, fixed.activity, fixed.surname,
                                    town_named(region, fixed.town), fixed.legal_form)
                org.visibility = "public"
            elif number == COMPANIES_PER_REGION and fixed and fixed.duplicate_legal_form:
                org = self._duplicate_of(rng, region, organisations[1], fixed)
            elif number <= COMPANIES_PER_REGION:
                activity, surname, town = self._pick_company(rng, region, used)
                org = self._company(rng, region, position, number, activity, surname, town,
                                    rng.choice(region.legal_forms))
                if number == 1:  # the demo member's own organisation: public, so every screen shows it
                    org.visibility = "public"
            else:
                org = self._other(rng, region, position, number, OTHER_KINDS[number - COMPANIES_PER_REGION - 1])
            organisations.append(org)
            joins = 0.55 if org.kind in ("business_network", "investor") else 0.85
            if rng.random() < joins:
                members.append(org.id)
        self.result.organisations += organisations
        self.result.by_region[region.code] = organisations
        self.result.cluster_members[region.code] = members

    def _pick_company(self, rng: random.Random, region: DemoRegion,
                      used: set[tuple[str, str]]) -> tuple[str, str, Town]:
        while True:
            town = pick_town(rng, region)
            if town.specialities and rng.random() < 0.6:
                activity = rng.choice(town.specialities)
            else:
                activity = rng.choices(list(region.activities), weights=list(region.activities.values()))[0]
            surname = rng.choice(region.surnames)
            if (activity, surname) not in used:
                used.add((activity, surname))
                return activity, surname, town

    def _company(self, rng: random.Random, region: DemoRegion, position: int, number: int, activity: str,
                 surname: str, town: Town, legal_form: str) -> Organisation:
        profile = ACTIVITIES[activity]
        name = f"{ACTIVITY_NAMES[activity][region.language]} Demo {surname}"
        org = self._organisation(rng, region, position, number, kind="company", name=f"{name} {legal_form}",
                                 town=town, profile=profile, label=ACTIVITY_NAMES[activity], website=slug(name))
        org.size_class = rng.choices([s for s, _ in SIZES], weights=[w for _, w in SIZES])[0]
        org.nace_codes = [rng.choice(profile.nace_codes)] if activity == "apparel" else list(profile.nace_codes)
        count = rng.choices((0, 1, 2, 3), weights=(20, 35, 30, 15))[0]
        org.certifications = sorted(rng.sample(CERTIFICATIONS, count), key=CERTIFICATIONS.index)
        return org

    def _other(self, rng: random.Random, region: DemoRegion, position: int, number: int,
               kind: str) -> Organisation:
        if kind in ("university", "investor"):
            town = town_named(region, CAPITALS[region.code])
        else:  # the first and second towns for the pairs of R&D centres and networks
            town = region.towns[0 if kind == "science_park" or number in (34, 38) else 1]
        name = KIND_NAMES[kind][region.language].format(city=town.name)
        return self._organisation(rng, region, position, number, kind=kind, name=name, town=town,
                                  profile=OTHER_PROFILES[kind], label=KIND_LABELS[kind], website=slug(name))

    def _organisation(self, rng: random.Random, region: DemoRegion, position: int, number: int, *, kind: str,
                      name: str, town: Town, profile: Activity, label: dict[str, str],
                      website: str) -> Organisation:
        language = region.language if rng.random() < 0.6 else "en"
        capabilities = rng.sample(profile.capabilities, min(2, len(profile.capabilities)))
        texts = [CAPABILITIES[c][language] for c in capabilities]
        lead = rng.choice(profile.priorities[:2]) if kind == "company" else rng.choice(PRIORITY_CODES)
        priorities = {lead} | set(rng.sample(PRIORITY_CODES, rng.choice((0, 1, 1, 2))))
        lon, lat = jitter(rng, town.lon, town.lat, town.radius_km)
        org = Organisation(
            id=organisation_id(region.code, number), name=name + DEMO_SUFFIX, kind=kind,
            vat_number=f"{region.country_code}DEMO{position}{number:03d}", country_code=region.country_code,
            region_code=region.code, city=town.name, lon=lon, lat=lat, nace_codes=list(profile.nace_codes),
            size_class=None, value_chain=list(profile.value_chain), capabilities=texts, certifications=[],
            priorities=sorted(priorities, key=PRIORITY_CODES.index)[:3],
            website=f"https://{website}.{DEMO_DOMAIN}",
            description=f"{label[language]}, {town.name}. {'; '.join(texts)}. {NOT_REAL[language]}",
            language=language, visibility="public" if rng.random() < 0.7 else "consortium",
            steward_region_code=None, merged_into_id=None, contacts=self._contacts(rng),
        )
        return org

    def _contacts(self, rng: random.Random) -> list[OrganisationContact]:
        contacts = []
        for _ in range(rng.choice((1, 1, 2))):
            self.contact_number += 1
            n = self.contact_number
            contacts.append(OrganisationContact(
                name=f"Demo Contact {n}", job_title=rng.choice(JOB_TITLES), email=f"demo.contact.{n}@{DEMO_DOMAIN}",
            ))
        return contacts

    def _duplicate_of(self, rng: random.Random, region: DemoRegion, original: Organisation,
                      fixed: FixedCompany) -> Organisation:
        """The same company typed in again: another legal-form spelling, no VAT number, a shorter profile."""
        name = f"{ACTIVITY_NAMES[fixed.activity][region.language]} Demo {fixed.surname} {fixed.duplicate_legal_form}"
        town = town_named(region, fixed.town)
        lon, lat = jitter(rng, town.lon, town.lat, 1.0)
        duplicate = Organisation(
            id=organisation_id(region.code, COMPANIES_PER_REGION), name=name + DEMO_SUFFIX, kind="company",
            vat_number=None, country_code=region.country_code, region_code=region.code, city=town.name, lon=lon,
            lat=lat, nace_codes=list(original.nace_codes), size_class=original.size_class,
            value_chain=list(original.value_chain), capabilities=original.capabilities[:1], certifications=[],
            priorities=list(original.priorities), website=original.website,
            description=original.description, language=original.language, visibility="consortium",
            steward_region_code=None, merged_into_id=None, contacts=self._contacts(rng),
        )
        first, second = sorted((original, duplicate), key=lambda o: o.id)
        similarity = difflib.SequenceMatcher(None, first.name.lower(), second.name.lower()).ratio()
        self.result.duplicates.append(DuplicateCandidate(
            first_id=first.id, second_id=second.id, reason="similar_name_same_city",
            similarity=Decimal(f"{similarity:.3f}"), status="open",
        ))
        return duplicate


def build_organisations() -> DemoOrganisations:
    """Every region's demo organisations, their partner-cluster memberships and the near-duplicate pairs."""
    result = DemoOrganisations()
    builder = _Builder(result)
    for position, region in enumerate(REGIONS, start=1):
        builder.region(position, region)
    for org in result.organisations:
        org.value_chain = sorted(org.value_chain, key=VALUE_CHAIN_ORDER.index)
    return result
