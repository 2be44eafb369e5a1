"""`calls`: a JSON feed of EU funding calls and tenders, shaped like the EU Funding & Tenders portal's results.

The file is a list of items (or an object with the list in `results`). Each item:
- `identifier` → source_ref (source "EU F&T"), required: a re-import updates the call by it;
- `type`: `call` → funding_call, `tender` → tender;
- `title`, `description` → summary, `url` → link;
- `deadlineDate` (YYYY-MM-DD or an ISO date-time; a list of dates, for calls with several cut-offs, gives the
  first) → deadline;
- `budget` (EUR, a number or a numeric string; absent or null when not published) → budget_eur, kept exact;
- `tags` → priorities, by the terms in `keywords.py`.
Calls concern every region, so the items are placed in the regions named by the import's `regions` parameter,
or else in the owner region. They are imported as public, in English, open.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from intelligence.opportunity.adapters.base import Candidate, ImportContext, load_json_items, parse_day, text
from intelligence.opportunity.adapters.keywords import priorities_for
from intelligence.vocab import OpportunityKind

SOURCE = "EU F&T"
KINDS = {"call": OpportunityKind.funding_call, "tender": OpportunityKind.tender}


def _deadline(candidate: Candidate, raw: Any) -> Any:
    values = raw if isinstance(raw, list) else [raw] if raw else []
    days = [parse_day(v) for v in values]
    if any(day is None for day in days):
        candidate.refuse("deadlineDate", f"'{raw}' is not a date (YYYY-MM-DD)")
        return None
    return min(days) if days else None  # type: ignore[type-var]


def _budget(candidate: Candidate, raw: Any) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw).strip())
    except InvalidOperation:
        candidate.refuse("budget", f"'{raw}' is not an amount in EUR")
        return None


def _item(item: int, entry: Any, context: ImportContext) -> Candidate:
    candidate = Candidate(item=item, data={})
    if not isinstance(entry, dict):
        candidate.refuse("row", "an item must be a JSON object")
        return candidate
    for required in ("title", "description"):
        if text(entry.get(required)) is None:
            candidate.refuse(required, "required")
    identifier = text(entry.get("identifier"))
    if identifier is None:
        candidate.refuse("identifier", "required: re-imports recognise a call by it")
    kind = KINDS.get((text(entry.get("type")) or "").lower())
    if kind is None:
        candidate.refuse("type", f"'{entry.get('type')}' is neither call nor tender")
    tags = entry.get("tags") or []
    candidate.data.update({
        "kind": kind.value if kind else None,
        "title": text(entry.get("title")),
        "summary": text(entry.get("description")),
        "language": "en",
        "region_codes": list(context.region_codes or (context.owner_region_code,)),
        "priorities": priorities_for(tags if isinstance(tags, list) else [tags]),
        "deadline": _deadline(candidate, entry.get("deadlineDate")),
        "budget_eur": _budget(candidate, entry.get("budget")),
        "source": SOURCE,
        "source_ref": identifier,
        "link": text(entry.get("url")),
        "visibility": "public",
    })
    return candidate


def parse(data: bytes, context: ImportContext) -> list[Candidate]:
    """One candidate per call or tender, numbered from 1."""
    entries = load_json_items(data, wrapper_keys=("results",))
    return [_item(item, entry, context) for item, entry in enumerate(entries, start=1)]
