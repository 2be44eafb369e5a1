"""The panel's ranking and the portfolio rule, as pure functions over plain data (no database, no clock).

1. Proposals that reach every threshold are fundable and ranked by total, highest first. Equal totals are
   separated by the call's tie-break rules in order; the rule that separated each pair is recorded. Proposals
   no rule separates share a rank and are shown as tied.
2. Walking the ranking, a proposal is selected while fewer than `selected_count` are and its region has fewer
   than `max_selected_per_region`; the next `reserve_count` fundable ones not selected form the reserve list;
   the rest, and every proposal that is not fundable, are rejected. Each outcome carries its reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from proposals.vocab import DecisionOutcome, TieBreak


@dataclass(frozen=True)
class Candidate:
    """One proposal with a finalised consensus. `criteria`: (title, score) in the rubric's order."""

    key: Hashable
    label: str
    region: str
    total: Decimal
    criteria: tuple[tuple[str, Decimal], ...]
    partner_regions: int
    requested_eur: Decimal | None
    submitted_at: datetime | None
    shortfalls: tuple[str, ...] = ()  # the thresholds it misses, in words; none: fundable

    @property
    def fundable(self) -> bool:
        return not self.shortfalls


@dataclass(frozen=True)
class Rules:
    tie_breaks: tuple[TieBreak, ...] = ()
    selected_count: int = 0
    reserve_count: int = 0
    max_selected_per_region: int | None = None


@dataclass(frozen=True)
class Row:
    candidate: Candidate
    rank: int | None
    tied_with: tuple[str, ...] = ()
    tie_break: TieBreak | None = None
    tie_note: str | None = None
    outcome: DecisionOutcome = DecisionOutcome.rejected
    reason: str = ""

    @property
    def tied(self) -> bool:
        return bool(self.tied_with)


# -- tie-breaks ----------------------------------------------------------------------------------------------------

_LAST = (1,)  # sorts after every present value


def _rule_key(rule: TieBreak, c: Candidate) -> Any:
    """Smaller is better."""
    if rule == TieBreak.higher_criterion:
        return tuple(-score for _, score in c.criteria)
    if rule == TieBreak.more_partner_regions:
        return -c.partner_regions
    if rule == TieBreak.lower_requested_funding:
        return _LAST if c.requested_eur is None else (0, c.requested_eur)
    return _LAST if c.submitted_at is None else (0, c.submitted_at)


def _sort_key(c: Candidate, rules: Sequence[TieBreak]) -> tuple[Any, ...]:
    return (-c.total, *(_rule_key(rule, c) for rule in rules))


def _why(rule: TieBreak, ahead: Candidate, behind: Candidate) -> str:
    if rule == TieBreak.higher_criterion:
        for (title, a), (_, b) in zip(ahead.criteria, behind.criteria, strict=True):
            if a != b:
                return f"higher {title} ({a} against {b})"
    if rule == TieBreak.more_partner_regions:
        return f"more partner regions ({ahead.partner_regions} against {behind.partner_regions})"
    if rule == TieBreak.lower_requested_funding:
        return f"lower requested funding (EUR {ahead.requested_eur} against {_or_unknown(behind.requested_eur)})"
    return f"earlier submission ({ahead.submitted_at:%Y-%m-%d %H:%M} against {_or_unknown(behind.submitted_at)})"


def _or_unknown(value: Any) -> str:
    if value is None:
        return "not stated"
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, datetime) else str(value)


def _separating_rule(a: Candidate, b: Candidate, rules: Sequence[TieBreak]) -> TieBreak | None:
    return next((rule for rule in rules if _rule_key(rule, a) != _rule_key(rule, b)), None)


def order(candidates: Sequence[Candidate], tie_breaks: Sequence[TieBreak]) -> list[Row]:
    """The fundable candidates ranked (1, 2, 2, 4...), each with the tie-break that placed it, if one did."""
    rules = tuple(tie_breaks)
    ranked = sorted((c for c in candidates if c.fundable), key=lambda c: (_sort_key(c, rules), c.label))
    keys = [_sort_key(c, rules) for c in ranked]
    rows: list[Row] = []
    for i, c in enumerate(ranked):
        rank = rows[-1].rank if i and keys[i] == keys[i - 1] else i + 1
        tied = tuple(o.label for j, o in enumerate(ranked) if j != i and keys[j] == keys[i])
        rule, note = None, None
        above = ranked[i - 1] if i and ranked[i - 1].total == c.total else None
        below = ranked[i + 1] if i + 1 < len(ranked) and ranked[i + 1].total == c.total else None
        if above is not None and keys[i - 1] != keys[i]:
            rule = _separating_rule(above, c, rules)
            note = f"Behind {above.label} on an equal total of {c.total}: {_why(rule, above, c)}."
        elif below is not None and keys[i + 1] != keys[i]:
            rule = _separating_rule(c, below, rules)
            note = f"Ahead of {below.label} on an equal total of {c.total}: {_why(rule, c, below)}."
        if tied:
            still = "no tie-break rule separates them" if rules else "the call sets no tie-break rule"
            note = " ".join(filter(None, [note, f"Tied with {', '.join(tied)}: {still}."]))
        rows.append(Row(candidate=c, rank=rank, tied_with=tied, tie_break=rule, tie_note=note))
    return rows


# -- the portfolio rule -------------------------------------------------------------------------------------------


def rank(candidates: Sequence[Candidate], rules: Rules) -> list[Row]:
    """Ranked fundable rows with their outcomes, then the proposals that are not fundable (rejected)."""
    rows = order(candidates, rules.tie_breaks)
    cap, places = rules.max_selected_per_region, rules.selected_count
    selected, per_region = 0, Counter[str]()
    decided: list[tuple[DecisionOutcome, str]] = []
    for row in rows:
        region = row.candidate.region
        if selected < places and (cap is None or per_region[region] < cap):
            selected += 1
            per_region[region] += 1
            decided.append((DecisionOutcome.selected,
                            f"Selected: rank {row.rank} of {len(rows)} fundable, place {selected} of {places}."))
        elif selected < places:
            decided.append((DecisionOutcome.rejected,
                            f"Skipped for its region: {region} already has {cap} selected, the most a region may."))
        else:
            decided.append((DecisionOutcome.rejected, f"Ranked below the {places} selected."))
    reserves = 0
    for i, (outcome, reason) in enumerate(decided):
        if outcome == DecisionOutcome.rejected and reserves < rules.reserve_count:
            reserves += 1
            decided[i] = (DecisionOutcome.reserve, f"Reserve list, place {reserves} of {rules.reserve_count}. {reason}")
        elif outcome == DecisionOutcome.rejected:
            decided[i] = (outcome, f"{reason} The reserve list is full.")
    result = []
    for row, (outcome, reason) in zip(rows, decided, strict=True):
        across = [o.candidate.label for o, (other, _) in zip(rows, decided, strict=True)
                  if o.rank == row.rank and other != outcome]
        if across:
            reason += f" Tied with {', '.join(across)}, whose outcome differs: the panel decides between them."
        result.append(replace(row, outcome=outcome, reason=reason))
    unfundable = sorted((c for c in candidates if not c.fundable), key=lambda c: (-c.total, c.label))
    result += [Row(candidate=c, rank=None, outcome=DecisionOutcome.rejected,
                   reason="Not fundable: " + "; ".join(c.shortfalls) + ".") for c in unfundable]
    return result
