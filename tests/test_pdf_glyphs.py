"""No character of a PDF document vanishes for want of a glyph: with DejaVu as the only font
(what .ci/run installs) "ＡＢ=1" was printed as "=1" on 3578f17."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not DEJAVU.is_dir() or shutil.which("pdftotext") is None,
                    reason="needs the DejaVu fonts and poppler-utils (.ci/run installs both)")
def test_characters_the_fonts_lack_are_printed_in_their_compatible_form(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>
""", encoding="utf-8")
    pdf = tmp_path / "glyphs.pdf"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from judging_app.exchange import pdf_layout as pl
        pl.render(Path({str(pdf)!r}), [
            pl.Paragraph("ＡＢ=1 Ｘ２ 漢 Kota é"),
            pl.Table([pl.Column("Ｎａｍａ", 1)], [["ＫＯＤＥ-7"]]),
        ], pl.PageSetup(title="glyphs"), lambda page, pages: "hlm １")
    """)
    env = {"FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, capture_output=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "AB=1 X2 ? Kota é" in text
    assert "Nama" in text and "KODE-7" in text and "hlm 1" in text
