"""PDF documents: the minutes, the winners list and blank score sheets, written through Qt's
PDF writer for a competition with one category of 150 entries, then read back with
poppler-utils (pdfinfo, pdftotext, pdftoppm): A4, page numbers, the expected texts, every
entry code present and the margins of every rendered page blank (nothing clipped).

Without poppler-utils those checks are skipped with that reason (.ci/run installs it).
The competition and its documents are built once per module (a SQLite file of its own),
since writing them is the slow part."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal as D
from pathlib import Path

import pytest

from judging_app.core.enums import AwardKind, CompetitionStatus, EntryStatus, JudgeRole, RoundKind
from judging_app.core.setup import (
    AwardTierSpec,
    CategorySpec,
    CompetitionSetup,
    CriterionSpec,
    LevelDescriptor,
    ResultRules,
    RoundSpec,
)
from judging_app.exchange.pdf_text import words_id
from judging_app.services import (
    assignments,
    competitions,
    documents,
    entries,
    judges,
    results,
    score_import,
)
from judging_app.services.entries import EntryInput
from judging_app.services.errors import NotFoundError, ServiceError
from judging_app.services.judges import JudgeInput
from judging_app.services.workspace import Workspace
from judging_app.store.database import open_database

TOOLS = ("pdfinfo", "pdftotext", "pdftoppm")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(t) for t in TOOLS),
    reason="poppler-utils is not installed (pdfinfo, pdftotext, pdftoppm); "
           "add poppler-utils to the Debian packages in .ci/run",
)
N = 150
REASON = "Presentasi E002 lebih meyakinkan <b>&amp;</b> datanya lengkap"
LONG_WORD = "SistemInformasiTerpaduPelayananPerizinanBerusahaanTerintegrasiSecaraElektronik"


def _setup() -> CompetitionSetup:
    levels = (LevelDescriptor(D(0), "tidak ada"), LevelDescriptor(D(50), "cukup"),
              LevelDescriptor(D(100), "sangat baik"))
    crit = (CriterionSpec("A", "Kebaruan", D(40), D(0), D(100), D(1), levels=levels,
                          description="Seberapa baru gagasan & caranya"),
            CriterionSpec("B", "Kemanfaatan", D(60), D(0), D(100), D(1), levels=levels))
    ranks = [("j1", "Juara I", 1), ("j2", "Juara II", 2), ("j3", "Juara III", 3),
             ("h1", "Juara Harapan I", 4)]
    tiers = [AwardTierSpec(c, label, AwardKind.RANK, rank_from=r, rank_to=r, label_en=f"Rank {r}")
             for c, label, r in ranks]
    tiers += [
        AwardTierSpec("si", "Sangat Inovatif", AwardKind.BAND, min_score=D(60),
                      min_inclusive=False),
        AwardTierSpec("in", "Inovatif", AwardKind.BAND, min_score=D(35), max_score=D(60),
                      max_inclusive=True),
        AwardTierSpec("ki", "Kurang Inovatif", AwardKind.BAND, min_score=D(0), max_score=D(35)),
    ]
    return CompetitionSetup(
        name="Lomba Inovasi Pelayanan Publik Kota Contoh", year=2026,
        organiser="Bagian Organisasi Sekretariat Daerah Kota Contoh",
        rules=ResultRules(tie_breaks=("criteria_by_weight", "chair_decision")),
        categories=(CategorySpec("umum", "Kelompok Umum", "General"),),
        rounds=(RoundSpec("adm", "Seleksi Administrasi", kind=RoundKind.SCREENING),
                RoundSpec("prop", "Penilaian Proposal", name_en="Proposal evaluation",
                          criteria=crit)),
        award_tiers=tuple(tiers),
    )


def _title(i: int) -> str:
    if i == 7:
        return f"Aplikasi {LONG_WORD}"
    if i == 9:
        return "Inovasi <b>&amp;</b> \"Kutipan\""
    return (f"Inovasi Pelayanan Nomor {i}: Sistem Informasi Layanan Terpadu Berbasis "
            f"Aplikasi untuk Masyarakat Kelurahan {i % 17}")


def _scores_csv(path: Path) -> Path:
    lines = ["round,judge,entry,criterion,score"]
    for i in range(1, N + 1):
        # distinct exact totals (290 - i - i // 3) / 3, except E002 equal to E001
        marks = {"J1": 100 - i // 2, "J2": 100 - (i + 1) // 2, "J3": 90 - i // 3 + (i == 2)}
        for judge, value in marks.items():
            lines += [f"prop,{judge},E{i:03d},{c},{value}" for c in "AB"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def docs(tmp_path_factory, qapp):
    """One category of 150 entries, scored by 3 judges; E001 and E002 tie for Juara I (the
    chair decides); the PDFs written before and after finalizing."""
    out = tmp_path_factory.mktemp("pdf")
    db = open_database(out / "comp.sqlite")
    ws = Workspace(db, "Sekretariat Uji")
    code = competitions.create_competition(ws, _setup(), "lomba-2026").code
    for u in range(1, 13):
        entries.add_unit(ws, code, f"U{u}", f"Dinas Pemberdayaan Masyarakat, Perempuan dan "
                                            f"Perlindungan Anak Wilayah {u}")
    for i in range(1, N + 1):
        entries.add_entry(ws, code, EntryInput(f"E{i:03d}", _title(i), f"U{i % 12 + 1}", "umum"))
    entries.set_entry_status(ws, code, [f"E{i:03d}" for i in range(1, N + 1)], EntryStatus.ELIGIBLE)
    for j, name in enumerate(["Prof. Dr. Ir. Budi Santoso, M.Sc.", "Dr. Siti Rahmawati, M.Si.",
                              "Andi Pratama, S.T., M.T."], 1):
        role = JudgeRole.CHAIR if j == 1 else JudgeRole.JUDGE
        judges.add_judge(ws, code, JudgeInput(f"J{j}", name, "Universitas Contoh", role=role))
    competitions.set_status(ws, code, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, code, CompetitionStatus.JUDGING)
    assignments.auto_assign(ws, code, "prop", 3)
    score_import.import_paper_scores(ws, code, _scores_csv(out / "scores.csv"))
    paths = {k: out / f"{k}.pdf" for k in ("draft", "minutes", "winners", "sheets", "sheet_j2",
                                           "minutes_en")}
    documents.write_minutes(db, code, paths["draft"])
    results.record_tie_decision(ws, code, ["E002", "E001"], REASON)
    digest = results.finalize(ws, code)
    calls: list[tuple[int, int]] = []
    documents.write_minutes(db, code, paths["minutes"], progress=lambda d, t: calls.append((d, t)))
    documents.write_winners_list(db, code, paths["winners"])
    documents.write_blank_score_sheets(db, code, "prop", paths["sheets"])
    documents.write_blank_score_sheets(db, code, "prop", paths["sheet_j2"], judge_code="J2")
    documents.write_minutes(db, code, paths["minutes_en"], lang="en")
    yield {"db": db, "code": code, "digest": digest, "progress": calls, **paths}
    db.close()


def _pages(path: Path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def _info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def _text(path: Path, page: int | None = None, mode: str = "-layout") -> str:
    """The text; -layout keeps a table row on one line, -raw keeps a cell's lines together."""
    args = ["pdftotext", mode] + (["-f", str(page), "-l", str(page)] if page else [])
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    # a font with ligatures yields "ﬁ" for "fi": compare letters, not glyphs
    return unicodedata.normalize("NFKC", out)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_files_are_pdfs_with_pages(docs):
    for key in ("draft", "minutes", "winners", "sheets", "sheet_j2", "minutes_en"):
        assert _pages(docs[key]) > 0, key
    assert not list(docs["minutes"].parent.glob("*.part"))
    done, total = docs["progress"][-1]
    assert done == total > 0


