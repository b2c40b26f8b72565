"""Use cases for the PDF documents: gather plain data from the database and the results, and
hand it to exchange/pdf_documents (which draws with Qt's own PDF writer).

    write_minutes(db, competition, path, lang="id", round_code=None, progress=None)
    write_winners_list(db, competition, path, lang="id")
    write_blank_score_sheets(db, competition, round_code, path, judge_code=None, lang="id")

Each returns the number of pages written. Qt needs a QGuiApplication for fonts: the
exchange layer uses the running one, or creates one (on the offscreen platform when Linux
has no display), so these work from the CLI, the GUI's worker threads and tests alike.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from judging_app.core.enums import CompetitionStatus, DecisionKind, RoundKind
from judging_app.core.messages import Message
from judging_app.core.setup import CompetitionSetup, RoundSpec
from judging_app.exchange import pdf_documents as pdf
from judging_app.exchange.pdf_receipt import Receipt, receipt_lines
from judging_app.exchange.pdf_text import TEXT, lang_of
from judging_app.services import (
    assignments,
    competitions,
    document_settings,
    entries,
    judges,
    lookup,
    results,
)
from judging_app.services.errors import ServiceError
from judging_app.store.database import Database
from judging_app.store.models import Decision, ResultSnapshot

Progress = Callable[[int, int], None]


def tie_decisions(db: Database, competition: str | int) -> list[pdf.TieDecision]:
    """The chair's recorded tie decisions (order, reason, who, when), oldest first."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rows = s.scalars(select(Decision).where(
            Decision.competition_id == comp.id, Decision.kind == DecisionKind.TIE_BREAK.value
        ).order_by(Decision.decided_at, Decision.id)).all()
        return [pdf.TieDecision(tuple(json.loads(d.outcome).get("order", [])), d.reason,
                                d.decided_by, _utc(d.decided_at)) for d in rows]


def finalize_receipt(db: Database, competition: str | int) -> Receipt | None:
    """The receipt of the snapshot in force (services/results.finalize), to print."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        if comp.status != CompetitionStatus.FINALIZED.value:
            return None
        row = s.execute(select(ResultSnapshot.receipt).where(
            ResultSnapshot.competition_id == comp.id, ResultSnapshot.superseded_at.is_(None)
        ).order_by(ResultSnapshot.id.desc()).limit(1)).first()
        return None if row is None else Receipt.from_json(comp.code, json.loads(row[0] or "{}"))


def latest_snapshot(db: Database, competition: str | int) -> tuple[str, datetime] | None:
    """(digest, created_at) of the finalized results, when the competition is finalized."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        if comp.status != CompetitionStatus.FINALIZED.value:
            return None
        row = s.execute(select(ResultSnapshot.digest, ResultSnapshot.created_at).where(
            ResultSnapshot.competition_id == comp.id
        ).order_by(ResultSnapshot.created_at.desc(), ResultSnapshot.id.desc()).limit(1)).first()
        return None if row is None else (row[0], _utc(row[1]))


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _en(lang: str, text: str, text_en: str) -> str:
    return text_en if lang == "en" and text_en else text


def _round_info(lang: str, spec: RoundSpec) -> pdf.RoundInfo:
    criteria = tuple(
        pdf.CriterionInfo(
            c.code, _en(lang, c.name, c.name_en), c.weight, c.scale_min, c.scale_max,
            c.scale_step, _en(lang, c.description, c.description_en),
            tuple((lv.score, _en(lang, lv.text, lv.text_en)) for lv in c.levels),
        )
        for c in spec.criteria
    )
    return pdf.RoundInfo(_en(lang, spec.name, spec.name_en), spec.weight, criteria,
                         _en(lang, spec.instructions, spec.instructions_en), spec.blind)


def _notes(lang: str, view: results.ResultsView, setup: CompetitionSetup) -> tuple[str, ...]:
    res = view.results
    names = {r.round.id: r.round.code for r in res.rounds}
    out = []
    if view.note:
        out.append(TEXT["id"]["n_round_not_started"].format(rounds=", ".join(view.round_codes))
                   if lang == "id" else str(view.note))
    for n in res.notes:
        key = f"n_{n.code}"
        if lang == "en" or key not in TEXT["id"]:
            out.append(n.message.render(lang))
        else:
            out.append(TEXT["id"][key].format(
                round=names.get(n.round_id, ""), n=len(n.entry_ids),
                min=setup.rules.trimmed_min_sheets))
    return tuple(out)


