"""Screenshots of entries' documents: the judge's sheet with a proposal open beside the
rubric (at 1366×768 and 1920×1080), and the secretariat's Entries view with an entry's
documents, the folder preview and the missing-proposals report.

    python tools/shots_attachments.py      # docs/screenshots/attachments_*.png, both languages

Builds a throw-away demo (140 entries, 5 judges) in a temporary folder, with a 10-criterion
round, and attaches generated proposals (30 pages of text, tables and photos) and evidence.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1920, 1080))


def _seed(db, tmp: Path):
    from judging_app.core.attachments import DocumentKind
    from judging_app.demo.generator import build_demo
    from judging_app.services import assignments, attachments, entries
    from judging_app.services.workspace import Workspace

    import sample_pdfs

    ws = Workspace(db, "Dewi Lestari")
    demo = build_demo(ws, entries=140, judges=5)
    print("demo built", flush=True)
    records = {e.code: e for e in entries.list_entries(db, demo.code)}
    judge = "J01"
    mine = sorted({e for j, e in assignments.list_assignments(db, demo.code, demo.round_code)
                   if j == judge})
    items = []
    for n, code in enumerate(mine[:6]):
        title = records[code].title
        pdf = sample_pdfs.write(tmp / "docs" / f"{code} proposal.pdf", sample_pdfs.proposal_pdf(
            30, title=f"{code} Proposal inovasi", words=(title, "Latar belakang dan tujuan inovasi")))
        sk = sample_pdfs.write(tmp / "docs" / f"{code} SK.pdf", sample_pdfs.proposal_pdf(
            2, photo_every=0, title="Surat Keputusan"))
        photo = sample_pdfs.write(tmp / "docs" / f"{code} foto.jpg",
                                  sample_pdfs.noise_jpeg(800, 533, seed=n))
        items += [attachments.NewDocument(code, pdf, DocumentKind.PROPOSAL, "Proposal"),
                  attachments.NewDocument(code, sk, DocumentKind.EVIDENCE, "SK Kepala Daerah"),
                  attachments.NewDocument(code, photo, DocumentKind.EVIDENCE, "Foto layanan")]
    attachments.attach_documents(ws, demo.code, items)
    return ws, demo, judge, mine


def _process(app, rounds: int = 10) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def _save(app, widget, path: Path) -> Path:
    _process(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def _judge_shots(app, db, demo, judge, mine, language, translations, tmp, out_dir):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.judge.database_session import DatabaseJudgeSession
    from judging_app.ui.judge.window import JudgeWindow
    from judging_app.ui.settings import AppSettings

    written = []
    for width, height in SIZES:
        settings = AppSettings.at_path(tmp / f"settings-{language}-{width}.ini")
        window = JudgeWindow(DatabaseJudgeSession(db, demo.code, demo.round_code, judge),
                             settings, Dialogs(), translations)
        window.resize(width, height)
        window.show()
        shown = []
        window.sheet.viewer.firstPageShown.connect(shown.append)
        window.open_entry(mine[0])
        import time

        deadline = time.monotonic() + 60
        while not shown and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        print("first page shown after", shown, "s", flush=True)
        rows = window.sheet.rubric.rows
        for row, text in zip(rows[:3], ("4", "5", "3"), strict=False):
            row.score.setFocus()
            QTest.keyClicks(row.score, text)
            QTest.keyClick(row.score, Qt.Key.Key_Return)
        window.sheet.viewer.go_to(3)  # a page with a photo and a table
        _process(app, 30)
        written.append(_save(app, window, out_dir / f"attachments_judge_{width}_{language}.png"))
        window.close()
    return written


def _entries_shots(app, db, demo, mine, language, tmp, out_dir):
    from judging_app.services import attach_folder
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.entries_documents_folder import (
        FolderPreviewDialog,
        MissingProposalsDialog,
        _rounds,
    )
    from judging_app.ui.views.entries_view import EntriesView

    import sample_pdfs

    settings = AppSettings.at_path(tmp / f"entries-{language}.ini")
    ctx = ViewContext(db=db, competition=demo.code, settings=settings, dialogs=Dialogs(),
                      runner=Runner(synchronous=True), language=lambda: language,
                      actor=lambda parent: "Dewi Lestari")
    view = EntriesView(ctx)
    view.resize(1366, 768)
    view.refresh()
    view.show()
    _process(app)
    view.select_codes([mine[0]])
    _process(app)
    written = [_save(app, view, out_dir / f"attachments_entries_{language}.png")]
    folder = tmp / f"kiriman-{language}"
    pdf = sample_pdfs.proposal_pdf(1, photo_every=0)
    for n, name in enumerate((f"{mine[6]} proposal.pdf", f"{mine[7]}/Usulan inovasi.pdf",
                              f"{mine[7]}/SK Bupati.pdf", f"{mine[8]} bukti dukung.pdf",
                              "daftar hadir rapat.pdf")):
        sample_pdfs.write(folder / name, pdf + b"%" + str(n).encode())
    plan = attach_folder.plan_folder(db, demo.code, folder)
    preview = FolderPreviewDialog(view, plan, _rounds(view))
    written.append(_save(app, preview, out_dir / f"attachments_folder_{language}.png"))
    preview.close()
    missing = MissingProposalsDialog(view, db, demo.code, _rounds(view))
    written.append(_save(app, missing, out_dir / f"attachments_missing_{language}.png"))
    missing.close()
    view.documents.cache.clear()
    view.close()
    return written


def shoot(out_dir: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from judging_app.store.database import open_database
    from judging_app.ui.i18n import Translations

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="judging-shots-") as folder:
        tmp = Path(folder)
        db = open_database(tmp / "demo.sqlite")
        try:
            ws, demo, judge, mine = _seed(db, tmp)
            written += _judge_shots(app, db, demo, judge, mine, language, translations, tmp,
                                    out_dir)
            written += _entries_shots(app, db, demo, mine, language, tmp, out_dir)
        finally:
            db.close()
    translations.uninstall()
    return written


if __name__ == "__main__":
    for lang in sys.argv[1:] or ("id", "en"):
        shoot(OUT, lang)
