import pytest
from intelligence.opportunity.adapters.keywords import priorities_for


class TestKeywordsToPriorities:
    @pytest.mark.parametrize(("keywords", "priorities"), [
        (["Recycling of textiles"], ["circular_economy"]),
        (["Textile design"], ["creativity"]),
        (["Eco-design"], ["circular_economy"]),
        (["Digital platforms", "Robotics"], ["industry_4_0", "digital_technologies"]),
        (["IoT"], ["industry_4_0"]),
        (["Patriotic fabrics", "Designer"], []),  # whole words only
        (["Smart textiles", "Fashion", "Wastewater"], ["advanced_materials", "creativity"]),
    ])
    def test_a_keyword_counts_for_a_priority_when_a_term_is_a_whole_word_of_it(self, keywords, priorities):
        assert priorities_for(keywords) == priorities
