"""Build the in-app manual from docs/manual/ (Markdown) into resources/help/ (HTML).

    python tools/build_manual.py            # writes resources/help/*.html and img/
    python tools/build_manual.py --check    # exit 1 when resources/help is out of step

For each language: `manual_<lang>.html` (every part, with its contents list; shown under F1
in the secretariat's window and printed by `judging-app manual --out F.pdf`). The judge's
window shows its own short guide, `judge_guide_<lang>.html`, written by hand in
resources/help (not built here). Images referenced as ../img/NAME.png are copied to
resources/help/img/ at most IMAGE_WIDTH pixels wide (Qt's smooth scaling) in 256 colours, so
the wheel and the bundle carry small pictures (about 0.6 MB for both languages) while
docs/manual/img keeps the full screenshots.

HTML is what QTextBrowser and QTextDocument render (a subset of HTML 4 and CSS): headings,
paragraphs, lists, tables with borders, images with a width, page breaks before each part
for the PDF. Links between parts become links to the part's heading; links out of the
manual become plain text (the help window has no browser behind it).

Needs the `markdown` package (in the test extra: tests/test_manual.py checks the committed
HTML against this script's output).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "manual"
TARGET = ROOT / "resources" / "help"
IMAGE_WIDTH = 760
PARTS = {  # language -> its parts in order: (file, anchor)
    "id": ("README", "sekretariat", "juri", "ketua", "administrator"),
    "en": ("README", "secretariat", "judge", "chair", "administrator"),
}
# Written by hand, kept beside what this script builds (the judge window's F1).
HAND_WRITTEN = ("judge_guide_id.html", "judge_guide_en.html")
TITLE = {"id": "Panduan Pengguna Judging App", "en": "Judging App User Manual"}
STYLE = ("<style>body { font-size: 10pt; } h1 { font-size: 16pt; } h2 { font-size: 13pt; "
         "margin-top: 14px; } h3 { font-size: 11pt; } td, th { padding: 3px; } "
         "code, pre { font-family: monospace; } .part { page-break-before: always; }</style>")


def _markdown(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=["tables", "fenced_code"], output_format="html")


def _links(body: str, language: str) -> str:
    parts = PARTS[language]

    def link(match: re.Match) -> str:
        target, label = match.group(1), match.group(2)
        name = target.split("#")[0]
        if name.endswith(".md") and "/" not in name and name[:-3] in parts:
            return f'<a href="#{name[:-3]}">{label}</a>'
        if target.startswith(("http://", "https://", "#")):
            return match.group(0)
        return label  # a page outside the manual: the help window cannot open it

    return re.sub(r'<a href="([^"]+)">(.*?)</a>', link, body, flags=re.DOTALL)


def _images(body: str, used: set[str]) -> str:
    def image(match: re.Match) -> str:
        used.add(match.group(2))
        return f'<img src="img/{match.group(2)}" alt="{match.group(1)}">'

    body = re.sub(r'<img alt="([^"]*)" src="\.\./img/([^"]+)"\s*/?>', image, body)
    return body.replace("<table>", '<table border="1" cellspacing="0" cellpadding="3">')


def _part(language: str, name: str, used: set[str]) -> str:
    text = (SOURCE / language / f"{name}.md").read_text(encoding="utf-8")
    body = _images(_links(_markdown(text), language), used)
    return body.replace("<h1>", f'<h1><a name="{name}"></a>', 1)


def build(language: str) -> tuple[dict[str, str], set[str]]:
    """{file name: HTML} for the language, and the images they show."""
    used: set[str] = set()
    parts = [_part(language, name, used) for name in PARTS[language]]
    head = (f'<html><head><meta charset="utf-8"><title>{html.escape(TITLE[language])}'
            f"</title>{STYLE}</head><body>")
    manual = head + parts[0] + "".join(f'<div class="part">{p}</div>' for p in parts[1:])
    return {f"manual_{language}.html": manual + "</body></html>\n"}, used


def scaled_image(path: Path) -> bytes:
    """The PNG at most IMAGE_WIDTH wide, in 256 colours without dithering (screens of flat
    colours and text stay sharp; a fifth of the size), as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise SystemExit(f"{path}: not an image")
    if image.width() > IMAGE_WIDTH:
        image = image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                  Qt.ImageConversionFlag.AvoidDither)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def outputs() -> dict[Path, str]:
    """Every HTML file the manual makes (images are checked apart: see `images`)."""
    out: dict[Path, str] = {}
    for language in PARTS:
        pages, _ = build(language)
        out.update({TARGET / name: text for name, text in pages.items()})
    return out


def images() -> set[str]:
    return {name for language in PARTS for name in build(language)[1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that resources/help is in step with docs/manual")
    args = parser.parse_args(argv)
    stale = [p for p, text in outputs().items()
             if not p.is_file() or p.read_text(encoding="utf-8") != text]
    missing = sorted(n for n in images() if not (TARGET / "img" / n).is_file())
    leftover = sorted(p.name for p in TARGET.glob("*.html")
                      if p not in outputs() and p.name not in HAND_WRITTEN)
    if args.check:
        for problem in [*map(str, stale), *(f"img/{n}" for n in missing)]:
            print(f"out of step: {problem}", file=sys.stderr)
        for name in leftover:
            print(f"not built from docs/manual (remove it): {name}", file=sys.stderr)
        return 1 if stale or missing or leftover else 0
    for name in leftover:
        print(f"removed {name}: not built from docs/manual")
        (TARGET / name).unlink()
    for path, text in outputs().items():
        path.write_text(text, encoding="utf-8")
        print(path.relative_to(ROOT))
    (TARGET / "img").mkdir(exist_ok=True)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["build_manual", "-platform", "offscreen"])
    for name in sorted(images()):
        source = SOURCE / "img" / name
        if not source.is_file():
            print(f"missing screenshot: {source.relative_to(ROOT)}", file=sys.stderr)
            continue
        (TARGET / "img" / name).write_bytes(scaled_image(source))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
