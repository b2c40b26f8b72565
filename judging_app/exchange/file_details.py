"""What a parser found wrong with a file, in words of the message catalogue.

zipfile, zlib, python-calamine, expat, json, the csv module and the operating system
explain a damaged file in English ("File is not a zip file", "Bad CRC-32 for file …",
"Cannot detect file format"). A reader's refusal shows that explanation in parentheses
("berkas rusak ({detail})"): `detail_of(exc)` turns the common ones into a Message with
texts in both languages (texts/file_details.py), and keeps the parser's own words only for
what it does not know, marked as a technical detail ("rincian teknis: …") so that a reader
sees it is the parser speaking, not the app.
"""

from __future__ import annotations

import errno
import json
import re
import zipfile
import zlib
from pyexpat import errors as expat_errors

from judging_app.core.messages import Message, NotAFileError
from judging_app.exchange.json_errors import json_problem

# (pattern on the parser's text, the Message it means): first match wins.
_BY_TEXT: tuple[tuple[re.Pattern[str], Message], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), message) for pattern, message in (
        (r"not a zip file", Message("file_detail.not_zip")),
        (r"cannot detect file format", Message("file_detail.unknown_format")),
        (r"bad crc|crc-?32|checksum", Message("file_detail.bad_crc")),
        (r"encrypted|password", Message("file_detail.encrypted")),
        (r"compression (method|type)", Message("file_detail.compression")),
        (r"overlapped|zip bomb", Message("file_detail.overlapped")),
        (r"file name in directory .* differ", Message("file_detail.names_differ")),
        (r"truncated|bad magic number|central directory|end.of.(stream|central)|"
         r"ended before|unexpected end|\beof\b", Message("file_detail.truncated")),
        (r"deflate|decompress|invalid (block|code|distance|stored|bit length)|"
         r"incorrect (header|data) check", Message("file_detail.corrupt_data")),
        (r"line contains nul", Message("file_detail.nul")),
        (r"new-line character seen in unquoted field", Message("file_detail.bare_newline")),
        (r"exceeds the limit .* integer string", Message("file_detail.integer_too_long")),
        (r"out of range float|not json compliant", Message("file_detail.not_finite")),
        (r"surrogate", Message("file_detail.broken_character")),
    ))

_XML = {
    expat_errors.XML_ERROR_INVALID_TOKEN: Message("file_detail.xml_invalid_token"),
    expat_errors.XML_ERROR_NO_ELEMENTS: Message("file_detail.xml_ended"),
    expat_errors.XML_ERROR_UNCLOSED_TOKEN: Message("file_detail.xml_ended"),
    expat_errors.XML_ERROR_PARTIAL_CHAR: Message("file_detail.xml_ended"),
    expat_errors.XML_ERROR_TAG_MISMATCH: Message("file_detail.xml_tag_mismatch"),
    expat_errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: Message("file_detail.xml_junk"),
    expat_errors.XML_ERROR_SYNTAX: Message("file_detail.xml_syntax"),
    expat_errors.XML_ERROR_DUPLICATE_ATTRIBUTE: Message("file_detail.xml_syntax"),
    expat_errors.XML_ERROR_UNBOUND_PREFIX: Message("file_detail.xml_syntax"),
    expat_errors.XML_ERROR_BAD_CHAR_REF: Message("file_detail.xml_bad_character"),
    expat_errors.XML_ERROR_UNDEFINED_ENTITY: Message("file_detail.xml_bad_character"),
    expat_errors.XML_ERROR_INCORRECT_ENCODING: Message("file_detail.xml_encoding"),
    expat_errors.XML_ERROR_UNKNOWN_ENCODING: Message("file_detail.xml_encoding"),
}

_OS = {
    errno.ENOENT: Message("file_detail.os_missing"),
    errno.EACCES: Message("file_detail.os_permission"),
    errno.EPERM: Message("file_detail.os_permission"),
    errno.EISDIR: Message("file_detail.os_folder"),
    errno.EIO: Message("file_detail.os_io"),
}


def technical(exc: BaseException | str) -> Message:
    """The parser's own words, marked as a technical detail (no translation known)."""
    text = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return Message("file_detail.technical", detail=text.strip()[:300])


def detail_text(text: str) -> Message:
    """A parser's English explanation as a Message (its words kept when unknown)."""
    for pattern, message in _BY_TEXT:
        if pattern.search(text):
            return message
    return technical(text)


def xml_detail(error: str) -> Message:
    """expat's ErrorString (the text of an ExpatError's code) as a Message."""
    return _XML.get(error) or technical(error)


def detail_of(exc: BaseException, part: str | None = None) -> Message:
    """What `exc` (raised while reading a file, or a part `part` of a zip archive) says
    is wrong with it, as a Message."""
    found = _detail(exc)
    return Message("file_detail.in_part", part=part, detail=found) if part else found


def _detail(exc: BaseException) -> Message:
    if isinstance(exc, json.JSONDecodeError):
        return Message("file_detail.json", line=exc.lineno, column=exc.colno,
                       problem=json_problem(exc))
    if isinstance(exc, UnicodeDecodeError):
        return Message("file_detail.not_utf8", offset=exc.start)
    if isinstance(exc, KeyError) and exc.args and "no item named" in str(exc.args[0]):
        name = re.search(r"named '([^']*)'", str(exc.args[0]))
        return Message("file_detail.missing_part", part=name[1] if name else "?")
    if isinstance(exc, EOFError):
        return Message("file_detail.truncated")
    if isinstance(exc, zlib.error):
        return Message("file_detail.corrupt_data")
    if isinstance(exc, NotImplementedError) and not isinstance(exc, zipfile.BadZipFile):
        return Message("file_detail.compression")
    if isinstance(exc, NotAFileError):
        return Message("file_detail.not_a_file")
    if isinstance(exc, OSError) and exc.errno in _OS:
        return _OS[exc.errno]
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    found = detail_text(text)
    if found.code == "file_detail.technical":
        return technical(exc if not isinstance(exc, OSError) or not exc.strerror
                         else exc.strerror)
    return found
