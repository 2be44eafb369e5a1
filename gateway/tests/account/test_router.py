from gateway.account.models import UserSession
from sqlalchemy import func, select

PASSWORD = "correct horse battery staple"


def _cookie_header(response, name: str) -> str:
    return next(h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}="))


class TestLogin:
    async def test_correct_password_sets_httponly_session_cookies_and_returns_me(self, client, user):
        credentials = {"email": "Manager.ITI1@example.test", "password": PASSWORD}
        response = await client.post("/api/auth/login", json=credentials)
        assert response.status_code == 200
        me = response.json()
        assert me["display_name"] == "Maria Manager"
        assert me["memberships"] == [{"role": "cluster_manager", "region": "ITI1", "organisation_id": None}]
        access = _cookie_header(response, "tex4im_access")
        assert "HttpOnly" in access and "SameSite=lax" in access
        refresh = _cookie_header(response, "tex4im_refresh")
        assert "HttpOnly" in refresh and "Path=/api/auth" in refresh and "SameSite=strict" in refresh
        assert "HttpOnly" not in _cookie_header(response, "tex4im_csrf")

    async def test_wrong_password_is_a_401_problem_and_opens_no_session(self, client, user, session):
        response = await client.post("/api/auth/login", json={"email": user.email, "password": "nope"})
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "The email or password is not correct."
        assert await session.scalar(select(func.count()).select_from(UserSession)) == 0
        assert "tex4im_access" not in client.cookies

    async def test_unknown_email_gets_the_same_answer_as_a_wrong_password(self, client):
        response = await client.post("/api/auth/login", json={"email": "nobody@example.test", "password": "x"})
        assert response.status_code == 401
        assert response.json()["detail"] == "The email or password is not correct."

    async def test_missing_fields_are_a_422_problem_listing_each_field(self, client):
        response = await client.post("/api/auth/login", json={})
        assert response.status_code == 422
        assert sorted(e["field"] for e in response.json()["errors"]) == ["body.email", "body.password"]

    async def test_a_form_post_from_another_site_cannot_sign_in(self, client, user):
        response = await client.post("/api/auth/login", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 422


class TestMe:
    async def test_without_a_session_me_is_401(self, client):
        assert (await client.get("/api/me")).status_code == 401

    async def test_a_tampered_access_cookie_is_401(self, client, signed_in):
        client.cookies.set("tex4im_access", client.cookies["tex4im_access"][:-4] + "AAAA")
        assert (await client.get("/api/me")).status_code == 401

    async def test_changing_the_language_needs_the_csrf_header(self, client, signed_in):
        assert (await client.patch("/api/me", json={"locale": "it"})).status_code == 403
        response = await client.patch("/api/me", json={"locale": "it"}, headers=signed_in)
        assert response.status_code == 200
        assert response.json()["locale"] == "it"
        assert (await client.get("/api/me")).json()["locale"] == "it"

    async def test_an_unsupported_language_is_a_422_problem(self, client, signed_in):
        response = await client.patch("/api/me", json={"locale": "xx"}, headers=signed_in)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.locale"


class TestRefreshAndLogout:
    async def test_refresh_rotates_the_refresh_token(self, client, signed_in):
        before = client.cookies.get("tex4im_refresh", path="/api/auth")
        response = await client.post("/api/auth/refresh", headers=signed_in)
        assert response.status_code == 200
        assert client.cookies.get("tex4im_refresh", path="/api/auth") != before

    async def test_a_replayed_refresh_token_ends_the_session(self, client, signed_in, session):
        old = client.cookies.get("tex4im_refresh", path="/api/auth")
        await client.post("/api/auth/refresh", headers=signed_in)
        a_minute_ago = func.now() - func.make_interval(0, 0, 0, 0, 0, 1)
        await session.execute(UserSession.__table__.update().values(rotated_at=a_minute_ago))
        current = client.cookies.get("tex4im_refresh", path="/api/auth")
        client.cookies.set("tex4im_refresh", old, path="/api/auth")
        replay = await client.post("/api/auth/refresh", headers=signed_in)
        assert replay.status_code == 401
        client.cookies.set("tex4im_refresh", current, path="/api/auth")
        assert (await client.post("/api/auth/refresh", headers=signed_in)).status_code == 401
        revoked = await session.scalar(select(UserSession.revoked_at))
        assert revoked is not None

    async def test_logout_revokes_the_session_and_clears_cookies(self, client, signed_in, session):
        refresh = client.cookies.get("tex4im_refresh", path="/api/auth")
        response = await client.post("/api/auth/logout", headers=signed_in)
        assert response.status_code == 204
        assert await session.scalar(select(UserSession.revoked_at)) is not None
        client.cookies.set("tex4im_refresh", refresh, path="/api/auth")
        client.cookies.set("tex4im_csrf", signed_in["X-CSRF-Token"])
        assert (await client.post("/api/auth/refresh", headers=signed_in)).status_code == 401

    async def test_logout_without_the_csrf_header_is_refused(self, client, signed_in):
        assert (await client.post("/api/auth/logout")).status_code == 403

    async def test_refresh_without_the_csrf_header_is_refused(self, client, signed_in):
        assert (await client.post("/api/auth/refresh")).status_code == 403

    async def test_refresh_without_any_session_is_a_plain_401(self, client):
        response = await client.post("/api/auth/refresh")
        assert response.status_code == 401
        assert response.json()["detail"] == "There is no session to refresh; sign in again."
