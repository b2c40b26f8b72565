"""Errors the use cases raise. Every message says what is wrong and where, in words a
secretariat can act on; the CLI prints it to stderr, the GUI shows it in a dialog, each in
the user's language (`exc.render(language)`; `str(exc)` is English, for logs and tests).

Raise them with a `Message` (a code and parameters, texts in judging_app/texts/):
`raise LockedError(Message("sheet.locked", judge=j, entry=e))`. A problem in a list may
also be an error that renders itself (a MessageError, a ServiceError). A plain string is
still accepted for the reading paths not yet converted; it is shown as it is in every
language (tests/test_message_sweep.py keeps new ones out).
"""

from __future__ import annotations

from collections.abc import Iterable

from judging_app.core.messages import Message, Text, as_text

PROBLEMS_SHOWN = 50


class ServiceError(Exception):
    """A request the rules refuse. Nothing was changed."""

    def __init__(self, message: Text = "", *args: object) -> None:
        self.message: Text = message
        super().__init__(message, *args)

    def render(self, language: str) -> str:
        return as_text(self.message, language)

    def __str__(self) -> str:
        return self.render("en")


class NotFoundError(ServiceError):
    pass


class ValidationError(ServiceError):
    def __init__(self, message: Text, problems: Iterable[Text | Exception] = ()) -> None:
        self.problems: list[Text | Exception] = [
            p if isinstance(p, Message | Exception) else str(p) for p in problems]
        super().__init__(message)

    def render(self, language: str) -> str:
        head = as_text(self.message, language)
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"  - {as_text(p, language)}" for p in self.problems)


class LockedError(ServiceError):
    """The thing is locked (a submitted sheet, a rubric in use, a finalized competition)."""


class ImportFileError(ServiceError):
    """A file that cannot be imported; problems name file, row and column."""

    def __init__(self, source: str, problems: Iterable[Text | Exception]) -> None:
        self.source = source
        self.problems: list[Text | Exception] = list(problems)
        super().__init__(Message("common.import_refused", source=source,
                                 count=len(self.problems)))

    def render(self, language: str) -> str:
        shown = self.problems[:PROBLEMS_SHOWN]
        more = len(self.problems) - len(shown)
        lines = [as_text(self.message, language)]
        lines += [f"  - {as_text(p, language)}" for p in shown]
        if more:
            lines.append(as_text(Message("common.and_more", count=more), language))
        return "\n".join(lines)


class PermissionDenied(ServiceError):
    """The signed-in person's role does not allow this (or nobody is signed in)."""
