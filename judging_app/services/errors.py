"""Errors the use cases raise. Every message says what is wrong and where, in words a
secretariat can act on; the CLI prints it to stderr, the GUI shows it in a dialog."""

from __future__ import annotations

from collections.abc import Iterable


class ServiceError(Exception):
    """A request the rules refuse. Nothing was changed."""


class NotFoundError(ServiceError):
    pass


class ValidationError(ServiceError):
    def __init__(self, message: str, problems: Iterable[object] = ()) -> None:
        self.problems = [str(p) for p in problems]
        full = message if not self.problems else message + "\n" + "\n".join(
            f"  - {p}" for p in self.problems
        )
        super().__init__(full)


class LockedError(ServiceError):
    """The thing is locked (a submitted sheet, a rubric in use, a finalized competition)."""


class ImportFileError(ServiceError):
    """A file that cannot be imported; problems name file, row and column."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        self.source = source
        self.problems = list(problems)
        shown = self.problems[:50]
        more = len(self.problems) - len(shown)
        lines = [f"{source}: nothing was imported; {len(self.problems)} problem(s):"]
        lines += [f"  - {p}" for p in shown]
        if more:
            lines.append(f"  … and {more} more")
        super().__init__("\n".join(lines))
