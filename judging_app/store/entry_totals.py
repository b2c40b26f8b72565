"""Per-entry totals of the counted scores, kept in step with the scores.

`entry_round_totals` (per entry and round: counted sheets, and the sum of their sheet
numerators) and `entry_criterion_totals` (sum, count, minimum, maximum of an entry's
counted scores per criterion) are derived data: results read them instead of aggregating
hundreds of thousands of scores each time. A sheet counts when it is submitted and its
judge has no conflict with the entry; whether the entry is eligible is decided when reading.

A sheet's numerator is Σ weight_milli × value_milli × (L / max_milli) with L the lcm of the
round's max_milli (store.score_queries): it depends on the rubric, which cannot change
while the round has a submitted sheet (it must be reopened, which turns every sheet back
into a draft), so a round with totals always has the rubric they were computed with. Rubric
changes refresh the round anyway.

Every write that changes which sheets count or their scores calls `refresh` for the
entries it touched, in its own transaction: submitting and reopening sheets, bulk merges of
returns and workbooks, conflicts, rubric changes, and the demo. `refresh` recomputes those
entries from the scores (it never adds deltas), so calling it too often is harmless.
`differences` compares the tables with a fresh computation: `judging-app db verify-totals`
and the test suite's teardown use it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

_COUNTED_SHEET = (
    "sh.state = 'submitted' AND NOT EXISTS (SELECT 1 FROM conflicts cf"
    " WHERE cf.judge_id = sh.judge_id AND cf.entry_id = sh.entry_id)"
)
_ROUND_TOTALS = (
    "SELECT sh.round_id, sh.entry_id, COUNT(*), 0 FROM score_sheets sh WHERE " + _COUNTED_SHEET
)
_CRITERION_TOTALS = (
    "SELECT sh.round_id, s.criterion_id, sh.entry_id, SUM(s.value_milli), COUNT(*),"
    " MIN(s.value_milli), MAX(s.value_milli)"
    " FROM scores s JOIN score_sheets sh ON sh.id = s.sheet_id WHERE " + _COUNTED_SHEET
)
_ROUND_GROUP = " GROUP BY sh.round_id, sh.entry_id"
_CRITERION_GROUP = " GROUP BY sh.round_id, s.criterion_id, sh.entry_id"
_INSERT_ROUND = "INSERT INTO entry_round_totals (round_id, entry_id, sheets, numerator) "
_INSERT_CRITERION = (
    "INSERT INTO entry_criterion_totals"
    " (round_id, criterion_id, entry_id, total_milli, score_count, min_milli, max_milli) "
)
# The numerators, from the criterion totals just written: Σ over criteria of
# weight_milli × (L / max_milli) × the entry's sum of scores on the criterion.
_SET_NUMERATORS = (
    "UPDATE entry_round_totals SET numerator = COALESCE((SELECT SUM(CAST(t.total_milli AS"
    " BIGINT) * c.weight_milli * (CAST(:lcm AS BIGINT) / c.scale_max_milli))"
    " FROM entry_criterion_totals t JOIN criteria c ON c.id = t.criterion_id"
    " WHERE t.entry_id = entry_round_totals.entry_id"
    " AND t.round_id = entry_round_totals.round_id), 0) WHERE round_id = :round_id"
)
CHUNK = 500  # entries per statement: well inside every backend's limit on parameters


def _expanding(sql: str):
    return text(sql).bindparams(bindparam("ids", expanding=True))


def round_lcms(session: Session, round_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Round id -> L, the lcm of its criteria's max_milli (as store.score_queries)."""
    maxima: dict[int, list[int]] = {}
    for rid, top in session.execute(text("SELECT round_id, scale_max_milli FROM criteria")):
        maxima.setdefault(rid, []).append(top)
    wanted = maxima.keys() if round_ids is None else set(round_ids) & maxima.keys()
    return {rid: math.lcm(*maxima[rid]) for rid in wanted}


