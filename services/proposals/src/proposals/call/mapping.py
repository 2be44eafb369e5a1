"""Between the API's models and a call's rows: new rows from validated input, and the call as the API shows it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from proposals.call.models import Call, CallField, CallPhase, CallTarget, Criterion
from proposals.call.schemas import (
    CallOut,
    CallSummaryOut,
    CriterionOut,
    FieldOut,
    PhaseOut,
    PipelineOut,
    StageOut,
    TargetOut,
    TransitionOut,
)
from proposals.vocab import CallStatus, PhaseKind, TargetMetric

_METRICS = list(TargetMetric)


def submission_open(call: Call, at: datetime | None = None) -> bool:
    """Published, and `at` (now) inside its submission phase; `call.phases` must be loaded."""
    moment = at or datetime.now(UTC)
    return call.status == CallStatus.published and any(
        p.kind == PhaseKind.submission and p.opens_at <= moment < p.closes_at for p in call.phases
    )


def plain(value: Any) -> Any:
    """A validated value as the row stores it: enums by their value, lists element by element."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def rows(model: type[Any], items: Sequence[Any]) -> list[Any]:
    """New rows of `model` from validated items, numbered in the order given where the table keeps an order."""
    positioned = "position" in model.__table__.c
    return [
        model(**{k: plain(v) for k, v in item.model_dump().items()}, **({"position": i} if positioned else {}))
        for i, item in enumerate(items)
    ]


LISTS: dict[str, tuple[type[Any], type[Any], Callable[[Any], Any]]] = {
    "phases": (CallPhase, PhaseOut, lambda r: str(r.kind)),
    "fields": (CallField, FieldOut, lambda r: r.key),
    "criteria": (Criterion, CriterionOut, lambda r: r.key),
    "targets": (CallTarget, TargetOut, lambda r: (str(r.metric), r.region_code, r.year)),
}


def listing(name: str, items: Sequence[Any]) -> list[dict[str, Any]]:
    """A list as the API shows it, in a canonical order for comparing (phases and targets have no order)."""
    out = [LISTS[name][1].model_validate(item, from_attributes=True).model_dump() for item in items]
    if name == "phases":
        return sorted(out, key=lambda p: list(PhaseKind).index(p["kind"]))
    if name == "targets":
        return sorted(out, key=_target_order)
    return out


def _target_order(target: dict[str, Any]) -> tuple[Any, ...]:
    return (_METRICS.index(target["metric"]), target["region_code"] or "", target["year"] or 0)


def pipeline_out(call: Call) -> PipelineOut:
    return PipelineOut(
        call_id=call.id, version=call.version,
        stages=[StageOut.model_validate(s) for s in sorted(call.stages, key=lambda s: s.position)],
        transitions=[TransitionOut.model_validate(t) for t in sorted(call.transitions, key=lambda t: t.position)],
    )


def summary(call: Call, *, at: datetime | None = None) -> CallSummaryOut:
    return CallSummaryOut(
        id=call.id, code=call.code, title=call.title, kind=call.kind, year=call.year, status=call.status,  # type: ignore[arg-type]
        phases=listing("phases", call.phases), submission_open=submission_open(call, at),  # type: ignore[arg-type]
        eligible_priorities=call.eligible_priorities,
    )


def to_out(call: Call) -> CallOut:
    columns = {name: getattr(call, name) for name in CallOut.model_fields if hasattr(Call, name)}
    return CallOut.model_validate(columns | {
        "phases": listing("phases", call.phases), "submission_open": submission_open(call),
        "fields": listing("fields", call.fields), "criteria": listing("criteria", call.criteria),
        "targets": listing("targets", call.targets), "pipeline": pipeline_out(call),
    })
