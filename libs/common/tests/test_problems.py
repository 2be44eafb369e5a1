"""Every error leaves a service as an RFC 9457 problem document."""


class TestProblemResponses:
    async def test_validation_errors_name_each_field(self, kernel_client):
        response = await kernel_client.get("/items/abc", params={"limit": "many"})
        assert response.status_code == 422
        problem = response.json()
        assert response.headers["content-type"] == "application/problem+json"
        assert problem["type"] == "urn:tex4im:problem:invalid-input"
        assert sorted(e["field"] for e in problem["errors"]) == ["path.item_id", "query.limit"]
        assert problem["detail"].startswith("The request has invalid fields")

    async def test_a_missing_body_field_is_named(self, kernel_client):
        response = await kernel_client.post("/notes", json=[{"name": "no title"}])
        assert [e["field"] for e in response.json()["errors"]] == ["body.0.title"]

    async def test_unknown_route_is_a_404_problem_not_a_422(self, kernel_client):
        response = await kernel_client.get("/nothing/here")
        assert response.status_code == 404
        assert response.json()["detail"] == "No resource at /nothing/here."

    async def test_wrong_method_is_a_405_problem(self, kernel_client):
        response = await kernel_client.delete("/notes/count")
        assert response.status_code == 405
        assert response.json()["type"] == "urn:tex4im:problem:method-not-allowed"

    async def test_problems_carry_the_request_id(self, kernel_client):
        response = await kernel_client.get("/nothing", headers={"X-Request-ID": "trace-1"})
        assert response.json()["request_id"] == "trace-1"
        assert response.json()["instance"] == "/nothing"


class TestOpenapi:
    async def test_operation_ids_are_tag_and_function_name(self, kernel_app):
        operation = kernel_app.openapi()["paths"]["/notes"]["post"]
        assert operation["operationId"] == "notes-add_notes"
        assert operation["description"] == "Adds every note or none (the title is unique)."
