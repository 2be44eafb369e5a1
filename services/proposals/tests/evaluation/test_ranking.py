"""The panel's ranking and portfolio rule, as pure functions: no database."""

from datetime import UTC, datetime
from decimal import Decimal

from proposals.evaluation.ranking import Candidate, Rules, order, rank
from proposals.vocab import DecisionOutcome, TieBreak

SELECTED, RESERVE, REJECTED = DecisionOutcome.selected, DecisionOutcome.reserve, DecisionOutcome.rejected


def candidate(label: str, total: str, *, region: str = "ITI1", criteria: tuple[str, ...] = ("4", "3"),
              partner_regions: int = 2, requested: str | None = "100000", submitted: int | None = 1,
              shortfalls: tuple[str, ...] = ()) -> Candidate:
    return Candidate(
        key=label, label=label, region=region, total=Decimal(total),
        criteria=tuple(zip(("Excellence", "Impact"), (Decimal(v) for v in criteria), strict=True)),
        partner_regions=partner_regions, requested_eur=None if requested is None else Decimal(requested),
        submitted_at=None if submitted is None else datetime(2026, 3, submitted, 12, 0, tzinfo=UTC),
        shortfalls=shortfalls,
    )


def summary(rows):
    return [(r.candidate.label, r.rank, r.tied, r.tie_break, r.outcome) for r in rows]


class TestRankingByTotal:
    def test_highest_total_first_with_consecutive_ranks(self):
        rows = order([candidate("P-B", "3.40"), candidate("P-A", "4.10"), candidate("P-C", "3.90")], [])
        assert [(r.candidate.label, r.rank, r.tied, r.tie_break, r.tie_note) for r in rows] == [
            ("P-A", 1, False, None, None), ("P-C", 2, False, None, None), ("P-B", 3, False, None, None),
        ]

    def test_proposals_failing_thresholds_are_not_ranked_and_rejected_with_the_reason(self):
        rows = rank([candidate("P-A", "3.50"),
                     candidate("P-X", "4.50", shortfalls=("Impact 2.0 below 2.5",))], Rules(selected_count=2))
        assert summary(rows) == [("P-A", 1, False, None, SELECTED), ("P-X", None, False, None, REJECTED)]
        assert rows[1].reason == "Not fundable: Impact 2.0 below 2.5."
        assert rows[0].reason == "Selected: rank 1 of 1 fundable, place 1 of 2."


class TestTieBreaks:
    def test_higher_criterion_compares_criteria_in_rubric_order(self):
        first_equal = [candidate("P-A", "3.80", criteria=("4", "3")), candidate("P-B", "3.80", criteria=("4", "3.5"))]
        rows = order(first_equal, [TieBreak.higher_criterion])
        assert summary(rows) == [("P-B", 1, False, TieBreak.higher_criterion, REJECTED),
                                 ("P-A", 2, False, TieBreak.higher_criterion, REJECTED)]
        assert rows[0].tie_note == "Ahead of P-A on an equal total of 3.80: higher Impact (3.5 against 3)."
        assert rows[1].tie_note == "Behind P-B on an equal total of 3.80: higher Impact (3.5 against 3)."

    def test_more_partner_regions(self):
        rows = order([candidate("P-A", "3.80", partner_regions=2), candidate("P-B", "3.80", partner_regions=4)],
                     [TieBreak.more_partner_regions])
        assert [(r.candidate.label, r.rank, r.tie_break) for r in rows] == [
            ("P-B", 1, TieBreak.more_partner_regions), ("P-A", 2, TieBreak.more_partner_regions)]
        assert rows[1].tie_note == "Behind P-B on an equal total of 3.80: more partner regions (4 against 2)."

    def test_lower_requested_funding_puts_an_unstated_request_last(self):
        rows = order([candidate("P-A", "3.80", requested=None), candidate("P-B", "3.80", requested="90000.00"),
                      candidate("P-C", "3.80", requested="120000.00")], [TieBreak.lower_requested_funding])
        assert [(r.candidate.label, r.rank) for r in rows] == [("P-B", 1), ("P-C", 2), ("P-A", 3)]
        assert rows[2].tie_note == ("Behind P-C on an equal total of 3.80: lower requested funding "
                                    "(EUR 120000.00 against not stated).")

    def test_earlier_submission(self):
        rows = order([candidate("P-A", "3.80", submitted=9), candidate("P-B", "3.80", submitted=2)],
                     [TieBreak.earlier_submission])
        assert [(r.candidate.label, r.tie_break) for r in rows] == [
            ("P-B", TieBreak.earlier_submission), ("P-A", TieBreak.earlier_submission)]
        assert rows[0].tie_note == ("Ahead of P-A on an equal total of 3.80: earlier submission "
                                    "(2026-03-02 12:00 against 2026-03-09 12:00).")

    def test_rules_apply_in_the_call_s_order_and_the_first_that_separates_is_recorded(self):
        a = candidate("P-A", "3.80", criteria=("4", "3"), partner_regions=5)
        b = candidate("P-B", "3.80", criteria=("4", "3"), partner_regions=3, requested="1000")
        rows = order([a, b], [TieBreak.higher_criterion, TieBreak.lower_requested_funding,
                              TieBreak.more_partner_regions])
        assert [(r.candidate.label, r.tie_break) for r in rows] == [
            ("P-B", TieBreak.lower_requested_funding), ("P-A", TieBreak.lower_requested_funding)]

    def test_an_unbreakable_tie_shares_the_rank_and_the_next_rank_is_skipped(self):
        rows = order([candidate("P-C", "3.10"), candidate("P-B", "3.80"), candidate("P-A", "3.80"),
                      candidate("P-D", "4.00")], [TieBreak.higher_criterion, TieBreak.more_partner_regions])
        assert [(r.candidate.label, r.rank, r.tied_with) for r in rows] == [
            ("P-D", 1, ()), ("P-A", 2, ("P-B",)), ("P-B", 2, ("P-A",)), ("P-C", 4, ()),
        ]
        assert rows[1].tie_note == "Tied with P-B: no tie-break rule separates them."

    def test_without_rules_equal_totals_stay_tied(self):
        rows = order([candidate("P-A", "3.80", criteria=("5", "1")), candidate("P-B", "3.80")], [])
        assert [(r.rank, r.tied) for r in rows] == [(1, True), (1, True)]
        assert rows[0].tie_note == "Tied with P-B: the call sets no tie-break rule."


