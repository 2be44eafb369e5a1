"""How well an opportunity fits an organisation: a pure, explainable score from 0 to 100.

Every point comes from a reason the user can read, and what holds a score down is listed as a mismatch.

| code                 | points                 | when                                                             |
|----------------------|------------------------|------------------------------------------------------------------|
| shared_priorities    | 10 each, at most 30    | both are tagged with the same thematic priorities                |
| nace_division        | 20                     | they share a NACE division (C13.20 and C13.99 share C13)         |
| value_chain_same     | 15                     | the opportunity's steps include one of the organisation's        |
| value_chain_adjacent | 8                      | no shared step, but a neighbouring one (fabric → finishing)      |
| same_region          | 12                     | the opportunity names the organisation's region                  |
| same_country         | 6                      | not its region, but its country                                  |
| interregional        | 8                      | it names another partnership region: cooperation across regions  |
| deadline_open        | 5                      | its deadline is at least 7 days away                             |
| keyword_overlap      | 5 per word, at most 10 | a request's words (stemmed) meet the organisation's capabilities |
| deadline_soon        | −5 (mismatch)          | its deadline is less than 7 days away                            |

The maximum adds up to 100; the score is clamped to 0..100. Other mismatches carry no points and only say
why a score is low: no_shared_priority, nace_mismatch, value_chain_distant, no_place_match,
no_keyword_overlap. Value-chain steps follow vocab.VALUE_CHAIN_ORDER, and recycling closes the loop back
to fibre (recycled fibre is where circular textiles start), so those two are neighbours too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intelligence.vocab import VALUE_CHAIN_ORDER, OpportunityKind

WEIGHTS = {
    "shared_priorities": 10, "shared_priorities_max": 30,
    "nace_division": 20,
    "value_chain_same": 15, "value_chain_adjacent": 8,
    "same_region": 12, "same_country": 6, "interregional": 8,
    "deadline_open": 5, "deadline_soon": -5, "soon_days": 7,
    "keyword_overlap": 5, "keyword_overlap_max": 10,
}
# opportunities that ask for a capability, whose words are compared with the organisation's capabilities
KEYWORD_KINDS = frozenset({OpportunityKind.technology_request.value, OpportunityKind.rnd.value,
                           OpportunityKind.tender.value})
MIN_KEYWORD_LENGTH = 3
PRIORITY_LABELS = {
    "circular_economy": "circular economy",
    "industry_4_0": "Industry 4.0 & advanced manufacturing",
    "digital_technologies": "digital technologies",
    "advanced_materials": "advanced textile materials",
    "creativity": "creativity as a business model",
}
_STEP_INDEX = {step.value: i for i, step in enumerate(VALUE_CHAIN_ORDER)}


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict[str, Any]
    text: str
    points: int


@dataclass(frozen=True)
class OrganisationProfile:
    region_code: str | None
    country_code: str
    priorities: frozenset[str] = frozenset()
    nace_codes: frozenset[str] = frozenset()
    value_chain: frozenset[str] = frozenset()
    has_capabilities: bool = False


@dataclass(frozen=True)
class OpportunityProfile:
    kind: str
    priorities: frozenset[str] = frozenset()
    nace_codes: frozenset[str] = frozenset()
    value_chain: frozenset[str] = frozenset()
    region_codes: tuple[str, ...] = ()
    country_codes: frozenset[str] = frozenset()
    deadline: date | None = None
    # the stems of its title and summary, and the organisation's capabilities stemmed alike (stem → word)
    request_words: frozenset[str] = frozenset()
    capability_words: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    score: int
    reasons: list[Reason] = field(default_factory=list)
    mismatches: list[Reason] = field(default_factory=list)


def plain_words(text: str) -> dict[str, str]:
    """Lower-case words, each its own stem, for callers without the database's stemmers."""
    return {word: word for word in re.findall(r"\w+", text.lower())}


def divisions(codes: frozenset[str]) -> frozenset[str]:
    return frozenset(code.split(".", 1)[0] for code in codes)


def adjacent(a: str, b: str) -> bool:
    """Neighbours in the value chain; recycling feeds fibre, closing the loop."""
    distance = abs(_STEP_INDEX[a] - _STEP_INDEX[b])
    return distance == 1 or distance == len(_STEP_INDEX) - 1


def _in_order(steps: frozenset[str]) -> list[str]:
    return sorted(steps, key=_STEP_INDEX.__getitem__)


def _priorities(org: OrganisationProfile, opp: OpportunityProfile) -> tuple[list[Reason], list[Reason]]:
    shared = sorted(org.priorities & opp.priorities)
    if shared:
        points = min(WEIGHTS["shared_priorities"] * len(shared), WEIGHTS["shared_priorities_max"])
        labels = ", ".join(PRIORITY_LABELS.get(p, p) for p in shared)
        return [Reason("shared_priorities", {"priorities": shared}, f"Shared priorities: {labels}.", points)], []
    if opp.priorities:
        return [], [Reason("no_shared_priority", {"priorities": sorted(opp.priorities)},
                           "No thematic priority in common.", 0)]
    return [], []


