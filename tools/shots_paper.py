"""Screenshots of the paper sheet dialog (double entry) on a demo competition.

    python tools/shots_paper.py            # docs/screenshots/paper_*.png

Builds a throw-away demo database (140 entries, 5 judges, scored) in a temporary folder and
adds a sixth judge who scores on paper, with five entries assigned. Then, in a window of
about 1100×700 under Qt's offscreen platform, in Indonesian and English:
- paper_first: Dewi types the first entry of a sheet (half-way through);
- paper_confirm: Rudi types it again (the first entry's values are not shown);
- paper_mismatch: Rudi's confirmation differs in two fields; the table lists them.
Until the lead merges tools/translations/paper.tsv into the catalogue, the Indonesian
pictures take the dialog's texts from that file (a translator that reads it).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 700)
FIRST_TYPIST, CONFIRMER = "Dewi Lestari", "Rudi Hartono"
PAPER_JUDGE = "J06"




def _seed(db) -> tuple[str, list[str]]:
    from judging_app.demo.generator import build_demo
    from judging_app.services import assignments, judges
    from judging_app.services.judges import JudgeInput
    from judging_app.services.workspace import Workspace

    ws = Workspace(db, FIRST_TYPIST)
    summary = build_demo(ws, entries=140, judges=5, scored=True)
    code = summary.code
    judges.add_judge(ws, code, JudgeInput(PAPER_JUDGE, "Prof. Dr. Hendra Gunawan, M.Si.",
                                          "Universitas Contoh"))
    pairs = assignments.list_assignments(db, code, summary.round_code)
    chosen = sorted({e for _, e in pairs})[10:15]
    assignments.assign(ws, code, summary.round_code, PAPER_JUDGE, chosen)
    return code, chosen


def _context(db, code: str, language: str, tmp: Path, actor: str):
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext

    settings = AppSettings.at_path(tmp / f"settings-{actor.split()[0]}-{language}.ini")
    settings.actor_name = actor
    return ViewContext(db=db, competition=code, settings=settings, dialogs=Dialogs(),
                       runner=Runner(synchronous=True), language=lambda: language,
                       actor=lambda parent: actor)


def _save(app, widget, path: Path) -> Path:
    widget.resize(*SIZE)
    widget.show()
    for _ in range(5):
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def _type(dialog, values: list[str], comments: dict[int, str], overall: str = "") -> None:
    for row, value in zip(dialog.rows, values, strict=False):
        row.value.setText(value)
    for i, text in comments.items():
        dialog.rows[i].comment.setText(text)
    dialog.overall.setPlainText(overall)


SHEET = ["4", "4", "3", "5", "4", "3", "4", "3", "4", "4"]
COMMENTS = {0: "Gagasan baru di tingkat kota.", 3: "Data sebelum-sesudah lengkap."}
OVERALL = "Layak dikembangkan; perlu SOP replikasi."


def shoot(out_dir: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from judging_app.services import paper_sheets
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.i18n import Translations
    from judging_app.ui.views.paper_entry import PaperEntryDialog

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="judging-shots-") as folder:
        tmp = Path(folder)
        db = open_database(tmp / "demo.sqlite")
        try:
            code, entries = _seed(db)
            rnd = _round(db, code)
            first = PaperEntryDialog(_context(db, code, language, tmp, FIRST_TYPIST), rnd)
            first.select(PAPER_JUDGE, entries[0])
            _type(first, SHEET[:6], {0: COMMENTS[0]})
            first.rows[6].value.setFocus()
            written.append(_save(app, first, out_dir / f"paper_first_{language}.png"))
            first.close()

            values = {c.code: v for c, v in zip(first.data.criteria, SHEET, strict=True)}
            codes = [c.code for c in first.data.criteria]
            paper_sheets.enter_first(Workspace(db, FIRST_TYPIST), code, rnd, PAPER_JUDGE,
                                     entries[1], values, {codes[i]: t for i, t in COMMENTS.items()},
                                     OVERALL)
            second = PaperEntryDialog(_context(db, code, language, tmp, CONFIRMER), rnd)
            second.select(PAPER_JUDGE, entries[1])
            _type(second, SHEET[:4], {0: COMMENTS[0]})
            second.rows[3].value.setFocus()
            written.append(_save(app, second, out_dir / f"paper_confirm_{language}.png"))

            typo = list(SHEET)
            typo[2], typo[7] = "4", "2"
            _type(second, typo, {0: COMMENTS[0], 3: "Data sebelum sesudah lengkap."}, OVERALL)
            second.save()
            written.append(_save(app, second, out_dir / f"paper_mismatch_{language}.png"))
            second.close()
        finally:
            db.close()
    translations.uninstall()
    return written


def _round(db, code: str) -> str:
    from judging_app.services import progress

    return progress.default_round(progress.scored_rounds(db, code))


if __name__ == "__main__":
    for lang in ("id", "en"):
        shoot(OUT, lang)
