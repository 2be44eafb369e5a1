import pytest
from matchmaking.db import outbox as matchmaking_outbox
from tex4im_common.outbox import Outbox
from tex4im_common.testing.outbox import OutboxFeedChecks


@pytest.fixture
def outbox() -> Outbox:
    return matchmaking_outbox


class TestEventsFeed(OutboxFeedChecks):
    """Committed events only, in a fixed order, resumable by cursor; for API clients and the consortium admin."""
