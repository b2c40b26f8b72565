"""Database maintenance: backups and schema upgrades."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, insert, select

from judging_app.core.messages import Message
from judging_app.services.errors import ServiceError
from judging_app.store.database import Database, backup_sqlite_file, open_database
from judging_app.store.models import AuditHead, Base


def backup_database(db: Database, destination: Path) -> Path:
    """A consistent copy as an SQLite file, from SQLite (backup API) or a server (rows)."""
    destination = Path(destination).expanduser().resolve()
    if destination.exists():
        raise ServiceError(Message("database.backup_exists", path=str(destination)))
    if db.path is not None:
        if db.path == destination:
            raise ServiceError(Message("database.backup_onto_itself"))
        backup_sqlite_file(db.path, destination)
        return destination
    copy = open_database(destination)
    try:
        with db.read() as src, copy.write() as dst:
            dst.execute(delete(AuditHead))
            for table in Base.metadata.sorted_tables:
                # in batches, never a whole table in memory (document_chunks: 1 MiB a row)
                batch = 16 if table.name == "document_chunks" else 5000
                result = src.execute(select(table).execution_options(yield_per=batch))
                for rows in result.partitions():
                    dst.execute(insert(table), [dict(r._mapping) for r in rows])
    except Exception:
        copy.close()
        destination.unlink(missing_ok=True)
        raise
    copy.close()
    return destination


def verify_entry_totals(db: Database, repair: bool = False) -> list[Message]:
    """What the derived per-entry totals get wrong compared with the scores (store.
    entry_totals); with `repair`, recompute them all afterwards (one transaction)."""
    from judging_app.store import entry_totals

    with db.read() as s:
        wrong = entry_totals.differences(s)
    if wrong and repair:
        with db.write() as s:
            entry_totals.rebuild(s)
    return wrong
