"""A request's writes are all kept or all dropped, and are committed before the client hears back."""


class TestAtomicWrites:
    async def test_successful_request_is_committed_before_the_response(self, kernel_client):
        response = await kernel_client.post("/notes", json=[{"title": "a"}, {"title": "b"}])
        assert response.status_code == 201
        assert (await kernel_client.get("/notes/count")).json() == {"count": 2}

    async def test_database_error_midway_leaves_no_half_done_write(self, kernel_client):
        response = await kernel_client.post("/notes", json=[{"title": "x"}, {"title": "y"}, {"title": "x"}])
        assert response.status_code == 409
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "The change conflicts with existing data (note_title_key)."
        assert (await kernel_client.get("/notes/count")).json() == {"count": 0}

    async def test_a_domain_error_after_a_write_rolls_it_back(self, kernel_client):
        response = await kernel_client.post("/notes/then-fail")
        assert response.status_code == 404
        assert (await kernel_client.get("/notes/count")).json() == {"count": 0}

    async def test_an_unexpected_error_is_a_500_problem_and_rolls_back(self, kernel_client):
        response = await kernel_client.post("/notes/then-crash")
        assert response.status_code == 500
        assert response.json()["detail"] == "An unexpected error occurred; nothing was saved."
        assert (await kernel_client.get("/notes/count")).json() == {"count": 0}

    async def test_a_refusal_marked_keep_changes_is_recorded(self, kernel_client):
        response = await kernel_client.post("/notes/refusal-on-record")
        assert response.status_code == 409
        assert (await kernel_client.get("/notes/count")).json() == {"count": 1}
