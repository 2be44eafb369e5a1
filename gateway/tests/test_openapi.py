from gateway.openapi.merge import merge_openapi


def _service(schema_props: dict) -> dict:
    return {
        "paths": {
            "/healthz": {"get": {"operationId": "health-liveness"}},
            "/things": {"get": {"operationId": "things-list_things", "responses": {"200": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
        },
        "components": {"schemas": {"Thing": {"type": "object", "properties": schema_props},
                                   "Problem": {"type": "object", "title": "Problem"}}},
        "tags": [{"name": "things"}],
    }


class TestMergeOpenapi:
    def test_service_paths_are_mounted_under_their_prefix_with_prefixed_operation_ids(self):
        merged = merge_openapi({"openapi": "3.1.0", "info": {"title": "x"}, "paths": {}},
                               {"intelligence": _service({"a": {"type": "string"}})})
        assert list(merged["paths"]) == ["/api/intelligence/things"]
        assert merged["paths"]["/api/intelligence/things"]["get"]["operationId"] == "intelligence-things-list_things"

    def test_a_schema_name_two_services_define_differently_is_prefixed_and_refs_follow(self):
        merged = merge_openapi({"openapi": "3.1.0", "info": {"title": "x"}, "paths": {}}, {
            "intelligence": _service({"a": {"type": "string"}}),
            "proposals": _service({"b": {"type": "integer"}}),
        })
        schemas = merged["components"]["schemas"]
        assert "Thing" in schemas and "ProposalsThing" in schemas
        assert "ProposalsProblem" not in schemas  # identical shapes are shared
        ref = merged["paths"]["/api/proposals/things"]["get"]["responses"]["200"]["content"]["application/json"]
        assert ref["schema"]["$ref"] == "#/components/schemas/ProposalsThing"


class TestLiveDocument:
    async def test_the_gateway_serves_its_own_routes_and_notes_services_it_could_not_reach(self, client):
        document = (await client.get("/api/openapi.json")).json()
        assert document["paths"]["/api/auth/login"]["post"]["operationId"] == "auth-login"
        assert document["info"]["x-unavailable-services"] == ["proposals"]
