"""No traceback ever reaches a user of the command line.

A known failure (a refusal of the rules, a file that cannot be read, a database that cannot
be opened, a busy or unreachable server) is one line in the user's language, exit status 1.
Anything else is unexpected: its details go to a crash log in the user's log folder and the
user reads one line with the log's path, exit status 3. Exit statuses:

    0  done          1  refused or failed (the message says why)     2  wrong usage
    3  unexpected (a crash log was written)                          130  interrupted
"""

from __future__ import annotations

import sys

from judging_app.core.messages import Message, MessageError, os_error_message

EXIT_REFUSED, EXIT_USAGE, EXIT_UNEXPECTED, EXIT_INTERRUPTED = 1, 2, 3, 130


def known_message(exc: BaseException) -> Message | str | None:
    """What a known failure says (a Message or, for errors not yet converted, its text);
    None when the failure is unexpected."""
    from judging_app.store.db_errors import explain

    if hasattr(exc, "render"):  # ServiceError, MessageError, CompetitionFileError, ...
        return None  # rendered by the caller in the user's language
    explained = explain(exc)
    if explained is not None:
        return explained
    if isinstance(exc, OSError):
        return os_error_message(exc)
    return None


def is_known(exc: BaseException) -> bool:
    from judging_app.exchange.competition_file import CompetitionFileError
    from judging_app.services.errors import ServiceError

    if isinstance(exc, ServiceError | MessageError | CompetitionFileError):
        return True
    return known_message(exc) is not None


def one_line(exc: BaseException, language: str) -> str:
    """A known failure's text in `language`."""
    renderer = getattr(exc, "render", None)
    if callable(renderer):
        return renderer(language)
    message = known_message(exc)
    if isinstance(message, Message):
        return message.render(language)
    return str(message if message is not None else exc)


def report(exc: BaseException, language: str, context: str = "") -> int:
    """Print the failure to stderr the user's way; the exit status."""
    if isinstance(exc, KeyboardInterrupt):
        print(Message("failure.interrupted").render(language), file=sys.stderr)
        return EXIT_INTERRUPTED
    if is_known(exc):
        print(Message("cli.error", problem=one_line(exc, language)).render(language),
              file=sys.stderr)
        return EXIT_REFUSED
    from judging_app.services.crash_log import write_crash_log

    path = write_crash_log(exc, context)
    print(Message("cli.error", problem=Message("common.unexpected", path=str(path)))
          .render(language), file=sys.stderr)
    return EXIT_UNEXPECTED
