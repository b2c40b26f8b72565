"""The documents a city signs, as its letters are written: the letterhead (kop surat) with its
logo, the Nomor of the minutes, NIP lines under the signatures, the head of region's title
(a regency gets BUPATI), the LAMPIRAN block with TENTANG, times in the competition's zone
(WITA here), and a DRAF watermark on every page until the results are finalized."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from test_pdf_documents import _flat, _info, _text

from judging_app.core.documents import DocumentSettings
from judging_app.services import document_settings, documents, results, sheets
from judging_app.services.errors import ValidationError
from judging_app.services.sheets import SheetInput

from factories import seeded_competition

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
LOGO = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "sample_logo.png"
SETTINGS = DocumentSettings(
    government="PEMERINTAH KABUPATEN CONTOH", office="BADAN PERENCANAAN PEMBANGUNAN DAERAH",
    address="Jalan Soekarno-Hatta Nomor 9, Contoh", logo=LOGO.read_bytes(), head_title="BUPATI",
    region="CONTOH", head_name="H. Bambang Wijaya, S.H.", head_nip="19700101 199503 1 001",
    place="Sukamaju", minutes_number="000.8.3/45/2026", decree_number="188.45/9/2026",
    time_zone="Asia/Makassar")


@pytest.fixture
def scored(sqlite_db):
    s = seeded_competition(sqlite_db, n_entries=4, n_judges=3)
    from judging_app.services import assignments

    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for e in ("E1", "E2", "E3", "E4"):
        for j in ("J1", "J2", "J3"):
            sheets.save_sheet(s.ws, s.code, "prop", j, e, SheetInput({"A": 4, "B": 4}))
            sheets.submit_sheet(s.ws, s.code, "prop", j, e)
    document_settings.set_document_settings(s.ws, s.code, SETTINGS)
    return s


def test_settings_are_stored_and_checked(sqlite_db, scored):
    assert document_settings.get_document_settings(sqlite_db, scored.code) == SETTINGS
    with pytest.raises(ValidationError) as caught:
        document_settings.set_document_settings(scored.ws, scored.code, DocumentSettings(
            logo=b"GIF89a...", time_zone="Mars/Olympus"))
    text = caught.value.render("id")
    assert "PNG atau JPEG" in text and "Mars/Olympus bukan zona waktu" in text


def test_minutes_with_letterhead_number_nip_and_watermark(sqlite_db, scored, tmp_path):
    results.record_tie_decision(scored.ws, scored.code, ["E3", "E1"], "Dibahas dalam pleno.")
    path = tmp_path / "ba.pdf"
    pages = documents.write_minutes(sqlite_db, scored.code, path, on=date(2026, 11, 27))
    first = _flat(_text(path, 1))
    for expected in ("PEMERINTAH KABUPATEN CONTOH", "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
                     "Nomor: 000.8.3/45/2026", "Jumat, tanggal dua puluh tujuh bulan November"):
        assert _flat(expected) in first, expected
    whole = _text(path)
    assert "WITA" in whole and "UTC" not in whole  # the decision's time, in Makassar
    assert _flat("Ditetapkan di Sukamaju") in _flat(whole)
    assert whole.count("NIP. ") >= 3  # one line under every judge's name
    for page in range(1, pages + 1):  # the watermark across every page of a draft
        assert _watermark_share(path, page) > 0.05, page


def _watermark_share(path: Path, page: int) -> float:
    """The share of the page's middle drawn in the watermark's light grey (pdftotext does not
    extract text set at an angle, so the pixels are counted)."""
    out = subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page),
                          str(path)], capture_output=True, check=True).stdout
    width, height = map(int, out.split(b"\n")[1].split())
    pixels = out[out.index(b"255\n") + 4:]
    rows = [pixels[y * width:(y + 1) * width] for y in range(height // 3, 2 * height // 3)]
    middle = b"".join(row[width // 4: 3 * width // 4] for row in rows)
    return sum(226 <= v <= 229 for v in middle) / len(middle)  # 255 less alpha 28


def test_no_watermark_once_finalized(sqlite_db, scored, tmp_path):
    results.record_tie_decision(scored.ws, scored.code, ["E3", "E1"], "Dibahas dalam pleno.")
    results.record_tie_decision(scored.ws, scored.code, ["E4", "E2"], "Dibahas dalam pleno.")
    results.finalize(scored.ws, scored.code)
    path = tmp_path / "final.pdf"
    documents.write_winners_list(sqlite_db, scored.code, path)
    assert _watermark_share(path, 1) < 0.01
    flat = _flat(_text(path))
    assert "DRAF" not in flat and _flat("DAFTAR PEMENANG") in flat


def test_a_regencys_winners_list(sqlite_db, scored, tmp_path):
    path = tmp_path / "dp.pdf"
    documents.write_winners_list(sqlite_db, scored.code, path, on=date(2026, 11, 27),
                                 number="188.45/10/2026")
    flat = _flat(_text(path))
    for expected in ("LAMPIRAN", "KEPUTUSAN BUPATI CONTOH", "NOMOR : 188.45/10/2026",
                     "TANGGAL : 27 November 2026", "TENTANG : PENETAPAN PEMENANG",
                     "DRAF DAFTAR PEMENANG", "BUPATI CONTOH,", "H. Bambang Wijaya, S.H.",
                     "NIP. 19700101 199503 1 001", "Sukamaju, 27 November 2026"):
        assert _flat(expected) in flat, expected
    assert "WALI KOTA" not in _text(path)
    assert "A4" in _info(path)["Page size"]


def test_the_english_winners_list_names_the_regent(sqlite_db, scored, tmp_path):
    path = tmp_path / "w.pdf"
    documents.write_winners_list(sqlite_db, scored.code, path, "en")
    flat = _flat(_text(path))
    assert _flat("DECREE OF THE REGENT OF CONTOH") in flat and _flat("DRAFT LIST OF WINNERS") in flat


def test_the_command_line_sets_place_date_and_number(sqlite_db, scored, tmp_path, capsys):
    from judging_app.cli.main import main

    path = tmp_path / "ba.pdf"
    args = ["export", "minutes", "--db", str(tmp_path / "test.sqlite"), "--competition",
            scored.code, "--out", str(path), "--place", "Balai Kota", "--number", "000.8/99/2026"]
    assert main([*args, "--date", "2026-12-01"]) == 0
    flat = _flat(_text(path))
    for expected in ("Nomor: 000.8/99/2026", "Ditetapkan di Balai Kota pada tanggal 1 Desember 2026",
                     "Selasa, tanggal satu bulan Desember tahun dua ribu dua puluh enam"):
        assert _flat(expected) in flat, expected
    capsys.readouterr()
    assert main([*args, "--date", "1 Desember", "--lang", "id"]) != 0
    assert "bukan tanggal" in capsys.readouterr().err


def test_settings_travel_in_the_competition_file(sqlite_db, scored, tmp_path, capsys):
    from judging_app.cli.main import main

    db = ["--db", str(tmp_path / "test.sqlite")]
    out = tmp_path / "lomba.json"
    assert main(["competition", "export", *db, "--competition", scored.code, "--out", str(out)]) == 0
    assert main(["competition", "import", *db, str(out), "--code", "salinan", "--as", "Sekretariat"]) == 0
    assert document_settings.get_document_settings(sqlite_db, "salinan") == SETTINGS
    capsys.readouterr()
    assert main(["competition", "documents", *db, "--competition", "salinan", "--head-title",
                 "GUBERNUR", "--region", "JAWA CONTOH", "--no-logo", "--as", "Sekretariat"]) == 0
    shown = capsys.readouterr().out
    assert "head_title\tGUBERNUR" in shown and "logo\t\n" in shown
    changed = document_settings.get_document_settings(sqlite_db, "salinan")
    assert changed.head("en") == "GOVERNOR OF JAWA CONTOH" and changed.logo == b""
    assert main(["competition", "documents", *db, "--competition", "salinan", "--logo",
                 str(tmp_path / "missing.png"), "--lang", "id"]) != 0
    assert capsys.readouterr().err == (f"kesalahan: Berkas logo tidak dapat dibaca: "
                                       f"{tmp_path / 'missing.png'}: berkas atau folder tidak "
                                       "ada.\n")
