"""Render the documents the app exports to PNG pages, so that anyone can look at them as
they print: workbooks through LibreOffice (headless, to PDF), PDFs through poppler's
pdftoppm.

    python tools/render_documents.py OUT_DIR                 # a demo competition's documents
    python tools/render_documents.py OUT_DIR --entries 60 --finalize
    python tools/render_documents.py OUT_DIR --files hasil.xlsx berita_acara.pdf

Without --files it builds a scored demo competition in a temporary database (with a sample
letterhead), exports the results workbook, the minutes, the winners list and the blank
score sheets in Indonesian and in English, and renders every page:
OUT_DIR/<document>-<page>.png, beside the exported files (and OUT_DIR/<document>.pdf for the
workbooks, as LibreOffice prints them). Needs LibreOffice (`soffice`) for workbooks and poppler-utils for PNGs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DPI = 70


def to_pdf(workbook: Path, out: Path, profile: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to render workbooks")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
                   check=True, capture_output=True, timeout=600)
    return out / (workbook.stem + ".pdf")


def to_png(pdf: Path, out: Path, dpi: int = DPI) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("poppler-utils (pdftoppm) is needed to render PDFs")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / pdf.stem)],
                   check=True)
    return sorted(out.glob(f"{pdf.stem}-*.png"))


def render(files: list[Path], out: Path, dpi: int = DPI) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    pages: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            if f.parent.resolve() != out.resolve():
                shutil.copy(f, out / f.name)  # the exported file beside its pictures
            pdf = to_pdf(f, out, Path(tmp) / "profile") if f.suffix in (".xlsx", ".ods") else f
            pages += to_png(pdf, out, dpi)
    return pages


def demo_documents(folder: Path, entries: int, finalize: bool,
                   only: tuple[str, ...] = ("workbook", "minutes", "winners", "scoresheets"),
                   langs: tuple[str, ...] = ("id", "en")) -> list[Path]:
    """Build a scored demo competition and export every document, both languages."""
    from datetime import date

    from judging_app.core.documents import DocumentSettings
    from judging_app.demo.generator import build_demo
    from judging_app.services import document_settings, documents, results, results_export
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(folder / "demo.sqlite")
    ws = Workspace(db, "Sekretariat")
    summary = build_demo(ws, entries=entries, judges=6, scored=True)
    code = summary.code
    logo = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "sample_logo.png"
    document_settings.set_document_settings(ws, code, DocumentSettings(
        government="PEMERINTAH KOTA CONTOH", office="BADAN RISET DAN INOVASI DAERAH",
        address="Jalan Merdeka Nomor 1, Kota Contoh 12345 · Telepon (021) 1234567 · "
                "brida.contohkota.go.id",
        logo=logo.read_bytes() if logo.is_file() else b"", region="CONTOH",
        head_name="Dr. H. Ahmad Santoso, M.Si.", place="Kota Contoh",
        minutes_number="000.8.3/123/436.7.2/2026", decree_number="188.45/77/436.1.2/2026",
        time_zone="Asia/Makassar"))
    if finalize:
        view = results.compute(db, code)
        for tie in view.results.blocking_ties:
            codes = [view.entries[e].code for e in tie.entry_ids]
            results.record_tie_decision(ws, code, codes, "Diputuskan dalam sidang pleno.")
        results.finalize(ws, code)
    on = date(2026, 11, 27)
    files = []
    round_code = summary.round_code
    for lang in langs:
        if "workbook" in only:
            files.append(results_export.export_results_workbook(
                db, code, folder / f"workbook_{lang}.xlsx", lang=lang, on=on))
        for name, write in (("minutes", documents.write_minutes),
                            ("winners", documents.write_winners_list)):
            if name not in only:
                continue
            path = folder / f"{name}_{lang}.pdf"
            write(db, code, path, lang, on=on)
            files.append(path)
        if "scoresheets" in only:
            path = folder / f"scoresheets_{lang}.pdf"
            documents.write_blank_score_sheets(db, code, round_code, path, lang=lang)
            files.append(path)
    db.close()
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=Path, nargs="*")
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--finalize", action="store_true")
    parser.add_argument("--dpi", type=int, default=DPI)
    parser.add_argument("--only", default="workbook,minutes,winners,scoresheets",
                        help="comma-separated: workbook, minutes, winners, scoresheets")
    parser.add_argument("--lang", default="id,en", help="comma-separated: id, en")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.files:
        pages = render(args.files, args.out, args.dpi)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            files = demo_documents(Path(tmp), args.entries, args.finalize,
                                   tuple(args.only.split(",")), tuple(args.lang.split(",")))
            pages = render(files, args.out, args.dpi)
    for page in pages:
        print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
