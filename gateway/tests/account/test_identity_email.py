"""The signed-in user's e-mail address travels in the identity tokens, so services can write to them."""

from tex4im_common.identity import IdentityTokenVerifier, public_key_pem_from_private


class TestEmailInTheIdentity:
    async def test_the_service_learns_the_signed_in_users_email(self, client, signed_in, user, private_key_pem):
        seen = (await client.get("/api/intelligence/regions")).json()
        token = seen["headers"]["authorization"].removeprefix("Bearer ")
        verifier = IdentityTokenVerifier(public_key_pem_from_private(private_key_pem), audience="intelligence")
        identity = verifier.verify(token)
        assert (identity.subject, identity.email) == (str(user.id), "manager.iti1@example.test")
