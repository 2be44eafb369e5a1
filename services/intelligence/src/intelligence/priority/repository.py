from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.priority.models import ThematicPriority


class PriorityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list_all(self) -> list[ThematicPriority]:
        return list((await self.session.scalars(select(ThematicPriority).order_by(ThematicPriority.position))).all())
