"""Every table of the service, imported together so the mappers (and Alembic) see the whole schema."""

import intelligence.cluster.models
import intelligence.imports.models
import intelligence.opportunity.models
import intelligence.organisation.models
import intelligence.priority.models
import intelligence.region.models
import intelligence.search.models  # noqa: F401
