"""Which entry a file belongs to, from its name: `INV-001 proposal.pdf`, `inv_001-bukti.pdf`,
`INV 001/SK Bupati.pdf`. Codes are compared without case and without separators (spaces,
`-`, `_`, `.`), and a code must end where a word ends: `INV-0012.pdf` is not `INV-001`.
A name two codes could claim (`E1` and `E-1`; `INV-1` and `INV-1-2` for `INV-1-2 x.pdf`) is
ambiguous and never guessed. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from judging_app.core.attachments import DocumentKind

_PROPOSAL_WORDS = re.compile(r"proposal|usulan", re.IGNORECASE)
_LEADING_SEPARATORS = re.compile(r"^[\s\-_.,;:()\[\]]+")


def normalized(text: str) -> str:
    """Letters and digits only, lower case: how codes and names are compared."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass(frozen=True)
class NameMatch:
    code: str | None  # the entry's code, when exactly one code fits
    candidates: tuple[str, ...] = ()  # every code that fits (more than one: ambiguous)
    rest: str = ""  # what follows the code in the name (a label)

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


class CodeMatcher:
    """Matches names against a competition's entry codes."""

    def __init__(self, codes: Iterable[str]) -> None:
        self.by_key: dict[str, list[str]] = {}
        for code in codes:
            key = normalized(code)
            if key:
                self.by_key.setdefault(key, []).append(code)

    def match(self, name: str) -> NameMatch:
        """The code a name starts with. Every prefix that ends at a word boundary is looked
        up; more than one code found (at one prefix or at several) is ambiguous."""
        found: list[tuple[str, int]] = []  # (code, index in `name` where the code ends)
        key: list[str] = []
        for i, ch in enumerate(name):
            if ch.isalnum():
                key.append(ch.casefold())
                if i + 1 == len(name) or not name[i + 1].isalnum():
                    found += [(code, i + 1) for code in self.by_key.get("".join(key), [])]
            elif not key and not ch.isspace() and ch not in "-_.([":
                break  # a name that starts with other punctuation names no code
        if not found:
            return NameMatch(None)
        codes = tuple(sorted(dict.fromkeys(code for code, _ in found)))
        if len(codes) > 1:
            return NameMatch(None, codes)
        rest = _LEADING_SEPARATORS.sub("", name[found[0][1]:]).strip()
        return NameMatch(codes[0], codes, rest)


def guess_kind(name: str) -> DocumentKind:
    """A proposal when the name says so (proposal, usulan), otherwise evidence."""
    return DocumentKind.PROPOSAL if _PROPOSAL_WORDS.search(name) else DocumentKind.EVIDENCE


def stem(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[:dot] if dot > 0 else file_name


def label_for(file_name: str, rest: str = "") -> str:
    """A label for a document: what the name says besides the code, else the name."""
    text = stem(rest).strip() if rest else ""
    return text or stem(file_name).strip() or file_name


@dataclass(frozen=True)
class PlacedFile:
    """A file of a folder and the entry its path names."""

    relative: str  # the path inside the folder, with '/'
    code: str
    file_name: str
    label: str
    kind: DocumentKind


@dataclass(frozen=True)
class FolderPlan:
    placed: tuple[PlacedFile, ...]
    unmatched: tuple[str, ...]  # relative paths no code fits
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # (relative path, the codes that fit)


def place_files(relatives: Sequence[str], matcher: CodeMatcher) -> FolderPlan:
    """For each relative path ('INV-001/proposal.pdf', 'INV-002 bukti.pdf'): the first
    folder, from the top, whose name is a code; else the file's own name. A folder that is
    ambiguous stops the search (the file is ambiguous)."""
    placed: list[PlacedFile] = []
    unmatched: list[str] = []
    ambiguous: list[tuple[str, tuple[str, ...]]] = []
    for relative in relatives:
        parts = [p for p in relative.split("/") if p]
        file_name = parts[-1]
        own = matcher.match(stem(file_name))
        result = next((m for m in map(matcher.match, parts[:-1]) if m.code or m.ambiguous), own)
        if result.ambiguous:
            ambiguous.append((relative, result.candidates))
        elif result.code is None:
            unmatched.append(relative)
        else:
            rest = own.rest if own.code == result.code else ""
            placed.append(PlacedFile(relative, result.code, file_name,
                                     label_for(file_name, rest), guess_kind(file_name)))
    return FolderPlan(tuple(placed), tuple(unmatched), tuple(ambiguous))
