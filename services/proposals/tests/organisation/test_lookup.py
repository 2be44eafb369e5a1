import uuid

import pytest
from proposals.errors import OrganisationUnknown
from proposals.organisation import lookup

from tests import factories


class TestGetMany:
    async def test_known_ids_in_one_answer_and_unknown_ones_left_out(self, session):
        rossi = await factories.organisation(session, region="ITI1", name="Lanificio Rossi")
        gone = await factories.organisation(session, region="ES52", name="Tintes (closed)", deleted=True)
        found = await lookup.get_many(session, [rossi.id, gone.id, uuid.uuid4(), None])
        assert {k: v.name for k, v in found.items()} == {rossi.id: "Lanificio Rossi", gone.id: "Tintes (closed)"}
        assert await lookup.get_many(session, []) == {}


class TestRequireKnown:
    async def test_a_current_organisation_is_itself(self, session):
        rossi = await factories.organisation(session, region="ITI1")
        assert (await lookup.require_known(session, rossi.id, field="body.lead_organisation_id")).id == rossi.id

    async def test_merges_are_followed_to_the_kept_record(self, session):
        kept = await factories.organisation(session, region="ITI1", name="Rossi Group")
        middle = await factories.organisation(session, region="ITI1", merged_into_id=kept.id)
        first = await factories.organisation(session, region="ITI1", merged_into_id=middle.id)
        assert (await lookup.require_known(session, first.id, field="f")).name == "Rossi Group"

    async def test_unknown_deleted_and_circular_records_are_refused_naming_the_field(self, session):
        gone = await factories.organisation(session, region="ITI1", deleted=True)
        merged_into_gone = await factories.organisation(session, region="ITI1", merged_into_id=gone.id)
        loop_a = await factories.organisation(session, region="ITI1")
        loop_b = await factories.organisation(session, region="ITI1", merged_into_id=loop_a.id)
        loop_a.merged_into_id = loop_b.id
        await session.flush()
        unknown = uuid.uuid4()
        cases = [(unknown, "organisation_unknown"), (gone.id, "organisation_deleted"),
                 (merged_into_gone.id, "organisation_deleted"), (loop_a.id, "organisation_unknown")]
        for organisation_id, code in cases:
            with pytest.raises(OrganisationUnknown) as refused:
                await lookup.require_known(session, organisation_id, field="body.organisation_id")
            [problem] = refused.value.errors
            assert (problem.field, problem.code) == ("body.organisation_id", code)
        assert refused.value.status == 422
