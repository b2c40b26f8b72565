"""The PDF documents, built from plain data (no database): the minutes of evaluation (berita
acara penilaian), the winners list (daftar pemenang) to attach to the mayor's decree, and
blank score sheets for paper judging. Words come from pdf_text.TEXT; layout from pdf_layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from judging_app.core.documents import DocumentSettings
from judging_app.exchange.pdf_layout import (
    CENTER,
    LEFT,
    RIGHT,
    Column,
    Flowable,
    Header,
    Keep,
    Letterhead,
    PageBreak,
    PageSetup,
    Paragraph,
    Progress,
    Table,
    render,
)
from judging_app.exchange.pdf_text import (
    date_text,
    decimal_text,
    join,
    lang_of,
    number,
    opening_values,
    sentence,
    t,
    when,
)


@dataclass(frozen=True)
class Person:
    name: str
    affiliation: str = ""
    chair: bool = False
    code: str = ""
    nip: str = ""  # printed under the signature; "" = a dotted line to fill in


@dataclass(frozen=True)
class CriterionInfo:
    code: str
    name: str
    weight: Decimal
    scale_min: Decimal
    scale_max: Decimal
    scale_step: Decimal
    description: str = ""
    levels: tuple[tuple[Decimal, str], ...] = ()


@dataclass(frozen=True)
class RoundInfo:
    name: str
    weight: Decimal | None = None  # shown when rounds are combined by weight
    criteria: tuple[CriterionInfo, ...] = ()
    instructions: str = ""
    blind: bool = False


class ResultLine(NamedTuple):
    rank: int | None
    code: str
    title: str
    unit: str
    score: str  # displayed score, two decimals with a point ("95.67"), "" when none
    award: str = ""  # award label
    predicate: str = ""  # score band label
    tied: bool = False
    blocked: bool = False
    incomplete: bool = False
    sheets: int = 0
    expected: int = 0
    chair: bool = False  # order set by the chair's decision


@dataclass(frozen=True)
class CategoryResult:
    name: str  # "" when ranking overall
    lines: tuple[ResultLine, ...]
    pending: tuple[tuple[str, ...], ...] = ()  # blocking ties: entry codes


@dataclass(frozen=True)
class TieDecision:
    order: tuple[str, ...]  # entry codes, best first
    reason: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True)
class MinutesData:
    competition: str
    organiser: str
    year: int
    on: date
    place: str  # "" = a dotted line to fill in by hand
    judges: tuple[Person, ...]
    rounds: tuple[RoundInfo, ...]
    method: str  # AggregationMethod value
    combination: str  # RoundCombination value
    tie_breaks: tuple[str, ...]
    categories: tuple[CategoryResult, ...]
    decisions: tuple[TieDecision, ...] = ()
    notes: tuple[str, ...] = ()
    digest: str | None = None  # the result snapshot's SHA-256 once finalized
    finalized_at: datetime | None = None
    documents: DocumentSettings = DocumentSettings()  # letterhead, head, zone, numbers
    number: str = ""  # Nomor of the minutes (or of the decree, on the winners list)
    receipt: tuple[tuple[str, str], ...] = ()  # the finalize receipt: (label, value) lines


@dataclass(frozen=True)
class ScoreSheetData:
    competition: str
    round: RoundInfo
    judge: Person
    entries: tuple[tuple[str, str, str], ...]  # (code, title, unit) assigned to the judge
    place: str = ""  # printed before the date under the grid; "" = a dotted line


def _heading(text: str, keep: float = 30) -> Paragraph:
    return Paragraph(text, size=11, bold=True, before=3, after=2, keep=keep)


def _title(lines: Sequence[str]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(lines[0], size=14, bold=True, align=CENTER, after=1)]
    out += [Paragraph(x, size=11.5, bold=True, align=CENTER, after=1) for x in lines[1:]]
    out[-1].after = 6
    return out


def _remarks(lang: str, line: ResultLine) -> str:
    parts = [x for x in (line.award, line.predicate) if x]
    if line.blocked:
        parts.append(t(lang, "r_blocked"))
    elif line.tied:
        parts.append(t(lang, "r_tied"))
    elif line.chair:
        parts.append(t(lang, "r_chair"))
    if line.incomplete:
        parts.append(t(lang, "r_incomplete", sheets=line.sheets, expected=line.expected))
    if line.rank is None and not line.incomplete:
        parts.append(t(lang, "r_unranked"))
    return "; ".join(parts)


def _caption(lang: str, cat: CategoryResult) -> str:
    return t(lang, "category", name=cat.name) if cat.name else t(lang, "overall")


def _method(lang: str, data: MinutesData) -> list[Flowable]:
    out: list[Flowable] = [_heading(t(lang, "sec_method"))]
    cols = [Column(t(lang, "col_no"), 6, CENTER), Column(t(lang, "col_criterion"), 60),
            Column(t(lang, "col_weight"), 14, RIGHT), Column(t(lang, "col_scale"), 20, CENTER)]
    for rnd in data.rounds:
        text = t(lang, "round_line", name=rnd.name)
        if rnd.weight is not None and data.combination == "weighted":
            text += t(lang, "round_weight", weight=decimal_text(lang, rnd.weight))
        out.append(Paragraph(text, bold=True, after=1.5, keep=25))
        rows = [(str(i), c.name, decimal_text(lang, c.weight),
                 f"{decimal_text(lang, c.scale_min)}–{decimal_text(lang, c.scale_max)}")
                for i, c in enumerate(rnd.criteria, 1)]
        out.append(Table(cols, rows))
    chain = [t(lang, f"t_{m}") if not m.startswith("criterion:")
             else t(lang, "t_criterion", code=m.split(":", 1)[1]) for m in data.tie_breaks]
    out.append(Paragraph(t(lang, "formula", method=t(lang, f"m_{data.method}"),
                           combination=t(lang, f"c_{data.combination}"))))
    if chain:
        out.append(Paragraph(t(lang, "tiebreak_intro", chain="; ".join(chain))))
    out.append(Paragraph(t(lang, "rounding")))
    return out


def _results(lang: str, data: MinutesData) -> list[Flowable]:
    out: list[Flowable] = [_heading(t(lang, "sec_results"))]
    cols = [Column(t(lang, "col_rank"), 6, CENTER), Column(t(lang, "col_code"), 11),
            Column(t(lang, "col_title"), 34), Column(t(lang, "col_unit"), 22),
            Column(t(lang, "col_score"), 9, RIGHT), Column(t(lang, "col_remarks"), 19)]
    for cat in data.categories:
        caption = _caption(lang, cat)
        rows = [("–" if x.rank is None else str(x.rank), x.code, x.title, x.unit,
                 number(lang, x.score), _remarks(lang, x)) for x in cat.lines]
        out.append(Paragraph(caption, bold=True, after=1.5, keep=25))
        out.append(Table(cols, rows, caption=f"{caption} {t(lang, 'continued')}"))
    return out


def _ties(lang: str, data: MinutesData) -> list[Flowable]:
    out: list[Flowable] = [_heading(t(lang, "sec_ties"))]
    items = [t(lang, "tie_item", entries=join(lang, sorted(d.order)),
               order=" > ".join(d.order), reason=sentence(d.reason), by=d.decided_by,
               at=when(lang, d.decided_at, data.documents.zone())) for d in data.decisions]
    for cat in data.categories:
        for codes in cat.pending:
            rank = next((x.rank for x in cat.lines if x.code == codes[0]), None)
            items.append(t(lang, "tie_open", entries=join(lang, list(codes)),
                           category=_caption(lang, cat), rank=rank))
    if not items:
        items = [t(lang, "no_ties")]
    out += [Paragraph(f"{i}. {text}") for i, text in enumerate(items, 1)]
    return out


def _signatures(lang: str, judges: Sequence[Person], place: str, on: date) -> list[Flowable]:
    cols = [Column(t(lang, "col_no"), 6, CENTER), Column(t(lang, "col_name"), 38),
            Column(t(lang, "col_position"), 22), Column(t(lang, "col_signature"), 34)]
    ordered = sorted(judges, key=lambda p: not p.chair)
    rows = []
    for i, p in enumerate(ordered, 1):
        role = t(lang, "chair") if p.chair else t(lang, "member")
        name = f"{p.name}\n{t(lang, 'nip', nip=p.nip or t(lang, 'blank'))}"
        rows.append((str(i), name, role, (f"{i}. ……………………", LEFT if i % 2 else RIGHT)))
    dateline = t(lang, "dateline", place=place or t(lang, "blank"), date=date_text(lang, on))
    return [Keep([Paragraph(dateline, before=4, after=3, keep=45),
                  Paragraph(t(lang, "panel"), bold=True, align=CENTER, after=2, keep=40),
                  Table(cols, rows, size=9.5, min_row=14, middle=True,
                        caption=f"{t(lang, 'panel')} {t(lang, 'continued')}")])]


def write_minutes(data: MinutesData, path: Path, lang: str = "id",
                  progress: Progress | None = None) -> int:
    """The minutes of evaluation; returns the number of pages."""
    lang = lang_of(lang)
    final = data.digest is not None
    rounds = join(lang, [r.name for r in data.rounds])
    flow: list[Flowable] = _letterhead(data.documents)
    flow += _title([t(lang, "minutes_title" if final else "minutes_draft_title"),
                    data.competition.upper(), str(data.year)])
    nomor = data.number or data.documents.minutes_number
    flow[-1].after = 1
    flow.append(Paragraph(t(lang, "number", number=nomor or t(lang, "blank")), align=CENTER,
                          after=2 if not final else 6))
    if not final:  # the title says DRAF; the note says why (not only the running header)
        flow.append(Paragraph(t(lang, "draft_note"), italic=True, align=CENTER, after=4))
    flow.append(Paragraph(t(lang, "opening", competition=data.competition,
                            organiser=data.organiser or t(lang, "blank"), rounds=rounds,
                            **opening_values(lang, data.on)), after=4))
    flow.append(_heading(t(lang, "sec_judges")))
    cols = [Column(t(lang, "col_no"), 6, CENTER), Column(t(lang, "col_name"), 36),
            Column(t(lang, "col_affiliation"), 38), Column(t(lang, "col_position"), 20)]
    judges = sorted(data.judges, key=lambda p: not p.chair)
    flow.append(Table(cols, [(str(i), p.name, p.affiliation,
                              t(lang, "chair") if p.chair else t(lang, "member"))
                             for i, p in enumerate(judges, 1)]))
    flow += _method(lang, data) + _results(lang, data) + _ties(lang, data)
    flow.append(_heading(t(lang, "sec_notes")))
    flow += [Paragraph(f"{i}. {n}") for i, n in enumerate(data.notes, 1)] or [
        Paragraph(t(lang, "none"))]
    flow.append(_heading(t(lang, "sec_validity")))
    if final:
        at = when(lang, data.finalized_at, data.documents.zone()) if data.finalized_at else ""
        flow += [Paragraph(t(lang, "digest", at=at), after=1),
                 Paragraph(data.digest or "", size=9.5, bold=True)]
        flow += _receipt(lang, data)
    else:
        flow.append(Paragraph(t(lang, "not_final"), bold=True))
    flow.append(Paragraph(t(lang, "closing"), before=2))
    flow += _signatures(lang, data.judges, data.place, data.on)
    title = t(lang, "minutes_title")
    right = title if final else f"{title} · {t(lang, 'draft')}"
    setup = PageSetup(title=f"{title} – {data.competition}", header_left=data.competition,
                      header_right=right, watermark="" if final else t(lang, "watermark"))
    return render(path, flow, setup, lambda n, total: t(lang, "page", page=n, pages=total),
                  progress)


def _letterhead(d: DocumentSettings) -> list[Flowable]:
    if not (d.government or d.office or d.address or d.logo):
        return []
    return [Letterhead(d.government, d.office, d.address, d.logo)]


def _receipt(lang: str, data: MinutesData) -> list[Flowable]:
    """The finalize receipt (results digest, audit head, counts) where the panel signs it."""
    if not data.receipt:
        return []
    return [Paragraph(t(lang, "receipt"), bold=True, before=2, after=1, keep=20),
            Table([Column("", 35), Column("", 65)], list(data.receipt), size=9, plain=True)]


def _head(lang: str, d: DocumentSettings) -> str:
    """WALI KOTA CONTOH / MAYOR OF CONTOH; the title and a dotted line when no region."""
    head = d.head(lang)
    if not d.region.strip():
        head = f"{head or t(lang, 'head_default')} {t(lang, 'blank')}"
    return head


def write_winners_list(data: MinutesData, path: Path, lang: str = "id") -> int:
    """The winners list (entries with an award or a predicate) ready to attach to the
    mayor's decree; returns the number of pages."""
    lang = lang_of(lang)
    blank = t(lang, "blank")
    final = data.digest is not None
    d = data.documents
    head = _head(lang, d)
    decree_no = data.number or d.decree_number
    about = t(lang, "about", competition=data.competition.upper(), year=data.year)
    annex = [(t(lang, "decree_no"), ":", decree_no or blank),
             (t(lang, "decree_date"), ":", date_text(lang, data.on) if decree_no else blank),
             (t(lang, "decree_about"), ":", about)]
    flow: list[Flowable] = [
        Paragraph(t(lang, "annex"), size=9.5, width=0.55, after=0.5),
        Paragraph(t(lang, "decree", head=head), size=9.5, width=0.55, after=0.5),
        Keep([Table([Column("", 45), Column("", 12), Column("", 2), Column("", 41)],
                    [("", *row) for row in annex], size=9.5, plain=True)]),
        *_title([t(lang, "winners_title" if final else "winners_draft_title"), about]),
    ]
    if not final:
        flow.append(Paragraph(t(lang, "draft_note"), italic=True, align=CENTER, after=4))
    cols = [Column(t(lang, "col_no"), 6, CENTER), Column(t(lang, "col_award"), 20),
            Column(t(lang, "col_code"), 11), Column(t(lang, "col_title"), 33),
            Column(t(lang, "col_unit"), 20), Column(t(lang, "col_score"), 10, RIGHT)]
    for cat in data.categories:
        winners = [x for x in cat.lines if (x.award or x.predicate) and x.rank is not None]
        flow.append(Paragraph(_caption(lang, cat), bold=True, after=1.5, keep=25))
        if winners:
            rows = [(str(i), " / ".join(a for a in (x.award, x.predicate) if a), x.code,
                     x.title, x.unit, number(lang, x.score)) for i, x in enumerate(winners, 1)]
            flow.append(Table(cols, rows, caption=f"{_caption(lang, cat)} "
                                                  f"{t(lang, 'continued')}"))
        else:
            flow.append(Paragraph(t(lang, "no_winners"), italic=True, after=4))
        for codes in cat.pending:
            flow.append(Paragraph(t(lang, "pending", entries=join(lang, list(codes))),
                                  italic=True, after=4))
    flow += _receipt(lang, data)
    place = data.place or d.place
    signer = [Paragraph(f"{place or blank}, {date_text(lang, data.on)}", width=0.45, before=8,
                        after=1, align=CENTER),
              Paragraph(t(lang, "mayor", head=head), width=0.45, after=22, align=CENTER),
              Paragraph(d.head_name or blank, width=0.45, bold=bool(d.head_name), align=CENTER,
                        after=1)]
    if d.head_nip:
        signer.append(Paragraph(t(lang, "nip", nip=d.head_nip), width=0.45, align=CENTER))
    flow.append(Keep(signer))
    title = t(lang, "winners_title")
    setup = PageSetup(title=f"{title} – {data.competition}", header_left=data.competition,
                      header_right=title if final else f"{title} · {t(lang, 'draft')}",
                      watermark="" if final else t(lang, "watermark"))
    return render(path, flow, setup, lambda n, total: t(lang, "page", page=n, pages=total))


