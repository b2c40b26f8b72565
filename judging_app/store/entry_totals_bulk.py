"""The per-entry totals of a few entries (an import's, a sheet's), recomputed from one read
of their counted scores: what store/entry_totals.refresh runs off a server.

The three tables get exactly what the whole-table SQL of store/entry_totals computes (and
what `differences` checks against it): a counted sheet's numerator Σ weight_milli ×
value_milli × (L / max_milli), per entry and criterion the sum, count, minimum, maximum and
twice the median of the counted scores, per entry and round the counted sheets and the sum
of their numerators with the two criteria keys. Integers only (Python's are exact at any
size; the setup refuses rubrics whose totals would not fit the columns).

Why not the SQL: the median needs a window function over every score of the entries
(ROW_NUMBER and COUNT OVER a partition), which on SQLite cost 45 ms of a 10,000-score
import's 80 ms refresh; one plain read of those scores takes 6 ms and the arithmetic
below a few more. Statements are sent through the driver (no SQL compilation per call) and
written with executemany; the criteria keys go in with the round totals (no UPDATE after).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from judging_app.core.scoring.criteria_keys import mean_criteria_key, median_criteria_key
from judging_app.store.score_queries import COUNTED_SHEET

TABLES = ("entry_round_totals", "entry_criterion_totals", "sheet_totals")


class Rubric:
    """What the numerators and keys need of the rounds' criteria: per criterion its weight
    and maximum, per round its criteria in tie-break order (heaviest first, then position)
    and the lcm L of their maxima."""

    def __init__(self, rows: Sequence[tuple[int, int, int, int, int]]) -> None:
        """rows: (criterion id, round id, weight_milli, scale_max_milli, position)."""
        self.order: dict[int, list[int]] = {}
        self.factor: dict[int, int] = {}  # criterion -> weight × (L / max)
        for cid, rid, _w, _m, _p in sorted(rows, key=lambda c: (c[1], -c[2], c[4])):
            self.order.setdefault(rid, []).append(cid)
        self.lcm = {rid: math.lcm(*(mx for _c, r, _w, mx, _p in rows if r == rid))
                    for rid in self.order}
        for cid, rid, weight, mx, _p in rows:
            self.factor[cid] = weight * (self.lcm[rid] // mx)

    def keys(self, rid: int, per_criterion: dict[int, tuple[int, int, int]]
             ) -> tuple[bytes | None, bytes | None]:
        """(mean key, median key) of an entry in a round from criterion -> (sum, count,
        twice the median) of its counted scores."""
        ordered = [per_criterion.get(c) for c in self.order.get(rid, ())]
        return (mean_criteria_key([None if v is None else v[:2] for v in ordered]),
                median_criteria_key([None if v is None else v[2] for v in ordered]))


def _marks(mark: str, count: int) -> str:
    return ", ".join([mark] * count)


def rubric_of(session: Session, rounds: Sequence[int] | None) -> Rubric:
    """The criteria of these rounds (every round when None), in one read."""
    conn = session.connection()
    sql = "SELECT id, round_id, weight_milli, scale_max_milli, position FROM criteria"
    if rounds is None:
        return Rubric(conn.exec_driver_sql(sql).fetchall())
    mark = _mark(session)
    return Rubric(conn.exec_driver_sql(
        f"{sql} WHERE round_id IN ({_marks(mark, len(rounds))})", tuple(rounds)).fetchall())


def _counted_sheets(session: Session, where: str, params: tuple,
                    written: Mapping[int, Sequence[tuple[int, int]]]) -> list[tuple]:
    """(round, entry, judge, [(criterion, value_milli)]) of every counted sheet `where`
    picks: the counted sheets read, the scores of those in `written` taken from it, the
    others' read."""
    conn, mark = session.connection(), _mark(session)
    counted = conn.exec_driver_sql(
        "SELECT sh.id, sh.round_id, sh.entry_id, sh.judge_id FROM score_sheets sh"
        f" WHERE {where} AND {COUNTED_SHEET}", params).fetchall()
    others = [sid for sid, *_ in counted if sid not in written]
    read: dict[int, list[tuple[int, int]]] = {}
    for start in range(0, len(others), 500):
        part = others[start:start + 500]
        for sid, cid, value in conn.exec_driver_sql(
                "SELECT sheet_id, criterion_id, value_milli FROM scores"
                f" WHERE sheet_id IN ({_marks(mark, len(part))})", tuple(part)):
            read.setdefault(sid, []).append((cid, value))
    return [(rid, eid, jid, written[sid] if sid in written else read.get(sid, ()))
            for sid, rid, eid, jid in counted]


