"""A member cluster's way into the ESCP-S3 partnership page on ECCP, and the ECCP validation criteria.

    draft ──(region manager or admin; the profile meets the criteria)──▶ submitted
    submitted ──(admin: ECCP validated the profile; needs the ECCP profile URL)──▶ validated
    validated ──(admin: the partnership agreement is signed; needs its date)──▶ linked
    submitted, validated ──(admin, with a comment saying why)──▶ draft
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from tex4im_common.problems import FieldProblem, Forbidden, InvalidInput

from intelligence.access import Access
from intelligence.cluster.models import Cluster
from intelligence.cluster.schemas import ReadinessCriterion
from intelligence.errors import ClusterNotReady, EscpTransitionNotAllowed
from intelligence.vocab import EscpState

MIN_MANAGEMENT_FTE = Decimal("0.5")
MIN_COMMITTED_MEMBERS = 15
MIN_MEMBER_TYPES = 2
MEMBER_FIELDS = (
    "members_sme", "members_large", "members_research", "members_university", "members_public", "members_other",
)


def total_members(cluster: Cluster) -> int:
    return sum(getattr(cluster, f) for f in MEMBER_FIELDS)


def readiness(cluster: Cluster) -> list[ReadinessCriterion]:
    """The ECCP validation criteria, each met or not, with a message saying where the profile stands."""
    fte, members = cluster.management_fte, total_members(cluster)
    types = sum(getattr(cluster, f) > 0 for f in MEMBER_FIELDS)
    website = (cluster.website_en or "").strip()
    fte_text = "No management FTE recorded" if fte is None else f"Management of {fte.normalize():f} FTE"
    return [
        ReadinessCriterion(
            code="management_fte", met=fte is not None and fte >= MIN_MANAGEMENT_FTE,
            message=f"{fte_text}; ECCP needs at least {MIN_MANAGEMENT_FTE} FTE.",
        ),
        ReadinessCriterion(
            code="committed_members", met=members >= MIN_COMMITTED_MEMBERS,
            message=f"{members} committed members; ECCP needs at least {MIN_COMMITTED_MEMBERS}.",
        ),
        ReadinessCriterion(
            code="member_types", met=types >= MIN_MEMBER_TYPES,
            message=f"{types} member types (SME, large, research, university, public, other); "
                    f"ECCP needs at least {MIN_MEMBER_TYPES}.",
        ),
        ReadinessCriterion(
            code="english_website", met=bool(website),
            message=f"English website {website}." if website else "No English website; ECCP needs one.",
        ),
    ]


@dataclass(frozen=True)
class Step:
    who: Literal["region_manager", "admin"]
    needs: str | None = None  # a profile field that must be filled in first
    comment_required: bool = False


DRAFT, SUBMITTED, VALIDATED, LINKED = (s.value for s in EscpState)
STEPS: dict[tuple[str, str], Step] = {
    (DRAFT, SUBMITTED): Step(who="region_manager"),
    (SUBMITTED, VALIDATED): Step(who="admin", needs="eccp_profile_url"),
    (VALIDATED, LINKED): Step(who="admin", needs="partnership_agreement_signed_on"),
    (SUBMITTED, DRAFT): Step(who="admin", comment_required=True),
    (VALIDATED, DRAFT): Step(who="admin", comment_required=True),
}
NEEDS_MESSAGE = {
    "eccp_profile_url": "Record the URL of the cluster's validated ECCP profile first.",
    "partnership_agreement_signed_on": "Record the date the cluster signed the partnership agreement first.",
}


def next_states(state: str) -> list[str]:
    """The states the machine allows from `state`, whoever asks."""
    return [target for (source, target) in STEPS if source == state]


def check_step(cluster: Cluster, *, region_code: str, target: str, access: Access, comment: str | None) -> None:
    """Refuse a step the caller may not take or the cluster is not ready for; return quietly otherwise."""
    access.require_region_manager(region_code, what="change the ESCP-S3 state of its cluster")
    current = cluster.escp_state
    step = STEPS.get((current, target))
    if step is None:
        allowed = next_states(current)
        raise EscpTransitionNotAllowed(
            f"The cluster is {current}; it cannot go to {target}. "
            + (f"Allowed next states: {', '.join(allowed)}." if allowed else "It has no next state."),
            extra={"current_state": current, "allowed_next_states": allowed},
        )
    if step.who == "admin" and not access.is_admin:
        raise Forbidden(f"Only the consortium admin may move a cluster from {current} to {target}.")
    if step.comment_required and not (comment or "").strip():
        raise InvalidInput(
            f"Say why the cluster goes back from {current} to draft.",
            errors=[FieldProblem(field="body.comment", message="a comment is required for this step", code="missing")],
        )
    if target == SUBMITTED:
        unmet = [c for c in readiness(cluster) if not c.met]
        if unmet:
            raise ClusterNotReady(
                f"The cluster profile does not meet {len(unmet)} of the ECCP validation criteria yet.",
                errors=[FieldProblem(field=f"readiness.{c.code}", message=c.message, code="criterion_unmet")
                        for c in unmet],
            )
    if step.needs is not None and getattr(cluster, step.needs) in (None, ""):
        raise EscpTransitionNotAllowed(
            NEEDS_MESSAGE[step.needs],
            errors=[FieldProblem(field=step.needs, message=NEEDS_MESSAGE[step.needs], code="missing")],
            extra={"current_state": current, "allowed_next_states": next_states(current)},
        )
