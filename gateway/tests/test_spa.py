class TestSinglePageApp:
    async def test_root_serves_the_app(self, client):
        response = await client.get("/")
        assert response.status_code == 200
        assert "<title>TEX4IM</title>" in response.text

    async def test_client_side_routes_fall_back_to_the_app(self, client):
        response = await client.get("/login")
        assert "<div id=root>" in response.text
        assert response.headers["cache-control"] == "no-cache"

    async def test_assets_are_served(self, client):
        assert (await client.get("/assets/app.js")).text == "console.log('tex4im')"

    async def test_pages_forbid_framing_and_foreign_scripts(self, client):
        response = await client.get("/")
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"

    async def test_paths_cannot_escape_the_app_folder(self, client):
        response = await client.get("/..%2F..%2Fetc%2Fpasswd")
        assert "root:" not in response.text
