"""The service's domain errors: each a problem type with its status (RFC 9457), raised by the service layer.

Shared by several packages; each package appends to its own section below.
"""

from tex4im_common.problems import Conflict, Forbidden, InvalidInput, NotFound

# -- organisations (the registry copy) --------------------------------------------------------------------------


class OrganisationUnknown(InvalidInput):
    slug = "organisation-unknown"
    title = "Organisation not in the registry"


# -- calls and their pipeline -----------------------------------------------------------------------------------


class CallNotFound(NotFound):
    title = "Call not found"


class InvalidPipeline(InvalidInput):
    slug = "invalid-pipeline"
    title = "The pipeline is not valid"


# -- proposals, versions, attachments, lifecycle ----------------------------------------------------------------


class ProposalNotFound(NotFound):
    title = "Proposal not found"


class TransitionNotAllowed(Conflict):
    slug = "transition-not-allowed"
    title = "This move is not allowed"


class TransitionForbidden(Forbidden):
    slug = "transition-forbidden"
    title = "You may not take this step"


class ProposalNotEditable(Conflict):
    slug = "proposal-not-editable"
    title = "The proposal cannot be changed in its current stage"


# -- screening ----------------------------------------------------------------------------------------------------


# -- evaluation: pool, conflicts, assignments, scores, consensus, ranking, decisions ------------------------------


# -- notifications ------------------------------------------------------------------------------------------------
