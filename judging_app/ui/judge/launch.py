"""Starting judge mode.

    judging-app judge [--db PATH_OR_URL] [--package FILE] [--lang id|en]   (wired by the CLI)
    python -m judging_app.ui.judge.launch [--db ...] [--package FILE] [--lang ...]

With a package: open it (its work file is resumed). Otherwise open the database (the same
recovery as the secretariat's app when it cannot be opened) and ask who is judging:
competition, round and the judge's own name. Then show the `JudgeWindow`.

Module-level functions use QCoreApplication.translate (see the note in ui/i18n.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from judging_app.services.judge_mode import judging_choices
from judging_app.services.people import security_mode
from judging_app.store.database import open_database
from judging_app.ui.crash import CrashReporter
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.i18n import LANGUAGES, Translations, choose_language, fill, first_line
from judging_app.ui.judge.database_session import DatabaseJudgeSession
from judging_app.ui.judge.dialogs import JudgeDialogs
from judging_app.ui.judge.package_session import PackageJudgeSession
from judging_app.ui.judge.session import JudgeSession, SessionError
from judging_app.ui.judge.window import JudgeWindow
from judging_app.ui.launch import application
from judging_app.ui.opening import Opener, open_with_recovery
from judging_app.ui.settings import AppSettings
from judging_app.ui.sign_in import server_target, sign_in

EXIT_NOT_OPENED = 1


@dataclass
class JudgeApp:
    """What a running judge mode holds on to: the window and the installed translations."""

    window: JudgeWindow
    translations: Translations


def open_package_session(package: str | Path, dialogs: Dialogs,
                         work_path: str | Path | None = None) -> PackageJudgeSession | None:
    try:
        session = PackageJudgeSession(Path(package), Path(work_path) if work_path else None)
    except SessionError as exc:
        dialogs.show_error(
            None, QCoreApplication.translate("JudgeLaunch", "Cannot open the judge package"),
            fill(QCoreApplication.translate(
                "JudgeLaunch", "The judge package %1 could not be opened."), str(package)),
            QCoreApplication.translate(
                "JudgeLaunch", "Ask the secretariat for a new copy if the file is damaged."),
            exc.details)
        return None
    if session.set_aside is not None:
        dialogs.show_error(
            None, QCoreApplication.translate("JudgeLaunch", "Earlier work kept aside"),
            fill(QCoreApplication.translate(
                "JudgeLaunch", "The work file of this package belonged to another package or "
                "was damaged. It was kept as %1; scoring starts from this package."),
                str(session.set_aside)),
            QCoreApplication.translate(
                "JudgeLaunch", "If it holds scores you have not sent yet, send that file to "
                "the secretariat too."))
    return session


def open_database_session(db_target: str | None, dialogs: Dialogs, ask: JudgeDialogs,
                          settings: AppSettings,
                          opener: Opener = open_database) -> DatabaseJudgeSession | None:
    if db_target is not None:
        db_target = server_target(db_target, lambda where, problem, login:
                                  dialogs.ask_sign_in(None, where, problem, login))
        if db_target is None:
            return None
    db = open_with_recovery(db_target, dialogs, settings, opener)
    if db is None:
        return None
    who = None
    if security_mode(db) != "open":  # a protected database: the judge signs in first
        who = sign_in(db, dialogs)
        if who is None:
            db.close()
            return None
    try:
        choices = judging_choices(db, who.judge_ids if who is not None else None)
        if not choices:
            dialogs.show_error(
                None, QCoreApplication.translate("JudgeLaunch", "Nothing to judge"),
                QCoreApplication.translate(
                    "JudgeLaunch", "No competition in this database is open for judging."),
                QCoreApplication.translate(
                    "JudgeLaunch", "The secretariat opens judging once the entries are "
                    "screened and assigned."))
            db.close()
            return None
        identity = ask.choose_identity(None, choices)
        if identity is None:
            db.close()
            return None
        return DatabaseJudgeSession(db, identity.competition, identity.round, identity.judge,
                                    owns_db=True, who=who)
    except SessionError as exc:
        dialogs.show_error(
            None, QCoreApplication.translate("JudgeLaunch", "Cannot start judge mode"),
            first_line(exc), "", exc.details)
        db.close()
        return None


def start_judge(app: QApplication, db_target: str | None, package: str | None,
                lang: str | None, settings: AppSettings, dialogs: Dialogs,
                ask: JudgeDialogs | None = None, opener: Opener = open_database,
                work_path: str | Path | None = None) -> JudgeApp | None:
    """Everything up to showing the window (tests call this; run_judge_gui adds the event
    loop). None when nothing could be opened or the person cancelled."""
    translations = Translations(app)
    translations.apply(choose_language(lang, settings))
    ask = ask or JudgeDialogs()
    session: JudgeSession | None
    if package:
        session = open_package_session(package, dialogs, work_path)
    else:
        session = open_database_session(db_target, dialogs, ask, settings, opener)
    if session is None:
        translations.uninstall()
        return None
    window = JudgeWindow(session, settings, dialogs, translations)
    window.ask = ask
    return JudgeApp(window, translations)


def run_judge_gui(db_target: str | None, package: str | None, lang: str | None, *,
                  settings: AppSettings | None = None, dialogs: Dialogs | None = None) -> int:
    """Run judge mode until its window closes; the process exit code. `package`: a judge
    package file (then `db_target` is not used); else `db_target` (a path or SQLAlchemy URL,
    None for the default database). `lang`: 'id', 'en' or None (saved choice, else system)."""
    app = application()
    dialogs = dialogs or Dialogs()
    started = start_judge(app, db_target, package, lang, settings or AppSettings(), dialogs)
    if started is None:
        return EXIT_NOT_OPENED
    reporter = CrashReporter(dialogs, lambda: app.activeWindow())  # no traceback, ever
    reporter.install()
    try:
        started.window.show()
        return app.exec()
    finally:
        reporter.uninstall()
        started.translations.uninstall()


def build_parser() -> argparse.ArgumentParser:
    from judging_app.cli.parsing import Parser

    parser = Parser(prog="judging-app judge",
                                     description="Judge mode: score your assigned entries.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="judge directly on this database (default: the app's own file)")
    parser.add_argument("--package", metavar="FILE",
                        help="a judge package (.jpkg) from the secretariat")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the interface")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from judging_app.ui.launch import parse_in_language

    args = parse_in_language(build_parser(), list(argv) if argv is not None else sys.argv[1:])
    return run_judge_gui(args.db, args.package, args.lang)


if __name__ == "__main__":
    sys.exit(main())
