"""`judging-app verify --competition C --digest HEX`: are the finalized results still what
the panel signed?

The results are recomputed from the scores themselves (the per-entry totals are rebuilt
inside a transaction that is rolled back, so totals edited behind the app's back do not
hide a changed score), then compared with the snapshot entry by entry and field by field;
the snapshot's stored digest must be the digest of its content, and the digest printed on
the signed minutes (HEX) must be the stored one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from judging_app.core.enums import CompetitionStatus
from judging_app.core.messages import Message
from judging_app.services import lookup, snapshots
from judging_app.services.errors import ValidationError
from judging_app.services.results_view import compute_with, results_json
from judging_app.store import entry_totals
from judging_app.store.database import Database
from judging_app.store.rows import RowReader


@dataclass
class VerifyReport:
    competition: str
    digest: str | None = None  # the snapshot's stored digest
    receipt: dict = field(default_factory=dict)
    problems: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _Rollback(Exception):
    pass


_DIGEST = re.compile(r"[0-9a-fA-F]{64}")


def _status(value: str) -> CompetitionStatus | str:
    try:
        return CompetitionStatus(value)
    except ValueError:  # a word the app never writes: shown as stored
        return value


def verify_competition(db: Database, competition: str | int,
                       printed_digest: str | None = None) -> VerifyReport:
    if printed_digest is not None and not _DIGEST.fullmatch(printed_digest.strip()):
        raise ValidationError(Message("verify.bad_digest", digest=printed_digest.strip()))
    report = VerifyReport(str(competition))
    try:
        with db.write() as s:
            comp = lookup.competition(s, competition)
            report.competition = comp.code
            reader = RowReader.of_session(s)
            snap = snapshots.latest(reader, comp.id)
            status = _status(comp.status)
            finalized = status == CompetitionStatus.FINALIZED
            if snap is None and not finalized:  # nothing finalized (yet, or reopened)
                raise ValidationError(Message("verify.not_finalized", competition=comp.code,
                                              status=status))
            if snap is None:
                report.problems.append(Message("snapshot.missing"))
                raise _Rollback
            if not finalized:  # put back behind the app's back: a reopening supersedes
                report.problems.append(Message("verify.status_changed", status=status))
            report.digest, report.receipt = snap.digest, snap.receipt
            if snapshots.payload_digest(snap.payload) != snap.digest:
                report.problems.append(Message("snapshot.digest_differs", digest=snap.digest))
            if printed_digest is not None and printed_digest.strip().lower() != snap.digest:
                report.problems.append(Message("snapshot.printed_differs",
                                               printed=printed_digest.strip(),
                                               stored=snap.digest))
            entry_totals.refresh_competition(s, comp.id)  # from the scores; rolled back
            live = results_json(compute_with(RowReader.of_session(s), comp.id,
                                             check_snapshot=False))
            report.problems += snapshots.differences(json.loads(snap.payload), live)
            raise _Rollback
    except _Rollback:
        pass
    return report
