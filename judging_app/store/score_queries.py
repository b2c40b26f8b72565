"""The heavy reads behind results, done in SQL with integers only (on a `RowReader`).

A sheet's total is Σ weight × score / max. Over one round every total is an integer
numerator over the shared denominator 1000 × L (L = lcm of the criteria's max_milli), and
the numerator Σ weight_milli × value_milli × (L / max_milli) is an exact integer sum that
SQLite and PostgreSQL compute in 64-bit integers. Only submitted sheets of eligible entries
by judges without a conflict with the entry count.

Totals are read from what store.entry_totals keeps (one row per sheet, per entry, per entry
and criterion instead of one per score); only the median's criterion tie-break and the
per-sheet criterion scores of a few tied entries read the scores themselves.
"""

from __future__ import annotations

import math
from collections.abc import Collection

from judging_app.store.rows import RowReader, in_list

# Above this many entries the whole round is read and filtered here: one scan beats a huge
# IN list (and SQLite limits the number of bound parameters).
WHOLE_ROUND_ABOVE = 500

# A sheet sh that counts: submitted, by a judge without a conflict with the entry (also what
# store.entry_totals keeps totals of).
COUNTED_SHEET = (
    "sh.state = 'submitted' AND NOT EXISTS (SELECT 1 FROM conflicts cf"
    " WHERE cf.judge_id = sh.judge_id AND cf.entry_id = sh.entry_id)"
)
# Joins and conditions that pick the counted sheets of eligible entries of one round, for
# queries over scores s.
_COUNTED = (
    " JOIN score_sheets sh ON sh.id = s.sheet_id"
    " JOIN entries e ON e.id = sh.entry_id AND e.status = 'eligible'"
    " WHERE sh.round_id = :round_id AND " + COUNTED_SHEET
)


def _ints(reader: RowReader, rows: list[tuple]) -> list[tuple]:
    """PostgreSQL sums bigints as numeric (Decimal); SQLite already gives ints."""
    if reader.dialect == "sqlite":
        return rows
    return [tuple(int(v) for v in r) for r in rows]


def round_lcm(reader: RowReader, round_id: int) -> int:
    maxima = reader.column(
        "SELECT DISTINCT scale_max_milli FROM criteria WHERE round_id = :r", {"r": round_id})
    return math.lcm(*maxima) if maxima else 1


def entry_round_totals(reader: RowReader, round_id: int
                       ) -> list[tuple[int, int, int, bytes | None, bytes | None]]:
    """(entry_id, Σ of its counted sheets' numerators, counted sheets, mean criteria key,
    median criteria key) of every entry with a counted sheet (eligible or not: the caller
    knows its entries), from store.entry_totals."""
    rows = reader.all(
        "SELECT entry_id, numerator, sheets, criteria_key, median_criteria_key"
        " FROM entry_round_totals WHERE round_id = :r", {"r": round_id})
    if reader.dialect == "sqlite":
        return rows
    return [(e, int(n), s, None if k is None else bytes(k), None if m is None else bytes(m))
            for e, n, s, k, m in rows]


def sheet_numerators(reader: RowReader, round_id: int) -> list[tuple[int, int, int]]:
    """(entry_id, judge_id, numerator) of every counted sheet, from store.entry_totals
    (eligible or not: the caller knows its entries); total = numerator/(1000·lcm)."""
    return _ints(reader, reader.all(
        "SELECT entry_id, judge_id, numerator FROM sheet_totals WHERE round_id = :r",
        {"r": round_id}))


def sheet_numerators_of(reader: RowReader, round_id: int, entry_ids: Collection[int]
                        ) -> list[tuple[int, int, int]]:
    """`sheet_numerators` of some entries only."""
    if len(entry_ids) > WHOLE_ROUND_ABOVE:
        return sheet_numerators(reader, round_id)
    condition, params = in_list("e", sorted(entry_ids))
    return _ints(reader, reader.all(
        "SELECT entry_id, judge_id, numerator FROM sheet_totals WHERE round_id = :r"
        " AND entry_id " + condition, {"r": round_id, **params}))


def expected_sheet_counts(reader: RowReader, round_id: int) -> dict[int, int]:
    """Entry id -> sheets it should have: assignments of non-conflicted judges (of every
    entry with an assignment, eligible or not: the caller knows its entries). Counted as
    all assignments (one pass over the round's index) less the few conflicted ones."""
    counts = dict(reader.all(
        "SELECT entry_id, COUNT(*) FROM assignments WHERE round_id = :r GROUP BY entry_id",
        {"r": round_id}))
    for entry_id, conflicted in reader.all(
        # CROSS JOIN: SQLite then looks each conflict up (the few) instead of checking
        # every assignment; PostgreSQL plans it as any join.
        "SELECT a.entry_id, COUNT(*) FROM conflicts cf CROSS JOIN assignments a"
        " WHERE a.round_id = :r AND a.judge_id = cf.judge_id AND a.entry_id = cf.entry_id"
        " GROUP BY a.entry_id", {"r": round_id}
    ):
        counts[entry_id] -= conflicted
    return counts


