"""Fill plural (numerus) messages of the catalogues from the table below: Indonesian has one
form, English two (singular, plural). Run after update_translations.py picks up new %Ln texts,
then run update_translations.py again to compile."""

from __future__ import annotations

import html
import re
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "translations"

PLURALS = {  # source: (Indonesian, English singular, English plural)
    "Create these %n new unit(s)": ("Buat %n perangkat daerah baru ini", "Create the %n new unit",
                                    "Create these %n new units"),
    "%Ln competition(s)": ("%Ln kompetisi", "%Ln competition", "%Ln competitions"),
    "%Ln entry(s)": ("%Ln inovasi", "%Ln entry", "%Ln entries"),
    "%1 of %Ln entry(s)": ("%1 dari %Ln inovasi", "%1 of %Ln entry", "%1 of %Ln entries"),
    "%Ln entries are in this category; its code cannot change.": (
        "%Ln inovasi terdaftar dalam kategori ini; kodenya tidak dapat diubah.",
        "%Ln entry is in this category; its code cannot change.",
        "%Ln entries are in this category; its code cannot change."),
    "Judges have submitted %Ln sheets in this round. To change its rubric, reopen it: "
    "submitted sheets go back to draft and judges must submit again.": (
        "Juri telah mengirim %Ln lembar penilaian pada tahap ini. Untuk mengubah rubriknya, "
        "buka kembali rubrik: lembar yang terkirim kembali menjadi draf dan juri harus "
        "mengirim ulang.",
        "Judges have submitted %Ln sheet in this round. To change its rubric, reopen it: "
        "submitted sheets go back to draft and judges must submit again.",
        "Judges have submitted %Ln sheets in this round. To change its rubric, reopen it: "
        "submitted sheets go back to draft and judges must submit again."),
    "%Ln problem(s) to fix before saving:": (
        "%Ln masalah harus diperbaiki sebelum menyimpan:",
        "%Ln problem to fix before saving:", "%Ln problems to fix before saving:"),
    "The rubric is open again: %Ln submitted sheet(s) went back to draft.": (
        "Rubrik dibuka kembali: %Ln lembar terkirim kembali menjadi draf.",
        "The rubric is open again: %Ln submitted sheet went back to draft.",
        "The rubric is open again: %Ln submitted sheets went back to draft."),
}

PATTERN = re.compile(
    r'(<message numerus="yes">\s*(?:<location[^>]*/>\s*)*<source>([^<]*)</source>\s*'
    r'(?:<comment>[^<]*</comment>\s*)?)<translation[^>]*>.*?</translation>', re.S)


def fill(path: Path, forms_of) -> list[str]:
    text = path.read_text(encoding="utf-8")
    missing: list[str] = []

    def replace(m: re.Match[str]) -> str:
        source = html.unescape(m.group(2))
        if source not in PLURALS:
            missing.append(source)
            return m.group(0)
        forms = "".join(f"\n            <numerusform>{html.escape(f, quote=False)}</numerusform>"
                        for f in forms_of(PLURALS[source]))
        return f"{m.group(1)}<translation>{forms}\n        </translation>"

    path.write_text(PATTERN.sub(replace, text), encoding="utf-8")
    return missing


if __name__ == "__main__":
    for name, forms in (("judging_app_id.ts", lambda t: t[:1]), ("judging_app_en.ts", lambda t: t[1:])):
        for source in fill(FOLDER / name, forms):
            print(f"{name}: no plural forms for {source!r}")
