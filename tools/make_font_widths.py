"""Remake resources/fonts/calibri_widths.json: the advance widths of the characters the app's
workbooks use, in Calibri's design units, read from Carlito (metric-compatible with Calibri:
same advance for every character; Debian's fonts-crosextra-carlito).

    python tools/make_font_widths.py [FOLDER_WITH_CARLITO]

The results workbook names Calibri in every style and sizes its rows from these widths
(exchange/text_width.py), so the export needs no font installed and no Qt, and measures the
same on every machine. Only widths are kept (no glyphs): a few kilobytes.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont, QGuiApplication, QRawFont  # noqa: E402

RANGES = [(0x20, 0x24F), (0x370, 0x3FF), (0x2000, 0x206F), (0x20A0, 0x20CF),
          (0x2100, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF)]
STYLES = {"regular": "Carlito-Regular.ttf", "bold": "Carlito-Bold.ttf",
          "italic": "Carlito-Italic.ttf", "bold_italic": "Carlito-BoldItalic.ttf"}
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "calibri_widths.json"


def widths(path: Path, units: int) -> dict[str, int]:
    raw = QRawFont(str(path), units, QFont.HintingPreference.PreferNoHinting)
    if not raw.isValid():
        raise SystemExit(f"cannot read {path}")
    out = {}
    for start, end in RANGES:
        for code in range(start, end + 1):
            ch = chr(code)
            if not raw.supportsCharacter(code):
                continue
            glyphs = raw.glyphIndexesForString(ch)
            if len(glyphs) != 1 or glyphs[0] == 0:
                continue
            (advance,) = raw.advancesForGlyphIndexes(glyphs)
            out[ch] = round(advance.x())
    return out


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/crosextra")
    app = QGuiApplication([])  # noqa: F841 - QRawFont needs it
    units = 2048  # Calibri's units per em: pixel size 2048 gives advances in font units
    data = {"font": "Calibri (widths read from Carlito, metric-compatible)",
            "units_per_em": units}
    for style, name in STYLES.items():
        data[style] = widths(folder / name, units)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                   + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(data['regular'])} characters per style")
    return 0


if __name__ == "__main__":
    sys.exit(main())