def _sheet(lang: str, data: ScoreSheetData, on: date | None) -> list[Flowable]:
    rnd = data.round
    judge = f"{data.judge.code} – {data.judge.name}" if data.judge.code else data.judge.name
    if data.judge.affiliation:
        judge += f" ({data.judge.affiliation})"
    flow: list[Flowable] = _title([t(lang, "sheet_title"), rnd.name.upper()])
    flow += [Paragraph(f"{t(lang, k)}: {v}", after=1) for k, v in
             (("l_competition", data.competition), ("l_round", rnd.name), ("l_judge", judge))]
    if rnd.instructions:
        flow.append(Paragraph(rnd.instructions, size=9.5, before=2, italic=True))
    flow.append(_heading(t(lang, "rubric")))
    cols = [Column(t(lang, "col_no"), 5, CENTER), Column(t(lang, "col_criterion"), 33),
            Column(t(lang, "col_weight"), 8, RIGHT), Column(t(lang, "col_scale"), 11, CENTER),
            Column(t(lang, "col_levels"), 43)]
    rows = []
    for i, c in enumerate(rnd.criteria, 1):
        name = f"{c.name}\n{c.description}" if c.description else c.name
        levels = "\n".join(f"{decimal_text(lang, s)} = {text}" for s, text in c.levels)
        scale = t(lang, "scale", min=decimal_text(lang, c.scale_min), max=decimal_text(lang, c.scale_max),
                  step=decimal_text(lang, c.scale_step))
        rows.append((f"K{i}", name, decimal_text(lang, c.weight), scale, levels))
    flow += [Table(cols, rows, size=8.5, caption=f"{t(lang, 'rubric')} {t(lang, 'continued')}"),
             Paragraph(t(lang, "sheet_formula"), size=9.5)]
    flow.append(_heading(t(lang, "grid")))
    if not data.entries:
        flow.append(Paragraph(t(lang, "no_entries"), italic=True))
    else:
        n = len(rnd.criteria)
        cols = [Column(t(lang, "col_no"), 4, CENTER), Column(t(lang, "col_code"), 9),
                Column(t(lang, "col_title"), max(20, 44 - 2 * n))]
        cols += [Column(f"K{i}\n{decimal_text(lang, c.weight)}%", 5.5, CENTER)
                 for i, c in enumerate(rnd.criteria, 1)]
        cols += [Column(t(lang, "col_total"), 6.5, CENTER), Column(t(lang, "col_comment"), 16)]
        rows = [(str(i), code, title if rnd.blind or not unit else f"{title}\n{unit}",
                 *([""] * (n + 2))) for i, (code, title, unit) in enumerate(data.entries, 1)]
        flow.append(Table(cols, rows, size=8.5, min_row=10, tail=40,
                          caption=f"{t(lang, 'grid')} {t(lang, 'continued')}"))
    place_date = f"{data.place or t(lang, 'blank')}, " \
                 f"{date_text(lang, on) if on else t(lang, 'blank')}"
    flow.append(Keep([Paragraph(place_date, width=0.4, before=4, after=1, align=CENTER),
                      Paragraph(t(lang, "judge_sign"), width=0.4, after=18, align=CENTER),
                      Paragraph(data.judge.name, width=0.4, bold=True, align=CENTER, after=1),
                      Paragraph(t(lang, "nip", nip=data.judge.nip or t(lang, "blank")),
                                width=0.4, align=CENTER)]))
    return flow


def write_score_sheets(sheets: Sequence[ScoreSheetData], path: Path, lang: str = "id",
                       on: date | None = None) -> int:
    """Blank score sheets, each judge starting on a new page (landscape when the round has
    more than five criteria); returns the number of pages."""
    lang = lang_of(lang)
    title = t(lang, "sheet_title")
    flow: list[Flowable] = []
    for i, sheet in enumerate(sheets):
        who = f"{sheet.round.name} · {sheet.judge.code or sheet.judge.name}"
        if i:  # each judge's pages are numbered on their own (Halaman 1 dari 3)
            flow += [Header(sheet.competition, who, restart=True), PageBreak()]
        flow += _sheet(lang, sheet, on)
    first = sheets[0] if sheets else None
    setup = PageSetup(
        landscape=bool(first and len(first.round.criteria) > 5), title=title,
        header_left=first.competition if first else "",
        header_right=f"{first.round.name} · {first.judge.code or first.judge.name}"
        if first else "",
    )
    return render(path, flow, setup, lambda n, total: t(lang, "page", page=n, pages=total))
