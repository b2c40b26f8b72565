"""The manual's screenshots (docs/manual/img/*_{id,en}.png), at 1366×768, in both languages.

    python tools/shots_manual.py             # then: python tools/build_manual.py

Qt's offscreen platform, throw-away databases in a temporary folder: a scored demo (140
entries, 5 judges, drafts, a tie on an award boundary) for judging and results; a city
competition in registration (units, twelve entries, one disqualified, judges, nothing
assigned) for setting up, screening and assignment; an empty file for the start page; a
judge with a half-done round for the judge's part. The windows are the app's own, resized
to a 1366×768 laptop screen; dialogs keep their own size.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
OUT = ROOT / "docs" / "manual" / "img"
SIZE = (1366, 768)
ACTOR = "Dewi Lestari"
UNITS = (("DINKES", "Dinas Kesehatan"), ("DISDIK", "Dinas Pendidikan"),
         ("DISHUB", "Dinas Perhubungan"), ("KEC-TML", "Kecamatan Tamalate"))


def _city(ws):
    """A city competition in registration: units, twelve entries (one disqualified), five
    judges (one from Dinas Kesehatan, one chair), nothing assigned."""
    from shots_entries_import import TITLES

    from judging_app.core.enums import CompetitionStatus, EntryStatus, JudgeRole
    from judging_app.services import entries, judges, templates
    from judging_app.services.competitions import set_status
    from judging_app.services.entries import EntryInput
    from judging_app.services.judges import JudgeInput

    comp = templates.create_from_template(
        ws, "city_competition", name="Kompetisi Inovasi Pelayanan Publik Kota Contoh",
        year=2026, code="kota-2026")
    set_status(ws, comp.code, CompetitionStatus.REGISTRATION)
    for code, name in UNITS:
        entries.add_unit(ws, comp.code, code, name, "dinas")
    for i, title in enumerate(TITLES):
        entries.add_entry(ws, comp.code, EntryInput(
            f"INV-{i + 1:03d}", title, UNITS[i % 4][0], "perangkat_daerah",
            innovators="Siti Rahma; Budi Santoso"))
    codes = [f"INV-{i + 1:03d}" for i in range(len(TITLES))]
    entries.set_entry_status(ws, comp.code, codes[:-1], EntryStatus.ELIGIBLE)
    entries.set_entry_status(ws, comp.code, codes[-1:], EntryStatus.DISQUALIFIED,
                             "Proposal tidak dilampiri surat pengantar kepala perangkat daerah")
    for code, name, affiliation, unit, role in (
            ("J1", "Prof. Dr. Ir. Bambang Sutrisno, M.Sc.", "Universitas Hasanuddin", None,
             JudgeRole.CHAIR),
            ("J2", "Dr. Ratna Dewi, M.Si.", "Dinas Kesehatan", "DINKES", JudgeRole.JUDGE),
            ("J3", "Citra Lestari, S.H., M.H.", "Ombudsman RI Perwakilan", None, JudgeRole.JUDGE),
            ("J4", "Dedi Kurniawan, S.E.", "Badan Pusat Statistik", None, JudgeRole.JUDGE),
            ("J5", "Eka Putri Ramadhani, S.T.", "Universitas Negeri Makassar", None,
             JudgeRole.JUDGE)):
        judges.add_judge(ws, comp.code, JudgeInput(code, name, affiliation, unit, role=role))
    return comp.code


class Shooter:
    def __init__(self, app, language: str, out: Path) -> None:
        self.app, self.language, self.out, self.written = app, language, out, []

    def settle(self) -> None:
        for _ in range(8):
            self.app.processEvents()

    def save(self, widget, name: str, size: tuple[int, int] | None = SIZE) -> None:
        if size is not None:
            widget.resize(*size)
        widget.show()
        self.settle()
        path = self.out / f"{name}_{self.language}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        self.written.append(path)
        print(path.relative_to(ROOT))


def _main_window(db, tmp: Path, translations):
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.main_window import MainWindow
    from judging_app.ui.settings import AppSettings

    settings = AppSettings.at_path(tmp / "settings.ini")
    settings.actor_name = ACTOR
    window = MainWindow(db, settings, Dialogs(), translations)
    window.runner = Runner(synchronous=True)
    window.resize(*SIZE)
    return window


def _secretariat(shots: Shooter, db, demo, city: str, tmp: Path, translations) -> None:
    from judging_app.services.templates import list_templates
    from judging_app.ui.new_competition import NewCompetitionDialog
    from judging_app.ui.views.entries_import_preview import ImportPreviewDialog

    shots.save(NewCompetitionDialog(list_templates(), shots.language), "new_competition", None)
    window = _main_window(db, tmp, translations)
    window.show()
    workspace = window.open_competition(city)
    if "overview" in workspace.keys():  # noqa: SIM118 - keys() is the workspace's own method
        workspace.show_view("overview")
    shots.save(window, "overview")
    setup = workspace.show_view("setup")
    setup.tabs.setCurrentIndex(2)
    setup.rounds.round_list.setCurrentRow(1)  # a scored round: its criteria and levels
    shots.save(window, "setup")
    entries = workspace.show_view("entries")
    shots.save(window, "entries")
    entries.select_codes(["INV-011"])
    captured = []
    entries.questions.run = lambda dialog: captured.append(dialog) or False
    entries.disqualify_action.trigger()
    captured[0].text.setPlainText("Proposal tidak memuat data sebelum dan sesudah inovasi.")
    shots.save(captured[0], "disqualify", None)
    captured[0].close()
    judges = workspace.show_view("judges")
    judges.select_judge("J2")
    shots.save(window, "judges")
    assignments = workspace.show_view("assignments")
    assignments.k_spin.setValue(3)
    assignments.preview_automatic()
    shots.save(window, "assignments")
    workspace.show_view("reports")
    shots.save(window, "reports")
    names = {"perangkat_daerah": "Perangkat Daerah"}
    from shots_entries_import import filled

    rows = [(f"IMP-{i + 1:03d}", f"Inovasi {i + 1}", UNITS[i % 4][1], "Perangkat Daerah (Dinas/Badan)")
            for i in range(14)] + [("IMP-015", "Kampung Tangguh Bencana", "Kelurahan Sukamaju",
                                    "Perangkat Daerah (Dinas/Badan)")]
    from judging_app.services.entry_import import preview_entry_import

    path = filled(tmp / f"inovasi-{shots.language}.xlsx", db, city, rows, shots.language)
    dialog = ImportPreviewDialog(preview_entry_import(db, city, path), names, window)
    shots.save(dialog, "import", None)
    dialog.close()
    window.open_competition(demo.code)
    workspace = window.workspace
    workspace.show_view("progress")
    shots.save(window, "progress")
    results = workspace.show_view("results")
    shots.save(window, "winners")
    tabs = results.tabs
    names_of = [tabs.tabText(i) for i in range(tabs.count())]
    ranking = next((i for i, t in enumerate(names_of) if t.replace("&", "") in (
        "Ranking", "Peringkat")), 0)
    tabs.setCurrentIndex(ranking)
    shots.save(window, "ranking")
    tabs.setCurrentIndex(next((i for i, t in enumerate(names_of) if t.replace("&", "") in (
        "Fairness", "Keadilan penilaian")), tabs.count() - 1))
    shots.save(window, "fairness")
    _decide_tie(shots, results, window)
    window.close()


def _decide_tie(shots: Shooter, results, window) -> None:
    from judging_app.ui.views.results_decision import TieDecisionDialog, TiedEntry

    tie = results.ties_panel.selected()
    if tie is None:
        return
    entries = results.computed.entries
    dialog = TieDecisionDialog([TiedEntry(entries[e].code, entries[e].title)
                                for e in tie.entry_ids], "86,40",
                               results.ties_panel.model.cell(tie, 3),
                               ["Prof. Dr. Ir. Bambang Sutrisno, M.Sc."], window)
    dialog.reason.setPlainText("Sidang pleno 3 Desember 2026: dampak bagi warga lebih luas.")
    dialog.move_selected(1)
    shots.save(dialog, "decide_tie", None)
    dialog.close()


def _letterhead(shots: Shooter) -> None:
    from judging_app.core.documents import DocumentSettings
    from judging_app.ui.views.documents_dialog import DocumentSettingsDialog

    dialog = DocumentSettingsDialog(DocumentSettings(
        government="PEMERINTAH KOTA CONTOH", office="BADAN RISET DAN INOVASI DAERAH",
        address="Jalan Merdeka Nomor 1, Kota Contoh 12345 · Telepon (021) 1234567",
        logo=(ROOT / "docs" / "screenshots" / "sample_logo.png").read_bytes(), region="CONTOH",
        head_name="Dr. H. Ahmad Santoso, M.Si.", place="Kota Contoh",
        minutes_number="000.8.3/123/436.7.2/2026", time_zone="Asia/Makassar"))
    shots.save(dialog, "letterhead", None)
    dialog.close()


def _judge(shots: Shooter, tmp: Path, translations) -> None:
    import shots_judge

    from judging_app.store.database import open_database
    from judging_app.ui.judge.database_session import DatabaseJudgeSession

    db = open_database(tmp / f"judge-{shots.language}.sqlite")
    try:
        _ws, demo, entries = shots_judge._seed(db)
        window = shots_judge._window(DatabaseJudgeSession(db, demo.code, demo.round_code,
                                                          shots_judge.JUDGE),
                                     shots.language, translations, tmp)
        if hasattr(window.home, "select"):
            window.home.select(entries[12])
        shots.save(window, "judge_list")
        window.open_entry(entries[12])
        rows = window.sheet.rubric.rows
        for row, value in zip(rows[:4], ("4", "5", "3", "4"), strict=True):
            shots_judge._type(shots.app, row.score, value)
        shots_judge._type(shots.app, rows[1].comment, "Sudah diterapkan di tiga kelurahan.",
                          enter=False)
        rows[4].score.setFocus()
        shots.save(window, "judge_sheet")
        window.close()
    finally:
        db.close()


def shoot(out: Path, language: str) -> list[Path]:
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out.mkdir(parents=True, exist_ok=True)
    shots = Shooter(app, language, out)
    # A fixed folder, so the paths the status bar shows do not change from run to run.
    tmp = Path(tempfile.gettempdir()) / "judging-app-manual"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        empty = open_database(tmp / "kosong.sqlite")
        window = _main_window(empty, tmp, translations)
        shots.save(window, "start")
        window.close()
        empty.close()
        db = open_database(tmp / "lomba.sqlite")
        try:
            ws = Workspace(db, ACTOR)
            demo = build_demo(ws, entries=140, judges=5, scored=True)
            city = _city(ws)
            _secretariat(shots, db, demo, city, tmp, translations)
        finally:
            db.close()
        _letterhead(shots)
        _judge(shots, tmp, translations)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    translations.uninstall()
    return shots.written


if __name__ == "__main__":
    for lang in ("id", "en"):
        shoot(OUT, lang)
