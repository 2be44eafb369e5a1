"""Dating the 2019 call's records in 2019–2022, after the story was told today through the API.

Only timestamps change, and only those of the 2019 call's own records: each kind of step gets its month, each
proposal a few days' offset, so timelines read like the project's history. Events already published keep the
moment they were published (the feed is a record of what the platform did, not of the story's dates).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

STEP_DATES = {  # transition (or timeline kind) → the day it happened, before each proposal's own offset
    "created": "2019-05-06", "partner": "2019-05-20", "version": "2019-09-16", "submit": "2019-09-16",
    "start_screening": "2019-10-01", "screening": "2019-10-08", "admit_to_evaluation": "2019-10-10",
    "reject_ineligible": "2019-10-10", "decision": "2019-12-10", "select_for_portfolio": "2019-12-10",
    "reject_after_evaluation": "2019-12-10", "start_business_plan": "2020-02-03", "identify_funding": "2020-09-14",
    "start_pilot": "2021-03-01", "close": "2022-06-30",
}
PHASES = {"submission": ("2019-05-02", "2019-09-30"), "evaluation": ("2019-10-01", "2019-11-30"),
          "decision": ("2019-12-01", "2019-12-15")}


async def backdate_2019(session: AsyncSession, *, code: str) -> None:
    call_id = await session.scalar(text("SELECT id FROM proposals.call WHERE code = :code"), {"code": code})
    params = {"call": call_id}
    # each proposal's own offset of 0–13 days comes from its reference number: OFFSET in the statements below
    await session.execute(text("""
        UPDATE proposals.timeline_entry t
        SET at = d.day + time '10:00' + make_interval(mins => (extract(epoch FROM t.at)::bigint % 480)::int)
                 -- the panel decided on one day for all; every other step has the proposal's own offset
                 + CASE WHEN d.day = date '2019-12-10' THEN interval '0'
                        ELSE make_interval(days => (right(p.reference, 3)::int * 5) % 14) END
        FROM proposals.proposal p, unnest(CAST(:steps AS text[]), CAST(:days AS date[])) AS d(step, day)
        WHERE p.id = t.proposal_id AND p.call_id = :call AND d.step = coalesce(t.transition, t.kind)
    """), params | {"steps": list(STEP_DATES), "days": [date.fromisoformat(d) for d in STEP_DATES.values()]})
    await session.execute(text("""
        UPDATE proposals.proposal p
        SET created_at = date '2019-05-06' + make_interval(days => (right(p.reference, 3)::int * 5) % 14)
                         + time '09:30',
            first_submitted_at = date '2019-09-16' + make_interval(days => (right(p.reference, 3)::int * 5) % 14)
                                 + time '17:00',
            updated_at = (SELECT max(at) FROM proposals.timeline_entry t WHERE t.proposal_id = p.id)
        WHERE p.call_id = :call
    """), params)
    await session.execute(text("""
        UPDATE proposals.proposal_version v
        SET submitted_at = p.first_submitted_at
        FROM proposals.proposal p WHERE p.id = v.proposal_id AND p.call_id = :call
    """), params)
    await session.execute(text("""
        UPDATE proposals.screening_decision s
        SET decided_at = date '2019-10-08' + make_interval(days => (right(p.reference, 3)::int * 5) % 14)
                         + time '11:00'
        FROM proposals.proposal p WHERE p.id = s.proposal_id AND p.call_id = :call
    """), params)
    await session.execute(text("""
        UPDATE proposals.assignment a SET created_at = '2019-10-14 09:00+00', updated_at = '2019-11-20 16:00+00',
            submitted_at = CASE WHEN a.submitted_at IS NULL THEN NULL ELSE '2019-11-20 16:00+00'::timestamptz END
        FROM proposals.proposal p WHERE p.id = a.proposal_id AND p.call_id = :call
    """), params)
    await session.execute(text("""
        UPDATE proposals.consensus c SET created_at = '2019-12-02 10:00+00', updated_at = '2019-12-04 10:00+00',
            finalised_at = '2019-12-04 10:00+00'
        FROM proposals.proposal p WHERE p.id = c.proposal_id AND p.call_id = :call
    """), params)
    await session.execute(text("""
        UPDATE proposals.decision SET created_at = '2019-12-05 10:00+00', updated_at = '2019-12-05 10:00+00',
            released_at = '2019-12-10 12:00+00' WHERE call_id = :call
    """), params)
    await session.execute(text("""
        UPDATE proposals.notification n SET created_at = '2019-12-10 12:00+00'
        FROM proposals.proposal p WHERE p.id = n.proposal_id AND p.call_id = :call
    """), params)
    for kind, (opens, closes) in PHASES.items():
        await session.execute(text("""
            UPDATE proposals.call_phase SET opens_at = CAST(:opens AS date) + time '09:00',
                closes_at = CAST(:closes AS date) + time '17:00' WHERE call_id = :call AND kind = :kind
        """), params | {"kind": kind, "opens": date.fromisoformat(opens), "closes": date.fromisoformat(closes)})
    await session.execute(text("""
        UPDATE proposals.call SET decisions_released_at = '2019-12-10 12:00+00', created_at = '2019-04-15 09:00+00'
        WHERE id = :call
    """), params)

