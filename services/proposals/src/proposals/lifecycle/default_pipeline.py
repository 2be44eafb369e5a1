"""The TEX4IM pipeline every new call starts with; the admin may then adapt it per call, as data.

draft → submitted → screening → evaluation → portfolio → business plan → investment (funding identified) →
pilot (support services) → closed, with the exits rejected and withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from proposals.call.models import Stage, Transition
from proposals.vocab import Actor, Guard, StageKind

APPLICANT, MANAGER, ADMIN = Actor.applicant, Actor.region_manager, Actor.admin


@dataclass(frozen=True)
class StageSpec:
    key: str
    label: str
    kind: StageKind
    editable: bool = False


@dataclass(frozen=True)
class TransitionSpec:
    key: str
    label: str
    from_stage: str
    to_stage: str
    actors: tuple[Actor, ...]
    guard: Guard | None = None
    comment_required: bool = False


DEFAULT_STAGES = (
    StageSpec("draft", "Draft", StageKind.initial, editable=True),
    StageSpec("submitted", "Submitted", StageKind.active),
    StageSpec("screening", "Screening", StageKind.active),
    StageSpec("evaluation", "Evaluation", StageKind.active),
    StageSpec("portfolio", "Portfolio", StageKind.active),
    StageSpec("business_plan", "Business plan", StageKind.active),
    StageSpec("investment", "Investment (funding identified)", StageKind.active),
    StageSpec("pilot", "Pilot (support services)", StageKind.active),
    StageSpec("closed", "Closed", StageKind.terminal),
    StageSpec("rejected", "Rejected", StageKind.terminal),
    StageSpec("withdrawn", "Withdrawn", StageKind.terminal),
)

DEFAULT_TRANSITIONS = (
    TransitionSpec("submit", "Submit", "draft", "submitted", (APPLICANT,), Guard.submission_ready),
    TransitionSpec("start_screening", "Start screening", "submitted", "screening", (MANAGER, ADMIN)),
    TransitionSpec("return_to_applicants", "Return to the applicants", "screening", "draft", (MANAGER, ADMIN),
                   comment_required=True),
    TransitionSpec("admit_to_evaluation", "Admit to evaluation", "screening", "evaluation", (MANAGER, ADMIN),
                   Guard.screening_passed),
    TransitionSpec("reject_ineligible", "Reject as ineligible", "screening", "rejected", (MANAGER, ADMIN),
                   Guard.screening_failed, comment_required=True),
    TransitionSpec("select_for_portfolio", "Select for the portfolio", "evaluation", "portfolio", (ADMIN,),
                   Guard.decision_released),
    TransitionSpec("reject_after_evaluation", "Reject after evaluation", "evaluation", "rejected", (ADMIN,),
                   Guard.decision_released),
    TransitionSpec("start_business_plan", "Start the business plan", "portfolio", "business_plan", (MANAGER, ADMIN)),
    TransitionSpec("identify_funding", "Funding identified", "business_plan", "investment", (ADMIN,)),
    TransitionSpec("start_pilot", "Start the pilot", "investment", "pilot", (ADMIN,)),
    TransitionSpec("close", "Close", "pilot", "closed", (ADMIN,), comment_required=True),
    TransitionSpec("withdraw_draft", "Withdraw", "draft", "withdrawn", (APPLICANT, ADMIN), comment_required=True),
    TransitionSpec("withdraw_submitted", "Withdraw", "submitted", "withdrawn", (APPLICANT, ADMIN),
                   comment_required=True),
    TransitionSpec("withdraw_in_screening", "Withdraw", "screening", "withdrawn", (APPLICANT, ADMIN),
                   comment_required=True),
    TransitionSpec("withdraw_in_evaluation", "Withdraw", "evaluation", "withdrawn", (APPLICANT, ADMIN),
                   comment_required=True),
)


def default_pipeline() -> tuple[list[Stage], list[Transition]]:
    """New stage and transition rows of the default pipeline, for a new call (`call.stages`, `call.transitions`)."""
    stages = [
        Stage(key=s.key, label=s.label, kind=s.kind.value, editable=s.editable, position=i)
        for i, s in enumerate(DEFAULT_STAGES)
    ]
    transitions = [
        Transition(
            key=t.key, label=t.label, from_stage=t.from_stage, to_stage=t.to_stage,
            actors=[a.value for a in t.actors], guard=t.guard.value if t.guard else None,
            comment_required=t.comment_required, position=i,
        )
        for i, t in enumerate(DEFAULT_TRANSITIONS)
    ]
    return stages, transitions
