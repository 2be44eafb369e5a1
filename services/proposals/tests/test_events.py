import pytest
from proposals.db import outbox as proposals_outbox
from tex4im_common.outbox import Outbox
from tex4im_common.testing.outbox import OutboxFeedChecks


@pytest.fixture
def outbox() -> Outbox:
    return proposals_outbox


class TestEventsFeed(OutboxFeedChecks):
    """Committed events only, in a fixed order, resumable by cursor; for API clients and the consortium admin."""
