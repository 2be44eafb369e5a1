import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import Column, DateTime, MetaData, Table
from sqlalchemy.dialects.postgresql import UUID
from tex4im_common.pagination import decode_cursor, encode_cursor
from tex4im_common.problems import InvalidInput

table = Table("t", MetaData(), Column("at", DateTime(timezone=True)), Column("id", UUID(as_uuid=True)))


class TestCursor:
    def test_a_cursor_round_trips_typed_keys(self):
        values = [datetime(2026, 11, 24, 12, 0, tzinfo=UTC), uuid.uuid4()]
        assert decode_cursor(encode_cursor(values), [table.c.at, table.c.id]) == values

    @pytest.mark.parametrize("cursor", ["%%%", "bm9wZQ", encode_cursor(["x"]), encode_cursor(["not-a-date", "x"])])
    def test_a_cursor_not_handed_out_is_invalid_input(self, cursor):
        with pytest.raises(InvalidInput) as raised:
            decode_cursor(cursor, [table.c.at, table.c.id])
        assert raised.value.errors[0].field == "query.cursor"
