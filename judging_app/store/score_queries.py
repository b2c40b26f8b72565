"""The heavy reads behind results, done in SQL with integers only.

A sheet's total is Σ weight × score / max. Over one round every total is an integer
numerator over the shared denominator 1000 × L (L = lcm of the criteria's max_milli), and
the numerator Σ weight_milli × value_milli × (L / max_milli) is an exact integer sum that
SQLite and PostgreSQL compute in 64-bit integers. Only submitted sheets of eligible entries
by judges without a conflict with the entry count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

# Joins and conditions that pick the sheets that count, for queries over scores s.
_COUNTED = (
    " JOIN score_sheets sh ON sh.id = s.sheet_id"
    " JOIN entries e ON e.id = sh.entry_id AND e.status = 'eligible'"
    " WHERE sh.round_id = :round_id AND sh.state = 'submitted'"
    " AND NOT EXISTS (SELECT 1 FROM conflicts cf"
    "   WHERE cf.judge_id = sh.judge_id AND cf.entry_id = sh.entry_id)"
)


def _fetch_all(session: Session, sql: str, params: dict) -> list[tuple]:
    """Run SQL on the driver's own cursor and fetch every row as a plain tuple: for hundreds
    of thousands of integer rows this is several times cheaper than a SQLAlchemy Result.
    `sql` uses :name parameters (sqlite3's own style; rewritten for psycopg)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        sql = re.sub(r":(\w+)", r"%(\1)s", sql)
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def round_lcm(session: Session, round_id: int) -> int:
    maxima = session.execute(
        text("SELECT DISTINCT scale_max_milli FROM criteria WHERE round_id = :r"), {"r": round_id}
    ).scalars().all()
    return math.lcm(*maxima) if maxima else 1


def sheet_numerators(session: Session, round_id: int, lcm: int) -> list[tuple[int, int, int]]:
    """(entry_id, judge_id, numerator) of every counted sheet; total = numerator/(1000·lcm)."""
    sql = (
        "SELECT sh.entry_id, sh.judge_id, SUM(CAST(c.weight_milli AS BIGINT)"
        " * (CAST(:lcm AS BIGINT) / c.scale_max_milli) * s.value_milli)"
        " FROM scores s JOIN criteria c ON c.id = s.criterion_id"
        + _COUNTED
        + " GROUP BY sh.id, sh.entry_id, sh.judge_id"
    )
    rows = _fetch_all(session, sql, {"round_id": round_id, "lcm": lcm})
    if session.connection().dialect.name == "sqlite":
        return rows  # already (int, int, int)
    return [(e, j, int(n)) for e, j, n in rows]  # PostgreSQL sums bigints as numeric


def expected_sheet_counts(session: Session, round_id: int) -> dict[int, int]:
    """Entry id -> sheets it should have: assignments of non-conflicted judges."""
    sql = text(
        "SELECT a.entry_id, COUNT(*) FROM assignments a"
        " JOIN entries e ON e.id = a.entry_id AND e.status = 'eligible'"
        " WHERE a.round_id = :round_id AND NOT EXISTS (SELECT 1 FROM conflicts cf"
        "   WHERE cf.judge_id = a.judge_id AND cf.entry_id = a.entry_id)"
        " GROUP BY a.entry_id"
    )
    return dict(session.execute(sql, {"round_id": round_id}).all())


# Above this many entries the whole round is read and filtered here: one scan beats a huge
# IN list (and SQLite limits the number of bound parameters).
WHOLE_ROUND_ABOVE = 500


def criterion_scores_milli(
    session: Session, round_id: int, entry_ids: Collection[int]
) -> list[tuple[int, int, int, int]]:
    """(entry_id, judge_id, criterion_id, value_milli) of counted sheets of the given entries.
    Values stay integer thousandths: they are only compared with each other."""
    if not entry_ids:
        return []
    select_sql = "SELECT sh.entry_id, sh.judge_id, s.criterion_id, s.value_milli FROM scores s"
    if len(entry_ids) > WHOLE_ROUND_ABOVE:
        wanted = set(entry_ids)
        rows = _fetch_all(session, select_sql + _COUNTED, {"round_id": round_id})
        return [r for r in rows if r[0] in wanted]
    sql = text(select_sql + _COUNTED + " AND sh.entry_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return session.execute(sql, {"round_id": round_id, "ids": sorted(entry_ids)}).all()  # type: ignore[return-value]


def criterion_summaries_milli(session: Session, round_id: int) -> list[tuple[int, ...]]:
    """(entry_id, criterion_id, sum, count, min, max) of the counted scores (thousandths) of
    every entry on every criterion of the round: what mean and trimmed-mean tie-breaks need."""
    sql = (
        "SELECT sh.entry_id, s.criterion_id, SUM(s.value_milli), COUNT(*),"
        " MIN(s.value_milli), MAX(s.value_milli) FROM scores s" + _COUNTED
        + " GROUP BY sh.entry_id, s.criterion_id"
    )
    rows = _fetch_all(session, sql, {"round_id": round_id})
    if session.connection().dialect.name == "sqlite":
        return rows
    return [(e, c, int(t), n, lo, hi) for e, c, t, n, lo, hi in rows]


def criterion_values_milli(session: Session, round_id: int, criterion_id: int
                           ) -> list[tuple[int, int]]:
    """(entry_id, value_milli) of every counted score on one criterion of the round."""
    sql = ("SELECT sh.entry_id, s.value_milli FROM scores s" + _COUNTED
           + " AND s.criterion_id = :criterion_id")
    return _fetch_all(session, sql, {"round_id": round_id, "criterion_id": criterion_id})
