"""What every command module shares: the database a command works on (--db), who is
working (--as), output files and dates given as options, and the report of a file import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from judging_app.cli.say import say, text
from judging_app.core.messages import Message, MessageError

ACTOR_ENV = "JUDGING_APP_AS"


def _actor_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("judging-app", appauthor=False) / "cli-actor.txt"


def resolve_actor(given: str | None) -> str:
    """--as NAME (remembered), else $JUDGING_APP_AS, else the remembered name, else ask."""
    if given and given.strip():
        path = _actor_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(given.strip(), encoding="utf-8")
        return given.strip()
    if os.environ.get(ACTOR_ENV, "").strip():
        return os.environ[ACTOR_ENV].strip()
    path = _actor_file()
    if path.is_file() and path.read_text(encoding="utf-8").strip():
        return path.read_text(encoding="utf-8").strip()
    if sys.stdin.isatty():
        name = input(text(Message("cli.ask_name"))).strip()
        if name:
            return resolve_actor(name)
    raise UsageError(Message("cli.no_actor"))


class UsageError(MessageError):
    """The command was used wrongly (exit status 2)."""


def open_db(args, *, create: bool = True):
    """The database --db names (the default file without it). A read-only command
    (`create=False`) never creates a file or a folder for a mistyped --db path; no command
    creates a missing folder for one."""
    from judging_app.core.messages import Message
    from judging_app.store.database import DatabaseOpenError, open_database

    if args.db is not None and "://" not in args.db:
        folder = Path(args.db).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseOpenError(Message("failure.no_folder", path=str(folder)))
    return open_database(args.db, create=create or args.db is None)


def read(args):
    """The database for a command that only reads."""
    return open_db(args, create=False)


def out_file(args, example: str) -> Path:
    """--out as a file path: a folder given there is refused before anything is written."""
    from judging_app.core.messages import Message
    from judging_app.services.errors import ServiceError

    out = Path(args.out)
    if out.is_dir():
        raise ServiceError(Message("failure.folder_given", path=str(out),
                                   example=str(out / example)))
    return out


def workspace(args):
    from judging_app.services.workspace import Workspace

    return Workspace(open_db(args), resolve_actor(getattr(args, "actor", None)))


def date_option(value: str | None):
    """--date YYYY-MM-DD, or None."""
    if not value:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        from judging_app.core.messages import Message
        from judging_app.services.errors import ValidationError

        raise ValidationError(Message("documents.bad_date", value=value)) from None


def report_import(report) -> None:
    """An import's summary and its warnings."""
    say(report.summary())
    for warning in report.warnings:
        say(Message("cli.warning", warning=warning))


def refusals(refused: int, total: int) -> int:
    if refused:
        say(Message("cli.files_refused", refused=refused, total=total), err=True)
    return 1 if refused else 0
