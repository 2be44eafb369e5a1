import json
import logging

import pytest
from pydantic import ValidationError
from tex4im_common import observability
from tex4im_common.observability import JsonFormatter, configure_logging
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


class TestLoggingThroughTheWriterThread:
    def test_the_request_id_and_fields_reach_the_written_line(self, capsys):
        configure_logging(service="kernel", level="INFO", json_lines=True)
        token = observability._request_id.set("req-7")
        try:
            logging.getLogger("tex4im.test").info("hello %s", "world", extra={"status": 204})
        finally:
            observability._request_id.reset(token)
        observability._stop_listener()  # flushes the queue
        entry = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
        assert (entry["msg"], entry["request_id"], entry["status"]) == ("hello world", "req-7", 204)

    def test_an_exception_keeps_its_traceback(self, capsys):
        configure_logging(service="kernel", level="INFO", json_lines=True)
        try:
            raise ValueError("broken")
        except ValueError:
            logging.getLogger("tex4im.test").exception("failed")
        observability._stop_listener()
        entry = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
        assert "ValueError: broken" in entry["exc"]
