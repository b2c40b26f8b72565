"""The heavy reads behind results, done in SQL with integers only.

A sheet's total is Σ weight × score / max. Over one round every total is an integer
numerator over the shared denominator 1000 × L (L = lcm of the criteria's max_milli), and
the numerator Σ weight_milli × value_milli × (L / max_milli) is an exact integer sum that
SQLite and PostgreSQL compute in 64-bit integers. Only submitted sheets of eligible entries
by judges without a conflict with the entry count.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from decimal import Decimal

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from judging_app.core.numbers import from_milli

# Joins and conditions that pick the sheets that count, for queries over scores s.
_COUNTED = (
    " JOIN score_sheets sh ON sh.id = s.sheet_id"
    " JOIN entries e ON e.id = sh.entry_id AND e.status = 'eligible'"
    " WHERE sh.round_id = :round_id AND sh.state = 'submitted'"
    " AND NOT EXISTS (SELECT 1 FROM conflicts cf"
    "   WHERE cf.judge_id = sh.judge_id AND cf.entry_id = sh.entry_id)"
)


def round_lcm(session: Session, round_id: int) -> int:
    maxima = session.execute(
        text("SELECT DISTINCT scale_max_milli FROM criteria WHERE round_id = :r"), {"r": round_id}
    ).scalars().all()
    return math.lcm(*maxima) if maxima else 1


def sheet_numerators(session: Session, round_id: int, lcm: int) -> list[tuple[int, int, int]]:
    """(entry_id, judge_id, numerator) of every counted sheet; total = numerator/(1000·lcm)."""
    sql = text(
        "SELECT sh.entry_id, sh.judge_id, SUM(CAST(c.weight_milli AS BIGINT)"
        " * (CAST(:lcm AS BIGINT) / c.scale_max_milli) * s.value_milli)"
        " FROM scores s JOIN criteria c ON c.id = s.criterion_id"
        + _COUNTED
        + " GROUP BY sh.id, sh.entry_id, sh.judge_id"
    )
    rows = session.execute(sql, {"round_id": round_id, "lcm": lcm})
    return [(e, j, int(n)) for e, j, n in rows]


def expected_sheet_counts(session: Session, round_id: int) -> dict[int, int]:
    """Entry id -> sheets it should have: assignments of non-conflicted judges."""
    sql = text(
        "SELECT a.entry_id, COUNT(*) FROM assignments a"
        " JOIN entries e ON e.id = a.entry_id AND e.status = 'eligible'"
        " WHERE a.round_id = :round_id AND NOT EXISTS (SELECT 1 FROM conflicts cf"
        "   WHERE cf.judge_id = a.judge_id AND cf.entry_id = a.entry_id)"
        " GROUP BY a.entry_id"
    )
    return {e: n for e, n in session.execute(sql, {"round_id": round_id})}


def criterion_scores(
    session: Session, round_id: int, entry_ids: Collection[int]
) -> list[tuple[int, int, int, Decimal]]:
    """(entry_id, judge_id, criterion_id, value) of counted sheets of the given entries."""
    if not entry_ids:
        return []
    sql = text(
        "SELECT sh.entry_id, sh.judge_id, s.criterion_id, s.value_milli"
        " FROM scores s"
        + _COUNTED
        + " AND sh.entry_id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = session.execute(sql, {"round_id": round_id, "ids": sorted(entry_ids)})
    return [(e, j, c, from_milli(v)) for e, j, c, v in rows]
