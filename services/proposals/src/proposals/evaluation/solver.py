"""Reviewer assignment as an optimisation over plain data: pure and deterministic, no database.

Each proposal should have `target` active reviews. Some of its current assignments are fixed (submitted, manual,
scoring started); the rest ("movable": automatic and untouched) may be kept or moved. The plan is found with
OR-Tools CP-SAT in lexicographic stages, each stage fixing the optimum of the one before:

1. cover as many missing reviews as possible (no conflicts, no evaluator over `max_load`);
2. minimise the largest load, then the sum of squared loads (a balance finer than the maximum alone);
3. prefer evaluators whose expertise matches the proposal's priorities (2 points) and who share a language
   with its consortium (1 point);
4. keep as many current movable assignments as possible (fewest changes).

One search worker, a fixed seed and a deterministic time budget make the same input give the same plan.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

EXPERTISE_POINTS = 2
LANGUAGE_POINTS = 1
# deterministic work units per stage: minutes of wall time are never reached at the partnership's sizes
STAGE_BUDGET = 20.0

Id = Hashable


@dataclass(frozen=True)
class EvaluatorSlot:
    """An active evaluator: `load` counts the assignments this plan cannot move (other calls, fixed ones here)."""

    id: Id
    load: int
    max_load: int | None = None
    expertise: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ProposalNeed:
    """A proposal to staff: `excluded` evaluators have a conflict or were taken off it before."""

    id: Id
    target: int
    fixed: frozenset[Id] = frozenset()
    movable: frozenset[Id] = frozenset()
    excluded: frozenset[Id] = frozenset()
    priorities: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Shortage:
    """A proposal left short: `missing` reviews; `candidates` evaluators in the pool had no conflict with it."""

    missing: int
    candidates: int


@dataclass(frozen=True)
class Plan:
    added: dict[Id, tuple[Id, ...]] = field(default_factory=dict)
    removed: dict[Id, tuple[Id, ...]] = field(default_factory=dict)
    short: dict[Id, Shortage] = field(default_factory=dict)
    loads: dict[Id, int] = field(default_factory=dict)
    optimal: bool = True


def match_points(evaluator: EvaluatorSlot, proposal: ProposalNeed) -> int:
    """How well the evaluator suits the proposal: expertise in one of its priorities, a shared language."""
    points = EXPERTISE_POINTS if evaluator.expertise & proposal.priorities else 0
    return points + (LANGUAGE_POINTS if evaluator.languages & proposal.languages else 0)


def candidates(evaluators: Iterable[EvaluatorSlot], proposal: ProposalNeed) -> list[EvaluatorSlot]:
    """The evaluators who may review the proposal (already fixed on it or not)."""
    return [e for e in evaluators if e.id not in proposal.excluded]


def _ordered(items: Iterable[ProposalNeed] | Iterable[EvaluatorSlot]) -> list:  # type: ignore[type-arg]
    return sorted(items, key=lambda item: str(item.id))


def _capacity(evaluator: EvaluatorSlot, proposals: int) -> int:
    if evaluator.max_load is None:
        return proposals
    return max(0, evaluator.max_load - evaluator.load)


class _Stages:
    """The model and the solver, solved stage after stage with each optimum fixed before the next."""

    def __init__(self, model: cp_model.CpModel) -> None:
        self.model = model
        self.solved = False
        self.solver = cp_model.CpSolver()
        self.solver.parameters.num_workers = 1
        self.solver.parameters.random_seed = 7
        self.solver.parameters.max_deterministic_time = STAGE_BUDGET
        self.optimal = True

    def optimise(self, objective: cp_model.LinearExprT, *, maximise: bool, variables: Sequence[cp_model.IntVar]) -> int:
        (self.model.maximize if maximise else self.model.minimize)(objective)
        status = self.solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # pragma: no cover  (every stage has a solution)
            raise RuntimeError("the assignment model has no solution")
        self.optimal = self.optimal and status == cp_model.OPTIMAL
        self.solved = True
        value = round(self.solver.objective_value)
        self.model.add(objective >= value if maximise else objective <= value)
        # the next stage starts from this solution
        self.model.clear_hints()
        for variable in variables:
            self.model.add_hint(variable, self.solver.value(variable))
        return value


def plan(evaluators: Iterable[EvaluatorSlot], proposals: Iterable[ProposalNeed]) -> Plan:
    """The assignments to add and to move so every proposal reaches its target as far as the pool allows."""
    pool = _ordered(evaluators)
    needs = _ordered(proposals)
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for p, need in enumerate(needs):
        for e, evaluator in enumerate(pool):
            if evaluator.id not in need.excluded and evaluator.id not in need.fixed:
                x[p, e] = model.new_bool_var(f"x_{p}_{e}")
    stages = _Stages(model)
    if x:
        _solve(stages, pool, needs, x)
    return _read_plan(stages, pool, needs, x)


def _solve(
    stages: _Stages, pool: list[EvaluatorSlot], needs: list[ProposalNeed], x: dict[tuple[int, int], cp_model.IntVar],
) -> None:
    model = stages.model
    by_proposal: dict[int, list[cp_model.IntVar]] = {}
    by_evaluator: dict[int, list[cp_model.IntVar]] = {}
    for (p, e), var in x.items():
        by_proposal.setdefault(p, []).append(var)
        by_evaluator.setdefault(e, []).append(var)
    for p, variables in by_proposal.items():
        model.add(sum(variables) <= max(0, needs[p].target - len(needs[p].fixed)))
    loads, squares, tops = [], [], []
    for e, variables in sorted(by_evaluator.items()):
        evaluator = pool[e]
        capacity = _capacity(evaluator, len(needs))
        model.add(sum(variables) <= capacity)
        top = evaluator.load + min(capacity, len(variables))
        load = model.new_int_var(evaluator.load, top, f"load_{e}")
        model.add(load == evaluator.load + sum(variables))
        square = model.new_int_var(evaluator.load**2, top**2, f"square_{e}")
        model.add_multiplication_equality(square, [load, load])
        loads.append(load)
        squares.append(square)
        tops.append(top)
    # evaluators nobody may be given still count in the largest load
    floor = max((ev.load for e, ev in enumerate(pool) if e not in by_evaluator), default=0)
    largest = model.new_int_var(floor, max([floor, *tops]), "largest")
    model.add_max_equality(largest, [*loads, floor])
    variables = list(x.values())
    stages.optimise(sum(variables), maximise=True, variables=variables)
    stages.optimise(largest, maximise=False, variables=variables)
    stages.optimise(sum(squares), maximise=False, variables=variables)
    points = {key: match_points(pool[key[1]], needs[key[0]]) for key in x}
    stages.optimise(sum(points[key] * var for key, var in x.items()), maximise=True, variables=variables)
    kept = [var for (p, e), var in x.items() if pool[e].id in needs[p].movable]
    if kept:
        stages.optimise(sum(kept), maximise=True, variables=variables)


def _read_plan(
    stages: _Stages, pool: list[EvaluatorSlot], needs: list[ProposalNeed], x: dict[tuple[int, int], cp_model.IntVar],
) -> Plan:
    chosen = {key for key, var in x.items() if stages.solved and stages.solver.value(var)}
    added: dict[Id, tuple[Id, ...]] = {}
    removed: dict[Id, tuple[Id, ...]] = {}
    short: dict[Id, Shortage] = {}
    for p, need in enumerate(needs):
        mine = [pool[e].id for e in range(len(pool)) if (p, e) in chosen]
        new = tuple(i for i in mine if i not in need.movable)
        dropped = tuple(sorted((i for i in need.movable if i not in mine), key=str))
        if new:
            added[need.id] = new
        if dropped:
            removed[need.id] = dropped
        missing = need.target - len(need.fixed) - len(mine)
        if missing > 0:
            short[need.id] = Shortage(missing=missing, candidates=len(candidates(pool, need)))
    loads = {
        evaluator.id: evaluator.load + sum(1 for p in range(len(needs)) if (p, e) in chosen)
        for e, evaluator in enumerate(pool)
    }
    return Plan(added=added, removed=removed, short=short, loads=loads, optimal=stages.optimal)


def pick_one(evaluators: Iterable[EvaluatorSlot], proposal: ProposalNeed) -> Id | None:
    """One more evaluator for the proposal: the least loaded with room and no conflict, the best suited first."""
    free = [
        e for e in candidates(evaluators, proposal)
        if e.id not in proposal.fixed and e.id not in proposal.movable and _capacity(e, 1) > 0
    ]
    if not free:
        return None
    best = min(free, key=lambda e: (e.load, -match_points(e, proposal), str(e.id)))
    return best.id
