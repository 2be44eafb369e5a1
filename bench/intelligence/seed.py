"""Synthetic registry for the search benchmark: N opportunities and M organisations in the eight regions.

Deterministic (a seeded generator), written with COPY into the intelligence schema so the search-vector
triggers index every row as an API write would. Texts are short textile phrases in the region's language or
English, so stemming, ranking and facets have realistic work to do.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

import asyncpg

REGIONS = {  # code: (country, language, towns with lon/lat)
    "ITI1": ("IT", "it", [("Prato", 11.10, 43.88), ("Firenze", 11.25, 43.77), ("Empoli", 10.95, 43.72)]),
    "ITC1": ("IT", "it", [("Biella", 8.05, 45.57), ("Torino", 7.69, 45.07), ("Novara", 8.62, 45.45)]),
    "RO21": ("RO", "ro", [("Iași", 27.60, 47.16), ("Bacău", 26.91, 46.57), ("Suceava", 26.25, 47.65)]),
    "ES52": ("ES", "es", [("Alcoi", -0.47, 38.70), ("Ontinyent", -0.61, 38.82), ("València", -0.38, 39.47)]),
    "PT11": ("PT", "pt", [("Guimarães", -8.30, 41.44), ("Braga", -8.43, 41.55), ("Porto", -8.61, 41.15)]),
    "CZ05": ("CZ", "cs", [("Liberec", 15.06, 50.77), ("Hradec Králové", 15.83, 50.21), ("Náchod", 16.16, 50.42)]),
    "SE23": ("SE", "sv", [("Borås", 12.94, 57.72), ("Göteborg", 11.97, 57.71), ("Ulricehamn", 13.41, 57.79)]),
    "FRE1": ("FR", "fr", [("Roubaix", 3.17, 50.69), ("Tourcoing", 3.16, 50.72), ("Calais", 1.86, 50.95)]),
}
WORDS = {
    "en": ["recycled cotton yarn", "technical textiles", "wool spinning", "digital printing",
           "smart textiles with sensors", "dyeing and finishing", "organic cotton fabric", "circular fashion",
           "knitted fabrics", "nonwovens", "traceability platform", "waterless dyeing", "bio-based fibres",
           "lace manufacturing", "protective clothing"],
    "it": ["filati di cotone riciclato", "tessuti tecnici", "filatura della lana cardata", "stampa digitale",
           "tessili intelligenti", "tintoria e finissaggio", "tessuti in cotone biologico", "moda circolare",
           "maglieria", "tessuti non tessuti", "tracciabilità della filiera", "lana rigenerata"],
    "ro": ["fire din bumbac reciclat", "textile tehnice", "confecții", "imprimare digitală", "textile inteligente",
           "vopsire și finisare", "tricotaje", "modă circulară"],
    "es": ["hilo de algodón reciclado", "textiles técnicos", "textil hogar", "estampación digital",
           "textiles inteligentes", "tintes y acabados", "tejidos de punto", "moda circular"],
    "pt": ["fio de algodão reciclado", "têxteis técnicos", "malhas", "estampagem digital", "têxteis inteligentes",
           "tinturaria e acabamentos", "tecidos de algodão orgânico", "moda circular"],
    "cs": ["recyklovaná bavlněná příze", "technické textilie", "netkané textilie", "digitální tisk",
           "chytré textilie", "barvení a úprava", "pletené textilie"],
    "sv": ["återvunnet bomullsgarn", "tekniska textilier", "smarta textilier", "digitaltryck", "färgning och beredning",
           "cirkulärt mode", "stickade tyger"],
    "fr": ["fil de coton recyclé", "textiles techniques", "dentelle de Calais", "impression numérique",
           "textiles intelligents", "teinture et finition", "tricotage", "mode circulaire"],
}
PRIORITIES = ["circular_economy", "industry_4_0", "digital_technologies", "advanced_materials", "creativity"]
OPPORTUNITY_KINDS = ["business_cooperation", "technology_offer", "technology_request", "rnd", "funding_call", "tender",
                     "investment", "event"]
ORGANISATION_KINDS = ["company"] * 8 + ["rnd_centre", "university", "science_park", "business_network", "investor"]
NACE = ["C13.10", "C13.20", "C13.30", "C13.91", "C13.92", "C13.95", "C13.96", "C14.13", "C14.14", "C14.19",
        "C14.39", "C15.11", "C15.20", "M72.19", "P85.42"]
CHAIN = ["fibre", "yarn", "fabric", "finishing", "garment", "retail", "recycling"]
SIZES = ["micro", "small", "medium", "large"]
STATUSES = ["open"] * 7 + ["closed", "closed", "archived"]


def _text(rng: random.Random, language: str, words: int) -> str:
    pool = WORDS[language] + WORDS["en"][:4]
    return ", ".join(rng.sample(pool, k=min(words, len(pool))))


def _pick(rng: random.Random, values: list[str], low: int, high: int) -> list[str]:
    return sorted(rng.sample(values, k=rng.randint(low, high)))


def organisations(count: int, rng: random.Random) -> list[tuple[object, ...]]:
    rows = []
    codes = list(REGIONS)
    for n in range(count):
        region = codes[n % len(codes)]
        country, language, towns = REGIONS[region]
        language = language if rng.random() < 0.6 else "en"
        town, lon, lat = rng.choice(towns)
        rows.append((
            uuid.uuid4(), f"Bench Textile {n:06d} {town}", rng.choice(ORGANISATION_KINDS), f"{country}B{n:09d}",
            country, region, town, Decimal(f"{lon + rng.uniform(-0.08, 0.08):.6f}"),
            Decimal(f"{lat + rng.uniform(-0.05, 0.05):.6f}"), _pick(rng, NACE, 1, 3), rng.choice(SIZES),
            _pick(rng, CHAIN, 1, 2), [_text(rng, language, 1) for _ in range(2)], _pick(rng, ["GOTS", "OEKO-TEX", "GRS",
            "ISO 14001", "bluesign"], 0, 2), _pick(rng, PRIORITIES, 1, 3), _text(rng, language, 3), language,
            "public" if rng.random() < 0.7 else "consortium",
        ))
    return rows


ORGANISATION_COLUMNS = [
    "id", "name", "kind", "vat_number", "country_code", "region_code", "city", "lon", "lat", "nace_codes", "size_class",
    "value_chain", "capabilities", "certifications", "priorities", "description", "language", "visibility",
]


def opportunities(count: int, rng: random.Random, today: date) -> list[tuple[object, ...]]:
    rows = []
    codes = list(REGIONS)
    for n in range(count):
        region = codes[n % len(codes)]
        _country, language, towns = REGIONS[region]
        language = language if rng.random() < 0.6 else "en"
        regions = sorted({region, *rng.sample(codes, k=rng.choice([0, 0, 1, 2]))})
        kind = rng.choice(OPPORTUNITY_KINDS)
        point = rng.random() < 0.7
        _, lon, lat = rng.choice(towns)
        rows.append((
            uuid.uuid4(), kind, f"{_text(rng, language, 2).capitalize()} ({n})", _text(rng, language, 5), language,
            _pick(rng, PRIORITIES, 1, 3), regions, sorted({r[:2] for r in regions}), _pick(rng, NACE, 0, 2),
            _pick(rng, CHAIN, 0, 2), Decimal(f"{lon + rng.uniform(-0.1, 0.1):.6f}") if point else None,
            Decimal(f"{lat + rng.uniform(-0.06, 0.06):.6f}") if point else None,
            today + timedelta(days=rng.randint(-120, 400)) if rng.random() < 0.85 else None,
            Decimal(rng.randint(10, 5000) * 1000) if kind in {"funding_call", "tender", "investment"} else None,
            "bench", f"bench-{n}", rng.choice(STATUSES), "public" if rng.random() < 0.8 else "consortium", region,
            "bench",
        ))
    return rows


OPPORTUNITY_COLUMNS = [
    "id", "kind", "title", "summary", "language", "priorities", "region_codes", "country_codes", "nace_codes",
    "value_chain", "lon", "lat", "deadline", "budget_eur", "source", "source_ref", "status", "visibility",
    "owner_region_code", "created_by",
]


async def seed(dsn: str, *, opportunity_count: int, organisation_count: int, today: date, seed: int = 2026) -> None:
    """COPY the synthetic rows in (the triggers index them), then ANALYZE so the planner knows the tables."""
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.copy_records_to_table("organisation", schema_name="intelligence",
                                               records=organisations(organisation_count, rng),
                                               columns=ORGANISATION_COLUMNS)
        await connection.copy_records_to_table("opportunity", schema_name="intelligence",
                                               records=opportunities(opportunity_count, rng, today),
                                               columns=OPPORTUNITY_COLUMNS)
        await connection.execute("ANALYZE intelligence.organisation; ANALYZE intelligence.opportunity")
    finally:
        await connection.close()