def criterion_scores_milli(
    reader: RowReader, round_id: int, entry_ids: Collection[int]
) -> list[tuple[int, int, int, int]]:
    """(entry_id, judge_id, criterion_id, value_milli) of counted sheets of the given entries.
    Values stay integer thousandths: they are only compared with each other."""
    if not entry_ids:
        return []
    select_sql = "SELECT sh.entry_id, sh.judge_id, s.criterion_id, s.value_milli FROM scores s"
    if len(entry_ids) > WHOLE_ROUND_ABOVE:
        wanted = set(entry_ids)
        rows = reader.all(select_sql + _COUNTED, {"round_id": round_id})
        return [r for r in rows if r[0] in wanted]
    condition, params = in_list("e", sorted(entry_ids))
    return reader.all(select_sql + _COUNTED + " AND sh.entry_id " + condition,
                      {"round_id": round_id, **params})


def criterion_summaries_milli(
    reader: RowReader, round_id: int, criterion_id: int, extremes: bool = True
) -> list[tuple[int, ...]]:
    """(entry_id, sum, count[, min, max]) of every entry's counted scores (thousandths) on
    one criterion: what the mean and (with the extremes) the trimmed-mean tie-breaks need.
    Entries that are no longer eligible may be among them; nobody asks for them."""
    columns = "entry_id, total_milli, score_count" + (", min_milli, max_milli" if extremes else "")
    return _ints(reader, reader.all(
        f"SELECT {columns} FROM entry_criterion_totals WHERE round_id = :r AND criterion_id = :c",
        {"r": round_id, "c": criterion_id}))


# Above this many sheets per entry lcm(1..n) times a sum could leave 64-bit integers:
# the keys are then computed in Python from the summaries instead.
KEYS_MAX_SHEETS = 20


def max_sheets(reader: RowReader, round_id: int) -> int:
    """The most counted sheets any entry has in the round (0 when none)."""
    row = reader.one("SELECT MAX(sheets) FROM entry_round_totals WHERE round_id = :r",
                     {"r": round_id})
    return int(row[0] or 0) if row else 0


def criterion_keys(reader: RowReader, round_id: int, criterion_id: int, floor: int | None,
                   most_sheets: int, entry_ids: Collection[int] | None = None,
                   median: bool = False) -> dict[int, int] | None:
    """entry_id -> its mean on one criterion (thousandths) times lcm(1..most_sheets), or its
    trimmed mean (one highest and one lowest score dropped) when it has at least `floor`
    scores: what core.scoring.tiebreak_context computes from the summaries, done in SQL.
    Exact: every count (and count - 2) divides the factor. None above KEYS_MAX_SHEETS.
    With `entry_ids` (at most WHOLE_ROUND_ABOVE), only those entries. With `median`: twice
    each entry's median on the criterion instead (kept with the totals)."""
    if most_sheets > KEYS_MAX_SHEETS and not median:
        return None
    scale = math.lcm(*range(1, most_sheets + 1)) if most_sheets else 1
    mean = "total_milli * (CAST(:scale AS BIGINT) / score_count)"
    value = "median2_milli" if median else mean if floor is None else (
        "CASE WHEN score_count >= :floor THEN (total_milli - min_milli - max_milli)"
        " * (CAST(:scale AS BIGINT) / (score_count - 2)) ELSE " + mean + " END")
    params = {"r": round_id, "c": criterion_id, "scale": scale, "floor": floor}
    sql = (f"SELECT entry_id, {value} FROM entry_criterion_totals"
           " WHERE round_id = :r AND criterion_id = :c")
    if entry_ids is not None and len(entry_ids) <= WHOLE_ROUND_ABOVE:
        condition, ids = in_list("e", sorted(entry_ids))
        sql += " AND entry_id " + condition
        params.update(ids)
    if floor is None or median:
        del params["floor"]
    if median:
        del params["scale"]
    return dict(_ints(reader, reader.all(sql, params)))


def criterion_values_milli(reader: RowReader, round_id: int, criterion_id: int
                           ) -> list[tuple[int, int]]:
    """(entry_id, value_milli) of every counted score on one criterion of the round."""
    sql = ("SELECT sh.entry_id, s.value_milli FROM scores s" + _COUNTED
           + " AND s.criterion_id = :criterion_id")
    return reader.all(sql, {"round_id": round_id, "criterion_id": criterion_id})
