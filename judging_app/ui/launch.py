"""The GUI entry point (`judging-app-gui`, and `judging-app` without a subcommand).

    judging-app-gui [--db PATH_OR_URL] [--lang id|en]

Creates the application, installs the translations, opens the database (offering another
file or quitting when it cannot be opened, never a traceback), asks once who is working,
and shows the main window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

import judging_app
from judging_app.store.database import open_database
from judging_app.ui.actor import ensure_actor
from judging_app.ui.crash import CrashReporter
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.i18n import LANGUAGES, Translations, choose_language
from judging_app.ui.main_window import MainWindow
from judging_app.ui.opening import Opener, open_with_recovery
from judging_app.ui.settings import APPLICATION, ORGANISATION, AppSettings

EXIT_NOT_OPENED = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="judging-app-gui",
        description="Judging public-service innovation competitions (desktop app).",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="the database: an .sqlite file or an SQLAlchemy URL "
        "(default: judging_app.sqlite in the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the interface for this session"
    )
    parser.add_argument("--version", action="version", version=judging_app.__version__)
    return parser


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once, with the names QSettings and the OS use)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "judging-app", *(argv or [])])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(judging_app.__version__)
    return app  # type: ignore[return-value]


@dataclass
class Session:
    """What a running GUI holds on to: the window and the installed translations."""

    window: MainWindow
    translations: Translations


def start(
    app: QApplication,
    db_target: str | None,
    lang: str | None,
    settings: AppSettings,
    dialogs: Dialogs,
    opener: Opener = open_database,
) -> Session | None:
    """Everything up to showing the window (tests call this; run_gui adds the event loop).
    None when the database could not be opened and the person chose to quit."""
    translations = Translations(app)
    translations.apply(choose_language(lang, settings))
    db = open_with_recovery(db_target, dialogs, settings, opener)
    if db is None:
        translations.uninstall()
        return None
    ensure_actor(settings, dialogs)
    window = MainWindow(db, settings, dialogs, translations, opener)
    return Session(window, translations)


def run_gui(
    db_target: str | None,
    lang: str | None,
    *,
    settings: AppSettings | None = None,
    dialogs: Dialogs | None = None,
) -> int:
    """Run the desktop app until its window closes; the process exit code.
    db_target: a path or SQLAlchemy URL, None for the default file. lang: 'id', 'en' or
    None (the saved choice, else the system's language)."""
    app = application()
    dialogs = dialogs or Dialogs()
    session = start(app, db_target, lang, settings or AppSettings(), dialogs)
    if session is None:
        return EXIT_NOT_OPENED
    reporter = CrashReporter(dialogs, lambda: app.activeWindow())  # no traceback, ever
    reporter.install()
    try:
        session.window.show()
        return app.exec()
    finally:
        reporter.uninstall()
        session.translations.uninstall()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(argv) if argv is not None else sys.argv[1:])
    return run_gui(args.db, args.lang)


if __name__ == "__main__":
    sys.exit(main())
