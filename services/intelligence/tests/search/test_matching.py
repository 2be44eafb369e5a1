from datetime import date, timedelta

from intelligence.search.matching import OpportunityProfile, OrganisationProfile, Reason, adjacent, score

TODAY = date(2027, 3, 1)
PARTNERSHIP = frozenset({"CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21", "SE23"})
COMPANY = OrganisationProfile(
    region_code="PT11", country_code="PT", priorities=frozenset({"circular_economy", "advanced_materials"}),
    nace_codes=frozenset({"C13.20"}), value_chain=frozenset({"fabric"}), has_capabilities=True,
)
RECYCLED_DENIM = OpportunityProfile(
    kind="technology_request", priorities=frozenset({"circular_economy", "advanced_materials"}),
    nace_codes=frozenset({"C13.30"}), value_chain=frozenset({"fabric"}), region_codes=("PT11", "ITI1"),
    country_codes=frozenset({"PT", "IT"}), deadline=TODAY + timedelta(days=45),
    request_words=frozenset({"recycl", "denim", "fabric", "want", "look", "weav", "mill", "cotton"}),
    capability_words={"recycl": "recycled", "cotton": "cotton", "weav": "weaving", "denim": "denim",
                      "finish": "finishing"},
)
FINISHING_LINE = OpportunityProfile(
    kind="business_cooperation", priorities=frozenset({"circular_economy", "industry_4_0"}),
    value_chain=frozenset({"finishing"}), region_codes=("ITI1",), country_codes=frozenset({"IT"}),
    deadline=TODAY + timedelta(days=3),
)
GARMENT_FAIR = OpportunityProfile(
    kind="event", priorities=frozenset({"creativity"}), nace_codes=frozenset({"N82.30"}),
    value_chain=frozenset({"retail"}), region_codes=("PT11",), country_codes=frozenset({"PT"}),
)


def fit(opportunity, organisation=COMPANY):
    return score(organisation, opportunity, today=TODAY, partnership_regions=PARTNERSHIP)


class TestScoring:
    def test_a_close_fit_lists_every_reason_with_its_points(self):
        match = fit(RECYCLED_DENIM)
        assert match.reasons == [
            Reason("shared_priorities", {"priorities": ["advanced_materials", "circular_economy"]},
                   "Shared priorities: advanced textile materials, circular economy.", 20),
            Reason("nace_division", {"divisions": ["C13"]}, "Same NACE division: C13.", 20),
            Reason("value_chain_same", {"steps": ["fabric"]}, "Same value-chain step: fabric.", 15),
            Reason("same_region", {"region": "PT11"}, "In your region (PT11).", 12),
            Reason("interregional", {"regions": ["ITI1"]}, "Interregional: partnership region ITI1.", 8),
            Reason("deadline_open", {"days_left": 45, "deadline": "2027-04-15"},
                   "Open for another 45 days (deadline 2027-04-15).", 5),
            Reason("keyword_overlap", {"keywords": ["cotton", "denim", "recycled", "weaving"]},
                   "Matches your capabilities: cotton, denim, recycled, weaving.", 10),
        ]
        assert match.mismatches == []
        assert match.score == 90

    def test_a_near_deadline_is_a_mismatch_that_costs_points(self):
        match = fit(FINISHING_LINE)
        assert [(r.code, r.params, r.points) for r in match.reasons] == [
            ("shared_priorities", {"priorities": ["circular_economy"]}, 10),
            ("value_chain_adjacent", {"pairs": [["fabric", "finishing"]]}, 8),
            ("interregional", {"regions": ["ITI1"]}, 8),
        ]
        assert match.mismatches == [
            Reason("deadline_soon", {"days_left": 3, "deadline": "2027-03-04"}, "The deadline is in 3 days.", -5)
        ]
        assert match.score == 21

    def test_a_weak_fit_says_why(self):
        match = fit(GARMENT_FAIR)
        assert [r.code for r in match.reasons] == ["same_region"]
        assert match.mismatches == [
            Reason("no_shared_priority", {"priorities": ["creativity"]}, "No thematic priority in common.", 0),
            Reason("nace_mismatch", {"divisions": ["N82"]}, "Asks for NACE N82.", 0),
            Reason("value_chain_distant", {"steps": ["retail"]}, "Works elsewhere in the value chain (retail).", 0),
        ]
        assert match.score == 12

    def test_the_three_rank_in_order_of_fit(self):
        ranked = sorted([GARMENT_FAIR, FINISHING_LINE, RECYCLED_DENIM], key=lambda o: -fit(o).score)
        assert ranked == [RECYCLED_DENIM, FINISHING_LINE, GARMENT_FAIR]


class TestRules:
    def test_recycling_closes_the_loop_back_to_fibre(self):
        assert adjacent("recycling", "fibre")
        assert adjacent("yarn", "fibre")
        assert not adjacent("fibre", "fabric")

    def test_the_same_country_counts_when_the_region_differs(self):
        elsewhere = OpportunityProfile(kind="event", region_codes=("PT16",), country_codes=frozenset({"PT"}))
        assert [(r.code, r.params, r.points) for r in fit(elsewhere).reasons] == [
            ("same_country", {"country": "PT"}, 6)
        ]

    def test_a_place_far_away_is_a_mismatch(self):
        far = OpportunityProfile(kind="event", region_codes=("DE11",), country_codes=frozenset({"DE"}))
        assert fit(far).mismatches == [Reason("no_place_match", {"places": ["DE11", "DE"]}, "Elsewhere: DE11, DE.", 0)]

    def test_shared_priorities_and_keywords_are_capped(self):
        everything = frozenset({"circular_economy", "industry_4_0", "digital_technologies", "advanced_materials"})
        organisation = OrganisationProfile(region_code=None, country_code="SE", priorities=everything,
                                           has_capabilities=True)
        request = OpportunityProfile(
            kind="tender", priorities=everything, request_words=frozenset({"knit", "dye", "print"}),
            capability_words={"knit": "knitting", "dye": "dyeing", "print": "printing"},
        )
        match = fit(request, organisation)
        assert [(r.code, r.points) for r in match.reasons] == [("shared_priorities", 30), ("keyword_overlap", 10)]
        assert match.reasons[1].params == {"keywords": ["dyeing", "knitting", "printing"]}

    def test_a_request_without_a_capability_word_says_so(self):
        request = OpportunityProfile(kind="technology_request", request_words=frozenset({"laser"}),
                                     capability_words={"weav": "weaving"})
        assert [m.code for m in fit(request).mismatches] == ["no_keyword_overlap"]

    def test_the_score_never_drops_below_zero(self):
        rushed = OpportunityProfile(kind="event", deadline=TODAY)
        match = fit(rushed)
        assert match.mismatches[0].text == "The deadline is today."
        assert match.score == 0
