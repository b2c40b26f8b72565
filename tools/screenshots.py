"""Screenshots of the main screens, in Indonesian and English, on demo data.

    python tools/screenshots.py                  # writes docs/screenshots/*.png
    python tools/screenshots.py --out /tmp/shots --entries 40

Runs on Qt's offscreen platform (no display needed) with a throw-away database and
throw-away settings in <temp>/judging-app-screenshots (emptied first, removed after): your
own settings and data are not touched.
The demo competition comes from judging_app.demo.generator.build_demo when it exists, plus
two competitions from the shipped templates (so several statuses show).

Look at every picture after a UI change: clipped text, empty space, English left under
Indonesian. Under offscreen, text needs a real font on the system (Debian/Ubuntu:
fonts-dejavu-core); without one, letters render as boxes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 640)


def seed_database(db, entries: int) -> None:
    """A demo competition (if the generator exists) and two from the templates."""
    from judging_app.core.enums import CompetitionStatus
    from judging_app.exchange.competition_file import setup_from_json
    from judging_app.resources_access import read_resource_text
    from judging_app.services.competitions import create_competition, set_status
    from judging_app.services.workspace import Workspace

    ws = Workspace(db, "Sekretariat (tangkapan layar)")
    try:
        from judging_app.demo.generator import build_demo
    except ImportError:
        print("judging_app.demo.generator not available: templates only", file=sys.stderr)
    else:
        build_demo(ws, entries=entries)
    for name, status in (
        ("national_kipp", CompetitionStatus.REGISTRATION),
        ("iga_presentation", None),
    ):
        path = f"templates/{name}.json"
        comp = create_competition(ws, setup_from_json(read_resource_text(path), source=path))
        if status is not None:
            set_status(ws, comp.code, status)


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget, path: Path, app) -> None:
    widget.show()
    settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def shoot(out: Path, entries: int) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from judging_app.store.database import open_database
    from judging_app.ui.actor import ActorDialog
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import LANGUAGES, Translations
    from judging_app.ui.launch import application
    from judging_app.ui.main_window import MainWindow
    from judging_app.ui.settings import AppSettings

    app: QApplication = application()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    # A fixed folder name, so the paths in the pictures do not change from run to run.
    tmp_path = Path(tempfile.gettempdir()) / "judging-app-screenshots"
    shutil.rmtree(tmp_path, ignore_errors=True)
    tmp_path.mkdir(parents=True)
    try:
        settings = AppSettings.at_path(tmp_path / "settings.ini")
        settings.actor_name = "Dewi Lestari"
        demo_path = tmp_path / "demo_kota.sqlite"
        demo = open_database(demo_path)
        seed_database(demo, entries)
        demo.close()
        translations = Translations(app)
        dialogs = Dialogs()

        def main_window(db_path: Path) -> MainWindow:
            window = MainWindow(open_database(db_path), settings, dialogs, translations)
            window.resize(*SIZE)
            return window

        screens: list[tuple[str, Callable[[], object]]] = [
            ("main_window", lambda: main_window(demo_path)),
            ("main_window_empty", lambda: main_window(tmp_path / "kosong.sqlite")),
            ("file_menu", lambda: _menu(main_window(demo_path), "file_menu", keep)),
            ("language_menu", lambda: _menu(main_window(demo_path), "language_menu", keep)),
            ("who_is_working", lambda: ActorDialog(None, "")),
            ("new_competition", lambda: _new_competition(translations.language)),
            ("open_failed", lambda: _open_failed_box(dialogs, tmp_path / "catatan.sqlite")),
            ("refusal", lambda: _refusal_box(demo_path)),
            ("open_dialog", lambda: _file_dialog(dialogs, str(tmp_path))),
        ]
        keep: list = []  # windows behind the menus, closed with them
        for lang in LANGUAGES:
            translations.apply(lang)
            for name, build in screens:
                widget = build()
                path = out / f"{name}_{lang}.png"
                save(widget, path, app)
                written.append(path)
                for item in (widget, *keep):
                    item.close()
                    item.deleteLater()
                keep.clear()
                settle(app)
        translations.uninstall()
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)
    return written


def _new_competition(language: str):
    from judging_app.services.templates import list_templates
    from judging_app.ui.new_competition import NewCompetitionDialog

    return NewCompetitionDialog(list_templates(), language)


def _menu(window, name: str, keep: list):
    """A menu of the main window, opened."""
    from PySide6.QtCore import QPoint

    window.show()
    keep.append(window)
    menu = getattr(window, name)
    menu.popup(window.mapToGlobal(QPoint(0, 0)))
    return menu


def _open_failed_box(dialogs, path: Path):
    """The message for a file that is not a database (a real refusal from the store)."""
    from judging_app.ui.opening import describe_target, try_open

    path.write_text("catatan rapat, bukan basis data\n", encoding="utf-8")
    db, problem = try_open(str(path))
    assert db is None and problem is not None
    box, _open_button = dialogs.open_failed_box(
        None, describe_target(str(path)), problem.summary, problem.details
    )
    return _with_details(box)


def _with_details(box):
    """A message box with its details shown (the store's or the service's own words)."""
    from PySide6.QtWidgets import QMessageBox

    box.show()
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole:
            button.click()  # "Show Details…"
    return box


def _refusal_box(db_path: Path):
    """A refusal as the Setup view shows it: a setup whose weights do not add up, with
    every problem located, in the window's language (a real ServiceError)."""
    import dataclasses
    from decimal import Decimal

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from judging_app.services import competitions
    from judging_app.services.errors import ServiceError
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.i18n import first_line, message_text

    db = open_database(db_path)
    try:
        code = competitions.list_competitions(db)[0].code
        setup = competitions.get_setup(db, code)
        rnd = setup.rounds[-1]
        crit = dataclasses.replace(rnd.criteria[0], weight=rnd.criteria[0].weight + Decimal("5.5"))
        rounds = (*setup.rounds[:-1], dataclasses.replace(rnd, criteria=(crit, *rnd.criteria[1:])))
        try:
            competitions.update_setup(Workspace(db, "Dewi Lestari"), code,
                                      dataclasses.replace(setup, rounds=rounds, year=1999))
        except ServiceError as exc:
            refusal = exc
        else:
            raise SystemExit("the setup was expected to be refused")
    finally:
        db.close()
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("SetupView", "Cannot save the setup"),
                      first_line(refusal), QMessageBox.StandardButton.Ok)
    box.setDetailedText(message_text(refusal))
    return _with_details(box)


def _file_dialog(dialogs, directory: str):
    from PySide6.QtWidgets import QFileDialog

    dialog = dialogs.database_file_dialog(None, directory, new=False)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.resize(760, 440)
    return dialog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the main screens.")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    parser.add_argument("--entries", type=int, default=140, help="demo entries (default 140)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    shoot(args.out.resolve(), args.entries)
    shoot_views(args.out.resolve())
    return 0


def shoot_views(out: Path) -> None:
    """Every workspace view, through each view's own tools/shots_<view>.py."""
    import importlib.util

    for script in sorted(Path(__file__).parent.glob("shots_*.py")):
        spec = importlib.util.spec_from_file_location(script.stem, script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        for language in ("id", "en"):
            for path in module.shoot(out, language):
                print(path)


if __name__ == "__main__":
    sys.exit(main())
