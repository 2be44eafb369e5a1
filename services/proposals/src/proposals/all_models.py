"""Every table of the service, imported together so the mappers (and Alembic) see the whole schema."""

import proposals.call.models
import proposals.evaluation.models
import proposals.notification.models
import proposals.organisation.models
import proposals.proposal.models
import proposals.screening.models  # noqa: F401
