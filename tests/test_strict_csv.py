"""Every number imported from a CSV is the number typed, or nothing is imported: the cases
a hostile test found on 3578f17 (a decimal comma split by the separator and stored as a
whole score, extra cells ignored, one stray quote swallowing the rest of the file, line
breaks removed, records counted instead of lines, exotic digits, exponents, over-precise
values and huge cells)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from judging_app.exchange.entry_format import EntryFileError
from judging_app.exchange.entry_reader import read_entry_file
from judging_app.services import assignments, sheets
from judging_app.services.errors import ImportFileError
from judging_app.services.score_import import import_paper_scores

from factories import seeded_competition

HEADER = "round,judge,entry,criterion,score,comment\n"


@pytest.fixture
def comp(sqlite_db):
    seeded = seeded_competition(sqlite_db, n_entries=3, n_judges=2)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1", "E2", "E3"])
    return seeded


def _import(comp, tmp_path, text: str, **kwargs):
    path = tmp_path / "nilai.csv"
    path.write_text(text, encoding="utf-8")
    return import_paper_scores(comp.ws, comp.code, path, **kwargs)


def _refused(comp, tmp_path, text: str) -> str:
    with pytest.raises(ImportFileError) as info:
        _import(comp, tmp_path, text)
    assert sheets.get_sheet(comp.ws.db, comp.code, "prop", "J1", "E1") is None
    return str(info.value)


@pytest.mark.parametrize("text", [
    HEADER + "prop,J1,E1,B,4,5\n",  # lands in the comment column
    "round,judge,entry,criterion,score\nprop,J1,E1,B,4,5\n",  # an extra cell
    HEADER + "prop,J1,E1,B,4,5,bagus\n",
])
def test_a_decimal_comma_split_by_the_separator_is_refused_with_advice(comp, tmp_path, text):
    error = _refused(comp, tmp_path, text)
    assert "line 2, column 'score': '4,5' looks like a score with a decimal comma" in error
    assert 'write 4.5, put the value in double quotes ("4,5"), or save the file with' in error


def test_the_decimal_comma_where_it_is_unambiguous_is_read(comp, tmp_path):
    _import(comp, tmp_path, HEADER + 'prop,J1,E1,B,"4,5",bagus\nprop,J1,E2,B,3.5,\n',
            submit=False)
    _import(comp, tmp_path, "tahap;juri;inovasi;kriteria;nilai;catatan\n"
                            "prop;J1;E3;B;2,5;ok, good\n", submit=False)
    get = sheets.get_sheet
    assert get(comp.ws.db, comp.code, "prop", "J1", "E1").scores == {"B": D("4.5")}
    assert get(comp.ws.db, comp.code, "prop", "J1", "E2").scores == {"B": D("3.5")}
    e3 = get(comp.ws.db, comp.code, "prop", "J1", "E3")
    assert (e3.scores, e3.comments) == ({"B": D("2.5")}, {"B": "ok, good"})


def test_extra_cells_are_refused(comp, tmp_path):
    error = _refused(comp, tmp_path, HEADER + "prop,J1,E1,A,4,bagus,J2\n")
    assert "line 2: 7 values but the header has 6 columns" in error


def test_one_stray_quote_cannot_swallow_the_rest_of_the_file(comp, tmp_path):
    rows = ['prop,J1,E1,A,4,"bagus\n'] + [f"prop,J1,E{2 + i % 2},A,3,\n" for i in range(159)]
    error = _refused(comp, tmp_path, HEADER + "".join(rows))
    assert "line 2: a double quote (\") opens a value that is never closed" in error


def test_quoted_line_breaks_are_kept_and_lines_are_counted_as_a_text_editor_does(comp,
                                                                                tmp_path):
    text = HEADER + 'prop,J1,E1,A,4,"baris satu\nbaris dua\nbaris tiga"\nprop,J1,E2,A,9,\n'
    error = _refused(comp, tmp_path, text)
    assert "line 5, column 'score': 9 is outside the scale 1–5" in error  # not "row 3"
    _import(comp, tmp_path, text.replace(",9,", ",3,"), submit=False)
    sheet = sheets.get_sheet(comp.ws.db, comp.code, "prop", "J1", "E1")
    assert sheet.comments == {"A": "baris satu\nbaris dua\nbaris tiga"}


@pytest.mark.parametrize(("value", "words"), [
    ("1e309", "written with an exponent"),
    ("9" * 40, "is too large"),
    ("٤", "digits other than 0–9"),
    ("４", "digits other than 0–9"),
    ("3_7.5", "a separator inside the number"),
    ("37.5000000000000000000000000001", "more than 3 decimals"),
    ("NaN", "not a finite number"),
])
def test_numbers_that_are_not_plain_decimals_are_refused(comp, tmp_path, value, words):
    error = _refused(comp, tmp_path, HEADER + f"prop,J1,E1,A,{value},\n")
    assert "line 2, column 'score':" in error and words in error


def test_a_huge_cell_is_refused(comp, tmp_path):
    error = _refused(comp, tmp_path, HEADER + "prop,J1,E1,A,4," + "x" * 140_000 + "\n")
    assert "line 2: a value is longer than 32,767 characters" in error
    error = _refused(comp, tmp_path, HEADER + "prop,J1,E1,A,4," + "x" * 40_000 + "\n")
    assert "line 2, column 6: the value is longer than 32,767 characters" in error


def test_an_unknown_column_is_refused(comp, tmp_path):
    error = _refused(comp, tmp_path, "round,judge,entry,criterion,score,nama juri\n"
                                     "prop,J1,E1,A,4,Juri 1\n")
    assert "line 1: the column 'nama juri' is not one this import reads" in error


def test_entry_csv_refuses_a_stray_quote_and_counts_lines(tmp_path):
    path = tmp_path / "inovasi.csv"
    path.write_text('Kode,Judul,Perangkat daerah,Kategori\nK1,"Satu\nbaris,Dinas,Umum\n'
                    "K2,Dua,Dinas,Umum\n", encoding="utf-8")
    with pytest.raises(EntryFileError, match="line 2: a double quote"):
        read_entry_file(path)
    path.write_text('Kode,Judul,Perangkat daerah,Kategori,Tanggal mulai\n'
                    'K1,"Satu\ndua",Dinas,Umum,2024-01-01\nK2,Dua,Dinas,Umum,32/01/2024\n',
                    encoding="utf-8")
    sheet = read_entry_file(path)
    assert sheet.rows[0].title == "Satu\ndua"
    assert [p.row for p in sheet.problems.items] == [4]
