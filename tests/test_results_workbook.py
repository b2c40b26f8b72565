"""The results workbook, read back with an independent reader (python-calamine): every number
equals the engine's result at two decimals, every text equals the database's text (titles
starting with "=" or "+" stay text), headings per language, print settings and charts
(read with openpyxl), cancel leaves nothing behind."""

from __future__ import annotations

import dataclasses
import io
import re
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from judging_app.core.enums import (
    AggregationMethod,
    CompetitionStatus,
    EntryStatus,
    RankingScope,
    RoundCombination,
)
from judging_app.core.setup import CriterionSpec, RoundSpec
from judging_app.exchange import results_workbook_xml as xml
from judging_app.exchange.results_workbook import VOCABULARY
from judging_app.services import assignments, competitions, entries, judges, results, sheets
from judging_app.services.entries import EntryInput
from judging_app.services.fairness_json import fairness_json
from judging_app.services.judges import JudgeInput
from judging_app.services.results_export import Cancelled, export_results_workbook
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import Seeded, tiny_setup

TITLES = {  # E1, E3: category umum; E2, E4: pd
    "E1": "=SUM(A1:A9)",
    "E2": "+62 811 2345 (layanan pengaduan)",
    "E3": "Inovasi «Sigap» — Pelayanan Kependudukan Desa Cempaka Putih, tanpa antre ñ é",
    "E4": "-Jemput bola @warga & <lansia>",
}
UNITS = {"U1": "=Dinas Kependudukan dan Pencatatan Sipil", "U2": "Kelurahan Sukamaju",
         "U3": "+Badan Pendapatan Daerah"}
JUDGES = {"J1": "=Juri Satu", "J2": "Dr. Ayu Lestari, M.Si.", "J3": "+Bambang Sutrisno"}
ACTOR = "=Sekretariat Uji"
REASON = "=Presentasi E4 lebih meyakinkan (sidang pleno)"
COMMENT = "=perlu verifikasi lapangan"
# total = 40·A/5 + 60·B/5; E2 and E4 tie exactly (80) until the chair decides
SCORES = {
    "E1": {"J1": (4, "3.5"), "J2": (5, 4), "J3": (3, 3)},
    "E3": {"J1": (5, 5), "J2": (4, 3), "J3": (2, 3)},
    "E2": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},
    "E4": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},
}


def _seed(db, setup=None) -> Seeded:
    ws = Workspace(db, ACTOR)
    comp = competitions.create_competition(ws, setup or tiny_setup())
    for code, name in UNITS.items():
        entries.add_unit(ws, comp.code, code, name, "dinas")
    for i, (code, title) in enumerate(TITLES.items(), 1):
        entries.add_entry(ws, comp.code, EntryInput(code=code, title=title, unit=f"U{(i - 1) % 3 + 1}",
                                                    category="umum" if i % 2 else "pd"))
    entries.set_entry_status(ws, comp.code, list(TITLES), EntryStatus.ELIGIBLE)
    for code, name in JUDGES.items():
        judges.add_judge(ws, comp.code, JudgeInput(code=code, name=name))
    competitions.set_status(ws, comp.code, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, comp.code, CompetitionStatus.JUDGING)
    return Seeded(ws, comp.code)


def _score(s: Seeded, round_code="prop", scores=SCORES, criteria=("A", "B"), drafts=()) -> None:
    assignments.auto_assign(s.ws, s.code, round_code, 3)
    for entry, by_judge in scores.items():
        for judge, values in by_judge.items():
            data = SheetInput(dict(zip(criteria, map(D, values), strict=True)),
                              overall_comment=COMMENT if (entry, judge) == ("E1", "J1") else None)
            sheets.save_sheet(s.ws, s.code, round_code, judge, entry, data)
            if (entry, judge) not in drafts:
                sheets.submit_sheet(s.ws, s.code, round_code, judge, entry)


def _finalized(db) -> tuple[Seeded, str]:
    s = _seed(db)
    _score(s)
    results.record_tie_decision(s.ws, s.code, ["E4", "E2"], REASON)
    return s, results.finalize(s.ws, s.code)