def refresh(session: Session, entry_ids: Iterable[int]) -> None:
    """Recompute the totals of these entries (every round) from their scores."""
    ids = sorted(set(entry_ids))
    if not ids:
        return
    session.flush()
    for start in range(0, len(ids), CHUNK):
        chunk = {"ids": ids[start:start + CHUNK]}
        for sql in (
            "DELETE FROM entry_round_totals WHERE entry_id IN :ids",
            "DELETE FROM entry_criterion_totals WHERE entry_id IN :ids",
            _INSERT_ROUND + _ROUND_TOTALS + " AND sh.entry_id IN :ids" + _ROUND_GROUP,
            _INSERT_CRITERION + _CRITERION_TOTALS + " AND sh.entry_id IN :ids" + _CRITERION_GROUP,
        ):
            session.execute(_expanding(sql), chunk)
        rounds = session.execute(_expanding(
            "SELECT DISTINCT round_id FROM entry_round_totals WHERE entry_id IN :ids"), chunk
        ).scalars().all()
        for rid, lcm in round_lcms(session, rounds).items():
            session.execute(_expanding(_SET_NUMERATORS + " AND entry_id IN :ids"),
                            {**chunk, "round_id": rid, "lcm": lcm})


def refresh_round(session: Session, round_id: int) -> None:
    """Recompute the totals of every entry with totals in a round (after a rubric change)."""
    session.flush()
    refresh(session, session.execute(
        text("SELECT entry_id FROM entry_round_totals WHERE round_id = :r"), {"r": round_id}
    ).scalars().all())


def rebuild(session: Session) -> None:
    """Recompute every entry's totals (after bulk loading)."""
    session.flush()
    for sql in ("DELETE FROM entry_round_totals", "DELETE FROM entry_criterion_totals",
                _INSERT_ROUND + _ROUND_TOTALS + _ROUND_GROUP,
                _INSERT_CRITERION + _CRITERION_TOTALS + _CRITERION_GROUP):
        session.execute(text(sql))
    for rid, lcm in round_lcms(session).items():
        session.execute(text(_SET_NUMERATORS), {"round_id": rid, "lcm": lcm})


def differences(session: Session, limit: int = 20) -> list[str]:
    """What the stored totals get wrong compared with the scores (empty when in step)."""
    criteria = {cid: (rid, weight, top) for cid, rid, weight, top in session.execute(text(
        "SELECT id, round_id, weight_milli, scale_max_milli FROM criteria"))}
    lcms = round_lcms(session)
    fresh_criteria = {tuple(int(v) for v in r)
                      for r in session.execute(text(_CRITERION_TOTALS + _CRITERION_GROUP))}
    numerators: dict[tuple[int, int], int] = {}
    for rid, cid, eid, total, *_ in fresh_criteria:
        _r, weight, top = criteria[cid]
        numerators[(rid, eid)] = numerators.get((rid, eid), 0) + total * weight * (lcms[rid] // top)
    fresh_rounds = {(rid, eid, int(n), numerators.get((rid, eid), 0))
                    for rid, eid, n, _ in session.execute(text(_ROUND_TOTALS + _ROUND_GROUP))}
    out: list[str] = []
    for name, stored_sql, fresh in (
        ("entry_round_totals",
         "SELECT round_id, entry_id, sheets, numerator FROM entry_round_totals", fresh_rounds),
        ("entry_criterion_totals",
         "SELECT round_id, criterion_id, entry_id, total_milli, score_count, min_milli,"
         " max_milli FROM entry_criterion_totals", fresh_criteria),
    ):
        stored = {tuple(int(v) for v in r) for r in session.execute(text(stored_sql))}
        for row in sorted(fresh - stored)[:limit]:
            out.append(f"{name}: missing or wrong, should be {row}")
        for row in sorted(stored - fresh)[:limit]:
            out.append(f"{name}: stale row {row}")
    return out
