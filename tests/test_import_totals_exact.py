"""A scores import keeps the per-entry totals from the values it has just inserted and the
other judges' stored scores (store.entry_totals_bulk, `written`): on a messy mix of sheets
typed by judges, drafts, partial files and files completing earlier drafts, the stored
totals must be exactly what recomputing every entry from its scores gives."""

from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import text

from judging_app.services import assignments, sheets
from judging_app.services.score_import import import_paper_scores
from judging_app.services.sheets import SheetInput
from judging_app.store import entry_totals

from factories import seeded_competition

TABLES = {
    "sheet_totals": "SELECT round_id, entry_id, judge_id, numerator FROM sheet_totals",
    "entry_round_totals": "SELECT round_id, entry_id, sheets, numerator, criteria_key,"
                          " median_criteria_key FROM entry_round_totals",
    "entry_criterion_totals": "SELECT round_id, criterion_id, entry_id, total_milli,"
                              " score_count, min_milli, max_milli, median2_milli"
                              " FROM entry_criterion_totals",
}


def _stored(db) -> dict[str, set[tuple]]:
    with db.read() as s:
        return {name: {tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                       for row in s.execute(text(sql))} for name, sql in TABLES.items()}


def _recomputed(db) -> dict[str, set[tuple]]:
    """The tables as a full recompute from the scores writes them (rolled back after)."""
    with db.write() as s:
        entry_totals.rebuild(s)
        out = {name: {tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                      for row in s.execute(text(sql))} for name, sql in TABLES.items()}
        s.rollback()
    return out


def _csv(tmp_path, name: str, rows: list[tuple[str, str, str, str]]):
    path = tmp_path / name
    path.write_text("round,judge,entry,criterion,score,comment\n" + "".join(
        f"prop,{j},{e},{c},{v},\n" for j, e, c, v in rows), encoding="utf-8")
    return path


def test_import_totals_equal_a_full_recompute_on_a_messy_competition(db, tmp_path):
    s = seeded_competition(db, n_entries=6, n_judges=4)
    for judge in ("J1", "J2", "J3", "J4"):
        assignments.assign(s.ws, s.code, "prop", judge, ["E1", "E2", "E3", "E4", "E5", "E6"])
    typed = {("J1", "E1"): ("4", "3.5"), ("J2", "E1"): ("2", "5"), ("J1", "E2"): ("5", "1"),
             ("J1", "E3"): ("3", "4.5")}
    for (judge, entry), (a, b) in typed.items():  # judges' own sheets, submitted
        sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
        sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E2", SheetInput({"A": D(1)}))  # a draft

    # a first file: complete sheets beside the typed ones (E1 gets a third, odd count),
    # a half sheet (stays a draft), a new entry alone
    first = [("J3", "E1", "A", "5"), ("J3", "E1", "B", "2.5"),
             ("J2", "E3", "A", "1"), ("J2", "E3", "B", "4.5"),
             ("J3", "E2", "A", "4"),
             ("J1", "E4", "A", "2"), ("J1", "E4", "B", "2"),
             ("J2", "E4", "A", "3"), ("J2", "E4", "B", "1.5")]
    import_paper_scores(s.ws, s.code, _csv(tmp_path, "a.csv", first))
    assert _stored(db) == _recomputed(db)

    # a second file completes the drafts (J2/E2 typed by the judge, J3/E2 from the file)
    # and adds an entry with four sheets (even count: the median of two middle values)
    second = [("J2", "E2", "B", "3"), ("J3", "E2", "B", "5"),
              *[(j, "E5", c, v) for j, a, b in (("J1", "1", "1"), ("J2", "5", "5"),
                                               ("J3", "2", "4.5"), ("J4", "4", "2"))
                for c, v in (("A", a), ("B", b))]]
    import_paper_scores(s.ws, s.code, _csv(tmp_path, "b.csv", second))
    stored = _stored(db)
    assert stored == _recomputed(db)
    with db.read() as session:
        assert entry_totals.difference_rows(session) == []
    e5 = [r for r in stored["entry_round_totals"] if r[2] == 4]
    assert len(e5) == 1  # E5: four counted sheets
    assert len(stored["sheet_totals"]) == 3 + 3 + 2 + 2 + 4  # E1 3, E2 3, E3 2, E4 2, E5 4
