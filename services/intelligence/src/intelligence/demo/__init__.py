"""The demo data set of the opportunity map: organisations, opportunities, cluster profiles and S3 entries.

Every record is recognisably demo (names end with " (demo)", web addresses and e-mails under demo.tex4im.eu),
built deterministically (seeded) with stable ids, and dated relative to a reference day the caller passes in.
`make run` loads it once through devstack.
"""

from intelligence.demo.ids import demo_member_organisation_id
from intelligence.demo.load import load_intelligence_demo
from intelligence.demo.opportunities import OPPORTUNITIES_PER_REGION
from intelligence.demo.organisations import ORGANISATIONS_PER_REGION
from intelligence.demo.places import REGION_CODES

DEMO_ORGANISATION_COUNT = ORGANISATIONS_PER_REGION * len(REGION_CODES)
DEMO_OPPORTUNITY_COUNT = OPPORTUNITIES_PER_REGION * len(REGION_CODES)

__all__ = ["DEMO_OPPORTUNITY_COUNT", "DEMO_ORGANISATION_COUNT", "demo_member_organisation_id",
           "load_intelligence_demo"]
