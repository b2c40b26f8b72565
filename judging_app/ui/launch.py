"""The GUI entry point (`judging-app-gui`, and `judging-app` without a subcommand).

    judging-app-gui [--db PATH_OR_URL] [--lang id|en] [--smoke-test]
    judging-app-gui judge [--package FILE.jpkg] [--db PATH_OR_URL] [--lang id|en]

(The second form is judge mode without a console window: the Windows Start-menu shortcut
and double-clicking a .jpkg judge package use it. With neither --package nor --db it asks
for the package: on a judge's laptop judging starts from one.)

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
from judging_app.ui.crash import CrashReporter
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.i18n import LANGUAGES, Translations, choose_language
from judging_app.ui.main_window import MainWindow
from judging_app.ui.opening import Opener, open_with_recovery
from judging_app.ui.settings import APPLICATION, ORGANISATION, AppSettings
from judging_app.ui.sign_in import server_target
from judging_app.ui.smoke_test import SmokeTest
from judging_app.ui.who_is_working import first_sign_in

EXIT_NOT_OPENED = 1
SMOKE_TEST_HELP = ("check this installation: open the window, answer Cancel to any question, "
                   "close as soon as the window has shown (exit status 0 when it did)")


def build_parser() -> argparse.ArgumentParser:
    from judging_app.cli.parsing import Parser

    parser = Parser(
        prog="judging-app-gui",
        description="Judging public-service innovation competitions (desktop app).",
        epilog="judging-app-gui judge [--package FILE.jpkg] opens judge mode instead.",
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
    parser.add_argument("--smoke-test", action="store_true", help=SMOKE_TEST_HELP)
    parser.add_argument("--version", action="version", version=judging_app.__version__)
    return parser


def parse_in_language(parser: argparse.ArgumentParser, arguments: list[str]) -> argparse.Namespace:
    """`arguments` parsed with help, usage and argparse's errors in the language asked for
    (--lang, else JUDGING_APP_LANG, else the system's), as the command line does."""
    from judging_app.cli.parsing import requested_language, speaking

    with speaking(requested_language(arguments)):
        return parser.parse_args(arguments)


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
    if db_target is not None:
        db_target = server_target(db_target, lambda where, problem, login:
                                  dialogs.ask_sign_in(None, where, problem, login))
        if db_target is None:
            translations.uninstall()
            return None
    db = open_with_recovery(db_target, dialogs, settings, opener)
    if db is None:
        translations.uninstall()
        return None
    principal = first_sign_in(db, settings, dialogs)
    if principal is None:  # a protected database, and nobody signed in: it stays closed
        db.close()
        translations.uninstall()
        return None
    window = MainWindow(db, settings, dialogs, translations, opener, principal=principal or None)
    return Session(window, translations)


def run_gui(
    db_target: str | None,
    lang: str | None,
    *,
    settings: AppSettings | None = None,
    dialogs: Dialogs | None = None,
    smoke_test: bool = False,
) -> int:
    """Run the desktop app until its window closes; the process exit code.
    db_target: a path or SQLAlchemy URL, None for the default file. lang: 'id', 'en' or
    None (the saved choice, else the system's language). smoke_test: see ui/smoke_test.py."""
    app = application()
    dialogs = dialogs or Dialogs()
    checker = SmokeTest(app) if smoke_test else None
    reporter = CrashReporter(dialogs, lambda: app.activeWindow())  # no traceback, ever
    reporter.install()
    try:
        session = start(app, db_target, lang, settings or AppSettings(), dialogs)
        if session is None:
            return EXIT_NOT_OPENED
        try:
            session.window.show()
            if checker is not None:
                checker.close_when_shown(session.window)
            return app.exec()
        finally:
            session.translations.uninstall()
    finally:
        reporter.uninstall()
        if checker is not None:
            checker.stop()


def run_windowed_judge_mode(arguments: Sequence[str], dialogs: Dialogs | None = None) -> int:
    """`judging-app-gui judge [--package F] [--db D] [--lang L]`: judge mode; with neither a
    package nor a database, the package is asked for first (Cancel ends, exit status 0)."""
    from judging_app.ui.judge import launch as judge

    args = parse_in_language(judge.build_parser(), list(arguments))
    package = args.package
    if package is None and args.db is None:
        settings = AppSettings()
        translations = Translations(application())
        translations.apply(choose_language(args.lang, settings))
        try:
            package = (dialogs or Dialogs()).choose_judge_package(None, settings.last_directory)
        finally:
            translations.uninstall()
        if package is None:
            return 0
    return judge.run_judge_gui(args.db, package, args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(argv) if argv is not None else sys.argv[1:]
    if arguments[:1] == ["judge"]:
        return run_windowed_judge_mode(arguments[1:])
    args = parse_in_language(build_parser(), arguments)
    return run_gui(args.db, args.lang, smoke_test=args.smoke_test)


if __name__ == "__main__":
    sys.exit(main())
