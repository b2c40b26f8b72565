"""Running a command: each lives in its own module (cli/main.py's COMMAND_MODULES) with its
parser and its handlers, thin wrappers over the use cases. Errors go to stderr in one line
with a non-zero exit (1: refused or failed, 2: wrong usage, 3: unexpected, with a crash log;
see cli/failures.py) and say what is wrong and where."""

from __future__ import annotations

import argparse
import sys

from judging_app.cli.access import UsageError
from judging_app.cli.say import language, say, use_language
from judging_app.core.messages import Message

__all__ = ["UsageError", "output_language", "run"]


def output_language(args: argparse.Namespace) -> str:
    """The language of what the command prints: --lang, else JUDGING_APP_LANG, else the
    system's."""
    from judging_app.language import default_language

    return getattr(args, "lang", None) or default_language()


def run(args: argparse.Namespace) -> int:
    """Run the command in the language chosen for it; a failure is one line on stderr and
    an exit status (cli/failures)."""
    import importlib

    use_language(output_language(args))
    try:
        return importlib.import_module(f"judging_app.cli.{args.module}").run(args)
    except UsageError as exc:
        say(Message("cli.error", problem=exc), err=True)
        return 2
    except BrokenPipeError:
        return _reader_went_away()
    except (Exception, KeyboardInterrupt) as exc:
        from judging_app.cli.failures import report

        return report(exc, language(), " ".join(sys.argv))


def _reader_went_away() -> int:
    """`judging-app entries list | head`: the reader closed the pipe and wants no more; not
    an error to report. What is still buffered goes nowhere (Python's advice for SIGPIPE)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 1
