"""The secretariat's report of entries without a proposal (in all, or for one round), for
the command line (`entries missing-documents [--json]`) and the Entries view.

Entries checked: those still in the competition (not disqualified or withdrawn); for a
round that already has assignments, only the entries assigned in it. A proposal counts for
a round when it was attached for that round or for every round (no round)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from judging_app.core.attachments import DocumentKind
from judging_app.core.enums import EntryStatus
from judging_app.exchange.judge_package import natural_key
from judging_app.services import lookup
from judging_app.store import models as m
from judging_app.store.database import Database

REPORT_FORMAT = "judging-app/missing-documents"


@dataclass(frozen=True)
class MissingEntry:
    code: str
    title: str
    unit: str
    category: str
    status: str
    documents: int  # documents it does have (evidence, other, proposals for other rounds)


@dataclass(frozen=True)
class MissingReport:
    competition: str
    round: str | None
    checked: int  # entries looked at
    missing: tuple[MissingEntry, ...]

    def as_json(self) -> dict:
        return {"format": REPORT_FORMAT, "version": 1, "competition": self.competition,
                "round": self.round, "entries_checked": self.checked,
                "entries_missing": len(self.missing),
                "missing": [{"entry": e.code, "title": e.title, "unit": e.unit,
                             "category": e.category, "status": e.status,
                             "documents": e.documents} for e in self.missing]}


def missing_proposals(db: Database, competition: str | int,
                      round_code: str | None = None) -> MissingReport:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        round_id = lookup.round_(s, comp.id, round_code).id if round_code else None
        q = (select(m.Entry.id, m.Entry.code, m.Entry.title, m.Unit.name, m.Category.name,
                    m.Entry.status)
             .join(m.Unit, m.Unit.id == m.Entry.unit_id)
             .join(m.Category, m.Category.id == m.Entry.category_id)
             .where(m.Entry.competition_id == comp.id,
                    m.Entry.status.notin_([EntryStatus.DISQUALIFIED.value,
                                           EntryStatus.WITHDRAWN.value])))
        if round_id is not None and s.scalar(
                select(m.Assignment.id).where(m.Assignment.round_id == round_id).limit(1)):
            q = q.where(m.Entry.id.in_(select(m.Assignment.entry_id)
                                       .where(m.Assignment.round_id == round_id)))
        entries = s.execute(q).all()
        counts: dict[int, int] = {}
        with_proposal: set[int] = set()
        docs = (select(m.EntryDocument.entry_id, m.EntryDocument.kind, m.EntryDocument.round_id)
                .join(m.Entry, m.Entry.id == m.EntryDocument.entry_id)
                .where(m.Entry.competition_id == comp.id))
        for entry_id, kind, doc_round in s.execute(docs):
            counts[entry_id] = counts.get(entry_id, 0) + 1
            if kind == DocumentKind.PROPOSAL.value and (
                    round_id is None or doc_round is None or doc_round == round_id):
                with_proposal.add(entry_id)
    missing = sorted((MissingEntry(code, title, unit, category, status, counts.get(eid, 0))
                      for eid, code, title, unit, category, status in entries
                      if eid not in with_proposal), key=lambda e: natural_key(e.code))
    return MissingReport(comp.code, round_code, len(entries), tuple(missing))
