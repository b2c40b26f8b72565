"""Remake the LibreOffice-saved entry files under tests/fixtures/libreoffice/ (needs
LibreOffice: `soffice` on PATH; the tests only read the committed files).

    python tools/make_libreoffice_fixtures.py

The app's entry template (for tests/factories.tiny_setup: categories Umum and Perangkat
Daerah, units Dinas Contoh 1–3) gets three filled rows, as a secretariat would type them,
then LibreOffice opens it and saves it once as .ods and once as .xlsx
(`soffice --headless --convert-to`, a load and a save). What LibreOffice writes differs from
openpyxl's XML in the ways that broke reading before (`table:style-name` beside
`table:name`, shared strings, rows and cells repeated, validations rewritten).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from openpyxl import load_workbook

from judging_app.exchange.entry_template import write_entry_template

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "libreoffice"
ROWS = [
    ("LO-1", "Layanan Antar Jemput Dokumen", "Dinas Contoh 1", "Umum", "Siti Rahma; Budi",
     "0812-3456-7890", "uji coba", "digital", date(2024, 8, 17), "Dokumen diantar ke rumah.",
     "https://contoh.go.id/a\nhttps://contoh.go.id/b"),
    ("LO-2", "Posyandu Digital", "Dinas Contoh 2", "Perangkat Daerah", "", "", "penerapan",
     "non-digital", date(2023, 1, 2), "", ""),
    ("007", "Klinik Inovasi Keliling", "Dinas Contoh 3", "Umum", "", "", "inisiatif", "",
     None, "Kode dengan nol di depan.", ""),
]
CONVERSIONS = {"ods": "ods:calc8", "xlsx": "xlsx:Calc MS Excel 2007 XML"}


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 1
    setup = SimpleNamespace(name="Lomba Inovasi Kota Contoh", categories=[
        SimpleNamespace(name="Umum", name_en="General"),
        SimpleNamespace(name="Perangkat Daerah", name_en="")])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "entries_template.xlsx"
        write_entry_template(source, setup, [f"Dinas Contoh {i}" for i in (1, 2, 3)])
        wb = load_workbook(source)
        ws = wb.worksheets[0]
        for r, values in enumerate(ROWS, start=2):
            for c, value in enumerate(values, start=1):
                if value not in ("", None):
                    ws.cell(r, c).value = value
        wb.save(source)
        profile = Path(tmp) / "profile"
        for suffix, target in CONVERSIONS.items():
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", target, "--outdir", tmp, str(source)],
                           check=True, capture_output=True)
            shutil.copy(Path(tmp) / f"entries_template.{suffix}",
                        OUT / f"entries_saved_by_libreoffice.{suffix}")
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout
    print(f"written to {OUT} by {version.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