def _arithmetic(counted: list[tuple], factor: dict[int, int]) -> tuple[list, list, dict]:
    """From (round, entry, judge, [(criterion, value_milli)]) of the counted sheets: the
    sheet totals rows, the criterion totals rows, and per (round, entry) criterion -> (sum,
    count, twice the median) for its keys."""
    sheets: list[tuple[int, int, int, int]] = []  # (round, entry, judge, numerator)
    values: dict[tuple[int, int, int], list[int]] = {}  # (round, criterion, entry) -> values
    criterion_rows: list[tuple] = []
    per_pair: dict[tuple[int, int], dict[int, tuple[int, int, int]]] = {}
    alone = Counter((rid, eid) for rid, eid, _jid, scores in counted if scores)
    for rid, eid, jid, scores in counted:
        if not scores:
            continue
        sheets.append((rid, eid, jid, sum([factor[cid] * value for cid, value in scores])))
        if alone[(rid, eid)] == 1:  # the entry's one counted sheet: one value per criterion
            criterion_rows += [(rid, cid, eid, v, 1, v, v, v + v) for cid, v in scores]
            per_pair[(rid, eid)] = {cid: (v, 1, v + v) for cid, v in scores}
            continue
        for cid, value in scores:
            key = (rid, cid, eid)
            known = values.get(key)
            if known is None:
                values[key] = [value]
            else:
                known.append(value)
    for (rid, cid, eid), vs in values.items():
        n = len(vs)
        vs.sort()
        total, median2 = sum(vs), vs[(n + 1) // 2 - 1] + vs[n // 2]
        criterion_rows.append((rid, cid, eid, total, n, vs[0], vs[-1], median2))
        per_pair.setdefault((rid, eid), {})[cid] = (total, n, median2)
    return sheets, criterion_rows, per_pair


def _mark(session: Session) -> str:
    return "%s" if session.get_bind().dialect.paramstyle in ("format", "pyformat") else "?"


def recompute(session: Session, entry_ids: Sequence[int], rounds: Sequence[int] | None,
              rubric: Rubric, written: Mapping[int, Sequence[tuple[int, int]]] | None = None
              ) -> None:
    """Delete and write again the totals of these entries in these rounds (every round
    when None) from their counted scores. `written`: sheet id -> (criterion id, value_milli)
    of every score of the sheets this transaction has just written (all their scores
    inserted from these values): the scores of those sheets are taken from it instead of
    being read back; which sheets count is read all the same."""
    conn = session.connection()
    mark = _mark(session)
    params: tuple = tuple(entry_ids) + tuple(rounds or ())

    def where(prefix: str = "") -> str:
        out = f"{prefix}entry_id IN ({_marks(mark, len(entry_ids))})"
        if rounds is not None:
            out += f" AND {prefix}round_id IN ({_marks(mark, len(rounds))})"
        return out

    for table in TABLES:
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE {where()}", params)
    if written is None:
        by_sheet: dict[int, tuple] = {}
        for sid, rid, eid, jid, cid, value in conn.exec_driver_sql(
                "SELECT sh.id, sh.round_id, sh.entry_id, sh.judge_id, s.criterion_id,"
                " s.value_milli FROM score_sheets sh JOIN scores s ON s.sheet_id = sh.id"
                f" WHERE {where('sh.')} AND {COUNTED_SHEET}", params):
            sheet = by_sheet.get(sid)
            if sheet is None:
                sheet = by_sheet[sid] = (rid, eid, jid, [])
            sheet[3].append((cid, value))
        counted = list(by_sheet.values())
    else:
        counted = _counted_sheets(session, where("sh."), params, written)
    sheets, criterion_rows, per_pair = _arithmetic(counted, rubric.factor)
    round_totals: dict[tuple[int, int], list[int]] = {}
    for rid, eid, _jid, numerator in sheets:
        acc = round_totals.setdefault((rid, eid), [0, 0])
        acc[0] += 1
        acc[1] += numerator
    if sheets:
        conn.exec_driver_sql(
            "INSERT INTO sheet_totals (round_id, entry_id, judge_id, numerator) VALUES"
            f" ({_marks(mark, 4)})", sheets)
        conn.exec_driver_sql(
            "INSERT INTO entry_criterion_totals (round_id, criterion_id, entry_id, total_milli,"
            " score_count, min_milli, max_milli, median2_milli) VALUES"
            f" ({_marks(mark, 8)})", criterion_rows)
        conn.exec_driver_sql(
            "INSERT INTO entry_round_totals (round_id, entry_id, sheets, numerator,"
            f" criteria_key, median_criteria_key) VALUES ({_marks(mark, 6)})",
            [(rid, eid, n, numerator, *rubric.keys(rid, per_pair.get((rid, eid), {})))
             for (rid, eid), (n, numerator) in round_totals.items()])
