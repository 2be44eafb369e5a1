from sqlalchemy.orm import DeclarativeBase
from tex4im_common.db import schema_metadata
from tex4im_common.feed_consumer import feed_cursor_table
from tex4im_common.idempotency import Idempotency
from tex4im_common.outbox import Outbox

SCHEMA = "proposals"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


outbox = Outbox(Base.metadata)
idempotency = Idempotency(Base.metadata)
feed_cursor = feed_cursor_table(Base.metadata)
