from sqlalchemy.orm import DeclarativeBase
from tex4im_common.db import schema_metadata

SCHEMA = "gateway"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
