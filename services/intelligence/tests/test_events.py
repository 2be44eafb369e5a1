import pytest
from intelligence.db import outbox as intelligence_outbox
from tex4im_common.outbox import Outbox
from tex4im_common.testing.outbox import OutboxFeedChecks


@pytest.fixture
def outbox() -> Outbox:
    return intelligence_outbox


class TestEventsFeed(OutboxFeedChecks):
    """Committed events only, in a fixed order, resumable by cursor; for API clients and the consortium admin."""
