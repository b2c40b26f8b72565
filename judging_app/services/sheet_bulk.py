"""Reading and writing many score sheets of one judge at once: shared by the imports of
judge returns (judge_packages) and Excel score sheets (score_workbooks). The rules of a
merge (assignment, conflicts, scale, locks, versions) are decided before, in
exchange.judge_package_draft.plan_merge; this only stores the plan in bulk."""

from __future__ import annotations

import functools

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from judging_app.core.enums import SheetState
from judging_app.core.numbers import from_milli, to_milli
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services.competitions import now
from judging_app.store import entry_totals
from judging_app.store import models as m

SUBMITTED = SheetState.SUBMITTED.value
_decimal = functools.lru_cache(maxsize=4096)(from_milli)  # scores repeat: a few hundred values


def stored_sheets(s: Session, round_id: int,
                  judge_id: int | None) -> dict[int, dict[str, jd.StoredSheet]]:
    """judge id -> entry code -> stored sheet, in one query."""
    q = (select(m.ScoreSheet.id, m.ScoreSheet.judge_id, m.Entry.code, m.ScoreSheet.state,
                m.ScoreSheet.version, m.ScoreSheet.source, m.ScoreSheet.overall_comment,
                m.Criterion.code, m.Score.value_milli, m.Score.comment)
         .join(m.Entry, m.Entry.id == m.ScoreSheet.entry_id)
         .outerjoin(m.Score, m.Score.sheet_id == m.ScoreSheet.id)
         .outerjoin(m.Criterion, m.Criterion.id == m.Score.criterion_id)
         .where(m.ScoreSheet.round_id == round_id))
    if judge_id is not None:
        q = q.where(m.ScoreSheet.judge_id == judge_id)
    out: dict[int, dict[str, jd.StoredSheet]] = {}
    for sid, jid, entry, state, version, source, overall, crit, value, comment in s.execute(q):
        sheet = out.setdefault(jid, {}).setdefault(
            entry, jd.StoredSheet(entry, state, version, source, overall, id=sid))
        if crit is not None:
            sheet.scores[crit] = _decimal(value)
            if comment:
                sheet.comments[crit] = comment
    return out


def apply_merge(s: Session, rnd: m.Round, judge: m.Judge, plan: jd.MergePlan,
                entry_ids: dict[str, int], source: str) -> list[int]:
    """Insert the new sheets, replace the changed ones (scores rewritten), in bulk.
    Returns the ids of the sheets written (for the audit event)."""
    stamp, criteria = now(), dict(s.execute(
        select(m.Criterion.code, m.Criterion.id).where(m.Criterion.round_id == rnd.id)).all())
    if plan.new:
        s.execute(m.ScoreSheet.__table__.insert(), [dict(
            round_id=rnd.id, judge_id=judge.id, entry_id=entry_ids[x.entry], state=x.state,
            version=1, source=source, overall_comment=x.overall_comment, reopened_reason="",
            updated_at=stamp, submitted_at=stamp if x.state == SUBMITTED else None)
            for x in plan.new])
    for _, new in plan.changed:
        extra = {"submitted_at": stamp} if new.state == SUBMITTED else {}
        s.execute(update(m.ScoreSheet).where(m.ScoreSheet.id == new.id).values(
            version=new.version, source=source, overall_comment=new.overall_comment,
            state=new.state, updated_at=stamp, **extra))
        s.execute(delete(m.Score).where(m.Score.sheet_id == new.id))
    ids = dict(s.execute(select(m.ScoreSheet.entry_id, m.ScoreSheet.id).where(
        m.ScoreSheet.round_id == rnd.id, m.ScoreSheet.judge_id == judge.id)).all())
    rows = [{"sheet_id": ids[entry_ids[x.entry]], "criterion_id": criteria[c],
             "value_milli": to_milli(v), "comment": x.comments.get(c, "")}
            for x in plan.new + [n for _, n in plan.changed] for c, v in x.scores.items()]
    if rows:  # Core executemany: measured faster than multi-row VALUES or RETURNING batches
        s.execute(m.Score.__table__.insert(), rows)
    written = plan.new + [n for _, n in plan.changed]
    entry_totals.refresh(s, [entry_ids[x.entry] for x in written])
    return [ids[entry_ids[x.entry]] for x in written]


def audited(x: jd.StoredSheet) -> dict:
    """What the audit event records of a sheet."""
    return {"state": x.state, "version": x.version,
            "scores": {k: jp.dec_text(v) for k, v in sorted(x.scores.items())}}
