"""Reading typed-up paper score sheets from CSV.

Columns (header row required, any order, English or Indonesian names):
round/tahap, judge/juri, entry/inovasi, criterion/kriteria, score/nilai, comment/catatan
(comment optional). Codes, not database ids. Comma or semicolon separated, UTF-8.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

COLUMNS = {
    "round": ("round", "tahap", "round_code", "kode_tahap"),
    "judge": ("judge", "juri", "judge_code", "kode_juri"),
    "entry": ("entry", "inovasi", "peserta", "entry_code", "kode_inovasi"),
    "criterion": ("criterion", "kriteria", "aspek", "criterion_code", "kode_kriteria"),
    "score": ("score", "nilai", "skor"),
    "comment": ("comment", "catatan", "komentar"),
}
REQUIRED = ("round", "judge", "entry", "criterion", "score")
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ScoreRow:
    line: int  # row number in the file, header = 1
    round: str
    judge: str
    entry: str
    criterion: str
    score: str
    comment: str


class ScoresCsvError(ValueError):
    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_scores_csv(path: Path) -> list[ScoreRow]:
    source = str(path)
    if not path.is_file():
        raise ScoresCsvError(source, ["the file does not exist"])
    if path.stat().st_size > MAX_BYTES:
        raise ScoresCsvError(source, [f"the file is larger than {MAX_BYTES // 2**20} MB"])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScoresCsvError(
            source, [f"not UTF-8 text (byte {exc.start}); save the sheet as CSV UTF-8"]
        ) from None
    if not text.strip():
        raise ScoresCsvError(source, ["the file is empty"])
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    header = next(reader)
    names = [_normalise(h) for h in header]
    index: dict[str, int] = {}
    problems = []
    for key, aliases in COLUMNS.items():
        found = [i for i, n in enumerate(names) if n in aliases]
        if len(found) > 1:
            problems.append(f"row 1: column {key!r} appears {len(found)} times")
        elif found:
            index[key] = found[0]
    missing = [k for k in REQUIRED if k not in index]
    if missing:
        problems.append(
            "row 1: missing column(s) " + ", ".join(missing)
            + f" (the header has: {', '.join(h.strip() for h in header)})"
        )
    if problems:
        raise ScoresCsvError(source, problems)
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue

        def cell(key: str, cells=cells) -> str:
            i = index.get(key)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        for key in REQUIRED:
            if not cell(key):
                problems.append(f"row {line}, column {header[index[key]].strip()!r}: empty")
        rows.append(ScoreRow(line, cell("round"), cell("judge"), cell("entry"),
                             cell("criterion"), cell("score"), cell("comment")))
    if problems:
        raise ScoresCsvError(source, problems)
    if not rows:
        raise ScoresCsvError(source, ["no score rows under the header"])
    return rows
