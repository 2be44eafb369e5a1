"""What a call's configuration must satisfy: faults across the fields of a body (422) and what publishing needs (409).

Single fields are checked by their schema; these are the rules between fields and items, one field problem each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from typing import Any

from tex4im_common.problems import FieldProblem

from proposals.call.models import Call
from proposals.call.schemas import CallFields
from proposals.errors import CallNotPublishable, InvalidCall
from proposals.vocab import CallKind, FieldType, PhaseKind

_TEXT_TYPES = {FieldType.text, FieldType.long_text, FieldType.url}


def _duplicates(items: Sequence[Any], key: Callable[[Any], Any]) -> Iterator[tuple[int, int]]:
    """(index, index of the first item with the same key) for each repeat."""
    first: dict[Any, int] = {}
    for i, item in enumerate(items):
        first.setdefault(key(item), i)
        if first[key(item)] != i:
            yield i, first[key(item)]


def configuration_problems(data: CallFields, *, kind: str, year: int | None) -> list[FieldProblem]:
    """Faults across the fields sent (one problem each); single fields are already checked by their schema."""
    problems: list[FieldProblem] = []

    def fault(field: str, message: str, code: str) -> None:
        problems.append(FieldProblem(field=f"body.{field}", message=message, code=code))

    if data.model_fields_set & {"kind", "year"}:
        if kind == CallKind.permanent and year is None:
            fault("year", "a permanent call names the year of its round", "missing")
        if kind == CallKind.dated and year is not None:
            fault("year", "only the permanent annual call has a year; a dated call's dates are its phases",
                  "not_allowed")
    for i, j in _duplicates(data.tie_breaks or [], lambda t: t):
        fault(f"tie_breaks.{i}", f"'{data.tie_breaks[i]}' is already tie_breaks.{j}", "duplicate")  # type: ignore[index]
    phases = data.phases or []
    for i, j in _duplicates(phases, lambda p: p.kind):
        fault(f"phases.{i}.kind", f"the call already has a {phases[i].kind} phase (phases.{j})", "duplicate")
    for i, phase in enumerate(phases):
        if phase.closes_at <= phase.opens_at:
            fault(f"phases.{i}.closes_at", "a phase closes after it opens", "before_opening")
    index = {p.kind: i for i, p in reversed(list(enumerate(phases)))}
    present = [kind for kind in PhaseKind if kind in index]
    for earlier, later in pairwise(present):
        if phases[index[later]].opens_at < phases[index[earlier]].closes_at:
            fault(f"phases.{index[later]}.opens_at", f"the {later} phase opens before the {earlier} phase closes "
                  f"({phases[index[earlier]].closes_at.isoformat()})", "out_of_order")
    fields = data.fields or []
    for i, j in _duplicates(fields, lambda f: f.key):
        fault(f"fields.{i}.key", f"'{fields[i].key}' is already the key of fields.{j}", "duplicate")
    for i, field in enumerate(fields):
        if field.type == FieldType.choice and not field.options:
            fault(f"fields.{i}.options", "a choice field needs at least one option", "missing")
        if field.type != FieldType.choice and field.options:
            fault(f"fields.{i}.options", "only choice fields have options", "not_allowed")
        for k, first in _duplicates(field.options, lambda o: o):
            fault(f"fields.{i}.options.{k}", f"'{field.options[k]}' is already option {first}", "duplicate")
        if field.max_length is not None and field.type not in _TEXT_TYPES:
            fault(f"fields.{i}.max_length", "only text, long_text and url fields have a maximum length",
                  "not_allowed")
    criteria = data.criteria or []
    for i, j in _duplicates(criteria, lambda c: c.key):
        fault(f"criteria.{i}.key", f"'{criteria[i].key}' is already the key of criteria.{j}", "duplicate")
    targets = data.targets or []
    for i, j in _duplicates(targets, lambda t: (t.metric, t.region_code, t.year)):
        fault(f"targets.{i}", f"targets.{j} already sets this target (same metric, region and year)", "duplicate")
    return problems


def check_configuration(data: CallFields, *, kind: str, year: int | None) -> None:
    problems = configuration_problems(data, kind=kind, year=year)
    if problems:
        raise InvalidCall("The call's configuration has faults; each is named in `errors`.", errors=problems)


def check_publishable(call: Call) -> None:
    """A published call needs a submission phase and at least one criterion (its parts must be loaded)."""
    missing = []
    if not any(p.kind == PhaseKind.submission for p in call.phases):
        missing.append(FieldProblem(field="body.phases", message="a published call needs a submission phase",
                                    code="missing"))
    if not call.criteria:
        missing.append(FieldProblem(field="body.criteria", message="a published call needs at least one "
                                    "criterion", code="missing"))
    if missing:
        raise CallNotPublishable("A published call needs a submission phase and at least one criterion.",
                                 errors=missing)
