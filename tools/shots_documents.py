"""Screenshots of the letterhead and signatures dialog, in Indonesian and English.

    python tools/shots_documents.py      # writes docs/screenshots/documents_dialog_*.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from judging_app.core.documents import DocumentSettings
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.views.documents_dialog import DocumentSettingsDialog

    app = application()
    translations = Translations(app)
    translations.apply(language)
    settings = DocumentSettings(
        government="PEMERINTAH KOTA CONTOH", office="BADAN RISET DAN INOVASI DAERAH",
        address="Jalan Merdeka Nomor 1, Kota Contoh 12345 · Telepon (021) 1234567",
        logo=(OUT / "sample_logo.png").read_bytes(), region="CONTOH",
        head_name="Dr. H. Ahmad Santoso, M.Si.", place="Kota Contoh",
        minutes_number="000.8.3/123/436.7.2/2026", time_zone="Asia/Makassar")
    dialog = DocumentSettingsDialog(settings)
    dialog.show()
    app.processEvents()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"documents_dialog_{language}.png"
    dialog.grab().save(str(path))
    dialog.close()
    return [path]


if __name__ == "__main__":
    for lang in ("id", "en"):
        for p in shoot(OUT, lang):
            print(p)
