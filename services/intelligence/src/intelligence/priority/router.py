from fastapi import APIRouter
from tex4im_common.db import SessionDep
from tex4im_common.identity import CurrentIdentity
from tex4im_common.problems import problem_responses

from intelligence.priority.repository import PriorityRepository
from intelligence.priority.schemas import PriorityOut

router = APIRouter(prefix="/priorities", tags=["priorities"], responses=problem_responses(401))


@router.get("", response_model=list[PriorityOut])
async def list_priorities(identity: CurrentIdentity, session: SessionDep) -> list[PriorityOut]:
    """The five thematic priorities, in the partnership's order (a fixed, short list: not paginated)."""
    return [PriorityOut.model_validate(p) for p in await PriorityRepository(session).list_all()]
