"""The public catalogue (an offline site and an Excel copy) and the compliance documents:
user text is escaped and forced to text, contacts only when asked, the year filter, a folder
holding other files refused; on both backends."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from judging_app.core.programme import InnovationState
from judging_app.services import catalogue, innovations, programme_documents
from judging_app.services.errors import ServiceError

from programme_support import city_competition, register, workspace

UNITS = {"KOMINFO": "Dinas Komunikasi dan Informatika", "DINKES": "Dinas Kesehatan"}
EVIL = '<script>alert("x")</script> & "Sistem" =SUM(A1)'


@pytest.fixture
def programme(db):
    ws = workspace(db)
    register(ws)
    city_competition(ws, 2024, [("A1", EVIL, "KOMINFO"), ("A2", "Posyandu Digital", "DINKES")],
                     UNITS, scores={"A1": (5, 5), "A2": (4, 4)}, finalize=True)
    from judging_app.services import entries
    from judging_app.services.entries import EntryInput

    comp = city_competition(ws, 2025, [], UNITS)
    entries.add_entry(ws, comp, EntryInput("B1", "Layanan Baru", "DINKES", "umum",
                                           links="javascript:alert(1)\nhttps://contoh.go.id/b1",
                                           contact="budi@contoh.go.id"))
    posyandu = next(i.code for i in innovations.list_innovations(db) if i.title == "Posyandu Digital")
    innovations.record_status(ws, posyandu, 2025, InnovationState.CONTINUED, ["BAPPEDA"])
    return ws


def test_the_site_escapes_text_keeps_contacts_out_unless_asked_and_filters_a_year(db, programme,
                                                                                 tmp_path):
    report = catalogue.write_catalogue(db, tmp_path / "katalog")
    assert report.innovations == 3
    index = report.index.read_text(encoding="utf-8")
    assert "<script>alert" not in index and "&lt;script&gt;alert(&quot;x&quot;)" in index
    assert index.count("<script") == 1  # only the catalogue's own script
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "katalog" / "inovasi").iterdir()}
    assert len(pages) == 3
    evil = next(t for t in pages.values() if "alert(&quot;x&quot;)" in t)
    assert "Juara I — Kompetisi Inovasi Kota 2024" in evil
    baru = pages["INO-2025-0001.html"]
    assert '<a href="https://contoh.go.id/b1"' in baru
    assert 'href="javascript' not in baru and "<li>javascript:alert(1)</li>" in baru
    assert "budi@contoh.go.id" not in baru and "Budi Santoso" not in "".join(pages.values())
    posyandu = next(t for t in pages.values() if "Posyandu Digital</h1>" in t)
    assert "replicated by" not in posyandu and "direplikasi oleh Badan Perencanaan" in posyandu
    assert (tmp_path / "katalog" / "assets" / "catalogue.js").is_file()
    for href in re.findall(r'href="([^"]+)"', index):  # every local link resolves
        if not href.startswith("http"):
            assert (tmp_path / "katalog" / href).is_file(), href
    _contacts_when_included_the_year_filter_and_the_workbook(db, tmp_path)


def _contacts_when_included_the_year_filter_and_the_workbook(db, tmp_path):
    report = catalogue.write_catalogue(db, tmp_path / "k", year=2025, include_contacts=True,
                                       lang="en")
    assert report.innovations == 2  # the new one, and Posyandu still running in 2025
    page = (tmp_path / "k" / "inovasi" / "INO-2025-0001.html").read_text(encoding="utf-8")
    assert "budi@contoh.go.id" in page and "<dt>Contact</dt>" in page
    sheet = load_workbook(report.workbook).active
    rows = list(sheet.iter_rows(values_only=True))
    head = rows.index(next(r for r in rows if r[0] == "Code"))
    assert [r[1] for r in rows[head + 1:]] == ["Layanan Baru", "Posyandu Digital"]
    assert "Contact" in rows[head]
    catalogue.write_catalogue(db, tmp_path / "k", year=2024)  # an earlier catalogue: replaced
    assert len(list((tmp_path / "k" / "inovasi").iterdir())) == 2
    text_cell = load_workbook(tmp_path / "k" / "katalog-inovasi.xlsx").active
    evil = [c for row in text_cell.iter_rows() for c in row if c.value == EVIL]
    assert evil and evil[0].data_type == "s"  # '=SUM(' stays text


def test_a_folder_with_other_files_is_refused(db, programme, tmp_path):
    (tmp_path / "dokumen").mkdir()
    (tmp_path / "dokumen" / "penting.docx").write_bytes(b"x")
    with pytest.raises(ServiceError, match="holds other files"):
        catalogue.write_catalogue(db, tmp_path / "dokumen")
    assert (tmp_path / "dokumen" / "penting.docx").read_bytes() == b"x"


def test_the_compliance_workbook_and_pdf(db, programme, tmp_path, qapp):
    xlsx = programme_documents.export_compliance(db, 2025, tmp_path / "c.xlsx", "id")
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "No.")
    assert [(r[1], r[-1]) for r in rows[head + 1:head + 4]] == [
        ("DISKOMINFO", "Belum memiliki inovasi"), ("DISPENDUK", "Belum memiliki inovasi"),
        ("KEC-GADING", "Belum memiliki inovasi")]  # the units with none stand out first
    by_code = {r[1]: r for r in rows[head + 1:] if r[1]}
    assert by_code["DISKOMINFO"][4:8] == (0, 0, 0, 0)
    assert by_code["DINKES"][4:8] == (1, 1, 0, 0)  # B1 registered, not screened
    assert by_code["BAPPEDA"][4] == 1  # replicated Posyandu Digital
    pdf = programme_documents.export_compliance(db, 2025, tmp_path / "c.pdf", "en")
    assert pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(ServiceError, match="write compliance as one of"):
        programme_documents.export_compliance(db, 2025, tmp_path / "c.docx")