@needs_poppler
@pytest.mark.parametrize("key", ["minutes", "winners", "sheets", "minutes_en"])
def test_a4_portrait_and_page_numbers(docs, key):
    info = _info(docs[key])
    pages = int(info["Pages"])
    assert pages == _pages(docs[key])
    assert "595 x 842 pts" in info["Page size"]
    word = "Page {} of {}" if key.endswith("_en") else "Halaman {} dari {}"
    if key == "sheets":  # each judge's sheets are numbered on their own
        first = re.search(r"Halaman 1 dari (\d+)", _text(docs[key], 1))
        last = re.search(r"Halaman (\d+) dari (\d+)", _text(docs[key], pages))
        assert first and last and last.group(1) == last.group(2) and int(first.group(1)) < pages
        return
    assert word.format(1, pages) in _text(docs[key], 1)
    assert word.format(pages, pages) in _text(docs[key], pages)


@needs_poppler
def test_minutes_say_what_the_panel_decided(docs):
    text = _text(docs["minutes"])
    flat = _flat(text)
    for expected in ("BERITA ACARA PENILAIAN", "LOMBA INOVASI PELAYANAN PUBLIK KOTA CONTOH",
                     "I. DEWAN JURI", "Ketua Dewan Juri", "Anggota", "Prof. Dr. Ir. Budi Santoso",
                     "Andi Pratama", "Penilaian Proposal", "Kebaruan", "Σ bobot × skor",
                     "rata-rata nilai para juri", "Kategori: Kelompok Umum", "Juara I",
                     "Sangat Inovatif", "E002 > E001", "Diputuskan oleh Sekretariat Uji",
                     "Ditetapkan di", "DEWAN JURI", "Tanda Tangan", "dua ribu dua puluh"):
        assert _flat(expected) in flat, expected
    assert _flat(REASON) in flat  # user text printed literally, never as markup
    assert docs["digest"] in flat
    assert "DRAF" not in text
    for i in range(1, N + 1):
        assert f"E{i:03d}" in text
    raw = _flat(_text(docs["minutes"], mode="-raw"))
    assert _flat(LONG_WORD) in raw  # a word wider than its column wraps, not clipped


