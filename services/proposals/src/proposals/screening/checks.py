"""The automatic eligibility checklist of a proposal under its call: facts for the screening manager to judge by.

Each check is passed, failed or for the manager to judge (manual), with a plain sentence and the figures behind it.
Pure functions over the records the screening service reads, so each rule is testable on its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from proposals.call.models import Call, CallField
from proposals.proposal.models import Proposal, ProposalPartner
from proposals.vocab import CheckOutcome, PartnerStatus

# the stage a withdrawn proposal rests in (the default pipeline's exit for applicants who give up)
WITHDRAWN_STAGE = "withdrawn"
# the standard fields a submitted version must answer (the same list as the submission guard)
REQUIRED_STANDARD_FIELDS = {
    "title": "Title", "summary": "Summary", "priorities": "Thematic priorities",
    "trl": "Technology readiness level", "budget_eur": "Budget", "requested_eur": "Requested funding",
}


@dataclass(frozen=True)
class Check:
    key: str
    outcome: CheckOutcome
    detail: str
    figures: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"outcome": self.outcome.value}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def region_quota(*, region_code: str, submitted: int, maximum: int | None) -> Check:
    """`submitted`: the call's proposals from the region submitted at least once and not withdrawn, this one too."""
    figures = {"region_code": region_code, "submitted": submitted, "maximum": maximum}
    if maximum is None:
        return Check("region_quota", CheckOutcome.passed, "The call sets no limit of proposals per region.", figures)
    counted = f"{_plural(submitted, 'proposal')} from {region_code} submitted to this call, this one included"
    if submitted <= maximum:
        return Check("region_quota", CheckOutcome.passed, f"{counted}; the call allows {maximum}.", figures)
    return Check("region_quota", CheckOutcome.failed, f"{counted}; the call allows only {maximum}.", figures)


def partner_regions(*, lead_region: str, partners: Iterable[ProposalPartner], minimum: int) -> Check:
    """The lead's region and the confirmed partners' regions, at least the call's minimum of distinct ones."""
    regions = sorted({lead_region, *(p.region_code for p in partners
                                     if p.status == PartnerStatus.confirmed and p.region_code)})
    figures = {"regions": regions, "count": len(regions), "minimum": minimum}
    listed = f"{_plural(len(regions), 'region')} ({', '.join(regions)})"
    if len(regions) >= minimum:
        return Check("partner_regions", CheckOutcome.passed,
                     f"The lead and confirmed partners come from {listed}; the call asks for {minimum}.", figures)
    return Check("partner_regions", CheckOutcome.failed,
                 f"The lead and confirmed partners come from only {listed}; the call asks for {minimum}.", figures)


def priorities(*, proposed: Iterable[str], eligible: Iterable[str]) -> Check:
    proposed, eligible = sorted(set(proposed)), sorted(set(eligible))
    matching = [p for p in proposed if p in eligible]
    figures = {"proposed": proposed, "eligible": eligible, "matching": matching}
    if not eligible:
        return Check("priorities", CheckOutcome.passed, "The call is open to every thematic priority.", figures)
    if matching:
        return Check("priorities", CheckOutcome.passed,
                     f"The proposal addresses the call's priorities {', '.join(matching)}.", figures)
    return Check("priorities", CheckOutcome.failed,
                 f"None of the proposal's priorities is one of the call's: {', '.join(eligible)}.", figures)


def _answered(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str | list | dict):
        return bool(value.strip() if isinstance(value, str) else value)
    return True


def completeness(*, content: Mapping[str, Any] | None, version: int | None, fields: Iterable[CallField]) -> Check:
    """Required standard fields and required call fields answered in the latest frozen (submitted) version."""
    if content is None:
        return Check("completeness", CheckOutcome.failed, "The proposal has never been submitted: no frozen version.",
                     {"version": None, "missing": []})
    missing = [label for key, label in REQUIRED_STANDARD_FIELDS.items() if not _answered(content.get(key))]
    answers = content.get("answers") or {}
    missing += [f.label for f in fields if f.required and not _answered(answers.get(f.key))]
    figures = {"version": version, "missing": missing}
    if missing:
        return Check("completeness", CheckOutcome.failed,
                     f"Version {version} leaves required fields unanswered: {', '.join(missing)}.", figures)
    return Check("completeness", CheckOutcome.passed, f"Version {version} answers every required field.", figures)


def partners_confirmed(*, partners: Iterable[ProposalPartner], names: Mapping[uuid.UUID, str]) -> Check:
    invited = [p for p in partners if p.status == PartnerStatus.invited]
    figures = {"invited": [{"organisation_id": str(p.organisation_id), "name": names.get(p.organisation_id)}
                           for p in invited]}
    if not invited:
        return Check("partners_confirmed", CheckOutcome.passed, "Every partner has answered its invitation.", figures)
    who = ", ".join(names.get(p.organisation_id, str(p.organisation_id)) for p in invited)
    return Check("partners_confirmed", CheckOutcome.manual,
                 f"Still invited, not confirmed: {who}. Judge whether the proposal stands without them.", figures)


@dataclass(frozen=True)
class Facts:
    """What the checklist reads: the proposal with its partners, its call with its fields, and counts around them."""

    proposal: Proposal
    partners: list[ProposalPartner]
    call: Call
    fields: list[CallField]
    submitted_in_region: int
    latest_content: Mapping[str, Any] | None
    latest_version: int | None
    organisation_names: Mapping[uuid.UUID, str]


def checklist(facts: Facts) -> list[Check]:
    proposal, call = facts.proposal, facts.call
    return [
        region_quota(region_code=proposal.region_code, submitted=facts.submitted_in_region,
                     maximum=call.max_proposals_per_region),
        partner_regions(lead_region=proposal.region_code, partners=facts.partners, minimum=call.min_partner_regions),
        priorities(proposed=proposal.priorities, eligible=call.eligible_priorities),
        completeness(content=facts.latest_content, version=facts.latest_version, fields=facts.fields),
        partners_confirmed(partners=facts.partners, names=facts.organisation_names),
    ]


def failed(checks: Iterable[Check] | Iterable[Mapping[str, Any]]) -> list[str]:
    """The keys of the failed checks (of live checks or of a stored snapshot)."""
    keys = []
    for check in checks:
        outcome = check.outcome if isinstance(check, Check) else check.get("outcome")
        if outcome == CheckOutcome.failed:
            keys.append(check.key if isinstance(check, Check) else check["key"])
    return keys


def decided_on_version(snapshot: Iterable[Mapping[str, Any]]) -> int | None:
    """The frozen version a stored checklist was computed on (None when the snapshot does not say)."""
    for check in snapshot:
        if check.get("key") == "completeness":
            version = (check.get("figures") or {}).get("version")
            return version if isinstance(version, int) else None
    return None