def _sheet(book: CalamineWorkbook, name: str) -> list[list]:
    return book.get_sheet_by_name(name).to_python()


def _table(book: CalamineWorkbook, name: str) -> tuple[list, list[dict]]:
    """Header row 3 and the data rows below it, as dicts by header."""
    rows = _sheet(book, name)
    header = rows[2]
    return header, [dict(zip(header, r, strict=True)) for r in rows[3:]]


def _number(cell):
    return None if cell == "" else cell


def _expected_total(a, b) -> float:
    return float(round(D(40) * D(a) / 5 + D(60) * D(b) / 5, 2))


def test_numbers_and_texts_equal_the_engine_and_the_database(db, tmp_path: Path):
    s, digest = _finalized(db)
    out = tmp_path / "out"
    path = export_results_workbook(db, s.code, out / "hasil.xlsx")
    assert path == out / "hasil.xlsx" and [p.name for p in out.iterdir()] == ["hasil.xlsx"]
    view = results.compute(db, s.code)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [
        "Daftar Pemenang", "Umum", "Perangkat Daerah", "Grafik", "Rekapitulasi Nilai", "Keadilan Panel",
        "Keadilan Juri", "Keadilan Pencilan", "Keadilan Stabilitas", "Ketentuan Penilaian",
        "Juri J1", "Juri J2", "Juri J3",
    ]
    for category, sheet in (("umum", "Umum"), ("pd", "Perangkat Daerah")):
        header, rows = _table(book, sheet)
        assert header[:3] == ["Peringkat", "Kategori Penghargaan", "Kode"]
        expected = [r for r in view.results.rows if r.group == category]
        assert len(rows) == len(expected) == 2
        for got, row in zip(rows, expected, strict=True):
            e = view.entries[row.entry_id]
            assert got["Kode"] == e.code and got["Judul Inovasi"] == TITLES[e.code] == e.title
            assert got["Perangkat Daerah"] == e.unit
            assert got["Nilai Akhir"] == float(row.displayed_score)
            assert "Nilai Eksak" not in got  # exact values: the recap's last column
            assert got["Peringkat"] == row.rank and got["Lembar"] == row.sheet_count
            assert got["Kategori Penghargaan"] == view.tier_labels[row.award]
    by_code = {r["Kode"]: r for r in _table(book, "Umum")[1] + _table(book, "Perangkat Daerah")[1]}
    assert by_code["E3"]["Nilai Akhir"] == 73.33
    assert "keputusan ketua dewan juri" in by_code["E4"]["Keterangan"]
    assert {u for u in (r["Perangkat Daerah"] for r in by_code.values())} <= set(UNITS.values())

    header, recap = _table(book, "Rekapitulasi Nilai")
    assert header[6:] == ["Kebaruan (40%)", "Kemanfaatan (60%)", "Total Juri",
                          "Nilai Akhir (rata-rata)", "Nilai Akhir Eksak"]
    assert len(recap) == 12
    for row in recap:
        a, b = SCORES[row["Kode"]][row["Juri"]]
        assert (row["Kebaruan (40%)"], row["Kemanfaatan (60%)"]) == (float(a), float(b))
        assert row["Total Juri"] == _expected_total(a, b)
        assert row["Nilai Akhir (rata-rata)"] == by_code[row["Kode"]]["Nilai Akhir"]
        assert row["Judul Inovasi"] == TITLES[row["Kode"]] and row["Nama Juri"] == JUDGES[row["Juri"]]

    rows = _sheet(book, "Juri J1")
    assert rows[0][0] == f"Lembar Penilaian Juri J1 — {JUDGES['J1']}"
    mine = {r["Kode"]: r for r in _table(book, "Juri J1")[1]}
    assert set(mine) == set(TITLES)
    assert mine["E1"]["Komentar"] == COMMENT and mine["E1"]["Total Juri"] == _expected_total(4, "3.5")

    report = fairness_json(results.fairness(db, s.code))
    _, panels = _table(book, "Keadilan Panel")
    assert len(panels) == len(report["panels"])
    for got, want in zip(panels, report["panels"], strict=True):
        for form in ("icc1_1", "icc2_1", "icc3_1", "icc1_k", "icc2_k", "icc3_k"):
            assert _number(got[f"ICC({form[3]},{form[5]})"]) == want["icc"][form]
        assert _number(got["Kendall W"]) == want["kendall_w"]
    assert any(p["icc"]["icc2_1"] is not None for p in report["panels"])
    _, judge_rows = _table(book, "Keadilan Juri")
    want = {(p["category"], j["judge"]): j for p in report["panels"] for j in p["judges"]}
    cats = {"Umum": "umum", "Perangkat Daerah": "pd"}
    for got in judge_rows:
        j = want[(cats[got["Kategori"]], got["Juri"])]
        assert got["Kecenderungan (selisih dari juri lain)"] == j["severity"]
        assert got["Rata-rata total"] == j["mean_total"] and got["Nama Juri"] == JUDGES[got["Juri"]]

    assert "Hanya inovasi yang penghargaannya berubah" in _sheet(book, "Keadilan Stabilitas")[1][0]

    rules = _sheet(book, "Ketentuan Penilaian")
    cells = [c for r in rules for c in r if c != ""]
    assert REASON in cells and ACTOR in cells and "E4 > E2" in cells
    assert next(r[1] for r in rules if r[0] == "Digest (SHA-256)") == digest
    assert next(r[1] for r in rules if str(r[0]).startswith("Sama dengan hasil")) == "ya"
    assert next(r for r in rules if r[0] == "A") == ["A", "Kebaruan", "", 40.0, "1–5", 1.0]


