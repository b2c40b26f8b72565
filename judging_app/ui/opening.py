"""Opening a database from the GUI: never a traceback, always a message a person can act on.

Module-level functions on purpose: see the note on `translate` in i18n.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from judging_app.store.database import (
    DamagedDatabaseError,
    Database,
    DatabaseOpenError,
    NewerDatabaseError,
    NotADatabaseError,
    open_database,
)
from judging_app.ui.dialogs import Dialogs, OpenFailedChoice
from judging_app.ui.i18n import fill, message_text
from judging_app.ui.settings import AppSettings

log = logging.getLogger(__name__)

Opener = Callable[[str | None], Database]


def describe_target(target: str | None) -> str:
    """How a database target is shown to people (the default file spelled out)."""
    if target is None:
        from judging_app.store.database import default_database_path

        return str(default_database_path())
    if "://" in target:
        from sqlalchemy.engine import make_url

        try:
            return make_url(target).render_as_string(hide_password=True)
        except Exception:  # an unparsable URL is shown without its middle part
            return target.split("://", 1)[0] + "://…"
    return str(Path(target).expanduser())


@dataclass(frozen=True)
class OpenProblem:
    """Why a database could not be opened: a translated summary for everyone, and the
    exact technical message (from the store layer, in English) as details."""

    summary: str
    details: str


def explain_open_error(exc: BaseException) -> str:
    """A translated explanation of what went wrong and what to do (explicit translate
    calls: pyside6-lupdate only finds literal texts)."""
    if isinstance(exc, NewerDatabaseError):
        return QCoreApplication.translate(
            "DatabaseOpening",
            "It was made by a newer version of this app. Install the newer version to open "
            "it. The database was not changed.",
        )
    if isinstance(exc, DamagedDatabaseError):
        return QCoreApplication.translate(
            "DatabaseOpening",
            "The file is damaged. Restore it from a backup. The file was not changed.",
        )
    if isinstance(exc, NotADatabaseError):
        return QCoreApplication.translate(
            "DatabaseOpening",
            "It is not a database of this app. Choose a file this app created, or a new "
            "file name. Nothing was changed.",
        )
    if isinstance(exc, DatabaseOpenError):
        return QCoreApplication.translate(
            "DatabaseOpening",
            "The database does not exist or cannot be reached. Check the file name or the "
            "server address.",
        )
    return QCoreApplication.translate(
        "DatabaseOpening", "An unexpected error happened while opening the database."
    )


def try_open(
    target: str | None, opener: Opener = open_database
) -> tuple[Database | None, OpenProblem | None]:
    """(database, None) or (None, why it could not be opened)."""
    try:
        return opener(target), None
    except DatabaseOpenError as exc:
        return None, OpenProblem(explain_open_error(exc), message_text(exc))
    except Exception as exc:  # the person gets the reason; the log gets the traceback
        log.exception("opening database %s failed", describe_target(target))
        return None, OpenProblem(explain_open_error(exc), f"{type(exc).__name__}: {exc}")


def remember_location(settings: AppSettings, db: Database) -> None:
    """Put an opened database first in the recent list and remember its folder."""
    if db.path is not None:
        settings.add_recent_database(str(db.path))
        settings.last_directory = str(db.path.parent)
    else:
        # Never keep a password in the settings (libpq finds it in .pgpass or PGPASSWORD);
        # nor a person's login on a locked-down server: whoever opens it next signs in.
        from judging_app.store.server_sql import login_role

        url = db.url.set(password=None)
        if url.username and url.username.startswith(login_role(url.database or "", "")):
            url = url.set(username=None)
        settings.add_recent_database(url.render_as_string(hide_password=False))
    settings.sync()


def open_with_recovery(
    target: str | None,
    dialogs: Dialogs,
    settings: AppSettings,
    opener: Opener = open_database,
    parent: QWidget | None = None,
) -> Database | None:
    """Open `target`; when that fails, say why and offer another file or quitting.
    None when the person chose to quit."""
    db, problem = try_open(target, opener)
    while db is None:
        assert problem is not None
        choice = dialogs.open_failed(
            parent, describe_target(target), problem.summary, problem.details
        )
        if choice is not OpenFailedChoice.OPEN_OTHER:
            return None
        path = dialogs.choose_database_to_open(parent, settings.last_directory)
        if path:
            target = path
            db, problem = try_open(target, opener)
    remember_location(settings, db)
    return db


def open_in_window(
    target: str,
    dialogs: Dialogs,
    settings: AppSettings,
    opener: Opener = open_database,
    parent: QWidget | None = None,
) -> Database | None:
    """Open another database while one is already open: on failure say why and keep the
    current one (None)."""
    db, problem = try_open(target, opener)
    if db is None:
        assert problem is not None
        dialogs.show_error(
            parent,
            QCoreApplication.translate("DatabaseOpening", "Cannot open the database"),
            fill(
                QCoreApplication.translate(
                    "DatabaseOpening", "The database %1 could not be opened."
                ),
                describe_target(target),
            ),
            problem.summary,
            problem.details,
        )
        return None
    remember_location(settings, db)
    return db
