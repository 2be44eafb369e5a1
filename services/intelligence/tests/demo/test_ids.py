import uuid

from intelligence.demo import demo_member_organisation_id


class TestDemoMemberOrganisation:
    def test_the_norte_member_organisation_id_is_fixed(self):
        # gateway/tests/test_demo.py asserts the same literal: the two sides must not drift apart
        assert demo_member_organisation_id("PT11") == uuid.UUID("b6ad41ac-608f-565e-8fd4-679d030ae4b9")

    def test_it_follows_the_documented_name_pattern(self):
        expected = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:ES52:01")
        assert demo_member_organisation_id("ES52") == expected
