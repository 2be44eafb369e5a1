from tex4im_common.problems import Forbidden, Unauthorized


class InvalidCredentials(Unauthorized):
    title = "Sign-in failed"


class SessionEnded(Unauthorized):
    title = "Session ended"


class RefreshTokenReused(Unauthorized):
    """A rotated refresh token came back: someone else may hold it, so the whole session is revoked."""

    title = "Session ended"
    keep_changes = True


class CsrfRejected(Forbidden):
    title = "Missing or wrong CSRF token"
