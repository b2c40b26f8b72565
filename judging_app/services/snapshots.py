"""Finalized results: the snapshot is what is presented.

Once a competition is finalized, every computation of its results (the `results` command,
the results view, the workbook, the minutes and the winners list) is compared with the
snapshot frozen at finalize, entry by entry and field by field; when they differ the
results are refused with every difference named (entry code and field), instead of
showing numbers nobody signed. What-if views (another method, one round) are shown only
when the official ranking still equals the snapshot.

Plain SQL on a RowReader (store/rows.py): the read-only results command stays free of
SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from judging_app.core.enums import CompetitionStatus
from judging_app.core.messages import Message
from judging_app.services.errors import ServiceError
from judging_app.store.rows import RowReader

# What a snapshot fixes for each entry (the fields the panel signs for).
# Title and unit too: the winners list names them next to the rank.
FIELDS = ("title", "unit", "category", "score_exact", "score", "rank", "award", "predicate",
          "tied", "tie_break", "blocking_tie", "incomplete", "sheets", "expected_sheets")


class SnapshotMismatch(ServiceError):
    """Live data that differs from the finalized snapshot; `problems` name each difference."""

    def __init__(self, competition: str, problems: list[Message]) -> None:
        self.problems = problems
        super().__init__(Message("snapshot.live_differs", competition=competition,
                                 count=len(problems)))

    def render(self, language: str) -> str:
        from judging_app.core.messages import as_text

        lines = [as_text(self.message, language)]
        lines += [f"  - {as_text(p, language)}" for p in self.problems[:50]]
        return "\n".join(lines)


@dataclass(frozen=True)
class Snapshot:
    id: int
    digest: str
    payload: str
    receipt: dict


def payload_digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def latest(reader: RowReader, competition_id: int) -> Snapshot | None:
    """The snapshot in force (the latest one not superseded by a reopening)."""
    row = reader.one(
        "SELECT id, digest, payload, receipt FROM result_snapshots WHERE competition_id = :c"
        " AND superseded_at IS NULL ORDER BY id DESC LIMIT 1", {"c": competition_id})
    if row is None:
        return None
    return Snapshot(row[0], row[1], row[2], json.loads(row[3] or "{}"))


def rows_of(payload: dict) -> dict[str, dict]:
    """entry code -> the fixed fields, from a results JSON document."""
    out = {}
    for group in payload.get("categories", []):
        for row in group.get("rows", []):
            out[row["code"]] = {f: row.get(f) for f in FIELDS}
    return out


def differences(frozen: dict, live: dict) -> list[Message]:
    """Every entry and field where `live` (results JSON) differs from `frozen`."""
    a, b = rows_of(frozen), rows_of(live)
    out: list[Message] = []
    for code in sorted(set(a) | set(b)):
        if code not in b:
            out.append(Message("snapshot.entry_missing", entry=code))
        elif code not in a:
            out.append(Message("snapshot.entry_added", entry=code))
        else:
            for f in FIELDS:
                if a[code][f] != b[code][f]:
                    out.append(Message("snapshot.field_differs", entry=code, field=f,
                                       frozen=_shown(a[code][f]), live=_shown(b[code][f])))
    if frozen.get("method") != live.get("method"):
        out.append(Message("snapshot.field_differs", entry="—", field="method",
                           frozen=_shown(frozen.get("method")), live=_shown(live.get("method"))))
    return out


def _shown(value) -> str:
    return "—" if value is None else str(value)


def guard(reader: RowReader, competition, official_payload) -> None:
    """Refuse when a finalized competition's live results differ from its snapshot.
    `official_payload()` computes the live results JSON with the competition's own rules."""
    if competition.status != CompetitionStatus.FINALIZED.value:
        return
    snap = latest(reader, competition.id)
    if snap is None:
        raise SnapshotMismatch(competition.code, [Message("snapshot.missing")])
    problems = []
    if payload_digest(snap.payload) != snap.digest:
        problems.append(Message("snapshot.digest_differs", digest=snap.digest))
    problems += differences(json.loads(snap.payload), official_payload())
    if problems:
        raise SnapshotMismatch(competition.code, problems)