class TestPortfolioRule:
    def test_max_one_per_region_selected_three_reserve_two(self):
        candidates = [
            candidate("P-1", "4.60", region="ITI1"), candidate("P-2", "4.40", region="ITI1"),
            candidate("P-3", "4.20", region="ES52"), candidate("P-4", "4.00", region="ES52"),
            candidate("P-5", "3.90", region="PT11"), candidate("P-6", "3.70", region="SE23"),
            candidate("P-7", "3.50", region="CZ05"), candidate("P-8", "3.30", region="FRE1"),
        ]
        rows = rank(candidates, Rules(selected_count=3, reserve_count=2, max_selected_per_region=1))
        assert [(r.candidate.label, r.rank, r.outcome) for r in rows] == [
            ("P-1", 1, SELECTED), ("P-2", 2, RESERVE), ("P-3", 3, SELECTED), ("P-4", 4, RESERVE),
            ("P-5", 5, SELECTED), ("P-6", 6, REJECTED), ("P-7", 7, REJECTED), ("P-8", 8, REJECTED),
        ]
        assert rows[1].reason == ("Reserve list, place 1 of 2. Skipped for its region: ITI1 already has 1 selected, "
                                  "the most a region may.")
        assert rows[4].reason == "Selected: rank 5 of 8 fundable, place 3 of 3."
        assert rows[5].reason == "Ranked below the 3 selected. The reserve list is full."

    def test_without_a_regional_cap_the_best_are_selected(self):
        rows = rank([candidate("P-1", "4.60"), candidate("P-2", "4.40"), candidate("P-3", "4.20")],
                    Rules(selected_count=2, reserve_count=0))
        assert [r.outcome for r in rows] == [SELECTED, SELECTED, REJECTED]

    def test_a_tie_across_the_cut_is_flagged_for_the_panel(self):
        rows = rank([candidate("P-A", "4.00"), candidate("P-B", "4.00"), candidate("P-C", "3.00")],
                    Rules(selected_count=1, reserve_count=1))
        assert [(r.candidate.label, r.rank, r.outcome) for r in rows] == [
            ("P-A", 1, SELECTED), ("P-B", 1, RESERVE), ("P-C", 3, REJECTED)]
        assert rows[0].reason.endswith("Tied with P-B, whose outcome differs: the panel decides between them.")

    def test_the_reserve_list_takes_only_fundable_proposals(self):
        rows = rank([candidate("P-A", "4.00"), candidate("P-X", "2.90", shortfalls=("total 2.90 below 3.00",))],
                    Rules(selected_count=0, reserve_count=2))
        assert [(r.candidate.label, r.outcome) for r in rows] == [("P-A", RESERVE), ("P-X", REJECTED)]