def minutes_data(db: Database, competition: str | int, lang: str = "id",
                 round_code: str | None = None, on: date | None = None,
                 place: str = "", number: str = "") -> pdf.MinutesData:
    """Everything the minutes and the winners list print, as plain data. `on` defaults to
    today in the competition's time zone; `place` and `number` to its document settings."""
    lang = lang_of(lang)
    settings = document_settings.get_document_settings(db, competition)
    view = results.compute(db, competition, round_code)
    setup = competitions.get_setup(db, competition)
    res = view.results
    cat_names = {c.code: _en(lang, c.name, c.name_en) for c in setup.categories}
    tiers = {t.code: _en(lang, t.label, t.label_en) for t in setup.award_tiers}
    pending: dict[str | None, list[tuple[str, ...]]] = {}
    for tie in res.blocking_ties:
        pending.setdefault(tie.group, []).append(
            tuple(sorted(view.entries[e].code for e in tie.entry_ids)))
    groups: dict[str | None, list[pdf.ResultLine]] = {}
    for row in res.rows:
        e = view.entries[row.entry_id]
        groups.setdefault(row.group, []).append(pdf.ResultLine(
            row.rank, e.code, e.title, e.unit or "", row.displayed_score,
            tiers.get(row.award, "") if row.award else "",
            tiers.get(row.band, "") if row.band else "", row.tied, row.blocked,
            row.incomplete, row.sheet_count, row.expected_sheets,
            row.decided_by == "chair_decision"))
    categories = tuple(
        pdf.CategoryResult(cat_names.get(code, code) if code else "", tuple(lines),
                           tuple(pending.get(code, ())))
        for code, lines in groups.items()
    )
    specs = {r.code: r for r in setup.rounds}
    people = tuple(pdf.Person(j.name, j.affiliation, j.role == "chair", j.code,
                              getattr(j, "nip", ""))
                   for j in judges.list_judges(db, competition) if j.active)
    snapshot = latest_snapshot(db, competition)
    return pdf.MinutesData(
        competition=_en(lang, setup.name, setup.name_en), organiser=setup.organiser,
        year=setup.year, on=on or datetime.now(settings.zone()).date(),
        place=place or settings.place, judges=people,
        rounds=tuple(_round_info(lang, specs[c]) for c in view.round_codes),
        method=res.method.value, combination=res.rules.round_combination.value,
        tie_breaks=tuple(setup.rules.tie_breaks), categories=categories,
        decisions=tuple(tie_decisions(db, competition)), notes=_notes(lang, view, setup),
        digest=snapshot[0] if snapshot else None,
        finalized_at=snapshot[1] if snapshot else None, documents=settings, number=number,
        receipt=receipt_lines(lang, finalize_receipt(db, competition)),
    )


def write_minutes(db: Database, competition: str | int, path: Path, lang: str = "id",
                  round_code: str | None = None, progress: Progress | None = None, *,
                  on: date | None = None, place: str = "", number: str = "") -> int:
    """The minutes of evaluation (berita acara penilaian) as PDF; returns its page count.
    `number` is its Nomor (default: the competition's document settings)."""
    data = minutes_data(db, competition, lang, round_code, on, place, number)
    return pdf.write_minutes(data, Path(path), lang, progress)


def write_winners_list(db: Database, competition: str | int, path: Path, lang: str = "id",
                       *, round_code: str | None = None, on: date | None = None,
                       place: str = "", number: str = "") -> int:
    """The winners list (daftar pemenang) as PDF, to attach to the decree of the head of
    region; `number` is the decree's NOMOR (default: the document settings)."""
    data = minutes_data(db, competition, lang, round_code, on, place, number)
    return pdf.write_winners_list(data, Path(path), lang)


def score_sheet_data(db: Database, competition: str | int, round_code: str,
                     judge_code: str | None = None, lang: str = "id") -> list[pdf.ScoreSheetData]:
    """Per judge (one, or every active judge with assignments in the round): the round's
    rubric and the entries assigned to that judge."""
    lang = lang_of(lang)
    setup = competitions.get_setup(db, competition)
    spec = next((r for r in setup.rounds if r.code == round_code), None)
    if spec is None:
        raise lookup.NotFoundError(Message("lookup.no_round", code=round_code))
    if spec.kind != RoundKind.SCORED:
        raise ServiceError(Message("lookup.screening_round_not_scored", round=round_code))
    people = {j.code: j for j in judges.list_judges(db, competition)}
    if judge_code is not None and judge_code not in people:
        raise lookup.NotFoundError(Message("lookup.no_judge", code=judge_code))
    by_judge: dict[str, list[str]] = {}
    for j, e in assignments.list_assignments(db, competition, round_code):
        by_judge.setdefault(j, []).append(e)
    wanted = [judge_code] if judge_code else [c for c in people if c in by_judge
                                               and people[c].active]
    if not wanted:
        raise ServiceError(Message("documents.nobody_assigned", round=round_code))
    records = {e.code: e for e in entries.list_entries(db, competition)}
    rnd = _round_info(lang, spec)
    name = _en(lang, setup.name, setup.name_en)
    return [
        pdf.ScoreSheetData(
            name, rnd, pdf.Person(people[c].name, people[c].affiliation,
                                  people[c].role == "chair", c),
            tuple((e, records[e].title, records[e].unit_name) for e in by_judge.get(c, [])),
        )
        for c in wanted
    ]


def write_blank_score_sheets(db: Database, competition: str | int, round_code: str,
                             path: Path, judge_code: str | None = None,
                             lang: str = "id", *, on: date | None = None,
                             place: str = "") -> int:
    """Printable blank score sheets for paper judging: one judge, or every judge, each
    starting on a new page and numbered on their own. Returns the page count."""
    sheets = score_sheet_data(db, competition, round_code, judge_code, lang)
    place = place or document_settings.get_document_settings(db, competition).place
    sheets = [dataclasses.replace(sheet, place=place) for sheet in sheets]
    return pdf.write_score_sheets(sheets, Path(path), lang, on)
