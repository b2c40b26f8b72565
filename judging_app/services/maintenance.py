"""Database maintenance: backups, the per-entry totals check and repair."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, insert, select, text

from judging_app.core.enums import CompetitionStatus
from judging_app.core.messages import Message
from judging_app.services.errors import LockedError, ServiceError
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
            dst.execute(text("DELETE FROM app_security"))
            for table in Base.metadata.sorted_tables:
                # in batches, never a whole table in memory (document_chunks: 1 MiB a row)
                batch = 16 if table.name == "document_chunks" else 5000
                result = src.execute(select(table).execution_options(yield_per=batch))
                for rows in result.partitions():
                    dst.execute(insert(table), [dict(r._mapping) for r in rows])
            # a copy of a locked-down server is a plain file: its logins do not come along
            dst.execute(text("UPDATE app_security SET mode = 'protected', server_prefix = NULL"
                             " WHERE mode = 'server'"))
    except Exception:
        copy.close()
        destination.unlink(missing_ok=True)
        raise
    copy.close()
    return destination


KINDS = {"missing": Message("totals.kind.missing"), "stale": Message("totals.kind.stale")}


def _names(s, rows) -> tuple[list[Message], set[str]]:
    """Each difference named by codes; the competitions they touch that are finalized."""
    from judging_app.store import entry_totals

    def codes(table: str, extra: str = "") -> dict:
        return {r[0]: r[1:] for r in s.execute(text(f"SELECT id, code{extra} FROM {table}"))}

    rounds = codes("rounds", ", competition_id")
    comps = codes("competitions", ", status")
    entries, criteria, judges = codes("entries"), codes("criteria"), codes("judges")
    out, finalized = [], set()
    for table, kind, row in rows:
        rid, eid, cid, jid = entry_totals.where_of(table, row)
        rcode, comp_id = rounds.get(rid, (f"#{rid}", None))
        ccode, status = comps.get(comp_id, (f"#{comp_id}", None))
        if status == CompetitionStatus.FINALIZED.value:
            finalized.add(ccode)
        where = {"competition": ccode, "round": rcode, "entry": entries.get(eid, (f"#{eid}",))[0],
                 "kind": KINDS[kind]}
        if cid is not None:
            out.append(Message("totals.differs_criterion", **where,
                               criterion=criteria.get(cid, (f"#{cid}",))[0]))
        elif jid is not None:
            out.append(Message("totals.differs_sheet", **where,
                               judge=judges.get(jid, (f"#{jid}",))[0]))
        else:
            out.append(Message("totals.differs", **where))
    return out, finalized


def verify_entry_totals(db: Database, repair: bool = False) -> list[Message]:
    """What the derived per-entry totals get wrong compared with the scores (store.
    entry_totals), named by codes; with `repair`, recompute them (one transaction) unless a
    finalized competition is touched: its results are the snapshot, and scores that no
    longer give them were changed behind the app's back (see `judging-app verify`)."""
    from judging_app.store import entry_totals

    with db.read() as s:
        wrong, finalized = _names(s, entry_totals.difference_rows(s))
    if wrong and repair:
        if finalized:
            raise LockedError(Message("totals.finalized_refused",
                                      competitions=sorted(finalized)))
        with db.write() as s:
            entry_totals.rebuild(s)
    return wrong
