"""The entry import format's pure parts: header names, dates, stages, types, problems."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from judging_app.exchange.entry_format import (
    EntryProblem,
    cell_text,
    column_index,
    column_letter,
    match_header,
    parse_date,
    parse_stage,
    parse_type,
    split_links,
)


@pytest.mark.parametrize(("text", "key"), [
    ("Kode", "code"), ("CODE", "code"), ("Kode *", "code"), ("kode inovasi", "code"),
    ("Judul inovasi", "title"), ("Title", "title"), ("Nama Inovasi", "title"),
    ("Perangkat daerah / Unit", "unit"), ("OPD", "unit"), ("Government unit", "unit"),
    ("Kategori (Category)", "category"), ("Kelompok", "category"),
    ("Inovator", "innovators"), ("Innovators", "innovators"), ("Kontak", "contact"),
    ("Tahapan", "stage"), ("Stage", "stage"), ("Jenis", "innovation_type"),
    ("Type", "innovation_type"), ("Tanggal mulai", "started_on"), ("Start date", "started_on"),
    ("Ringkasan", "summary"), ("Summary", "summary"), ("Tautan", "links"), ("Links", "links"),
    ("Dokumen", "documents"), ("Berkas", "documents"), ("Documents", "documents"),
    ("Tanggal Mulai\nStart date", "started_on"),
])
def test_header_names_in_both_languages(text, key):
    assert match_header(text) == key


@pytest.mark.parametrize("text", ["No.", "Nomor", "Keterangan", "", None, 12, "Tahap"])
def test_other_headers_are_not_columns(text):
    assert match_header(text) is None


@pytest.mark.parametrize(("value", "expected"), [
    (date(2024, 8, 17), date(2024, 8, 17)), (datetime(2024, 8, 17, 9, 30), date(2024, 8, 17)),
    ("2024-08-17", date(2024, 8, 17)), ("17/08/2024", date(2024, 8, 17)),
    ("17-08-2024", date(2024, 8, 17)), ("7/8/2024", date(2024, 8, 7)),
    ("2024-08-17 10:00:00", date(2024, 8, 17)),
])
def test_dates_accepted(value, expected):
    assert parse_date(value) == (expected, "")


@pytest.mark.parametrize(("value", "words"), [
    ("17 Agustus 2024", "is not a date"), ("08/17/2024", "not a real date"),
    ("31/02/2024", "not a real date"), (45000.0, "is a number"), ("17/08/0024", "not plausible"),
    (True, "is a number"),
])
def test_dates_refused(value, words):
    found, why = parse_date(value)
    assert found is None and words in str(why)


def test_stages_types_links_and_cells():
    assert [parse_stage(t) for t in ("inisiatif", "Uji Coba", "ujicoba", "TRIAL", "penerapan",
                                     "implementation", "selesai")] == [
        "initiative", "trial", "trial", "trial", "implementation", "implementation", None]
    assert [parse_type(t) for t in ("digital", "Non-Digital", "non digital", "non_digital",
                                    "analog")] == [
        "digital", "non_digital", "non_digital", "non_digital", None]
    assert split_links(" a ;b\r\n\nc; ") == "a\nb\nc"
    assert [cell_text(v) for v in (7.0, 3.5, " x ", None, True, date(2024, 1, 2))] == [
        "7", "3.5", "x", "", "TRUE", "2024-01-02"]
    assert [column_letter(i) for i in (0, 25, 26, 16383)] == ["A", "Z", "AA", "XFD"]
    assert [column_index(s) for s in ("A", "Z", "AA", "XFD")] == [0, 25, 26, 16383]


def test_problem_text_names_the_place():
    assert str(EntryProblem("x", "Inovasi", 5, "C", "Judul")) == "sheet 'Inovasi', cell C5 (Judul): x"
    assert str(EntryProblem("x", "Inovasi", None, "C", "Judul")) == \
        "sheet 'Inovasi', column C (Judul): x"
    assert str(EntryProblem("x", None, 3)) == "row 3: x"
    assert str(EntryProblem("x")) == "x"
