"""What reaches a user as a refusal, a problem or a note: a code and its parameters.

Code never builds a sentence for a user. It builds `Message("sheet.locked", judge="J01",
entry="E12")`; the texts for every code live side by side in English and Indonesian in
`judging_app/texts/` and are rendered in the user's language by the UI and the CLI
(`judging_app.texts.render(message, language)`). `str(message)` is the English text, for
logs and tests.

Parameters are plain values: text (codes, names, file names: shown as given), int,
Decimal and Fraction (shown with the language's decimal mark), dates and datetimes,
enum members (shown by their label in the catalogue when it has one), other Messages
(rendered in the same language) and lists or tuples of those (joined with ", ").
"""

from __future__ import annotations

import errno
import re
from collections.abc import Sequence
from typing import Any

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class Message:
    """An immutable code plus named parameters."""

    __slots__ = ("code", "params")

    code: str
    params: dict[str, Any]

    def __init__(self, code: str, /, **params: Any) -> None:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"not a message code: {code!r}")
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", dict(params))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Message cannot be changed")

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and other.code == self.code
                and other.params == self.params)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __repr__(self) -> str:
        inner = ", ".join([repr(self.code)] + [f"{k}={v!r}" for k, v in self.params.items()])
        return f"Message({inner})"

    def __str__(self) -> str:
        from judging_app.texts import render  # the catalogue is data, loaded when needed

        return render(self, "en")

    def render(self, language: str) -> str:
        from judging_app.texts import render

        return render(self, language)


class NotAFileError(OSError):
    """A path naming a device, a pipe or a socket where a file is read or written (reading
    /dev/zero as a file never ends; writing over /dev/full replaced the device)."""


class MessageError(Exception):
    """A refusal raised below the services (core, store, exchange, demo) that carries a
    Message; whoever shows it renders it in the user's language (`render`), str() is
    English."""

    def __init__(self, message: Message | str) -> None:
        self.message = message
        super().__init__(message)

    def render(self, language: str) -> str:
        return as_text(self.message, language)

    def __str__(self) -> str:
        return str(self.message)


Text = Message | str
"""Anything that may be shown: a Message, or (for a few legacy paths and user data) text.
An error that renders itself (MessageError, ServiceError) may stand in for one."""


def as_text(value: object, language: str) -> str:
    """A Message, an error carrying one, a located problem (anything with
    `render(language)`) or text."""
    renderer = getattr(value, "render", None)
    if not isinstance(value, str) and callable(renderer):
        return renderer(language)
    return str(value)



_OS_ERRORS = {  # errno -> code; each takes the file's name as {path}
    errno.ENOENT: "common.os.not_found", errno.EACCES: "common.os.permission",
    errno.EPERM: "common.os.permission", errno.EISDIR: "common.os.is_folder",
    errno.ENOTDIR: "common.os.not_folder", errno.ENOSPC: "common.os.no_space",
    errno.EROFS: "common.os.read_only", errno.ENAMETOOLONG: "common.os.name_too_long",
    errno.EEXIST: "common.os.exists",
}


def os_error_message(exc: OSError, path: object = None) -> Message:
    """What went wrong with a file, in words (the system's own text is English): e.g.
    'common.os.not_found' with the file's name (the error's, else `path`), else
    'common.os.other' with the reason."""
    if exc.filename is not None:
        path = str(exc.filename)
    elif path is None:
        path = Message("common.os.the_file")
    else:
        path = str(path)
    if isinstance(exc, NotAFileError):
        return Message("common.os.not_a_file", path=path)
    code = _OS_ERRORS.get(exc.errno if exc.errno is not None else -1)
    if code is None:
        return Message("common.os.other", path=path, reason=exc.strerror or type(exc).__name__)
    return Message(code, path=path)


def first_of(items: Sequence[object], limit: int = 10) -> list[object]:
    """A list parameter that names at most `limit` items, then '… and N more'."""
    shown: list[object] = list(items[:limit])
    if len(items) > limit:
        shown.append(Message("common.and_more", count=len(items) - limit))
    return shown
