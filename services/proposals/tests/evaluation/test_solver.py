"""The assignment optimisation on plain data: coverage, conflicts, limits, balance, preferences, stability."""

from proposals.evaluation.solver import EvaluatorSlot, ProposalNeed, Shortage, pick_one, plan


def pool(count, **fields):
    return [EvaluatorSlot(id=f"e{i}", load=0, **fields) for i in range(1, count + 1)]


def needs(count, target=3, **fields):
    return [ProposalNeed(id=f"p{i:02}", target=target, **fields) for i in range(1, count + 1)]


def assigned(result, proposal_id):
    return set(result.added.get(proposal_id, ()))


class TestCoverageAndBalance:
    def test_ten_proposals_times_three_over_six_evaluators_load_five_each(self):
        result = plan(pool(6), needs(10))
        assert result.loads == {f"e{i}": 5 for i in range(1, 7)}
        assert all(len(assigned(result, f"p{i:02}")) == 3 for i in range(1, 11))
        assert result.short == {}
        assert result.removed == {}
        assert result.optimal is True

    def test_existing_load_from_other_calls_is_balanced_too(self):
        evaluators = [EvaluatorSlot(id="busy", load=4), EvaluatorSlot(id="free1", load=0),
                      EvaluatorSlot(id="free2", load=0)]
        result = plan(evaluators, needs(4, target=1))
        assert result.loads == {"busy": 4, "free1": 2, "free2": 2}

    def test_fixed_reviews_count_towards_the_target(self):
        proposal = ProposalNeed(id="p01", target=3, fixed=frozenset({"e1", "e2"}))
        result = plan([EvaluatorSlot(id="e1", load=1), EvaluatorSlot(id="e2", load=1), *pool(4)[2:]], [proposal])
        assert len(assigned(result, "p01")) == 1
        assert assigned(result, "p01") <= {"e3", "e4"}


class TestLimits:
    def test_conflicted_evaluators_are_never_assigned(self):
        proposal = ProposalNeed(id="p01", target=3, excluded=frozenset({"e1", "e2"}))
        result = plan(pool(5), [proposal])
        assert assigned(result, "p01") == {"e3", "e4", "e5"}

    def test_max_load_is_respected_even_when_it_leaves_proposals_short(self):
        evaluators = [EvaluatorSlot(id="e1", load=1, max_load=2), EvaluatorSlot(id="e2", load=0, max_load=1)]
        result = plan(evaluators, needs(3, target=1))
        assert result.loads == {"e1": 2, "e2": 1}
        assert sum(len(v) for v in result.added.values()) == 2
        [shortage] = result.short.values()
        assert shortage == Shortage(missing=1, candidates=2)

    def test_shortage_counts_the_evaluators_without_a_conflict(self):
        proposal = ProposalNeed(id="p01", target=3, excluded=frozenset({"e3", "e4"}))
        result = plan(pool(4), [proposal])
        assert assigned(result, "p01") == {"e1", "e2"}
        assert result.short == {"p01": Shortage(missing=1, candidates=2)}

    def test_an_empty_pool_leaves_everything_short(self):
        result = plan([], needs(2, target=2))
        assert result.added == {}
        assert result.short == {"p01": Shortage(2, 0), "p02": Shortage(2, 0)}


class TestPreferences:
    def test_expertise_in_the_proposals_priorities_is_preferred(self):
        evaluators = [EvaluatorSlot(id="a", load=0), EvaluatorSlot(id="b", load=0, expertise=frozenset({"creativity"})),
                      EvaluatorSlot(id="c", load=0, expertise=frozenset({"circular_economy"}))]
        proposals = [ProposalNeed(id="p1", target=1, priorities=frozenset({"circular_economy"})),
                     ProposalNeed(id="p2", target=1, priorities=frozenset({"creativity"}))]
        result = plan(evaluators, proposals)
        assert result.added == {"p1": ("c",), "p2": ("b",)}

    def test_a_shared_language_is_preferred(self):
        evaluators = [EvaluatorSlot(id="a", load=0, languages=frozenset({"en"})),
                      EvaluatorSlot(id="b", load=0, languages=frozenset({"en", "pt"}))]
        result = plan(evaluators, [ProposalNeed(id="p1", target=1, languages=frozenset({"pt", "it"}))])
        assert result.added == {"p1": ("b",)}

    def test_balance_comes_before_expertise(self):
        expert = EvaluatorSlot(id="expert", load=0, expertise=frozenset({"creativity"}))
        other = EvaluatorSlot(id="other", load=0)
        result = plan([expert, other], needs(2, target=1, priorities=frozenset({"creativity"})))
        assert result.loads == {"expert": 1, "other": 1}


class TestStability:
    def test_current_assignments_are_kept_when_nothing_is_gained_by_moving_them(self):
        proposals = [ProposalNeed(id="p01", target=1, movable=frozenset({"e2"})),
                     ProposalNeed(id="p02", target=1, movable=frozenset({"e1"}))]
        result = plan([EvaluatorSlot(id="e1", load=0), EvaluatorSlot(id="e2", load=0)], proposals)
        assert result.added == {}
        assert result.removed == {}

    def test_assignments_move_when_that_balances_the_load(self):
        proposals = [ProposalNeed(id=f"p{i}", target=1, movable=frozenset({"e1"})) for i in range(4)]
        result = plan(pool(4), proposals)
        assert result.loads == {"e1": 1, "e2": 1, "e3": 1, "e4": 1}
        assert sum(len(v) for v in result.removed.values()) == 3
        assert sum(len(v) for v in result.added.values()) == 3

    def test_the_same_input_gives_the_same_plan_in_any_order(self):
        evaluators = [EvaluatorSlot(id=f"e{i:02}", load=i % 3, max_load=9, expertise=frozenset({"creativity"})
                                    if i % 2 else frozenset(), languages=frozenset({"it"}) if i % 4 == 0
                                    else frozenset()) for i in range(12)]
        proposals = [ProposalNeed(id=f"p{i:02}", target=3, excluded=frozenset({f"e{i % 12:02}"}),
                                  priorities=frozenset({"creativity"}) if i % 3 else frozenset(),
                                  languages=frozenset({"it"})) for i in range(20)]
        first = plan(evaluators, proposals)
        assert plan(evaluators, proposals) == first
        assert plan(list(reversed(evaluators)), list(reversed(proposals))) == first


class TestOneMore:
    def test_the_least_loaded_without_a_conflict_and_not_on_it(self):
        evaluators = [EvaluatorSlot(id="on_it", load=0), EvaluatorSlot(id="conflicted", load=0),
                      EvaluatorSlot(id="busy", load=3), EvaluatorSlot(id="light", load=1)]
        proposal = ProposalNeed(id="p", target=3, fixed=frozenset({"on_it"}), excluded=frozenset({"conflicted"}))
        assert pick_one(evaluators, proposal) == "light"

    def test_expertise_breaks_a_tie_of_load(self):
        evaluators = [EvaluatorSlot(id="a", load=1), EvaluatorSlot(id="b", load=1, expertise=frozenset({"creativity"}))]
        assert pick_one(evaluators, ProposalNeed(id="p", target=1, priorities=frozenset({"creativity"}))) == "b"

    def test_nobody_with_room_means_none(self):
        evaluators = [EvaluatorSlot(id="full", load=2, max_load=2)]
        assert pick_one(evaluators, ProposalNeed(id="p", target=1)) is None
