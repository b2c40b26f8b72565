"""Excel score sheets for judges without the app: one workbook per judge per round
(docs/score-workbooks.md). Pure: no database, no Qt.

    path = write_score_workbook(folder / "lomba_prop_J1.xlsx", data, lang="id")
    filled = read_score_workbook(path)          # ScoreWorkbookError unless sound
    filled.identity.signed_by(judge_secret)     # the secretariat checks whose it is

A workbook has three sheets: the data sheet ("Nilai" / "Scores": one row per entry, one
column per criterion, data validation on every score cell, only score and comment cells
unlocked), the instructions ("Petunjuk" / "Instructions", Indonesian then English, with the
rubric) and the very hidden, protected identity sheet "_identitas". The identity names the
competition (code + creation time), round, judge, workbook id, the column layout and the
issued entries, and carries an HMAC-SHA256 of all that under the judge's package_secret,
which is never written into the file. The HMAC cannot cover the values the judge types.

Writing lives in score_workbook_sheets, reading in score_workbook_read.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from judging_app.core.messages import Text
from judging_app.exchange import atomic_files
from judging_app.exchange import judge_package as jp
from judging_app.exchange.judge_package_fields import (
    CompetitionRef,
    JudgeRef,
    PackageEntry,
    PackageError,
    RoundInfo,
    RubricCriterion,
    SheetData,
    dec_text,
)

__all__ = [
    "Column", "FilledRow", "FilledScoreWorkbook", "ScoreWorkbookData", "ScoreWorkbookError",
    "ScoreWorkbookIdentity", "file_name", "identity_of", "layout", "read_score_workbook",
    "write_score_workbook",
]

FORMAT = "judging-app/score-workbook"
FORMAT_VERSION = 1
SUFFIX = ".xlsx"
IDENTITY_SHEET = "_identitas"
DATA_SHEET = {"id": "Nilai", "en": "Scores"}
GUIDE_SHEET = {"id": "Petunjuk", "en": "Instructions"}
HEADER_ROW, FIRST_ROW = 1, 2

# column roles, in the order they appear
ENTRY, TITLE, UNIT, CRITERION, TOTAL, COMMENT, STATUS = (
    "entry", "title", "unit", "criterion", "total", "comment", "status")
ROLES = (ENTRY, TITLE, UNIT, CRITERION, TOTAL, COMMENT, STATUS)
INPUT_ROLES = (CRITERION, COMMENT)  # the only cells a judge can type into

HEADERS = {  # (Bahasa Indonesia, English); terms as in the glossary of docs/design.md
    ENTRY: ("Kode inovasi", "Entry code"),
    TITLE: ("Judul inovasi", "Title"),
    UNIT: ("Perangkat daerah", "Government unit"),
    TOTAL: ("Nilai total (0–100)", "Total (0–100)"),
    COMMENT: ("Catatan juri", "Judge's comment"),
    STATUS: ("Status", "Status"),
}
STATE_LABELS = {"draft": ("draf", "draft"),
                "submitted": ("terkirim (dikunci)", "submitted (locked)")}


class ScoreWorkbookError(ValueError):
    """A file that is not a sound score workbook; `problems` say exactly what and where."""

    def __init__(self, source: str, problems: list[Text]) -> None:
        self.source, self.problems = source, list(problems)
        super().__init__(f"{source}: " + "; ".join(map(str, self.problems[:20]))
                         + (f"; … and {len(self.problems) - 20} more" if len(self.problems) > 20
                            else ""))


# ---- text as Excel keeps it --------------------------------------------------------------

_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def plain(text: str) -> str:
    """Text as it comes back from the file: without characters XML cannot carry, with
    new lines as '\\n'. Everything signed is signed in this form."""
    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def cell_text(text: str) -> str:
    """`plain` text as it must be written so that readers give it back unchanged (a literal
    '_x0041_' would otherwise be read as 'A': OOXML's escape, applied to '_')."""
    return _ESCAPE.sub(r"_x005F_\1", plain(text))


def decimal_id(value: Decimal) -> str:
    """'0,5' (Indonesian decimal comma)."""
    return dec_text(value).replace(".", ",")


# ---- what is written --------------------------------------------------------------------

@dataclass(frozen=True)
class ScoreWorkbookData:
    """Everything one judge's workbook holds (built by services.score_workbooks)."""

    competition: CompetitionRef
    round: RoundInfo
    judge: JudgeRef
    secret: str  # the judge's package_secret (hex): signs the identity, never written
    rubric: tuple[RubricCriterion, ...]
    entries: tuple[PackageEntry, ...]  # in row order; without unit in a blind round
    sheets: tuple[SheetData, ...] = ()  # the judge's sheets so far: pre-filled, submitted locked
    workbook_id: str = ""  # empty: a new random id
    created_at: str = ""  # empty: now (UTC, microseconds)
    created_by: str = ""


@dataclass(frozen=True)
class Column:
    letter: str
    role: str
    header: str
    criterion: str = ""  # criterion code, for role 'criterion'
    scale_min: Decimal | None = None
    scale_max: Decimal | None = None
    scale_step: Decimal | None = None

    def as_row(self) -> list[str]:
        scale = [dec_text(v) if v is not None else "" for v in
                 (self.scale_min, self.scale_max, self.scale_step)]
        return [self.letter, self.role, self.criterion, self.header, *scale]


@dataclass(frozen=True)
class ScoreWorkbookIdentity:
    """Who and what a workbook is for; `signature` is the HMAC of `payload()`."""

    workbook_id: str
    created_at: str
    created_by: str
    lang: str
    competition: CompetitionRef
    round_code: str
    round_name: str
    blind: bool
    judge: JudgeRef
    rubric_sha256: str
    data_sheet: str
    columns: tuple[Column, ...]
    entries: tuple[tuple[int, str], ...]  # (row, entry code) as issued
    signature: str = ""
    version: int = FORMAT_VERSION

    def payload(self) -> dict:
        c = self.competition
        return {
            "format": FORMAT, "version": self.version, "workbook_id": self.workbook_id,
            "created_at": self.created_at, "created_by": self.created_by, "lang": self.lang,
            "competition": {"code": c.code, "name": c.name, "created_at": c.created_at},
            "round": {"code": self.round_code, "name": self.round_name, "blind": self.blind},
            "judge": {"code": self.judge.code, "name": self.judge.name},
            "rubric_sha256": self.rubric_sha256, "data_sheet": self.data_sheet,
            "columns": [col.as_row() for col in self.columns],
            "entries": [[row, code] for row, code in self.entries],
        }

    def signed_by(self, secret: str) -> bool:
        """Whether the identity was signed with this judge key and not altered since."""
        try:
            return hmac.compare_digest(jp.sign(self.payload(), secret), self.signature)
        except PackageError:  # a key that is not hexadecimal, or too short
            return False

    def criteria(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.role == CRITERION)

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


def criterion_header(c: RubricCriterion, lang: str) -> str:
    """'A — Kebaruan (40%) [1–5]'; with a step other than 1: '[1–5, kelipatan 0,5]'."""
    en = lang == "en"
    name = (c.name_en or c.name) if en else c.name
    num = dec_text if en else decimal_id
    scale = f"{num(c.scale_min)}–{num(c.scale_max)}"
    if c.scale_step != 1:
        scale += f", {'step' if en else 'kelipatan'} {num(c.scale_step)}"
    return plain(f"{c.code} — {name} ({num(c.weight)}%) [{scale}]")


def layout(rubric: tuple[RubricCriterion, ...], blind: bool, lang: str) -> tuple[Column, ...]:
    """The data sheet's columns: code, title, (unit), criteria…, total, comment, status."""
    from openpyxl.utils import get_column_letter

    en = int(lang == "en")
    roles: list[tuple[str, RubricCriterion | None]] = [(ENTRY, None), (TITLE, None)]
    if not blind:
        roles.append((UNIT, None))
    roles += [(CRITERION, c) for c in rubric] + [(TOTAL, None), (COMMENT, None), (STATUS, None)]
    out = []
    for i, (role, crit) in enumerate(roles, start=1):
        letter = get_column_letter(i)
        if crit is None:
            out.append(Column(letter, role, HEADERS[role][en]))
        else:
            out.append(Column(letter, role, criterion_header(crit, lang), crit.code,
                              crit.scale_min, crit.scale_max, crit.scale_step))
    return tuple(out)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def identity_of(data: ScoreWorkbookData, lang: str = "id") -> ScoreWorkbookIdentity:
    """The signed identity of the workbook `data` describes."""
    if lang not in DATA_SHEET:
        raise ValueError(f"lang must be 'id' or 'en', not {lang!r}")
    comp = data.competition
    ident = ScoreWorkbookIdentity(
        workbook_id=data.workbook_id or secrets.token_hex(16),
        created_at=data.created_at or _now(), created_by=plain(data.created_by), lang=lang,
        competition=CompetitionRef(plain(comp.code), plain(comp.name), comp.created_at),
        round_code=plain(data.round.code), round_name=plain(data.round.name),
        blind=data.round.blind, judge=JudgeRef(plain(data.judge.code), plain(data.judge.name)),
        rubric_sha256=jp.rubric_digest(data.rubric), data_sheet=DATA_SHEET[lang],
        columns=layout(data.rubric, data.round.blind, lang),
        entries=tuple((FIRST_ROW + i, plain(e.code)) for i, e in enumerate(data.entries)),
    )
    return replace(ident, signature=jp.sign(ident.payload(), data.secret))


def file_name(data: ScoreWorkbookData) -> str:
    """'<competition>_<round>_<judge>.xlsx' without characters file systems refuse."""
    return jp.safe_file_name(
        f"{data.competition.code}_{data.round.code}_{data.judge.code}{SUFFIX}")


def write_score_workbook(path: str | Path, data: ScoreWorkbookData, lang: str = "id", *,
                         password: str | None = None) -> Path:
    """Write one judge's score workbook; returns the path. The file appears only when
    complete (written beside it under a temporary name, then renamed). `password`, when
    given, guards the sheet and structure protection (it is a speed bump, not security:
    the import checks everything again)."""
    from judging_app.exchange.score_workbook_sheets import build_workbook

    if not data.rubric:
        raise ValueError(f"Round {data.round.code!r} has no criteria: nothing to score.")
    if data.round.blind and any(e.unit is not None for e in data.entries):
        raise ValueError(f"Round {data.round.code!r} is blind: its entries must not carry "
                         "the unit.")
    codes = [e.code for e in data.entries]
    if len(set(codes)) != len(codes):
        raise ValueError("An entry is listed twice.")
    identity = identity_of(data, lang)
    book = build_workbook(data, identity, password)
    path = Path(path)
    with atomic_files.atomic_target(path) as tmp:
        book.save(tmp)
    return path


# ---- what is read -----------------------------------------------------------------------

@dataclass(frozen=True)
class FilledRow:
    row: int  # the spreadsheet's row number
    entry: str
    scores: dict[str, Decimal] = field(default_factory=dict)  # criterion code -> value
    overall_comment: str = ""

    def is_empty(self) -> bool:
        return not self.scores and not self.overall_comment


@dataclass(frozen=True)
class FilledScoreWorkbook:
    source: str  # the file's name
    sha256: str  # of the file's bytes
    identity: ScoreWorkbookIdentity
    rows: tuple[FilledRow, ...]  # one per issued entry still on the sheet, in sheet order
    missing: tuple[str, ...] = ()  # issued entries whose row is gone
    problems: tuple[Text, ...] = ()  # empty when the workbook is sound
    saved_at: str = ""  # when it was last saved (its properties, UTC ISO), "" when unknown

    def is_complete(self, row: FilledRow) -> bool:
        return all(c.criterion in row.scores for c in self.identity.criteria())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()


def read_score_workbook(path: str | Path, *, keep_problems: bool = False) -> FilledScoreWorkbook:
    """Read a filled score workbook. Raises ScoreWorkbookError for a file that is not one
    (not a workbook, a zip bomb, no or a damaged identity) and, unless `keep_problems`, for
    any problem in its cells (moved columns, text or formulas in score cells, values off
    the scale or step, unknown or repeated entries), every problem with its cell. The
    signature is not checked here: call `identity.signed_by(secret)`."""
    from judging_app.exchange.score_workbook_read import read

    result = read(Path(path))
    if result.problems and not keep_problems:
        raise ScoreWorkbookError(result.source, list(result.problems))
    return result
