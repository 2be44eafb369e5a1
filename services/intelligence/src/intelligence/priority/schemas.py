from pydantic import BaseModel, ConfigDict, Field


class PriorityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str = Field(examples=["circular_economy"], description="Stable code; clients translate the name by it.")
    name: str = Field(description="English name.")