def test_english_headings(sqlite_db, tmp_path: Path):
    s = _seed(sqlite_db)
    _score(s)
    path = export_results_workbook(sqlite_db, s.code, tmp_path / "results.xlsx", lang="en")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[:10] == [
        "Winners", "General", "Perangkat Daerah", "Charts", "Score Recap", "Fairness Panels",
        "Fairness Judges", "Fairness Outliers", "Fairness Stability", "Scoring Rules",
    ]
    rows = _sheet(book, "General")
    assert rows[0][0] == "Ranking — General"  # the category's English name
    assert "Method: mean" in rows[1][0]
    assert rows[2] == ["Rank", "Award", "Code", "Innovation Title", "Government Unit", "Final Score",
                       "Remarks", "Sheets"]
    assert _sheet(book, "Score Recap")[2][-3:] == ["Judge's Total", "Final Score (mean)", "Exact Final Score"]
    assert _sheet(book, "Perangkat Daerah")[0][0] == "Ranking — Perangkat Daerah"  # no English name
    assert _sheet(book, "Winners")[0][0] == "Draft List of Winners (DRAFT — results not finalized)"


def test_print_settings_and_a_chart_per_category(sqlite_db, tmp_path: Path):
    s = _seed(sqlite_db)
    _score(s)
    path = export_results_workbook(sqlite_db, s.code, tmp_path / "hasil.xlsx")
    wb = openpyxl.load_workbook(path)
    for name in wb.sheetnames:
        ws = wb[name]
        portrait = name == "Daftar Pemenang"
        assert (ws.page_setup.orientation, ws.page_setup.paperSize) == (
            "portrait" if portrait else "landscape", 9)
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        if name not in ("Grafik", "Ketentuan Penilaian"):
            assert ws.print_title_rows == "$3:$3" and ws.freeze_panes == "A4"
            assert re.fullmatch(r"A3:[A-Z]+\d+", ws.auto_filter.ref)
            assert ws["A3"].font.b and ws.column_dimensions["A"].width > 0
    assert wb["Umum"].auto_filter.ref == "A3:H5"
    assert wb["Umum"]["F4"].number_format == "0.00"
    charts = wb["Grafik"]._charts
    assert len(charts) == 2  # one per category
    view = results.compute(sqlite_db, s.code)
    grafik = _sheet(CalamineWorkbook.from_path(str(path)), "Grafik")
    for chart, category in zip(charts, ("umum", "pd"), strict=True):
        (series,) = chart.series
        ref = series.val.numRef.f
        first, last = map(int, re.fullmatch(r"'Grafik'!\$D\$(\d+):\$D\$(\d+)", ref).groups())
        top = [float(r.displayed_score) for r in view.results.rows if r.group == category]
        assert [grafik[i - 1][3] for i in range(first, last + 1)] == top
        assert chart.title.tx.rich.p[0].r[0].t.startswith("10 Nilai Akhir Tertinggi")


