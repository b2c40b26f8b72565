"""Excel score sheets holding what calamine reads as nothing: an error value typed into a
score cell (`#N/A` for "not applicable"), cells merged across two criteria, and the scores
sheet hidden behind a visible copy. Each was imported as if the cell were empty, or from
the hidden sheet, without a word (hostile review 17h); now the whole file is refused naming
the cell and what to do."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from test_score_workbooks import columns, export, fill

from judging_app.services import assignments, entries, score_workbooks, sheets
from judging_app.services.errors import ImportFileError

from factories import seeded_competition


@pytest.fixture
def judging(sqlite_db):
    s = seeded_competition(sqlite_db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    return s


def _filled(judging, tmp_path, change):
    path = fill(export(judging, tmp_path / "out")["J1"])
    wb = load_workbook(path)
    change(wb, wb["Nilai"], columns(wb["Nilai"]))
    wb.save(path)
    return path


def _refused(judging, path, *words, lang="en"):
    before = sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", "E1")
    with pytest.raises(ImportFileError) as info:
        score_workbooks.import_score_workbook(judging.ws, judging.code, path)
    text = info.value.render(lang).split(path.name, 1)[1]  # the problem, not the path
    for word in words:
        assert word in text, text
    assert sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", "E1") == before
    return text


@pytest.mark.parametrize("typed", ["#N/A", "#DIV/0!", "#VALUE!"])
def test_an_error_value_typed_into_a_score_cell_is_refused(judging, tmp_path, typed):
    path = _filled(judging, tmp_path, lambda wb, ws, at: setattr(ws[f"{at['A']}2"], "value",
                                                                 typed))
    at = columns(load_workbook(path)["Nilai"])
    _refused(judging, path, f"cell {at['A']}2", "error value")
    text = _refused(judging, path, f"sel {at['A']}2", lang="id")
    assert "error value" not in text


def test_cells_merged_across_criteria_are_refused(judging, tmp_path):
    def merge(wb, ws, at):
        ws.merge_cells(f"{at['A']}2:{at['B']}2")
    path = _filled(judging, tmp_path, merge)
    at = columns(load_workbook(path)["Nilai"])
    _refused(judging, path, f"{at['A']}2:{at['B']}2", "merged")
    assert "merged" not in _refused(judging, path, f"{at['A']}2:{at['B']}2", lang="id")


def test_a_hidden_scores_sheet_is_refused(judging, tmp_path):
    def hide(wb, ws, at):
        copy = wb.copy_worksheet(ws)
        copy.title = "Nilai (2)"
        ws.sheet_state = "hidden"
    path = _filled(judging, tmp_path, hide)
    _refused(judging, path, "Nilai", "hidden")
    assert "hidden" not in _refused(judging, path, "Nilai", lang="id")


def test_an_error_value_in_an_entry_list_is_refused(sqlite_db, tmp_path):
    """'#N/A' typed (or pasted as values from a failed look-up) in the innovators column of
    an entry list was imported as an empty value."""
    from test_entry_import import PEOPLE_ROWS, _fill, _template

    from judging_app.services.entry_import import import_entries

    seeded = seeded_competition(sqlite_db, judging=False)
    path = _template(sqlite_db, seeded.code, tmp_path / "entries.xlsx")
    rows = [list(r) for r in PEOPLE_ROWS]
    rows[1][4] = "#N/A"
    _fill(path, rows)
    before = entries.list_entries(sqlite_db, seeded.code)
    with pytest.raises(ImportFileError) as info:
        import_entries(seeded.ws, seeded.code, path, create_units=True)
    assert "E3" in str(info.value) and "error value" in str(info.value)
    assert "E3" in info.value.render("id")
    assert entries.list_entries(sqlite_db, seeded.code) == before


def test_rows_hidden_in_an_entry_list_are_named_in_the_preview(sqlite_db, tmp_path):
    """A list filtered in Excel (other categories' rows hidden) is imported whole: the
    preview now says which rows were hidden, so nobody imports rows they did not see
    without a word."""
    from openpyxl import load_workbook as load
    from test_entry_import import PEOPLE_ROWS, _fill, _template

    from judging_app.services.entry_import import preview_entry_import

    seeded = seeded_competition(sqlite_db, judging=False)
    path = _template(sqlite_db, seeded.code, tmp_path / "entries.xlsx")
    _fill(path, PEOPLE_ROWS)
    wb = load(path)
    wb.worksheets[0].row_dimensions[3].hidden = True
    wb.worksheets[0].row_dimensions[5].hidden = True
    wb.save(path)
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    notes = [n.render("en") if hasattr(n, "render") else str(n) for n in preview.notes]
    assert any("hidden" in n and "3, 5" in n for n in notes), notes
    notes_id = [n.render("id") for n in preview.notes if hasattr(n, "render")]
    assert any("3, 5" in n and "hidden" not in n for n in notes_id), notes_id