@needs_poppler
def test_draft_minutes_are_marked_and_name_the_open_tie(docs):
    text = _text(docs["draft"])
    assert "DRAF" in _text(docs["draft"], 2)
    first = _flat(_text(docs["draft"], 1))  # the big title says so, not only the header
    assert _flat("DRAF BERITA ACARA PENILAIAN") in first
    assert _flat("hasil belum difinalkan dan dapat berubah") in first
    assert "belum difinalkan" in text
    assert _flat("Belum diputuskan: E001 dan E002") in _flat(text)


@needs_poppler
def test_winners_list_ready_for_the_decree(docs):
    text = _text(docs["winners"])
    flat = _flat(text)
    for expected in ("LAMPIRAN", "KEPUTUSAN WALI KOTA", "NOMOR", "TANGGAL", "DAFTAR PEMENANG",
                     "Juara I", "Juara Harapan I", "Inovatif", "WALI KOTA"):
        assert _flat(expected) in flat, expected
    juara = [line for line in text.splitlines() if re.search(r"\bJuara I\b", line)]
    assert juara and "E002" in juara[0]  # the chair's order decides Juara I
    for i in range(1, N + 1):  # every entry has a predicate: all 150 are listed
        assert f"E{i:03d}" in text


@needs_poppler
def test_english_minutes(docs):
    text = _text(docs["minutes_en"])
    for expected in ("MINUTES OF EVALUATION", "PANEL OF JUDGES", "Chair of the panel",
                     "Proposal evaluation", "Rank 1", "Order decided: E002 > E001"):
        assert _flat(expected) in _flat(text), expected


