"""Per-entry totals of the counted scores, kept in step with the scores.

`entry_round_totals` (counted sheets per entry and round) and `entry_criterion_totals`
(sum, count, minimum, maximum of an entry's counted scores per criterion) are derived
data: results read them instead of aggregating hundreds of thousands of scores each time.
A sheet counts when it is submitted and its judge has no conflict with the entry; whether
the entry is eligible is decided when reading, as are weights and scales (the totals are
raw scores, so changing the rubric's weights does not make them stale).

Every write that changes which sheets count or their scores calls `refresh` for the
entries it touched, in its own transaction: submitting and reopening sheets, bulk merges of
returns and workbooks, conflicts, rubric changes that remove criteria or reopen sheets,
and the demo. `refresh` recomputes those entries from the scores (it never adds deltas), so
calling it too often is harmless. `differences` compares the tables with a fresh
computation: `judging-app db verify-totals` and the test suite's teardown use it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

_COUNTED_SHEET = (
    "sh.state = 'submitted' AND NOT EXISTS (SELECT 1 FROM conflicts cf"
    " WHERE cf.judge_id = sh.judge_id AND cf.entry_id = sh.entry_id)"
)
_ROUND_TOTALS = (
    "SELECT sh.round_id, sh.entry_id, COUNT(*) FROM score_sheets sh WHERE " + _COUNTED_SHEET
)
_CRITERION_TOTALS = (
    "SELECT sh.round_id, s.criterion_id, sh.entry_id, SUM(s.value_milli), COUNT(*),"
    " MIN(s.value_milli), MAX(s.value_milli)"
    " FROM scores s JOIN score_sheets sh ON sh.id = s.sheet_id WHERE " + _COUNTED_SHEET
)
_ROUND_GROUP = " GROUP BY sh.round_id, sh.entry_id"
_CRITERION_GROUP = " GROUP BY sh.round_id, s.criterion_id, sh.entry_id"
_INSERT_ROUND = "INSERT INTO entry_round_totals (round_id, entry_id, sheets) "
_INSERT_CRITERION = (
    "INSERT INTO entry_criterion_totals"
    " (round_id, criterion_id, entry_id, total_milli, score_count, min_milli, max_milli) "
)
CHUNK = 500  # entries per statement: well inside every backend's limit on parameters


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
            session.execute(text(sql).bindparams(bindparam("ids", expanding=True)), chunk)


def refresh_sheets(session: Session, sheet_ids: Iterable[int]) -> None:
    """Recompute the totals of the entries these sheets belong to."""
    ids = sorted(set(sheet_ids))
    entries: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        entries.update(session.execute(
            text("SELECT DISTINCT entry_id FROM score_sheets WHERE id IN :ids")
            .bindparams(bindparam("ids", expanding=True)), {"ids": ids[start:start + CHUNK]}
        ).scalars())
    refresh(session, entries)


def rebuild_statements() -> tuple[str, ...]:
    """SQL that recomputes every entry's totals (migration 0002 runs these too)."""
    return (
        "DELETE FROM entry_round_totals",
        "DELETE FROM entry_criterion_totals",
        _INSERT_ROUND + _ROUND_TOTALS + _ROUND_GROUP,
        _INSERT_CRITERION + _CRITERION_TOTALS + _CRITERION_GROUP,
    )


def rebuild(session: Session) -> None:
    """Recompute every entry's totals (after bulk loading)."""
    session.flush()
    for sql in rebuild_statements():
        session.execute(text(sql))


def differences(session: Session, limit: int = 20) -> list[str]:
    """What the stored totals get wrong compared with the scores (empty when in step)."""
    out: list[str] = []
    for name, stored_sql, fresh_sql in (
        ("entry_round_totals", "SELECT round_id, entry_id, sheets FROM entry_round_totals",
         _ROUND_TOTALS + _ROUND_GROUP),
        ("entry_criterion_totals",
         "SELECT round_id, criterion_id, entry_id, total_milli, score_count, min_milli,"
         " max_milli FROM entry_criterion_totals", _CRITERION_TOTALS + _CRITERION_GROUP),
    ):
        stored = {tuple(int(v) for v in r) for r in session.execute(text(stored_sql))}
        fresh = {tuple(int(v) for v in r) for r in session.execute(text(fresh_sql))}
        for row in sorted(fresh - stored)[:limit]:
            out.append(f"{name}: missing or wrong, should be {row}")
        for row in sorted(stored - fresh)[:limit]:
            out.append(f"{name}: stale row {row}")
    return out
