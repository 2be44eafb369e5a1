from datetime import timedelta

import pytest
from proposals.call.models import Call
from sqlalchemy import func, select
from tests.call.conftest import NOW, call_body, iso

DEFAULT_RUBRIC = [
    ("excellence", "Excellence & innovation", "30.00", "3.00"),
    ("impact", "Impact on the regions' value chains", "30.00", "3.00"),
    ("implementation", "Quality of implementation", "20.00", "3.00"),
    ("partnership", "Interregional partnership", "20.00", "3.00"),
]


async def call_count(session) -> int:
    return await session.scalar(select(func.count()).select_from(Call))


class TestAdminOpensACall:
    async def test_a_new_call_is_a_draft_with_the_default_pipeline_and_rubric(self, client, admin, events_of):
        response = await client.post("/calls", json=call_body(), headers=admin)
        assert response.status_code == 201
        created = response.json()
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/calls/{created['id']}"
        assert (created["code"], created["kind"], created["year"], created["status"]) == (
            "TEX4IM-2027-1", "dated", None, "draft",
        )
        assert created["submission_open"] is False  # a draft is not open, whatever its dates
        assert [(c["key"], c["title"], c["weight"], c["threshold"]) for c in created["criteria"]] == DEFAULT_RUBRIC
        assert [s["key"] for s in created["pipeline"]["stages"]] == [
            "draft", "submitted", "screening", "evaluation", "portfolio", "business_plan", "investment", "pilot",
            "closed", "rejected", "withdrawn",
        ]
        submit = created["pipeline"]["transitions"][0]
        assert submit == {"key": "submit", "label": "Submit", "from_stage": "draft", "to_stage": "submitted",
                          "actors": ["applicant"], "guard": "submission_ready", "comment_required": False}
        assert [p["kind"] for p in created["phases"]] == ["submission", "evaluation", "decision"]
        assert created["fields"][1] == {
            "key": "product_stage", "label": "Product stage", "help_text": "", "type": "choice", "required": False,
            "private_to_evaluators": False, "frozen_after": None, "options": ["prototype", "pilot", "market"],
            "max_length": None,
        }
        assert created["targets"] == [
            {"metric": "proposals", "region_code": None, "year": None, "target": 24},
            {"metric": "proposals", "region_code": "ITI1", "year": None, "target": 3},
        ]
        assert (created["min_partner_regions"], created["min_evaluators"], created["divergence_threshold"],
                created["overall_threshold"], created["feedback_policy"]) == (2, 3, "2.00", "3.00",
                                                                              "scores_and_comments")
        assert created["tie_breaks"] == ["higher_criterion", "more_partner_regions", "earlier_submission"]
        [(kind, payload)] = await events_of(created["id"])
        assert kind == "call.created"
        assert payload == {"id": created["id"], "code": "TEX4IM-2027-1", "title": created["title"], "kind": "dated",
                           "year": None, "status": "draft", "version": 1}

    async def test_criteria_and_rules_given_are_stored_as_given(self, client, admin):
        response = await client.post("/calls", json=call_body(
            kind="permanent", year=2027, code="TEX4IM-PERM-2027", min_partner_regions=3, max_proposals_per_region=3,
            exclude_own_region_evaluators=True, selected_count=10, reserve_count=4, max_selected_per_region=2,
            tie_breaks=["earlier_submission"], feedback_policy="scores", eligible_priorities=["creativity"],
            criteria=[{"key": "market_fit", "title": "Market fit", "weight": "0.7", "threshold": "2.5"},
                      {"key": "team", "title": "Team", "weight": 0.3}],
        ), headers=admin)
        assert response.status_code == 201, response.text
        created = response.json()
        assert [(c["key"], c["weight"], c["threshold"]) for c in created["criteria"]] == [
            ("market_fit", "0.70", "2.50"), ("team", "0.30", "0.00"),
        ]
        assert (created["kind"], created["year"], created["min_partner_regions"], created["max_proposals_per_region"],
                created["exclude_own_region_evaluators"], created["selected_count"], created["reserve_count"],
                created["max_selected_per_region"], created["tie_breaks"], created["feedback_policy"],
                created["eligible_priorities"]) == (
            "permanent", 2027, 3, 3, True, 10, 4, 2, ["earlier_submission"], "scores", ["creativity"],
        )

    async def test_only_the_admin_opens_calls(self, client, session, manager, member):
        assert (await client.post("/calls", json=call_body(), headers=manager)).status_code == 403
        response = await client.post("/calls", json=call_body(), headers=member)
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may open calls."
        assert (await client.post("/calls", json=call_body())).status_code == 401
        assert await call_count(session) == 0

    async def test_a_retry_with_the_same_key_creates_one_call(self, client, session, admin):
        headers = admin | {"Idempotency-Key": "open-call-2027-1"}
        first = await client.post("/calls", json=call_body(), headers=headers)
        again = await client.post("/calls", json=call_body(), headers=headers)
        assert first.status_code == again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]
        assert await call_count(session) == 1

    async def test_a_code_in_use_is_a_409_naming_the_field(self, client, session, admin):
        await client.post("/calls", json=call_body(), headers=admin)
        response = await client.post("/calls", json=call_body(code="tex4im-2027-1"), headers=admin)
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:call-code-taken"
        assert problem["errors"] == [{"field": "body.code", "message": "'tex4im-2027-1' is taken", "code": "taken"}]
        assert await call_count(session) == 1


def phase(kind, opens_days, closes_days):
    return {"kind": kind, "opens_at": iso(NOW + timedelta(days=opens_days)),
            "closes_at": iso(NOW + timedelta(days=closes_days))}


