import json
from datetime import date
from pathlib import Path

import pytest
from intelligence.opportunity.adapters.base import FeedUnreadable, ImportContext
from intelligence.opportunity.adapters.een import parse

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def profiles():
    return parse((FIXTURES / "een_profiles.json").read_bytes(), ImportContext("PT11"))


class TestProfiles:
    def test_types_regions_deadlines_and_priorities_of_the_good_profiles(self, profiles):
        good = [p for p in profiles if not p.problems]
        assert [
            (p.item, p.data["source_ref"], p.data["kind"], p.data["region_codes"], p.data["deadline"],
             p.data["priorities"])
            for p in good
        ] == [
            (1, "BOPT20291104001", "business_cooperation", ["PT11"], date(2030, 3, 31), ["creativity"]),
            (2, "TOIT20291010002", "technology_offer", ["ITI1"], date(2030, 5, 15), ["circular_economy"]),
            (3, "TRES20290921003", "technology_request", ["ES52"], date(2030, 1, 20), ["advanced_materials"]),
            (4, "RDRSE20291001004", "rnd", ["SE23"], date(2030, 9, 30), ["industry_4_0", "advanced_materials"]),
            (5, "BRFR20290915005", "business_cooperation", ["FRE1"], None, ["circular_economy"]),
            (6, "TOGR20290901006", "technology_offer", ["EL30"], date(2030, 2, 28),
             ["digital_technologies", "creativity"]),
        ]

    def test_a_profile_becomes_a_public_english_een_record(self, profiles):
        assert profiles[0].data == {
            "title": "Portuguese knitwear manufacturer offers full-package production to fashion brands",
            "kind": "business_cooperation",
            "summary": "A family-owned knitwear company in the Ave valley with 120 employees offers full-package "
                       "production (yarn sourcing, knitting, making-up, finishing) under manufacturing or "
                       "subcontracting agreements.",
            "language": "en",
            "region_codes": ["PT11"],
            "priorities": ["creativity"],
            "nace_codes": ["C14.39"],
            "deadline": date(2030, 3, 31),
            "source": "EEN",
            "source_ref": "BOPT20291104001",
            "link": "https://een.ec.europa.eu/partnering-opportunities/BOPT20291104001",
            "visibility": "public",
        }
        assert profiles[2].data["summary"].startswith("A Valencian home-textile producer")  # from `description`

    def test_a_profile_without_nuts_code_and_one_of_unknown_type_are_refused(self, profiles):
        assert [(p.item, [(x.field, x.message) for x in p.problems]) for p in profiles if p.problems] == [
            (7, [("nutsCode", "no NUTS code: the profile cannot be placed in a region")]),
            (8, [("type", "'EOI' is not an EEN profile type (BO, BR, TO, TR, RDR)")]),
        ]


class TestNutsCodes:
    def parse_one(self, **fields):
        profile = {"reference": "R1", "type": "BO", "title": "T", "summary": "S"} | fields
        return parse(json.dumps([profile]).encode(), ImportContext("PT11"))[0]

    def test_a_nuts_code_outside_the_country_is_refused(self):
        candidate = self.parse_one(country="FR", nutsCode="BE21")
        assert [(p.field, p.message) for p in candidate.problems] == [
            ("nutsCode", "BE21 is not a region of the profile's country FR")
        ]

    def test_a_nuts_1_code_is_too_coarse(self):
        candidate = self.parse_one(nutsCode="FRE")
        assert candidate.problems[0].message == (
            "FRE is a country or NUTS-1 code; a NUTS-2 region (4 characters) is needed"
        )

    def test_greece_and_the_united_kingdom_use_their_nuts_prefixes(self):
        assert self.parse_one(country="GR", nutsCode="EL52").problems == []
        assert self.parse_one(country="GB", nutsCode="UKM7").data["region_codes"] == ["UKM7"]


def test_a_file_that_is_not_json_is_unreadable():
    with pytest.raises(FeedUnreadable) as refused:
        parse(b"<profiles/>", ImportContext("PT11"))
    assert str(refused.value) == "The file is not valid JSON (line 1, column 1: Expecting value)."
