"""Checking a pipeline definition before it governs a call's proposals, and reading its shape.

A valid pipeline has exactly one initial stage and at least one terminal stage, unique keys, transitions between
existing stages (at most one per pair, none out of a terminal stage), every stage reachable from the initial one,
a way out of every non-terminal stage, at least one actor per transition, and the guards where the code that
checks them expects them:
- `submission_ready` on the transitions that submit: those leaving the initial stage for a non-terminal one;
- `decision_released` only on transitions leaving the one stage the evaluation happens in, at least one of them
  ending in a terminal stage (where the panel's rejected proposals go).
Every fault is one field problem (`body.transitions.3.to_stage`), so an editor can point at each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from tex4im_common.problems import FieldProblem

from proposals.errors import InvalidPipeline
from proposals.vocab import Actor, Guard, StageKind

_ACTORS = {a.value for a in Actor}
_GUARDS = {g.value for g in Guard}


class StageLike(Protocol):
    key: str
    kind: str


class TransitionLike(Protocol):
    key: str
    from_stage: str
    to_stage: str
    actors: Sequence[str]
    guard: str | None


def reachable(start: str, edges: Iterable[tuple[str, str]], *, avoiding: str | None = None) -> set[str]:
    """The stages reachable from `start` (itself included) without passing through `avoiding`."""
    following: dict[str, set[str]] = {}
    for source, target in edges:
        following.setdefault(source, set()).add(target)
    seen, todo = {start}, [start]
    while todo:
        for target in following.get(todo.pop(), ()):
            if target not in seen and target != avoiding:
                seen.add(target)
                todo.append(target)
    return seen


def initial_stage(stages: Sequence[StageLike]) -> str | None:
    return next((s.key for s in stages if s.kind == StageKind.initial), None)


def evaluation_stage(stages: Sequence[StageLike], transitions: Sequence[TransitionLike]) -> str | None:
    """The stage the evaluation happens in: the one the `decision_released` transitions leave (in a valid pipeline)."""
    terminal = {s.key for s in stages if s.kind == StageKind.terminal}
    released = [t for t in transitions if t.guard == Guard.decision_released]
    return next((t.from_stage for t in sorted(released, key=lambda t: t.to_stage not in terminal)), None)


def stages_from(stages: Sequence[StageLike], transitions: Sequence[TransitionLike], key: str) -> set[str]:
    """`key` and the stages after it: those a proposal can only reach by passing through `key`.

    In the default pipeline, `business_plan` → {business_plan, investment, pilot, closed}; the exits `rejected`
    and `withdrawn` are not "after" it, whatever their position in the list.
    """
    start = initial_stage(stages)
    edges = [(t.from_stage, t.to_stage) for t in transitions]
    if start is None or key not in {s.key for s in stages}:
        return set()
    if key == start:
        return reachable(start, edges)
    return {key} | (reachable(key, edges) - reachable(start, edges, avoiding=key))


def pipeline_problems(
    stages: Sequence[StageLike], transitions: Sequence[TransitionLike], *, at: str = "body"
) -> list[FieldProblem]:
    """Every fault of the definition, in the order of the stages and then the transitions; empty when valid."""
    problems: list[FieldProblem] = []

    def fault(field: str, message: str, code: str) -> None:
        problems.append(FieldProblem(field=f"{at}.{field}", message=message, code=code))

    kinds: dict[str, str] = {}
    first_stage: dict[str, int] = {}
    for i, stage in enumerate(stages):
        if stage.key in first_stage:
            fault(f"stages.{i}.key", f"'{stage.key}' is already the key of stages.{first_stage[stage.key]}",
                  "duplicate")
        else:
            first_stage[stage.key] = i
            kinds[stage.key] = str(stage.kind)
    initial = [i for i, s in enumerate(stages) if s.kind == StageKind.initial]
    if not initial:
        fault("stages", "exactly one stage must be initial (where new proposals start); none is", "no_initial_stage")
    for i in initial[1:]:
        fault(f"stages.{i}.kind", f"only one stage may be initial, and stages.{initial[0]} already is",
              "second_initial_stage")
    if not any(kind == StageKind.terminal for kind in kinds.values()):
        fault("stages", "at least one stage must be terminal (where proposals end)", "no_terminal_stage")

    edges: list[tuple[str, str]] = []
    all_known = True
    first_key: dict[str, int] = {}
    first_move: dict[tuple[str, str], int] = {}
    for i, t in enumerate(transitions):
        if t.key in first_key:
            fault(f"transitions.{i}.key", f"'{t.key}' is already the key of transitions.{first_key[t.key]}",
                  "duplicate")
        else:
            first_key[t.key] = i
        known = True
        for end in ("from_stage", "to_stage"):
            if getattr(t, end) not in kinds:
                fault(f"transitions.{i}.{end}", f"there is no stage '{getattr(t, end)}' in the pipeline",
                      "unknown_stage")
                known = all_known = False
        move = (t.from_stage, t.to_stage)
        if t.from_stage == t.to_stage:
            fault(f"transitions.{i}.to_stage", "a transition must move to another stage", "same_stage")
        elif known and move in first_move:
            fault(f"transitions.{i}.to_stage",
                  f"transitions.{first_move[move]} already moves from '{t.from_stage}' to '{t.to_stage}'",
                  "duplicate_move")
        elif known:
            first_move[move] = i
            edges.append(move)
        if kinds.get(t.from_stage) == StageKind.terminal:
            fault(f"transitions.{i}.from_stage", f"'{t.from_stage}' is terminal: proposals never leave it",
                  "leaves_terminal_stage")
        if not t.actors:
            fault(f"transitions.{i}.actors", "name at least one actor who may take this step", "no_actor")
        for j, actor in enumerate(t.actors):
            if str(actor) not in _ACTORS:
                fault(f"transitions.{i}.actors.{j}", f"'{actor}' is not one of {sorted(_ACTORS)}", "unknown_actor")
        if t.guard is not None and str(t.guard) not in _GUARDS:
            fault(f"transitions.{i}.guard", f"'{t.guard}' is not one of {sorted(_GUARDS)}", "unknown_guard")

    if not all_known:  # the graph is not known yet: its faults would only echo the unknown stages
        return problems + _guard_problems(kinds, transitions, at=at)
    if len(initial) == 1:
        start = stages[initial[0]].key
        seen = reachable(start, edges)
        for key, i in first_stage.items():
            if key not in seen:
                fault(f"stages.{i}", f"'{key}' cannot be reached from the initial stage '{start}'", "unreachable")
    leaving = {source for source, _ in edges}
    for key, i in first_stage.items():
        if kinds[key] != StageKind.terminal and key not in leaving:
            fault(f"stages.{i}", f"'{key}' is not terminal, but no transition leaves it", "no_way_out")
    problems += _guard_problems(kinds, transitions, at=at)
    return problems


def _guard_problems(kinds: dict[str, str], transitions: Sequence[TransitionLike], *, at: str) -> list[FieldProblem]:
    problems: list[FieldProblem] = []

    def fault(field: str, message: str, code: str) -> None:
        problems.append(FieldProblem(field=f"{at}.{field}", message=message, code=code))

    for i, t in enumerate(transitions):
        leaves_initial = kinds.get(t.from_stage) == StageKind.initial
        if t.guard == Guard.submission_ready and not leaves_initial:
            fault(f"transitions.{i}.guard", "submission_ready guards the submission: only on transitions leaving "
                  "the initial stage", "guard_misplaced")
        elif leaves_initial and kinds.get(t.to_stage) == StageKind.active and t.guard != Guard.submission_ready:
            fault(f"transitions.{i}.guard", "a transition that submits a proposal (from the initial stage to an "
                  "active one) must be guarded by submission_ready", "guard_missing")
    released = [(i, t) for i, t in enumerate(transitions) if t.guard == Guard.decision_released]
    if not released:
        fault("transitions", "the panel's decisions are released through transitions guarded by "
              "decision_released: add them from the stage the evaluation happens in", "no_decision_release")
        return problems
    rejecting = [(i, t) for i, t in released if kinds.get(t.to_stage) == StageKind.terminal]
    first, evaluation = (rejecting or released)[0][0], (rejecting or released)[0][1].from_stage
    if kinds.get(evaluation) == StageKind.initial:
        fault(f"transitions.{first}.from_stage", "proposals are evaluated after they are submitted: "
              "decision_released cannot leave the initial stage", "guard_misplaced")
    for i, t in released:
        if t.from_stage != evaluation:
            fault(f"transitions.{i}.guard", f"decision_released transitions all leave the stage the evaluation "
                  f"happens in ('{evaluation}', as transitions.{first} says)", "guard_misplaced")
    if not rejecting:
        fault("transitions", f"one decision_released transition from '{evaluation}' must end in a terminal stage, "
              "where the rejected proposals go", "no_rejection")
    return problems


def check_pipeline(stages: Sequence[StageLike], transitions: Sequence[TransitionLike], *, at: str = "body") -> None:
    """Refuse (422, one field problem per fault) a definition that could strand or mis-route proposals."""
    problems = pipeline_problems(stages, transitions, at=at)
    if problems:
        count = len(problems)
        raise InvalidPipeline(
            f"The pipeline has {count} fault{'s' if count > 1 else ''}; each is named in `errors`.", errors=problems
        )
