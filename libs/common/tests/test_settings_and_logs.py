import json
import logging

import pytest
from pydantic import ValidationError
from tex4im_common.observability import JsonFormatter
from tex4im_common.settings import ServiceSettings


class TestSettings:
    def test_production_refuses_to_start_without_the_identity_key(self):
        with pytest.raises(ValidationError, match="identity_public_key"):
            ServiceSettings(environment="production", database_url="postgresql://db/x")

    def test_the_platform_database_url_is_the_fallback_and_gets_the_async_driver(self, monkeypatch):
        monkeypatch.setenv("DATABASE_URL", "postgresql://u@db:5432/tex4im")
        assert ServiceSettings().database_url == "postgresql+asyncpg://u@db:5432/tex4im"


class TestJsonLogs:
    def test_a_log_line_is_one_json_object_with_extra_fields(self):
        record = logging.LogRecord("tex4im.access", logging.INFO, __file__, 1, "request", None, None)
        record.status = 201
        entry = json.loads(JsonFormatter("proposals").format(record))
        assert entry["service"] == "proposals"
        assert entry["msg"] == "request"
        assert entry["status"] == 201


class TestRequestId:
    async def test_a_valid_incoming_request_id_is_kept(self, kernel_client):
        response = await kernel_client.get("/healthz", headers={"X-Request-ID": "abc-123"})
        assert response.headers["x-request-id"] == "abc-123"

    async def test_a_missing_or_hostile_request_id_is_replaced(self, kernel_client):
        response = await kernel_client.get("/healthz", headers={"X-Request-ID": "<script>"})
        assert response.headers["x-request-id"] != "<script>"
        assert len(response.headers["x-request-id"]) == 32
