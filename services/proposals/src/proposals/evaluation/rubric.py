"""Scoring against a call's rubric, over plain rows: weighted totals, pass or fail per criterion, and spreads.

A review is scored 0–5 in half steps per criterion; its total weighs the criteria with their weights normalised
to sum 1. The spread of a criterion's scores across reviews tells whether they diverge beyond the call's limit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from proposals.call.models import Criterion
from proposals.evaluation import review_schemas as out
from proposals.evaluation.models import Assignment

TWO_PLACES, FOUR_PLACES = Decimal("0.01"), Decimal("0.0001")


def weighted_total(criteria: Sequence[Criterion], values: Mapping[str, Decimal]) -> Decimal:
    """Σ weight × score with the weights normalised to sum 1; an unscored criterion counts 0. Two places."""
    weights = sum((c.weight for c in criteria), Decimal(0))
    if not weights:
        return Decimal("0.00")
    points = sum((c.weight * values[c.key] for c in criteria if c.key in values), Decimal(0))
    return (points / weights).quantize(TWO_PLACES, ROUND_HALF_UP)


def shares(criteria: Sequence[Criterion]) -> dict[str, Decimal]:
    weights = sum((c.weight for c in criteria), Decimal(0)) or Decimal(1)
    return {c.key: (c.weight / weights).quantize(FOUR_PLACES, ROUND_HALF_UP) for c in criteria}


def to_half(value: Decimal) -> Decimal:
    """The nearest half step (halves round up: 3.25 → 3.5)."""
    return ((value * 2).quantize(Decimal(1), ROUND_HALF_UP) / 2).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Sheet:
    lines: list[out.ScoreLine]
    total: Decimal
    passed: bool | None
    missing: list[str]
    comments_missing: list[str]


def score_sheet(
    criteria: Sequence[Criterion], values: Mapping[str, Decimal], comments: Mapping[str, str], *,
    overall_threshold: Decimal,
) -> Sheet:
    """Each criterion against its threshold, the weighted total, and the overall pass (None while incomplete)."""
    lines = [
        out.ScoreLine(criterion=c.key, title=c.title, value=values.get(c.key), comment=comments.get(c.key, ""),
                      threshold=c.threshold, passed=None if c.key not in values else values[c.key] >= c.threshold)
        for c in criteria
    ]
    total = weighted_total(criteria, values)
    missing = [line.criterion for line in lines if line.value is None]
    passed = None if missing else all(line.passed for line in lines) and total >= overall_threshold
    comments_missing = [line.criterion for line in lines if line.passed is False and not line.comment.strip()]
    return Sheet(lines, total, passed, missing, comments_missing)


@dataclass(frozen=True)
class Spread:
    criterion: Criterion
    low: Decimal | None
    high: Decimal | None
    mean: Decimal | None  # exact
    divergent: bool

    @property
    def spread(self) -> Decimal | None:
        return None if self.low is None or self.high is None else self.high - self.low

    @property
    def suggested(self) -> Decimal | None:
        return None if self.mean is None else to_half(self.mean)


def spreads(
    criteria: Sequence[Criterion], reviews: Sequence[Mapping[str, Decimal]], threshold: Decimal,
) -> list[Spread]:
    """Per criterion over the given reviews' scores: lowest, highest, mean, and whether max − min > threshold."""
    result = []
    for criterion in criteria:
        given = [r[criterion.key] for r in reviews if criterion.key in r]
        if not given:
            result.append(Spread(criterion, None, None, None, False))
            continue
        low, high = min(given), max(given)
        result.append(Spread(criterion, low, high, sum(given, Decimal(0)) / len(given), high - low > threshold))
    return result


def values_of(assignment: Assignment) -> dict[str, Decimal]:
    return {s.criterion: s.value for s in assignment.scores}