TEXT = {"key": "market", "label": "Target market", "type": "text"}
CRITERION = {"key": "impact", "title": "Impact", "weight": 1}

# (what is wrong, the body's changes, the one field problem expected: field, code)
FAULTS = [
    ("permanent call without a year", {"kind": "permanent"}, "body.year", "missing"),
    ("dated call with a year", {"year": 2027}, "body.year", "not_allowed"),
    ("year out of range", {"kind": "permanent", "year": 1999}, "body.year", "greater_than_equal"),
    ("unknown kind", {"kind": "rolling"}, "body.kind", "enum"),
    ("code with spaces", {"code": "TEX4IM 2027"}, "body.code", "string_pattern_mismatch"),
    ("phase closing before it opens", {"phases": [phase("submission", 5, 1)]}, "body.phases.0.closes_at",
     "before_opening"),
    ("evaluation before submission closes", {"phases": [phase("submission", 0, 30), phase("evaluation", 20, 50)]},
     "body.phases.1.opens_at", "out_of_order"),
    ("decision before evaluation closes", {"phases": [phase("decision", 40, 50), phase("evaluation", 31, 45),
                                                      phase("submission", 0, 30)]},
     "body.phases.0.opens_at", "out_of_order"),
    ("two submission phases", {"phases": [phase("submission", 0, 10), phase("submission", 20, 30)]},
     "body.phases.1.kind", "duplicate"),
    ("a date without a time zone", {"phases": [{"kind": "submission", "opens_at": "2027-01-01T00:00:00",
                                                "closes_at": "2027-02-01T00:00:00Z"}]},
     "body.phases.0.opens_at", "timezone_aware"),
    ("field keys repeated", {"fields": [TEXT, TEXT | {"label": "Again"}]}, "body.fields.1.key", "duplicate"),
    ("field key not an identifier", {"fields": [TEXT | {"key": "Target market"}]}, "body.fields.0.key",
     "string_pattern_mismatch"),
    ("choice field without options", {"fields": [TEXT | {"type": "choice"}]}, "body.fields.0.options", "missing"),
    ("options on a text field", {"fields": [TEXT | {"options": ["a"]}]}, "body.fields.0.options", "not_allowed"),
    ("an option repeated", {"fields": [TEXT | {"type": "choice", "options": ["a", "b", "a"]}]},
     "body.fields.0.options.2", "duplicate"),
    ("max length on a number field", {"fields": [TEXT | {"type": "number", "max_length": 5}]},
     "body.fields.0.max_length", "not_allowed"),
    ("unknown field type", {"fields": [TEXT | {"type": "file"}]}, "body.fields.0.type", "enum"),
    ("criteria keys repeated", {"criteria": [CRITERION, CRITERION]}, "body.criteria.1.key", "duplicate"),
    ("a zero weight", {"criteria": [CRITERION | {"weight": 0}]}, "body.criteria.0.weight", "greater_than"),
    ("a threshold above 5", {"criteria": [CRITERION | {"threshold": 6}]}, "body.criteria.0.threshold",
     "less_than_equal"),
    ("a negative threshold", {"criteria": [CRITERION | {"threshold": -1}]}, "body.criteria.0.threshold",
     "greater_than_equal"),
    ("targets for the same scope", {"targets": [{"metric": "pilots", "year": 2027, "target": 5},
                                                {"metric": "pilots", "year": 2027, "target": 6}]},
     "body.targets.1", "duplicate"),
    ("a region that is not NUTS-2", {"targets": [{"metric": "proposals", "region_code": "Toscana", "target": 3}]},
     "body.targets.0.region_code", "string_pattern_mismatch"),
    ("a negative target", {"targets": [{"metric": "proposals", "target": -1}]}, "body.targets.0.target",
     "greater_than_equal"),
    ("an unknown tie break", {"tie_breaks": ["coin_toss"]}, "body.tie_breaks.0", "enum"),
    ("a tie break repeated", {"tie_breaks": ["earlier_submission", "higher_criterion", "earlier_submission"]},
     "body.tie_breaks.2", "duplicate"),
    ("an unknown priority", {"eligible_priorities": ["sustainability"]}, "body.eligible_priorities.0", "literal_error"),
    ("two partner regions out of range", {"min_partner_regions": 9}, "body.min_partner_regions", "less_than_equal"),
    ("an unknown field", {"budget_cap": 5}, "body.budget_cap", "extra_forbidden"),
]


class TestConfigurationFaults:
    @pytest.mark.parametrize(("fault", "changes", "field", "code"), FAULTS, ids=[f[0] for f in FAULTS])
    async def test_each_fault_is_one_field_problem_and_nothing_is_written(
        self, client, session, admin, fault, changes, field, code
    ):
        response = await client.post("/calls", json=call_body(**changes), headers=admin)
        assert response.status_code == 422, response.text
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [(field, code)]
        assert await call_count(session) == 0

    async def test_every_fault_of_a_body_is_reported_at_once(self, client, admin):
        response = await client.post("/calls", json=call_body(
            kind="permanent", phases=[phase("submission", 5, 1)], fields=[TEXT, TEXT],
            criteria=[CRITERION, CRITERION], tie_breaks=["higher_criterion", "higher_criterion"],
        ), headers=admin)
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:invalid-call"
        assert [(e["field"], e["code"]) for e in problem["errors"]] == [
            ("body.year", "missing"), ("body.tie_breaks.1", "duplicate"), ("body.phases.0.closes_at", "before_opening"),
            ("body.fields.1.key", "duplicate"), ("body.criteria.1.key", "duplicate"),
        ]
        assert problem["errors"][3]["message"] == "'market' is already the key of fields.0"
