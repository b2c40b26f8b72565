"""Per-entry totals of the counted scores, kept in step with the scores.

`sheet_totals` (each counted sheet's numerator), `entry_round_totals` (per entry and round:
its counted sheets, the sum of their numerators, and a criteria key) and
`entry_criterion_totals` (sum, count, minimum, maximum of an entry's counted scores per
criterion) are derived data: results read them instead of aggregating hundreds of thousands
of scores each time. A sheet counts when it is submitted and its
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

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.store.entry_totals_bulk import TABLES, Rubric, recompute, rubric_of
from judging_app.store.score_queries import COUNTED_SHEET

# A counted sheet's numerator, round by round (L = :lcm of that round).
_SHEET_TOTALS = (
    "SELECT sh.round_id, sh.entry_id, sh.judge_id, SUM(CAST(c.weight_milli AS BIGINT)"
    " * (CAST(:lcm AS BIGINT) / c.scale_max_milli) * s.value_milli)"
    " FROM scores s JOIN criteria c ON c.id = s.criterion_id"
    " JOIN score_sheets sh ON sh.id = s.sheet_id WHERE sh.round_id = :round_id AND "
    + COUNTED_SHEET
)
_SHEET_GROUP = " GROUP BY sh.id, sh.round_id, sh.entry_id, sh.judge_id"
_INSERT_SHEET = "INSERT INTO sheet_totals (round_id, entry_id, judge_id, numerator) "
def _criterion_totals(condition: str = "") -> str:
    """Per entry and criterion: sum, count, min, max and twice the median of the counted
    scores (the two middle values added; the middle one twice for an odd count)."""
    return (
        "SELECT round_id, criterion_id, entry_id, SUM(v), COUNT(*), MIN(v), MAX(v),"
        " SUM(CASE WHEN rn = (n + 1) / 2 THEN v ELSE 0 END)"
        " + SUM(CASE WHEN rn = n / 2 + 1 THEN v ELSE 0 END)"
        " FROM (SELECT sh.round_id, s.criterion_id, sh.entry_id, s.value_milli AS v,"
        " ROW_NUMBER() OVER (PARTITION BY sh.round_id, s.criterion_id, sh.entry_id"
        " ORDER BY s.value_milli) AS rn,"
        " COUNT(*) OVER (PARTITION BY sh.round_id, s.criterion_id, sh.entry_id) AS n"
        " FROM scores s JOIN score_sheets sh ON sh.id = s.sheet_id WHERE " + COUNTED_SHEET
        + condition + ") x GROUP BY round_id, criterion_id, entry_id"
    )


_INSERT_CRITERION = (
    "INSERT INTO entry_criterion_totals (round_id, criterion_id, entry_id, total_milli,"
    " score_count, min_milli, max_milli, median2_milli) "
)
# Per entry and round, from its sheets' numerators just written.
_INSERT_ROUND = (
    "INSERT INTO entry_round_totals (round_id, entry_id, sheets, numerator)"
    " SELECT round_id, entry_id, COUNT(*), SUM(numerator) FROM sheet_totals"
)
_ROUND_GROUP = " GROUP BY round_id, entry_id"
_TABLES = TABLES
CHUNK = 2000  # entries per statement: well inside every backend's limit on parameters


def _expanding(sql: str):
    return text(sql).bindparams(bindparam("ids", expanding=True))


def _rubric(session: Session) -> Rubric:
    return rubric_of(session, None)


def _keys(rubric: Rubric, pairs: Iterable[tuple[int, int]], totals: Iterable[tuple]
          ) -> dict[tuple[int, int], tuple[bytes | None, bytes | None]]:
    """(round, entry) -> (mean criteria key, median criteria key), from (round, entry,
    criterion, sum, count, twice the median) rows of the criterion totals."""
    by_pair: dict[tuple[int, int], dict[int, tuple[int, int, int]]] = {}
    for rid, eid, cid, total, count, median2 in totals:
        by_pair.setdefault((rid, eid), {})[cid] = (int(total), int(count), int(median2))
    return {(rid, eid): rubric.keys(rid, by_pair.get((rid, eid), {})) for rid, eid in pairs}


def _recompute(session: Session, condition: str, params: dict) -> None:
    """Recompute the three tables for the entries `condition` (on `entry_id`) picks; an
    empty condition means every entry."""
    def run(sql: str, extra: dict | None = None):
        return session.execute(text(sql), {**params, **(extra or {})})

    where = f" WHERE {condition}" if condition else ""
    and_sheet = f" AND sh.{condition}" if condition else ""
    for table in _TABLES:
        run(f"DELETE FROM {table}{where}")
    rubric = _rubric(session)
    for rid, lcm in rubric.lcm.items():
        run(_INSERT_SHEET + _SHEET_TOTALS + and_sheet + _SHEET_GROUP,
            {"round_id": rid, "lcm": lcm})
    run(_INSERT_CRITERION + _criterion_totals(and_sheet))
    run(_INSERT_ROUND + where + _ROUND_GROUP)
    keys = _keys(
        rubric, run("SELECT round_id, entry_id FROM entry_round_totals" + where).all(),
        run("SELECT round_id, entry_id, criterion_id, total_milli, score_count, median2_milli"
            " FROM entry_criterion_totals" + where).all())
    if keys:
        session.execute(text(
            "UPDATE entry_round_totals SET criteria_key = :k, median_criteria_key = :m"
            " WHERE round_id = :r AND entry_id = :e"
        ), [{"r": r, "e": e, "k": k, "m": m} for (r, e), (k, m) in keys.items()])


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


def lock_entries(session: Session, entry_ids: Iterable[int]) -> None:
    """Take the lock `refresh` takes on these entries now, in id order: a writer that inserts
    sheets (which key-share-locks their entries on a server) must lock first, or two writers
    on shared entries each wait for the other's key-share lock (a deadlock)."""
    ids = sorted(set(entry_ids))
    for start in range(0, len(ids), CHUNK):
        _lock(session, " WHERE id IN :ids", {"ids": ids[start:start + CHUNK]}, expanding=True)


