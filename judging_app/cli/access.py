"""What every command module shares: the database a command works on (--db), who is
working (--user, signed in: cli/security_commands.py), output files and dates given as
options, and the report of a file import."""

from __future__ import annotations

from pathlib import Path

from judging_app.cli.say import say
from judging_app.core.messages import Message, MessageError


class UsageError(MessageError):
    """The command was used wrongly (exit status 2)."""


def open_db(args, *, create: bool = True):
    """The database --db names (the default file without it). A read-only command
    (`create=False`) never creates a file or a folder for a mistyped --db path; no command
    creates a missing folder for one. On a server URL without a user name, `--user`
    signs in as that person's login (cli/security_commands.server_url)."""
    from judging_app.cli.security_commands import server_url
    from judging_app.core.messages import Message
    from judging_app.store.database import DatabaseOpenError, open_database

    if args.db is not None and "://" not in args.db:
        folder = Path(args.db).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseOpenError(Message("failure.no_folder", path=str(folder)))
    return open_database(server_url(args, args.db), create=create or args.db is None)


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
    """Who is working, signed in (cli/security_commands.py): nothing is remembered."""
    from judging_app.cli.security_commands import workspace as signed_in

    return signed_in(args, open_db(args))


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
