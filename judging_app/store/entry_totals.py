"""Per-entry totals of the counted scores, kept in step with the scores.

`entry_round_totals` (per entry and round: counted sheets, and the sum of their sheet
numerators) and `entry_criterion_totals` (sum, count, minimum, maximum of an entry's
counted scores per criterion) are derived data: results read them instead of aggregating
hundreds of thousands of scores each time. A sheet counts when it is submitted and its
judge has no conflict with the entry; whether the entry is eligible is decided when reading.

A sheet's numerator is Σ weight_milli × value_milli × (L / max_milli) with L the lcm of the
round's max_milli (store.score_queries), and `criteria_key` (core.scoring.criteria_keys)
orders the criteria by weight: both depend on the rubric, which cannot change
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

from judging_app.core.scoring.criteria_keys import mean_criteria_key

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
CHUNK = 500  # entries per statement: well inside every backend's limit on parameters


def _expanding(sql: str):
    return text(sql).bindparams(bindparam("ids", expanding=True))


class _Rubrics:
    """What the per-entry numerator and criteria key need of every round's criteria."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(text(
            "SELECT id, round_id, weight_milli, scale_max_milli, position FROM criteria")).all()
        self.order: dict[int, list[int]] = {}  # round -> criteria in tie-break order
        for cid, rid, _w, _m, _p in sorted(rows, key=lambda c: (c[1], -c[2], c[4])):
            self.order.setdefault(rid, []).append(cid)
        lcms = {rid: math.lcm(*(m for _c, r, _w, m, _p in rows if r == rid)) for rid in self.order}
        # criterion -> weight_milli × (L / max_milli): a numerator is Σ factor × score sum
        self.factor = {cid: w * (lcms[rid] // m) for cid, rid, w, m, _p in rows}

    def derived(self, pairs: Iterable[tuple[int, int]], totals: Iterable[tuple]
                ) -> dict[tuple[int, int], tuple[int, bytes | None]]:
        """(round, entry) -> (numerator, criteria key), from (round, entry, criterion, sum,
        count) rows of the criterion totals."""
        by_pair: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}
        for rid, eid, cid, total, count in totals:
            by_pair.setdefault((rid, eid), {})[cid] = (int(total), int(count))
        out = {}
        factor = self.factor
        for rid, eid in pairs:
            values = by_pair.get((rid, eid), {})
            numerator = sum(factor[cid] * total for cid, (total, _n) in values.items())
            key = mean_criteria_key([values.get(c) for c in self.order.get(rid, ())])
            out[(rid, eid)] = (numerator, key)
        return out


def _set_derived(session: Session, where: str, params: dict, expanding: bool = False) -> None:
    """Fill in the numerator and criteria key of the entry_round_totals rows `where` picks,
    from the criterion totals just written."""
    def rows(sql: str) -> list:
        statement = _expanding(sql + where) if expanding else text(sql + where)
        return session.execute(statement, params).all()

    pairs = rows("SELECT round_id, entry_id FROM entry_round_totals")
    totals = rows("SELECT round_id, entry_id, criterion_id, total_milli, score_count"
                  " FROM entry_criterion_totals")
    derived = _Rubrics(session).derived(pairs, totals)
    if derived:
        session.execute(text(
            "UPDATE entry_round_totals SET numerator = :n, criteria_key = :k"
            " WHERE round_id = :r AND entry_id = :e"
        ), [{"r": r, "e": e, "n": n, "k": k} for (r, e), (n, k) in derived.items()])


def _lock(session: Session, where: str, params: dict, expanding: bool = False) -> None:
    """On a server, writers refreshing the same entries take turns: without it two users
    submitting sheets of one entry at once both delete its (still unchanged) totals and the
    second insert collides with the first (PostgreSQL runs at READ COMMITTED). Locks are
    taken in id order, so overlapping refreshes cannot deadlock. SQLite writers are
    serialized already (BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "sqlite":
        return
    sql = "SELECT id FROM entries" + where + " ORDER BY id FOR UPDATE"
    session.execute(_expanding(sql) if expanding else text(sql), params)


def refresh(session: Session, entry_ids: Iterable[int]) -> None:
    """Recompute the totals of these entries (every round) from their scores."""
    ids = sorted(set(entry_ids))
    if not ids:
        return
    session.flush()
    for start in range(0, len(ids), CHUNK):
        chunk = {"ids": ids[start:start + CHUNK]}
        _lock(session, " WHERE id IN :ids", chunk, expanding=True)
        for sql in (
            "DELETE FROM entry_round_totals WHERE entry_id IN :ids",
            "DELETE FROM entry_criterion_totals WHERE entry_id IN :ids",
            _INSERT_ROUND + _ROUND_TOTALS + " AND sh.entry_id IN :ids" + _ROUND_GROUP,
            _INSERT_CRITERION + _CRITERION_TOTALS + " AND sh.entry_id IN :ids" + _CRITERION_GROUP,
        ):
            session.execute(_expanding(sql), chunk)
        _set_derived(session, " WHERE entry_id IN :ids", chunk, expanding=True)


def refresh_round(session: Session, round_id: int) -> None:
    """Recompute the totals of every entry with totals in a round (after a rubric change)."""
    session.flush()
    refresh(session, session.execute(
        text("SELECT entry_id FROM entry_round_totals WHERE round_id = :r"), {"r": round_id}
    ).scalars().all())


def refresh_competition(session: Session, competition_id: int) -> None:
    """Recompute the totals of every entry of a competition in a few whole statements
    (after bulk loading: far cheaper than entry by entry, above all on PostgreSQL)."""
    session.flush()
    params = {"c": competition_id}
    _lock(session, " WHERE competition_id = :c", params)
    mine = " entry_id IN (SELECT id FROM entries WHERE competition_id = :c)"
    counted_mine = " AND sh.entry_id IN (SELECT id FROM entries WHERE competition_id = :c)"
    for sql in ("DELETE FROM entry_round_totals WHERE" + mine,
                "DELETE FROM entry_criterion_totals WHERE" + mine,
                _INSERT_ROUND + _ROUND_TOTALS + counted_mine + _ROUND_GROUP,
                _INSERT_CRITERION + _CRITERION_TOTALS + counted_mine + _CRITERION_GROUP):
        session.execute(text(sql), params)
    _set_derived(session, " WHERE" + mine, params)


def rebuild(session: Session) -> None:
    """Recompute every entry's totals (after bulk loading)."""
    session.flush()
    _lock(session, "", {})
    for sql in ("DELETE FROM entry_round_totals", "DELETE FROM entry_criterion_totals",
                _INSERT_ROUND + _ROUND_TOTALS + _ROUND_GROUP,
                _INSERT_CRITERION + _CRITERION_TOTALS + _CRITERION_GROUP):
        session.execute(text(sql))
    _set_derived(session, "", {})


def _plain(value):
    """Integers as int (PostgreSQL gives Decimal for sums), bytes as bytes."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, memoryview):
        return value.tobytes()
    return int(value)


def differences(session: Session, limit: int = 20) -> list[str]:
    """What the stored totals get wrong compared with the scores (empty when in step)."""
    fresh_criteria = {tuple(int(v) for v in r)
                      for r in session.execute(text(_CRITERION_TOTALS + _CRITERION_GROUP))}
    counted = [(rid, eid, int(n)) for rid, eid, n, _ in session.execute(
        text(_ROUND_TOTALS + _ROUND_GROUP))]
    derived = _Rubrics(session).derived(
        [(r, e) for r, e, _n in counted],
        [(r, e, c, t, n) for r, c, e, t, n, _lo, _hi in fresh_criteria])
    fresh_rounds = {(rid, eid, n, *derived[(rid, eid)]) for rid, eid, n in counted}
    out: list[str] = []
    for name, stored_sql, fresh in (
        ("entry_round_totals",
         "SELECT round_id, entry_id, sheets, numerator, criteria_key FROM entry_round_totals",
         fresh_rounds),
        ("entry_criterion_totals",
         "SELECT round_id, criterion_id, entry_id, total_milli, score_count, min_milli,"
         " max_milli FROM entry_criterion_totals", fresh_criteria),
    ):
        stored = {tuple(_plain(v) for v in r) for r in session.execute(text(stored_sql))}
        for row in sorted(fresh - stored, key=repr)[:limit]:
            out.append(f"{name}: missing or wrong, should be {row}")
        for row in sorted(stored - fresh, key=repr)[:limit]:
            out.append(f"{name}: stale row {row}")
    return out
