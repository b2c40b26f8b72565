"""Crash logs: what went unexpectedly wrong, with every detail, in a file of the user's log
folder (the command line and the window each show one line with its path)."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from judging_app import __version__


def log_folder() -> Path:
    from platformdirs import user_log_path

    return user_log_path("judging-app", appauthor=False)


def crash_report(exc: BaseException, context: str = "") -> str:
    """The text of a crash log: version, system, command, the traceback."""
    return "".join([
        f"judging-app {__version__} crash report, {datetime.now(UTC).isoformat()}\n",
        f"python {platform.python_version()} on {platform.platform()}\n",
        f"command: {context or ' '.join(sys.argv)}\n\n",
        *traceback.format_exception(exc),
    ])


def write_crash_log(exc: BaseException, context: str = "") -> Path:
    """The exception with its traceback, the version and the command, in a new file of the
    user's log folder (the temporary folder when that cannot be written); its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    text = crash_report(exc, context)
    for folder in (log_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"crash-{stamp}-{os.getpid()}.log"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return Path(tempfile.gettempdir())  # nowhere writable: the line still names a place


