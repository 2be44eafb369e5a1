from tex4im_common.problems import NotFound


class RegionNotFound(NotFound):
    title = "Region not found"


# -- regions: indicators, S3 priorities, boundaries; clusters and their ESCP-S3 state -----------------------
from tex4im_common.problems import Conflict, InvalidInput  # noqa: E402


class IndicatorNotFound(NotFound):
    title = "Indicator not found"


class DuplicateIndicator(Conflict):
    slug = "duplicate-indicator"
    title = "The region already has this indicator for that year and scope"


class S3PriorityNotFound(NotFound):
    title = "S3 priority not found"


class InvalidBoundaries(InvalidInput):
    slug = "invalid-boundaries"
    title = "The boundaries could not be imported"


class ClusterNotFound(NotFound):
    title = "Cluster not found"


class EscpTransitionNotAllowed(Conflict):
    slug = "escp-transition-not-allowed"
    title = "ESCP-S3 step not allowed"


class ClusterNotReady(Conflict):
    slug = "cluster-not-ready"
    title = "The cluster does not meet the ECCP validation criteria yet"


# -- opportunities, interest in them, and their imports -----------------------------------------------------
from tex4im_common.problems import PayloadTooLarge  # noqa: E402


class OpportunityNotFound(NotFound):
    title = "Opportunity not found"


class OpportunityTransitionNotAllowed(Conflict):
    slug, title = "opportunity-transition-not-allowed", "Status change not allowed"


class OpportunityNotOpen(Conflict):
    slug, title = "opportunity-not-open", "Opportunity not open"


class OpportunityFeedUnreadable(InvalidInput):
    slug, title = "opportunity-feed-unreadable", "Import file unreadable"


class OpportunityFileTooLarge(PayloadTooLarge):
    title = "Import file too large"


# -- the organisation registry: records, contacts, duplicates, CSV imports ----------------------------------
class OrganisationNotFound(NotFound):
    title = "Organisation not found"


class OrganisationMerged(Conflict):
    slug, title = "organisation-merged", "Organisation merged into another"


class ContactNotFound(NotFound):
    title = "Contact not found"


class DuplicateCandidateNotFound(NotFound):
    title = "Duplicate candidate not found"


class DuplicateAlreadyResolved(Conflict):
    slug, title = "duplicate-already-resolved", "Duplicate candidate already resolved"


class OrganisationFileUnreadable(InvalidInput):
    slug, title = "organisation-file-unreadable", "Import file unreadable"


class OrganisationFileTooLarge(PayloadTooLarge):
    title = "Import file too large"


class ImportRunNotFound(NotFound):
    title = "Import run not found"


# -- search: matching and saved searches --------------------------------------------------------------------
class NoOwnOrganisation(NotFound):
    slug, title = "no-own-organisation", "You belong to no organisation"


class SavedSearchNotFound(NotFound):
    title = "Saved search not found"


class SavedSearchLimitReached(Conflict):
    slug, title = "saved-search-limit-reached", "Too many saved searches"
