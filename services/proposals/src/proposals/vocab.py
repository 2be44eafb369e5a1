"""The service's controlled vocabularies: stored as strings, validated here and by CHECK constraints."""

from __future__ import annotations

from enum import StrEnum

from tex4im_common.db import sql_in  # noqa: F401  (re-exported for the models' CHECK constraints)

# The partnership's five thematic priorities; the same codes as the intelligence service's reference rows.
PRIORITY_CODES = ("circular_economy", "industry_4_0", "digital_technologies", "advanced_materials", "creativity")
NUTS2_PATTERN = r"^[A-Z]{2}[A-Z0-9]{2}$"
# the partner languages an evaluator may read
LANGUAGES = ("en", "it", "ro", "es", "pt", "cs", "sv", "fr")


class ValueChainStep(StrEnum):
    """The textile & clothing value chain, in order (the same steps as intelligence and matchmaking)."""

    fibre = "fibre"
    yarn = "yarn"
    fabric = "fabric"
    finishing = "finishing"
    garment = "garment"
    retail = "retail"
    recycling = "recycling"


class CallKind(StrEnum):
    """A dated round with its own dates, or the permanent annual round that reopens every year."""

    dated = "dated"
    permanent = "permanent"


class CallStatus(StrEnum):
    """draft (only the admin sees it) → published → archived."""

    draft = "draft"
    published = "published"
    archived = "archived"


class PhaseKind(StrEnum):
    submission = "submission"
    evaluation = "evaluation"
    decision = "decision"


class FieldType(StrEnum):
    """The types a call-specific proposal field may have."""

    text = "text"
    long_text = "long_text"
    number = "number"
    choice = "choice"
    boolean = "boolean"
    date = "date"
    url = "url"


class TargetMetric(StrEnum):
    """What a call's portfolio targets count (the TEX4IM targets: 24 proposals, 10 plans, 5 funded, 5 pilots)."""

    proposals = "proposals"
    business_plans = "business_plans"
    funding_identified = "funding_identified"
    pilots = "pilots"
    investment_projects = "investment_projects"


class StageKind(StrEnum):
    """A stage's place in a pipeline: where proposals start, where they move, where they end."""

    initial = "initial"
    active = "active"
    terminal = "terminal"


class Actor(StrEnum):
    """Who may take a transition, relative to the proposal.

    applicant: a co-author (the creator, members of the lead organisation and of confirmed partners);
    region_manager: a cluster manager of the lead organisation's region; admin: the consortium admin.
    """

    applicant = "applicant"
    region_manager = "region_manager"
    admin = "admin"


class Guard(StrEnum):
    """A named condition checked in code before a transition (the pipeline data says which one applies)."""

    submission_ready = "submission_ready"  # complete, partner rule met, submission phase open; freezes a version
    screening_passed = "screening_passed"  # the screening decision says eligible
    screening_failed = "screening_failed"  # the screening decision says not eligible
    decision_released = "decision_released"  # taken only by the release of the panel's decisions


class PartnerStatus(StrEnum):
    """A partner organisation is invited; one of its members confirms or declines for it."""

    invited = "invited"
    confirmed = "confirmed"
    declined = "declined"


class AttachmentKind(StrEnum):
    budget = "budget"
    letter_of_support = "letter_of_support"
    presentation = "presentation"
    technical_annex = "technical_annex"
    other = "other"


class TimelineKind(StrEnum):
    created = "created"
    transition = "transition"
    version = "version"
    partner = "partner"
    screening = "screening"
    decision = "decision"


class CheckOutcome(StrEnum):
    """One screening check: met, not met, or for the manager to judge."""

    passed = "passed"
    failed = "failed"
    manual = "manual"


class AssignmentStatus(StrEnum):
    """assigned → submitted (scores sent); or withdrawn (a conflict declared or the admin took it back)."""

    assigned = "assigned"
    submitted = "submitted"
    withdrawn = "withdrawn"


class AssignmentReason(StrEnum):
    automatic = "automatic"
    manual = "manual"
    divergence = "divergence"


class DecisionOutcome(StrEnum):
    selected = "selected"
    reserve = "reserve"
    rejected = "rejected"


class FeedbackPolicy(StrEnum):
    """What applicants see after the decisions are released."""

    none = "none"
    scores = "scores"
    scores_and_comments = "scores_and_comments"


class TieBreak(StrEnum):
    """Rules applied in order when two proposals have the same total."""

    higher_criterion = "higher_criterion"  # a higher score on the call's first criterion, then the second...
    more_partner_regions = "more_partner_regions"
    lower_requested_funding = "lower_requested_funding"
    earlier_submission = "earlier_submission"


class Audience(StrEnum):
    """Who a notification is for: one person, the members of an organisation, a region's managers, the admin."""

    person = "person"
    organisation = "organisation"
    region_managers = "region_managers"
    admins = "admins"
    evaluator = "evaluator"

