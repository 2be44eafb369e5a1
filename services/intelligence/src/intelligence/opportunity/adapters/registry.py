"""The import adapters by the name a manager picks (`POST /opportunities/import?adapter=...`)."""

from __future__ import annotations

from typing import Literal

from intelligence.opportunity.adapters import csv_template, een, eu_calls
from intelligence.opportunity.adapters.base import Adapter

AdapterName = Literal["csv", "een", "calls"]

ADAPTERS: dict[str, Adapter] = {
    "csv": csv_template.parse,
    "een": een.parse,
    "calls": eu_calls.parse,
}
