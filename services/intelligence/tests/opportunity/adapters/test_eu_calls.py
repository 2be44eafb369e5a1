from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from intelligence.opportunity.adapters.base import FeedUnreadable, ImportContext
from intelligence.opportunity.adapters.eu_calls import parse

CALLS = (Path(__file__).parents[1] / "fixtures" / "eu_calls.json").read_bytes()


class TestCalls:
    def test_kinds_deadlines_budgets_and_priorities(self):
        items = parse(CALLS, ImportContext("PT11"))
        assert [
            (c.item, c.data["source_ref"], c.data["kind"], c.data["deadline"], c.data["budget_eur"],
             c.data["priorities"])
            for c in items if not c.problems
        ] == [
            (1, "HORIZON-CL4-2030-TWIN-TRANSITION-01-05", "funding_call", date(2030, 2, 11), Decimal("12000000"),
             ["circular_economy"]),
            (2, "SMP-COSME-2030-CLUSTER-01", "funding_call", date(2030, 4, 22), Decimal("4500000.00"),
             ["digital_technologies"]),
            (3, "EISMEA/2030/OP/0007", "tender", date(2030, 3, 15), Decimal("350000.50"), ["creativity"]),
            (4, "LIFE-2030-SAP-CIRC", "funding_call", date(2030, 9, 23), None, ["circular_economy"]),
            (5, "DIGITAL-2030-EDIH-AC-01", "funding_call", date(2030, 5, 6), Decimal("750000"),
             ["industry_4_0", "digital_technologies"]),
        ]

    def test_a_prize_with_an_unpublished_budget_is_refused(self):
        refused = [c for c in parse(CALLS, ImportContext("PT11")) if c.problems]
        assert [(c.item, [(p.field, p.message) for p in c.problems]) for c in refused] == [
            (6, [("type", "'prize' is neither call nor tender"),
                 ("budget", "'to be announced' is not an amount in EUR")]),
        ]

    def test_calls_are_placed_in_the_regions_asked_for_else_the_owner_region(self):
        assert parse(CALLS, ImportContext("PT11"))[0].data["region_codes"] == ["PT11"]
        placed = parse(CALLS, ImportContext("PT11", ("PT11", "ITI1")))[0].data
        assert placed["region_codes"] == ["PT11", "ITI1"]
        assert (placed["source"], placed["language"], placed["visibility"]) == ("EU F&T", "en", "public")

    def test_a_json_object_without_results_is_unreadable(self):
        with pytest.raises(FeedUnreadable) as refused:
            parse(b'{"total": 0}', ImportContext("PT11"))
        assert str(refused.value) == "Expected a JSON list of items, or an object with a list in results."
