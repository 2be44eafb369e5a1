from sqlalchemy.orm import DeclarativeBase
from tex4im_common.db import schema_metadata
from tex4im_common.outbox import Outbox

SCHEMA = "matchmaking"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


outbox = Outbox(Base.metadata)