def test_method_and_round_options(sqlite_db, tmp_path: Path):
    s = _seed(sqlite_db)
    _score(s)
    path = export_results_workbook(sqlite_db, s.code, tmp_path / "median.xlsx", round_code="prop",
                                   method="median", include_stability=False)
    view = results.compute(sqlite_db, s.code, "prop", AggregationMethod.MEDIAN)
    book = CalamineWorkbook.from_path(str(path))
    got = {r["Kode"]: r["Nilai Akhir"] for r in _table(book, "Umum")[1]}
    assert got == {view.entries[r.entry_id].code: float(r.displayed_score)
                   for r in view.results.rows if r.group == "umum"}
    assert got["E3"] == 68.0 and "Metode: median" in _sheet(book, "Umum")[1][0]
    assert "tidak dihitung" in _sheet(book, "Keadilan Stabilitas")[1][0]


def test_overall_ranking_and_weighted_rounds(sqlite_db, tmp_path: Path):
    base = tiny_setup()
    pres = RoundSpec(code="pres", name="Presentasi dan wawancara", weight=D(60),
                     criteria=(CriterionSpec("C", "Penyajian", D(100), D(0), D(100), D(1)),))
    setup = dataclasses.replace(
        base, rounds=(*base.rounds[:1], dataclasses.replace(base.rounds[1], weight=D(40)), pres),
        rules=dataclasses.replace(base.rules, ranking_scope=RankingScope.OVERALL,
                                  round_combination=RoundCombination.WEIGHTED))
    s = _seed(sqlite_db, setup)
    _score(s)
    _score(s, "pres", {e: {j: (70 + i,) for j in JUDGES} for i, e in enumerate(TITLES)}, ("C",))
    path = export_results_workbook(sqlite_db, s.code, tmp_path / "hasil.xlsx")
    view = results.compute(sqlite_db, s.code)
    assert view.round_codes == ("prop", "pres")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[:2] == ["Daftar Pemenang", "Peringkat"]
    header, rows = _table(book, "Peringkat")
    assert "Kategori" in header
    assert [(r["Kode"], r["Nilai Akhir"]) for r in rows] == [
        (view.entries[r.entry_id].code, float(r.displayed_score)) for r in view.results.rows]
    header, recap = _table(book, "Rekapitulasi Nilai")
    assert header[0] == "Tahap" and "prop: Kebaruan (40%)" in header and "pres: Penyajian (100%)" in header
    assert len(recap) == 24
    pres_row = next(r for r in recap if r["Tahap"] == "pres" and r["Kode"] == "E2")
    assert (pres_row["pres: Penyajian (100%)"], pres_row["Total Juri"], pres_row["prop: Kebaruan (40%)"]) == (
        71.0, 71.0, "")