def _on_server(session: Session) -> bool:
    """A server set up by `judging-app server init`: the totals are written by the
    database's own function (a judge's login may neither read nor write them)."""
    known = session.info.get("server_mode")
    if known is None:
        known = session.get_bind().dialect.name == "postgresql" and session.execute(text(
            "SELECT mode FROM app_security WHERE id = 1")).scalar() == "server"
        session.info["server_mode"] = known
    return known


def _server_refresh(session: Session, ids: list[int] | None) -> None:
    from judging_app.store.server_sql import SCHEMA

    session.flush()
    session.execute(text(f"SELECT {SCHEMA}.refresh_entry_totals(:ids)"), {"ids": ids})


def refresh(session: Session, entry_ids: Iterable[int],
            rounds: Iterable[int] | None = None,
            written: Mapping[int, Sequence[tuple[int, int]]] | None = None) -> None:
    """Recompute the totals of these entries from their scores: in the `rounds` given (a
    write that touched sheets of those rounds only), else in every round (a change of
    which sheets count, like a conflict, touches every round). On a server the database's
    function recomputes every round of the entries (the same rows: the other rounds' are
    in step already). `written`: the scores of the sheets the caller has just written
    (store.entry_totals_bulk.recompute: not read back)."""
    ids = sorted(set(entry_ids))
    if not ids:
        return
    if _on_server(session):
        return _server_refresh(session, ids)
    session.flush()
    chosen = None if rounds is None else sorted(set(rounds))
    if chosen == []:
        return
    rubric = rubric_of(session, chosen)  # once for every chunk
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        _lock(session, " WHERE id IN :ids", {"ids": chunk}, expanding=True)
        recompute(session, chunk, chosen, rubric, written)


def refresh_round(session: Session, round_id: int) -> None:
    """Recompute the totals of every entry with totals in a round (after a rubric change)."""
    session.flush()
    refresh(session, session.execute(
        text("SELECT entry_id FROM entry_round_totals WHERE round_id = :r"), {"r": round_id}
    ).scalars().all(), [round_id])


