"""The automatic checklist, rule by rule, over records built in memory (no database)."""

import uuid

from proposals.call.models import CallField
from proposals.proposal.models import ProposalPartner
from proposals.screening import checks
from proposals.vocab import CheckOutcome

NORTE_MILL = uuid.UUID("00000000-0000-4000-8000-00000000a001")
VALENCIA_LAB = uuid.UUID("00000000-0000-4000-8000-00000000a002")


def partner(region, status="confirmed", organisation_id=None):
    return ProposalPartner(organisation_id=organisation_id or uuid.uuid4(), region_code=region, status=status,
                           invited_by="someone")


COMPLETE = {
    "title": "Recycled fibre pilot line", "summary": "A pilot line.", "priorities": ["circular_economy"], "trl": 5,
    "budget_eur": "500000.00", "requested_eur": "250000.00", "answers": {"market": "EU outdoor apparel"},
}
MARKET = CallField(key="market", label="Target market", type="long_text", required=True, position=0)
OPTIONAL = CallField(key="notes", label="Notes", type="text", required=False, position=1)


class TestRegionQuota:
    def test_no_limit_on_the_call_passes(self):
        check = checks.region_quota(region_code="ITI1", submitted=9, maximum=None)
        assert check.outcome == CheckOutcome.passed
        assert check.detail == "The call sets no limit of proposals per region."

    def test_within_the_limit_counting_this_one_passes(self):
        check = checks.region_quota(region_code="ITI1", submitted=2, maximum=2)
        assert check.outcome == CheckOutcome.passed
        assert check.detail == "2 proposals from ITI1 submitted to this call, this one included; the call allows 2."
        assert check.figures == {"region_code": "ITI1", "submitted": 2, "maximum": 2}

    def test_over_the_limit_fails(self):
        check = checks.region_quota(region_code="ITI1", submitted=3, maximum=2)
        assert check.outcome == CheckOutcome.failed
        assert check.detail == (
            "3 proposals from ITI1 submitted to this call, this one included; the call allows only 2."
        )


class TestPartnerRegions:
    def test_lead_and_confirmed_partners_from_enough_regions_pass(self):
        check = checks.partner_regions(lead_region="ITI1", partners=[partner("ES52"), partner("ES52")], minimum=2)
        assert check.outcome == CheckOutcome.passed
        assert check.figures == {"regions": ["ES52", "ITI1"], "count": 2, "minimum": 2}

    def test_invited_and_declined_partners_do_not_count(self):
        check = checks.partner_regions(
            lead_region="ITI1", partners=[partner("ES52", "invited"), partner("PT11", "declined"), partner("ITI1")],
            minimum=2,
        )
        assert check.outcome == CheckOutcome.failed
        assert check.detail == (
            "The lead and confirmed partners come from only 1 region (ITI1); the call asks for 2."
        )


class TestPriorities:
    def test_a_call_without_a_list_takes_every_priority(self):
        check = checks.priorities(proposed=["creativity"], eligible=[])
        assert check.outcome == CheckOutcome.passed

    def test_one_eligible_priority_is_enough(self):
        check = checks.priorities(proposed=["creativity", "circular_economy"], eligible=["circular_economy"])
        assert check.outcome == CheckOutcome.passed
        assert check.figures["matching"] == ["circular_economy"]

    def test_no_eligible_priority_fails(self):
        check = checks.priorities(proposed=["creativity"], eligible=["circular_economy", "industry_4_0"])
        assert check.outcome == CheckOutcome.failed
        assert check.detail == (
            "None of the proposal's priorities is one of the call's: circular_economy, industry_4_0."
        )


class TestCompleteness:
    def test_a_complete_version_passes(self):
        check = checks.completeness(content=COMPLETE, version=2, fields=[MARKET, OPTIONAL])
        assert check.outcome == CheckOutcome.passed
        assert check.detail == "Version 2 answers every required field."
        assert check.figures == {"version": 2, "missing": []}

    def test_blank_standard_fields_and_required_answers_are_named(self):
        content = COMPLETE | {"summary": "   ", "priorities": [], "trl": None, "answers": {"market": ""}}
        check = checks.completeness(content=content, version=1, fields=[MARKET, OPTIONAL])
        assert check.outcome == CheckOutcome.failed
        assert check.figures["missing"] == [
            "Summary", "Thematic priorities", "Technology readiness level", "Target market",
        ]

    def test_false_is_an_answer(self):
        flag = CallField(key="sme", label="Lead is an SME", type="boolean", required=True, position=2)
        check = checks.completeness(content=COMPLETE | {"answers": {"market": "x", "sme": False}}, version=1,
                                    fields=[MARKET, flag])
        assert check.outcome == CheckOutcome.passed

    def test_never_submitted_fails(self):
        check = checks.completeness(content=None, version=None, fields=[MARKET])
        assert check.outcome == CheckOutcome.failed
        assert check.detail == "The proposal has never been submitted: no frozen version."


class TestPartnersConfirmed:
    def test_all_answered_passes(self):
        check = checks.partners_confirmed(partners=[partner("ES52"), partner("PT11", "declined")], names={})
        assert check.outcome == CheckOutcome.passed

    def test_a_partner_still_invited_is_for_the_manager_to_judge(self):
        invited = partner("PT11", "invited", NORTE_MILL)
        check = checks.partners_confirmed(partners=[partner("ES52"), invited], names={NORTE_MILL: "Fiação do Ave"})
        assert check.outcome == CheckOutcome.manual
        assert check.detail == (
            "Still invited, not confirmed: Fiação do Ave. Judge whether the proposal stands without them."
        )
        assert check.figures == {"invited": [{"organisation_id": str(NORTE_MILL), "name": "Fiação do Ave"}]}


class TestSnapshots:
    def test_failed_keys_are_read_from_live_checks_and_stored_snapshots(self):
        live = [checks.region_quota(region_code="ITI1", submitted=3, maximum=2),
                checks.priorities(proposed=["creativity"], eligible=[])]
        assert checks.failed(live) == ["region_quota"]
        assert checks.failed([c.as_json() for c in live]) == ["region_quota"]

    def test_the_version_a_snapshot_was_taken_on(self):
        snapshot = [checks.completeness(content=COMPLETE, version=3, fields=[]).as_json()]
        assert checks.decided_on_version(snapshot) == 3
        assert checks.decided_on_version([]) is None
