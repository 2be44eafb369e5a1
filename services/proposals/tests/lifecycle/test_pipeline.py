from types import SimpleNamespace

import pytest
from proposals.errors import InvalidPipeline
from proposals.lifecycle.default_pipeline import default_pipeline
from proposals.lifecycle.pipeline import check_pipeline, evaluation_stage, pipeline_problems, stages_from


def stage(key, kind="active"):
    return SimpleNamespace(key=key, kind=kind)


def move(key, source, target, *, actors=("admin",), guard=None):
    return SimpleNamespace(key=key, from_stage=source, to_stage=target, actors=list(actors), guard=guard)


def small():
    """A small valid pipeline: draft → submitted → evaluation → portfolio → closed, or evaluation → rejected."""
    stages = [stage("draft", "initial"), stage("submitted"), stage("evaluation"), stage("portfolio"),
              stage("closed", "terminal"), stage("rejected", "terminal")]
    transitions = [
        move("submit", "draft", "submitted", actors=["applicant"], guard="submission_ready"),
        move("admit", "submitted", "evaluation", actors=["region_manager", "admin"]),
        move("select", "evaluation", "portfolio", guard="decision_released"),
        move("reject", "evaluation", "rejected", guard="decision_released"),
        move("close", "portfolio", "closed"),
    ]
    return stages, transitions


def faults(stages, transitions):
    return [(p.field, p.code) for p in pipeline_problems(stages, transitions)]


def set_kind(index, kind):
    def change(stages, transitions):
        stages[index].kind = kind
    return change


def set_on(index, **values):
    def change(stages, transitions):
        for name, value in values.items():
            setattr(transitions[index], name, value)
    return change


def add(*items):
    def change(stages, transitions):
        for item in items:
            (transitions if hasattr(item, "from_stage") else stages).append(item)
    return change


def each(*changes):
    def change(stages, transitions):
        for one in changes:
            one(stages, transitions)
    return change


# (the fault, the change to the small pipeline, the problems expected: field, code)
FAULTS = [
    ("a stage key repeated", add(stage("submitted")), [("body.stages.6.key", "duplicate")]),
    ("no initial stage", set_kind(0, "active"),
     [("body.stages", "no_initial_stage"), ("body.transitions.0.guard", "guard_misplaced")]),
    ("two initial stages", set_kind(1, "initial"),
     [("body.stages.1.kind", "second_initial_stage"), ("body.transitions.1.guard", "guard_missing")]),
    ("no terminal stage", each(set_kind(4, "active"), set_kind(5, "active")),
     [("body.stages", "no_terminal_stage"), ("body.stages.4", "no_way_out"), ("body.stages.5", "no_way_out"),
      ("body.transitions", "no_rejection")]),
    ("a transition key repeated", set_on(4, key="select"), [("body.transitions.4.key", "duplicate")]),
    ("a transition from an unknown stage", set_on(4, from_stage="portfolo"),
     [("body.transitions.4.from_stage", "unknown_stage")]),
    ("a transition to an unknown stage", set_on(1, to_stage="evaluaton"),
     [("body.transitions.1.to_stage", "unknown_stage")]),
    ("a transition to the stage it leaves", add(move("loop", "submitted", "submitted")),
     [("body.transitions.5.to_stage", "same_stage")]),
    ("two transitions for one move", add(move("admit_again", "submitted", "evaluation")),
     [("body.transitions.5.to_stage", "duplicate_move")]),
    ("a transition out of a terminal stage", add(move("reopen", "rejected", "evaluation")),
     [("body.transitions.5.from_stage", "leaves_terminal_stage")]),
    ("a stage that cannot be reached", add(stage("parked"), move("archive", "parked", "closed")),
     [("body.stages.6", "unreachable")]),
    ("a stage with no way out", add(stage("on_hold"), move("hold", "portfolio", "on_hold")),
     [("body.stages.6", "no_way_out")]),
    ("a transition nobody may take", set_on(1, actors=[]), [("body.transitions.1.actors", "no_actor")]),
    ("an unknown actor", set_on(1, actors=["admin", "jury"]), [("body.transitions.1.actors.1", "unknown_actor")]),
    ("an unknown guard", set_on(1, guard="budget_ok"), [("body.transitions.1.guard", "unknown_guard")]),
    ("submission_ready away from the initial stage", set_on(1, guard="submission_ready"),
     [("body.transitions.1.guard", "guard_misplaced")]),
    ("a submission without submission_ready", set_on(0, guard=None), [("body.transitions.0.guard", "guard_missing")]),
    ("decision_released away from the evaluation", set_on(1, guard="decision_released"),
     [("body.transitions.1.guard", "guard_misplaced")]),
    ("decisions that are never released", each(set_on(2, guard=None), set_on(3, guard=None)),
     [("body.transitions", "no_decision_release")]),
    ("no release to a terminal stage for the rejected", set_on(3, guard=None), [("body.transitions", "no_rejection")]),
]


class TestPipelineFaults:
    def test_the_small_pipeline_and_the_default_one_are_valid(self):
        assert faults(*small()) == []
        assert faults(*default_pipeline()) == []

    @pytest.mark.parametrize(("fault", "change", "expected"), FAULTS, ids=[f[0] for f in FAULTS])
    def test_each_fault_is_named_where_it_is(self, fault, change, expected):
        stages, transitions = small()
        change(stages, transitions)
        assert faults(stages, transitions) == expected

    def test_faults_say_what_is_wrong(self):
        stages, transitions = small()
        transitions.append(move("admit_again", "submitted", "evaluation"))
        stages.append(stage("parked"))
        transitions.append(move("archive", "parked", "closed"))
        assert [p.message for p in pipeline_problems(stages, transitions)] == [
            "transitions.1 already moves from 'submitted' to 'evaluation'",
            "'parked' cannot be reached from the initial stage 'draft'",
        ]

    def test_check_raises_one_problem_per_fault(self):
        stages, transitions = small()
        set_on(1, actors=[], guard="budget_ok")(stages, transitions)
        with pytest.raises(InvalidPipeline) as raised:
            check_pipeline(stages, transitions)
        assert raised.value.detail == "The pipeline has 2 faults; each is named in `errors`."
        assert [p.field for p in raised.value.errors] == ["body.transitions.1.actors", "body.transitions.1.guard"]


class TestPipelineShape:
    def test_the_stages_after_one_are_those_reached_only_through_it(self):
        stages, transitions = default_pipeline()
        assert stages_from(stages, transitions, "business_plan") == {"business_plan", "investment", "pilot", "closed"}
        assert stages_from(stages, transitions, "pilot") == {"pilot", "closed"}
        assert stages_from(stages, transitions, "screening") == {
            "screening", "evaluation", "portfolio", "business_plan", "investment", "pilot", "closed", "rejected",
        }
        assert stages_from(stages, transitions, "fundraising") == set()

    def test_the_evaluation_happens_where_the_decisions_are_released(self):
        assert evaluation_stage(*default_pipeline()) == "evaluation"
        assert evaluation_stage(*small()) == "evaluation"
