import pytest
from intelligence.search.schemas import MapCriteria, OpportunityCriteria, OrganisationCriteria, parse_criteria
from pydantic import ValidationError
from tex4im_common.problems import InvalidInput


class TestCriteria:
    def test_codes_are_upper_cased_and_blank_words_ignored(self):
        criteria = OpportunityCriteria(q="   ", region=["pt11"], country=["it"], nace=["c13.20"])
        assert (criteria.q, criteria.region, criteria.country, criteria.nace) == (None, ["PT11"], ["IT"], ["C13.20"])

    def test_open_is_the_default_status(self):
        assert OpportunityCriteria().status == ["open"]

    @pytest.mark.parametrize(
        ("bbox", "box"),
        [("-9.5,40.8,-6.2,42.2", (-9.5, 40.8, -6.2, 42.2)), ("0,0,0,0", (0.0, 0.0, 0.0, 0.0))],
    )
    def test_a_box_is_four_numbers_on_earth(self, bbox, box):
        assert OrganisationCriteria(bbox=bbox).box == box

    @pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "10,0,5,1", "0,-91,1,1", "-181,0,0,1"])
    def test_a_box_that_is_not_one_is_refused(self, bbox):
        with pytest.raises(ValidationError) as refused:
            OrganisationCriteria(bbox=bbox)
        assert [e["loc"] for e in refused.value.errors()] == [("bbox",)]


class TestMapCriteria:
    def test_each_layer_gets_the_filters_it_has(self):
        criteria = MapCriteria(region=["PT11"], kind=["tender", "company"], status=["closed"], size_class=["small"])
        opportunities, organisations = criteria.for_opportunities(), criteria.for_organisations()
        assert (opportunities.region, opportunities.kind, opportunities.status) == (["PT11"], ["tender"], ["closed"])
        assert (organisations.region, organisations.kind, organisations.size_class) == (
            ["PT11"], ["company"], ["small"]
        )

    def test_a_layer_none_of_whose_kinds_is_asked_for_shows_nothing(self):
        criteria = MapCriteria(kind=["university"])
        assert criteria.for_opportunities() is None
        assert criteria.for_organisations().kind == ["university"]

    def test_a_layer_left_out_shows_nothing(self):
        assert MapCriteria(layers="organisations").for_opportunities() is None


class TestParseCriteria:
    def test_stored_criteria_validate_with_the_target_model(self):
        criteria = parse_criteria("organisations", {"size_class": ["micro"]}, field="criteria")
        assert isinstance(criteria, OrganisationCriteria)

    def test_criteria_that_are_not_an_object_are_refused(self):
        with pytest.raises(InvalidInput) as refused:
            parse_criteria("opportunities", ["PT11"], field="body.criteria")
        assert [e.field for e in refused.value.errors] == ["body.criteria"]
