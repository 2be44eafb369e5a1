from tex4im_common.testing.identity import IdentityChecks


class TestIdentity(IdentityChecks):
    """The service itself refuses callers the gateway did not vouch for."""

    protected_path = "/events"
