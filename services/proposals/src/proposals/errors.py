"""The service's domain errors: each a problem type with its status (RFC 9457), raised by the service layer.

Shared by several packages; each package appends to its own section below.
"""

from tex4im_common.problems import Conflict, Forbidden, InvalidInput, NotFound, ProblemError

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


class InvalidCall(InvalidInput):
    slug = "invalid-call"
    title = "The call's configuration is not valid"


class CallCodeTaken(Conflict):
    slug = "call-code-taken"
    title = "Another call has this code"


class CallChangeRefused(Conflict):
    slug = "call-change-refused"
    title = "This change would corrupt work in progress"


class CallNotPublishable(Conflict):
    slug = "call-not-publishable"
    title = "The call is not ready to be published"


class StageOccupied(Conflict):
    slug = "stage-occupied"
    title = "The stage still holds proposals"


class NotAPermanentCall(Conflict):
    slug = "not-a-permanent-call"
    title = "Only the permanent annual call has a next round"


class IfMatchRequired(ProblemError):
    """428: a shared record is only changed by a client that says which version it read."""

    status = 428
    slug = "if-match-required"
    title = "If-Match required"


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


class CallNotOpen(Conflict):
    slug = "call-not-open"
    title = "The call does not take proposals"


class AnswerFrozen(InvalidInput):
    slug = "answer-frozen"
    title = "The answer can no longer change"


class PartnerNotFound(NotFound):
    title = "Partner not found"


class PartnerAlreadyInvited(Conflict):
    slug = "partner-already-invited"
    title = "The organisation is already in the proposal"


class PartnerAlreadyAnswered(Conflict):
    slug = "partner-already-answered"
    title = "The invitation was already answered"


class CommentRequired(InvalidInput):
    slug = "comment-required"
    title = "This step needs a comment"


# versions and attachments (helper A2)

from tex4im_common.problems import PayloadTooLarge  # noqa: E402


class VersionNotFound(NotFound):
    title = "Version not found"


class AttachmentNotFound(NotFound):
    title = "Attachment not found"


class AttachmentTooLarge(PayloadTooLarge):
    slug = "attachment-too-large"
    title = "Attachment too large"


class AttachmentTypeRefused(InvalidInput):
    slug = "attachment-type-refused"
    title = "File type not accepted"


class AttachmentAlreadyAttached(Conflict):
    slug = "attachment-already-attached"
    title = "The proposal already has this file"


class TooManyAttachments(Conflict):
    slug = "too-many-attachments"
    title = "The proposal has as many attachments as it may have"


# -- screening ----------------------------------------------------------------------------------------------------


class ScreeningForbidden(Forbidden):
    slug = "screening-forbidden"
    title = "You may not screen this proposal"


class ScreeningNotOpen(Conflict):
    slug = "screening-not-open"
    title = "The proposal is not in a stage where it is screened"


class OverrideNotExplained(InvalidInput):
    slug = "override-not-explained"
    title = "Deciding eligible over a failed check needs an explanation"


# -- evaluation: pool, conflicts, assignments, scores, consensus, ranking, decisions ------------------------------

# pool, conflicts of interest and assignment


class EvaluatorNotFound(NotFound):
    title = "Evaluator not found"


class ConflictDeclarationNotFound(NotFound):
    title = "Conflict declaration not found"


class ConflictAlreadyDeclared(Conflict):
    slug = "conflict-already-declared"
    title = "You have already declared this conflict"


class AssignmentNotFound(NotFound):
    title = "Assignment not found"


class ConflictOfInterest(Conflict):
    slug = "conflict-of-interest"
    title = "The evaluator has a conflict of interest"


class AssignmentNotOpen(Conflict):
    slug = "assignment-not-open"
    title = "Evaluators cannot be assigned or withdrawn now"


class EvaluatorUnavailable(Conflict):
    slug = "evaluator-unavailable"
    title = "The evaluator cannot take this assignment"


# reviews, consensus, ranking, panel decisions and feedback


class ReviewAlreadySubmitted(Conflict):
    slug = "review-already-submitted"
    title = "The review has already been submitted"


class NotInEvaluation(Conflict):
    slug = "not-in-evaluation"
    title = "The proposal is not in the evaluation stage"


class InvalidScores(InvalidInput):
    slug = "invalid-scores"
    title = "The scores do not fit the call's rubric"


class ReviewIncomplete(InvalidInput):
    slug = "review-incomplete"
    title = "The review is not complete"


class EvaluationNotReady(Conflict):
    slug = "evaluation-not-ready"
    title = "The evaluation is not ready"


class ConsensusMissing(Conflict):
    slug = "consensus-missing"
    title = "There is no consensus yet"


class DecisionsAlreadyReleased(Conflict):
    slug = "decisions-already-released"
    title = "The call's decisions have been released"


class DecisionsNotStaged(Conflict):
    slug = "decisions-not-staged"
    title = "The staged decisions are missing or out of date"


class DecisionNotFound(NotFound):
    title = "Decision not found"


class ReleaseStepMissing(Conflict):
    slug = "release-step-missing"
    title = "The call's pipeline has no step for this decision"


class FeedbackNotReleased(Conflict):
    slug = "feedback-not-released"
    title = "Not released yet"


class FeedbackNotFound(NotFound):
    title = "No feedback for this proposal"


# -- notifications ------------------------------------------------------------------------------------------------


class NotificationNotFound(NotFound):
    title = "Notification not found"