def _nace(org: OrganisationProfile, opp: OpportunityProfile) -> tuple[list[Reason], list[Reason]]:
    shared = sorted(divisions(org.nace_codes) & divisions(opp.nace_codes))
    if shared:
        text = f"Same NACE division: {', '.join(shared)}."
        return [Reason("nace_division", {"divisions": shared}, text, WEIGHTS["nace_division"])], []
    if org.nace_codes and opp.nace_codes:
        wanted = sorted(divisions(opp.nace_codes))
        return [], [Reason("nace_mismatch", {"divisions": wanted}, f"Asks for NACE {', '.join(wanted)}.", 0)]
    return [], []


def _value_chain(org: OrganisationProfile, opp: OpportunityProfile) -> tuple[list[Reason], list[Reason]]:
    same = _in_order(org.value_chain & opp.value_chain)
    if same:
        text = f"Same value-chain step: {', '.join(same)}."
        return [Reason("value_chain_same", {"steps": same}, text, WEIGHTS["value_chain_same"])], []
    pairs = [[a, b] for a in _in_order(org.value_chain) for b in _in_order(opp.value_chain) if adjacent(a, b)]
    if pairs:
        text = "Adjacent value-chain steps: " + ", ".join(f"{a} → {b}" for a, b in pairs) + "."
        return [Reason("value_chain_adjacent", {"pairs": pairs}, text, WEIGHTS["value_chain_adjacent"])], []
    if org.value_chain and opp.value_chain:
        steps = _in_order(opp.value_chain)
        return [], [Reason("value_chain_distant", {"steps": steps},
                           f"Works elsewhere in the value chain ({', '.join(steps)}).", 0)]
    return [], []


def _place(
    org: OrganisationProfile, opp: OpportunityProfile, partnership_regions: frozenset[str]
) -> tuple[list[Reason], list[Reason]]:
    reasons: list[Reason] = []
    if org.region_code and org.region_code in opp.region_codes:
        reasons.append(Reason("same_region", {"region": org.region_code}, f"In your region ({org.region_code}).",
                              WEIGHTS["same_region"]))
    elif org.country_code in opp.country_codes or any(r[:2] == org.country_code for r in opp.region_codes):
        reasons.append(Reason("same_country", {"country": org.country_code},
                              f"In your country ({org.country_code}).", WEIGHTS["same_country"]))
    others = [r for r in opp.region_codes if r in partnership_regions and r != org.region_code]
    if others:
        reasons.append(Reason("interregional", {"regions": others},
                              f"Interregional: partnership region {', '.join(others)}.", WEIGHTS["interregional"]))
    if not reasons and (opp.region_codes or opp.country_codes):
        places = [*opp.region_codes, *sorted(opp.country_codes)]
        return [], [Reason("no_place_match", {"places": places}, f"Elsewhere: {', '.join(places)}.", 0)]
    return reasons, []


def _deadline(opp: OpportunityProfile, today: date) -> tuple[list[Reason], list[Reason]]:
    if opp.deadline is None or opp.deadline < today:
        return [], []
    days = (opp.deadline - today).days
    params = {"days_left": days, "deadline": opp.deadline.isoformat()}
    if days >= WEIGHTS["soon_days"]:
        return [Reason("deadline_open", params, f"Open for another {days} days (deadline {opp.deadline}).",
                       WEIGHTS["deadline_open"])], []
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return [], [Reason("deadline_soon", params, f"The deadline is {when}.", WEIGHTS["deadline_soon"])]


def _keywords(org: OrganisationProfile, opp: OpportunityProfile) -> tuple[list[Reason], list[Reason]]:
    if opp.kind not in KEYWORD_KINDS or not org.has_capabilities:
        return [], []
    stems = {s for s in opp.request_words & set(opp.capability_words) if len(s) >= MIN_KEYWORD_LENGTH}
    shared = sorted({opp.capability_words[s] for s in stems})
    if shared:
        points = min(WEIGHTS["keyword_overlap"] * len(shared), WEIGHTS["keyword_overlap_max"])
        text = f"Matches your capabilities: {', '.join(shared)}."
        return [Reason("keyword_overlap", {"keywords": shared}, text, points)], []
    return [], [Reason("no_keyword_overlap", {}, "The request's words do not appear in your capabilities.", 0)]


def score(
    org: OrganisationProfile, opp: OpportunityProfile, *, today: date, partnership_regions: frozenset[str]
) -> Match:
    """The fit of `opp` for `org` on `today`, with its reasons and mismatches in the order of the table."""
    reasons: list[Reason] = []
    mismatches: list[Reason] = []
    for found, missing in (
        _priorities(org, opp), _nace(org, opp), _value_chain(org, opp), _place(org, opp, partnership_regions),
        _deadline(opp, today), _keywords(org, opp),
    ):
        reasons += found
        mismatches += missing
    total = sum(r.points for r in reasons) + sum(m.points for m in mismatches)
    return Match(score=max(0, min(100, total)), reasons=reasons, mismatches=mismatches)
