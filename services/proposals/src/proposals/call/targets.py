"""A call's portfolio targets with what has been reached so far, as far as this service can count it now.

How each metric is counted (issue 6's portfolio KPIs will refine these counts, e.g. with business plans and
funding sources as records of their own):
- `proposals`: proposals of the call submitted at least once (`first_submitted_at` set) and not withdrawn (not
  now in the stage `withdrawn`); a year-scoped target counts those first submitted in that year.
- the others: proposals that have reached a stage, or one after it, of the call's pipeline (`STAGE_OF`):
  `business_plans` → `business_plan`, `funding_identified` → `investment`, `pilots` → `pilot`,
  `investment_projects` → `investment`. "After" means only reachable through it (lifecycle.pipeline.stages_from),
  so the exits `rejected` and `withdrawn` never count. A proposal counts when it is in such a stage now or the
  timeline shows it moved into one; a year-scoped target counts those whose timeline first moved them there in
  that year (the `investment_projects` per year: 3 a year for 5 years, in TEX4IM's plan).
- A region-scoped target counts the proposals led from that region.
When the call's pipeline has no such stage, `actual` is null.
"""

from __future__ import annotations

import uuid

from proposals.access import Access
from proposals.call.models import Call, CallTarget
from proposals.call.repository import CallRepository
from proposals.call.schemas import CallTargetsOut, TargetProgressOut
from proposals.call.service import CallService
from proposals.lifecycle.pipeline import stages_from
from proposals.vocab import TargetMetric

WITHDRAWN = "withdrawn"
STAGE_OF = {
    TargetMetric.business_plans: "business_plan",
    TargetMetric.funding_identified: "investment",
    TargetMetric.pilots: "pilot",
    TargetMetric.investment_projects: "investment",
}
_METRICS = list(TargetMetric)


class TargetService:
    def __init__(self, repository: CallRepository) -> None:
        self.repository = repository
        self.calls = CallService(repository)

    async def progress(self, *, access: Access, call_id: uuid.UUID) -> CallTargetsOut:
        """Each target of a call the caller may see, with its actual so far (see the module's docstring)."""
        call = await self.calls.readable(access=access, call_id=call_id)
        ordered = sorted(call.targets, key=lambda t: (_METRICS.index(TargetMetric(t.metric)), t.region_code or "",
                                                      t.year or 0))
        items = []
        for target in ordered:
            actual, counted_as = await self._actual(call, target)
            items.append(TargetProgressOut(metric=target.metric, region_code=target.region_code,  # type: ignore[arg-type]
                                           year=target.year, target=target.target, actual=actual,
                                           counted_as=counted_as))
        return CallTargetsOut(call_id=call.id, items=items)

    async def _actual(self, call: Call, target: CallTarget) -> tuple[int | None, str]:
        in_year = f" in {target.year}" if target.year is not None else ""
        if target.metric == TargetMetric.proposals:
            count = await self.repository.count_submitted(call.id, region=target.region_code, year=target.year,
                                                          leaving_out=[WITHDRAWN])
            return count, "proposals submitted at least once and not withdrawn" + (
                f", first submitted{in_year}" if in_year else ""
            )
        stage = STAGE_OF[TargetMetric(target.metric)]
        stages = stages_from(call.stages, call.transitions, stage)
        if not stages:
            return None, f"proposals that reached the stage '{stage}', which this call's pipeline does not have"
        count = await self.repository.count_reached(call.id, stages=stages, region=target.region_code,
                                                    year=target.year)
        return count, f"proposals that reached the stage '{stage}' or a later one" + (
            f", first{in_year}" if in_year else ""
        )