def test_incomplete_entries_are_shown_but_not_ranked_or_charted(sqlite_db, tmp_path: Path):
    s = _seed(sqlite_db)
    _score(s, drafts={("E1", "J3"), ("E3", "J3")})  # category umum: nobody complete
    path = export_results_workbook(sqlite_db, s.code, tmp_path / "hasil.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    _, rows = _table(book, "Umum")
    assert [(r["Peringkat"], r["Lembar"], r["Keterangan"]) for r in rows] == [
        ("", 2.0, "belum lengkap (2 dari 3 lembar)")] * 2
    assert {r["Kode"]: r["Nilai Akhir"] for r in rows} == {"E1": 81.0, "E3": 84.0}
    grafik = [r[0] for r in _sheet(book, "Grafik")]
    assert "Belum ada inovasi yang diperingkat." in grafik
    assert len(openpyxl.load_workbook(path)["Grafik"]._charts) == 1
    _, recap = _table(book, "Rekapitulasi Nilai")
    assert len(recap) == 10  # drafts never count
    notes = [r[0] for r in _sheet(book, "Ketentuan Penilaian")]
    assert "2 inovasi belum lengkap (lembar kurang) dan tidak diperingkat." in notes


def test_before_any_score_the_lists_are_there_and_empty(sqlite_db, tmp_path: Path):
    s = _seed(sqlite_db)
    path = export_results_workbook(sqlite_db, s.code, tmp_path / "hasil.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[:4] == ["Daftar Pemenang", "Umum", "Perangkat Daerah", "Grafik"]
    assert _table(book, "Umum")[1] == []
    assert [r[0] for r in _sheet(book, "Grafik")].count("Belum ada inovasi yang diperingkat.") == 2


def test_cancel_leaves_the_old_file_and_no_partial_file(sqlite_db, tmp_path: Path):
    s = _seed(sqlite_db)
    _score(s)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "hasil.xlsx"
    target.write_bytes(b"the previous export")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done > 300:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_results_workbook(sqlite_db, s.code, target, progress=progress)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in out.iterdir()] == ["hasil.xlsx"]
    assert seen[0] == (0, 1000) and all(t == 1000 for _, t in seen)
    done = []
    export_results_workbook(sqlite_db, s.code, target, progress=lambda d, t: done.append(d))
    assert done == sorted(done) and done[-1] == 1000


TRICKY = ["=1+2", "=SUM(A1:A3)", "+62 811", "-5", "@user", "_x0041_", "a\x0bb", "line\r\nbreak",
          "  leading", "trailing ", "<b>&amp;</b>", "é ñ «» — 漢字 🙂", "'quoted", "tab\there"]


def test_text_cells_round_trip_exactly(tmp_path: Path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("T")
    spec = xml.SheetSpec("T", "=title", "+subtitle", [xml.Column("=header")],
                         lambda: [(t,) for t in TRICKY] + [(xml.Num("73.33"),), (7,)], len(TRICKY) + 2)
    xml.configure(ws, spec, "")
    styles = xml.Styles(ws, spec.columns)
    package = io.BytesIO()
    wb.save(package)
    xml.assemble(package.getvalue(), tmp_path / "t.xlsx",
                 {ws.path.lstrip("/"): lambda: xml.rows_xml(spec, styles, lambda n: None)})
    rows = CalamineWorkbook.from_path(str(tmp_path / "t.xlsx")).get_sheet_by_name("T").to_python()
    assert [r[0] for r in rows] == ["=title", "+subtitle", "=header", *TRICKY, 73.33, 7]
    ws2 = openpyxl.load_workbook(tmp_path / "t.xlsx")["T"]
    assert all(c.data_type == "s" for c in ws2["A"][:3 + len(TRICKY)])  # never a formula


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    assert xml.sheet_name("Pemenang a/b:c*?[x]", used) == "Pemenang a-b-c---x-"
    assert xml.sheet_name("Juri J1", used) == "Juri J1"
    assert xml.sheet_name("juri j1", used) == "juri j1 (2)"
    long = "Pemenang " + "kategori_sangat_panjang" * 3
    assert len(xml.sheet_name(long, used)) == 31 and len(xml.sheet_name(long, used)) == 31
    assert xml.sheet_name("Perangkat Daerah (Dinas/Badan) dan Lainnya", used) == "Perangkat Daerah (Dinas-Badan)…"
    assert len(used) == 6


def test_both_vocabularies_say_the_same_things():
    for key, pair in VOCABULARY.items():
        assert len(pair) == 2 and all(pair), key
        fields = [set(re.findall(r"{(\w+)}", text)) for text in pair]
        assert fields[0] == fields[1], key


def test_the_workbook_is_shared_like_every_export(sqlite_db, tmp_path: Path):
    import os

    s = _seed(sqlite_db)
    old = os.umask(0o022)
    try:
        path = export_results_workbook(sqlite_db, s.code, tmp_path / "hasil.xlsx")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