@needs_poppler
def test_score_sheets_one_judge_per_new_page(docs):
    pages = int(_info(docs["sheets"])["Pages"])
    starts = {}
    for page in range(1, pages + 1):
        text = _text(docs["sheets"], page)
        if "LEMBAR PENILAIAN" in text:
            starts[re.search(r"Juri: (J\d)", text).group(1)] = page
    assert list(starts) == ["J1", "J2", "J3"] and starts["J1"] == 1
    ends = [starts["J2"] - 1, starts["J3"] - 1, pages]
    for judge, end in zip(starts, ends, strict=True):  # "Halaman 1 dari n" per judge
        count = end - starts[judge] + 1
        assert f"Halaman 1 dari {count}" in _text(docs["sheets"], starts[judge])
        assert f"Halaman {count} dari {count}" in _text(docs["sheets"], end)
    whole = _text(docs["sheets"])
    for expected in ("Kriteria penilaian", "Keterangan skor", "0 = tidak ada", "100 = sangat baik",
                     "K1", "40%", "Catatan", "Juri,", "Seberapa baru gagasan & caranya"):
        assert _flat(expected) in _flat(whole), expected
    one = _text(docs["sheet_j2"])
    assert "Dr. Siti Rahmawati" in one and "Budi Santoso" not in one
    assert all(f"E{i:03d}" in one for i in range(1, N + 1))  # J2 scores every entry


def _png_pages(pdf: Path, out: Path, dpi: int = 60):
    """Each page rendered to PNG (as for a person to look at), as rows of grey bytes."""
    from PySide6.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / pdf.stem)],
                   check=True)
    for png in sorted(out.glob(f"{pdf.stem}-*.png")):
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
        data, stride = bytes(image.constBits()), image.bytesPerLine()
        yield png, [data[y * stride: y * stride + image.width()] for y in range(image.height())]


def _ink(rows: list[bytes], x0: int, x1: int, y0: int, y1: int) -> bool:
    """Whether any pixel in the box is not (nearly) white."""
    return any(min(row[x0:x1]) < 235 for row in rows[y0:y1])


@needs_poppler
@pytest.mark.parametrize("key", ["minutes", "winners", "sheet_j2"])
def test_nothing_reaches_the_margins(docs, key, tmp_path):
    """Every page rendered: the outer 15 mm left and right, and the bands between the
    running header / footer and the paper's edge, hold no ink."""
    mm = 60 / 25.4
    count = 0
    for png, rows in _png_pages(docs[key], tmp_path):
        w, h = len(rows[0]), len(rows)
        side = int(15 * mm)
        assert not _ink(rows, 0, side, 0, h), f"{png.name}: ink in the left margin"
        assert not _ink(rows, w - side, w, 0, h), f"{png.name}: ink in the right margin"
        assert not _ink(rows, 0, w, 0, int(8 * mm)), f"{png.name}: ink at the top edge"
        assert not _ink(rows, 0, w, h - int(8 * mm), h), f"{png.name}: ink at the bottom"
        count += 1
    assert count == int(_info(docs[key])["Pages"])


def test_refusals(docs, tmp_path):
    db, code = docs["db"], docs["code"]
    with pytest.raises(ServiceError, match="screening"):
        documents.write_blank_score_sheets(db, code, "adm", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError, match="J9"):
        documents.write_blank_score_sheets(db, code, "prop", tmp_path / "x.pdf", judge_code="J9")
    with pytest.raises(ValueError, match="language"):
        documents.write_minutes(db, code, tmp_path / "x.pdf", lang="fr")
    assert not (tmp_path / "x.pdf").exists()


def test_a_cancelled_document_leaves_no_file(docs, tmp_path):
    class Cancelled(Exception):
        pass

    def cancel(done, total):
        if done:
            raise Cancelled

    target = tmp_path / "minutes.pdf"
    with pytest.raises(Cancelled):
        documents.write_minutes(docs["db"], docs["code"], target, progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_indonesian_number_words():
    assert words_id(27) == "dua puluh tujuh"
    assert words_id(11) == "sebelas" and words_id(15) == "lima belas"
    assert words_id(100) == "seratus" and words_id(1000) == "seribu"
    assert words_id(2026) == "dua ribu dua puluh enam"
    assert words_id(1999) == "seribu sembilan ratus sembilan puluh sembilan"
