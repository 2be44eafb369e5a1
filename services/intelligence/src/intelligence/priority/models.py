from sqlalchemy import SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base


class ThematicPriority(UUIDPrimaryKey, Timestamps, Base):
    """One of the partnership's thematic priorities that proposals, opportunities and profiles are tagged with."""

    __tablename__ = "thematic_priority"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(SmallInteger)