def refresh_competition(session: Session, competition_id: int) -> None:
    """Recompute the totals of every entry of a competition in a few whole statements
    (after bulk loading: far cheaper than entry by entry, above all on PostgreSQL)."""
    if _on_server(session):
        return _server_refresh(session, list(session.execute(text(
            "SELECT id FROM entries WHERE competition_id = :c"), {"c": competition_id}).scalars()))
    session.flush()
    params = {"c": competition_id}
    _lock(session, " WHERE competition_id = :c", params)
    _recompute(session, "entry_id IN (SELECT id FROM entries WHERE competition_id = :c)", params)


def rebuild(session: Session) -> None:
    """Recompute every entry's totals (after bulk loading, or to repair them)."""
    if _on_server(session):
        return _server_refresh(session, None)
    session.flush()
    _lock(session, "", {})
    _recompute(session, "", {})


def _plain(value):
    """Integers as int (PostgreSQL gives Decimal for sums), bytes as bytes."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, memoryview):
        return value.tobytes()
    return int(value)


def differences(session: Session, limit: int = 20) -> list[Message]:
    """What the stored totals get wrong compared with the scores (empty when in step)."""
    return [Message("database.totals_missing", table=table, row=f"{row}") if kind == "missing"
            else Message("database.totals_stale", table=table, row=f"{row}")
            for table, kind, row in difference_rows(session, limit)]


def where_of(table: str, row: tuple) -> tuple[int, int, int | None, int | None]:
    """(round id, entry id, criterion id, judge id) of a totals row as difference_rows gives it."""
    if table == "entry_criterion_totals":
        return row[0], row[2], row[1], None
    if table == "sheet_totals":
        return row[0], row[1], None, row[2]
    return row[0], row[1], None, None


def difference_rows(session: Session, limit: int = 20) -> list[tuple[str, str, tuple]]:
    """(table, 'missing' or 'stale', row) for every stored totals row that is not what the
    scores give (up to `limit` of each kind per table)."""
    rubric = _rubric(session)
    fresh_sheets = {tuple(int(v) for v in r) for rid, lcm in rubric.lcm.items()
                    for r in session.execute(text(_SHEET_TOTALS + _SHEET_GROUP),
                                             {"round_id": rid, "lcm": lcm})}
    fresh_criteria = {tuple(int(v) for v in r)
                      for r in session.execute(text(_criterion_totals()))}
    per_entry: dict[tuple[int, int], list[int]] = {}
    for rid, eid, _judge, numerator in fresh_sheets:
        acc = per_entry.setdefault((rid, eid), [0, 0])
        acc[0] += 1
        acc[1] += numerator
    keys = _keys(rubric, per_entry, [(r, e, c, t, n, m) for r, c, e, t, n, _lo, _hi, m
                                    in fresh_criteria])
    fresh_rounds = {(rid, eid, n, total, *keys[(rid, eid)])
                    for (rid, eid), (n, total) in per_entry.items()}
    out: list[tuple[str, str, tuple]] = []
    for name, stored_sql, fresh in (
        ("entry_round_totals",
         "SELECT round_id, entry_id, sheets, numerator, criteria_key, median_criteria_key"
         " FROM entry_round_totals",
         fresh_rounds),
        ("entry_criterion_totals",
         "SELECT round_id, criterion_id, entry_id, total_milli, score_count, min_milli,"
         " max_milli, median2_milli FROM entry_criterion_totals", fresh_criteria),
        ("sheet_totals", "SELECT round_id, entry_id, judge_id, numerator FROM sheet_totals",
         fresh_sheets),
    ):
        stored = {tuple(_plain(v) for v in r) for r in session.execute(text(stored_sql))}
        for row in sorted(fresh - stored, key=repr)[:limit]:
            out.append((name, "missing", row))
        for row in sorted(stored - fresh, key=repr)[:limit]:
            out.append((name, "stale", row))
    return out
