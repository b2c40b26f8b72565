"""Use cases: the letterhead, head of region, place, numbers and time zone a competition's
documents are printed with (core.documents.DocumentSettings).

    get_document_settings(db, "kota-2026") -> DocumentSettings   (defaults when never set)
    set_document_settings(ws, "kota-2026", settings)

They are presentation, not results: they may change after the results are finalized. The
audit event records every field, and the logo by its size and SHA-256 (not its bytes).
"""

from __future__ import annotations

import dataclasses
import hashlib

from judging_app.core.documents import DocumentSettings, validate_documents
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import DocumentSetting

FIELDS = tuple(f.name for f in dataclasses.fields(DocumentSettings))


def _settings(row: DocumentSetting | None) -> DocumentSettings:
    if row is None:
        return DocumentSettings()
    return DocumentSettings(**{name: getattr(row, name) for name in FIELDS})


def read_document_settings(session, competition_id: int) -> DocumentSettings:
    """Inside a caller's transaction."""
    return _settings(session.get(DocumentSetting, competition_id))


def get_document_settings(db: Database, competition: str | int) -> DocumentSettings:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        return read_document_settings(s, comp.id)


def _for_audit(d: DocumentSettings) -> dict:
    data = {name: getattr(d, name) for name in FIELDS if name != "logo"}
    data["logo"] = ({"bytes": len(d.logo), "sha256": hashlib.sha256(d.logo).hexdigest()}
                    if d.logo else None)
    return data


def set_document_settings(ws: Workspace, competition: str | int,
                          settings: DocumentSettings) -> None:
    """Store the settings (all fields at once), refused when a field is invalid."""
    problems = validate_documents(settings)
    if problems:
        raise ValidationError(Message("documents.invalid"), problems)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.competition(s, competition)
        row = s.get(DocumentSetting, comp.id)
        old = _settings(row)
        if row is None:
            row = DocumentSetting(competition_id=comp.id)
            s.add(row)
        for name in FIELDS:
            setattr(row, name, getattr(settings, name))
        audit.record(s, ws.actor, "competition.documents", "competition", comp.code,
                     old=_for_audit(old), new=_for_audit(settings), competition_id=comp.id)
