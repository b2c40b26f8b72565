"""What each sheet of the results workbook holds (see results_workbook for the overview).

Rows are tuples of plain values: `str` (always written as text), `int`, `Num` (a number
given by its exact decimal text, e.g. the engine's displayed score "73.33") or None.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from judging_app.core.numbers import exact_text, format_decimal
from judging_app.exchange.results_workbook_xml import (
    Bold,
    ChartSpec,
    Column,
    Num,
    SheetSpec,
    keep_together,
    sheet_name,
)
from judging_app.exchange.text_width import fitting_width
from judging_app.texts import format_long_date, format_long_datetime

if TYPE_CHECKING:
    from judging_app.exchange.results_workbook import ResultsWorkbookData

SCORE = "0.00"
STAT = "0.0000"
CHART_TOP = 10
CHART_BLOCK = 24  # rows per category on the chart sheet (a page each)


def half_up(numerator: int, denominator: int) -> Num:
    """numerator / denominator rounded half up to two decimals (as core.numbers does)."""
    if numerator < 0:
        return Num(format_decimal(Fraction(numerator, denominator), 2))
    cents = (numerator * 200 + denominator) // (2 * denominator)
    return Num(f"{cents // 100}.{cents % 100:02d}")


def num(value, places: int = 2) -> Num | None:
    return None if value is None else Num(format_decimal(Fraction(value), places))


def dec(value: Decimal) -> Num:
    return Num(format(value.normalize(), "f"))


class Book:
    """Shared lookups for one workbook in one language."""

    def __init__(self, data: ResultsWorkbookData, w: dict[str, str], lang: str) -> None:
        self.d, self.w, self.en, self.lang = data, w, lang == "en", lang
        self.zone = data.documents.zone()
        setup = data.setup
        self.cat = {c.code: self.local(c) for c in setup.categories}
        self.tier = {t.code: (t.label_en if self.en and t.label_en else t.label) for t in setup.award_tiers}
        self.round_code = {r.id: r.code for r in data.rounds}
        self.multi = len(data.rounds) > 1
        self.method = w[data.results.method.value]
        name = (setup.name_en if self.en and setup.name_en else setup.name)
        self.subtitle = w["subtitle"].format(comp=f"{name} ({setup.year})", method=self.method,
                                             rounding=w["rounding"])
        self.used: set[str] = set()
        self._values: dict[int | None, Num | None] = {None: None}
        self.final = {r.entry_id: Num(r.displayed_score) if r.score is not None else None
                      for r in data.results.rows}  # the engine's displayed score, as a number
        self.crit_cols = [(ri, ci) for ri, r in enumerate(data.rounds) for ci in range(len(r.criteria))]

    def when(self, at) -> str:
        """A moment in the competition's time zone: 27 November 2026 10.15 WIB."""
        if at is None:
            return ""
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at
        return format_long_datetime(at.astimezone(self.zone), self.lang)

    def local(self, obj) -> str:
        return obj.name_en if self.en and getattr(obj, "name_en", "") else obj.name

    def group_name(self, group: str | None) -> str:
        return self.w["all"] if group is None else self.cat.get(group, group)

    def judge(self, judge_id: int) -> tuple[str, str]:
        j = self.d.judges.get(judge_id)
        return (j.code, j.name) if j else (str(judge_id), "")

    def tie_break(self, name: str) -> str:
        if name.startswith("criterion:"):
            return self.w["criterion_tb"].format(code=name.split(":", 1)[1])
        return self.w.get(name, name)

    def value(self, milli: int | None) -> Num | None:
        if milli not in self._values:
            self._values[milli] = dec(Decimal(milli) / 1000)
        return self._values[milli]

    def groups(self) -> dict[str | None, list]:
        """Ranking groups (every category, or None when ranking overall) -> their rows."""
        rules = self.d.results.rules
        out: dict[str | None, list] = (
            {c.code: [] for c in self.d.setup.categories}
            if rules.ranking_scope.value == "category" else {None: []})
        for row in self.d.results.rows:
            out.setdefault(row.group, []).append(row)
        return out

    def sheet(self, name: str, title: str, columns, rows: Callable, count: int, **kw) -> SheetSpec:
        return SheetSpec(sheet_name(name, self.used), title, self.subtitle, columns, rows, count, **kw)

    def crit_headers(self) -> list[Column]:
        """Criterion names (with their weights) as headers, wrapped; a column is at least as
        wide as the longest word of its header, so no word is broken."""
        out = []
        for ri, ci in self.crit_cols:
            r = self.d.rounds[ri]
            c = r.criteria[ci]
            label = f"{self.local(c)} ({dec(c.weight)}%)"
            label = f"{r.code}: {label}" if self.multi else label
            out.append(Column(label, fitting_width(label, 10, 18)))  # the header row wraps
        return out

    def crit_values(self, ri: int, values) -> list:
        cache = self._values
        try:
            shown = [cache[v] for v in values]
        except KeyError:
            shown = [self.value(v) for v in values]
        if not self.multi:
            return shown
        out: list = [None] * len(self.crit_cols)
        offset = sum(len(r.criteria) for r in self.d.rounds[:ri])
        out[offset : offset + len(shown)] = shown
        return out


def _remarks(b: Book, row) -> str:
    w = b.w
    parts = [w["blocked"]] if row.blocked else [w["tied"]] if row.tied else []
    if row.decided_by and not row.tied:
        parts.append(w["decided_by"].format(how=b.tie_break(row.decided_by)))
    if row.incomplete:
        parts.append(w["incomplete"].format(n=row.sheet_count, m=row.expected_sheets))
    if row.fallback:
        parts.append(w["fallback"])
    return "; ".join(parts)


def rankings(b: Book) -> list[SheetSpec]:
    """One sheet per category (or one when ranking overall): every ranked entry."""
    w = b.w
    bands = any(t.kind == "band" for t in b.d.setup.award_tiers)
    groups = b.groups()
    cols = [Column(w["rank"], 10), Column(w["award"], 16, wrap=True)]
    cols += [Column(w["predicate"], 14, wrap=True)] if bands else []
    overall = None in groups
    cols += [Column(w["category"], 18, wrap=True)] if overall else []
    cols += [Column(w["code"], 12), Column(w["title"], 46, wrap=True), Column(w["unit"], 30, wrap=True),
             Column(w["final"], 10, SCORE), Column(w["remarks"], 34, wrap=True),
             Column(w["sheets"], 8)]

    def rows_of(group_rows):
        for row in group_rows:
            e = b.d.entries[row.entry_id]
            out = [row.rank, b.tier.get(row.award, "") if row.award else ""]
            out += [b.tier.get(row.band, "") if row.band else ""] if bands else []
            out += [b.cat.get(e.category, e.category or "")] if overall else []
            out += [e.code, e.title, e.unit or "", b.final[row.entry_id], _remarks(b, row),
                    row.sheet_count]
            yield tuple(out)

    specs = []
    for group, group_rows in groups.items():
        name = w["sheet_ranking_all"] if group is None else b.group_name(group)
        specs.append(b.sheet(name, w["title_ranking"].format(cat=b.group_name(group)), cols,
                             lambda r=group_rows: rows_of(r), len(group_rows)))
    return specs


def winners(b: Book) -> SheetSpec:
    """Only the awarded entries of every category, then the place, the date and the chair's
    signature: the page the panel signs. Portrait A4, fitted to the page width."""
    w, d = b.w, b.d
    bands = any(t.kind == "band" for t in d.setup.award_tiers)
    cols = [Column(w["col_no"], 5), Column(w["award"], 16, wrap=True), Column(w["code"], 11),
            Column(w["title"], 38, wrap=True), Column(w["unit"], 24, wrap=True),
            Column(w["final"], 9, SCORE)]
    pending: dict[str | None, list[str]] = {}
    for tie in d.results.blocking_ties:
        pending.setdefault(tie.group, []).append(", ".join(
            sorted(d.entries[e].code for e in tie.entry_ids)))
    rows: list = []
    for group, group_rows in b.groups().items():
        awarded = [r for r in group_rows if r.rank is not None and (r.award or (bands and r.band))]
        rows.append(Bold((b.group_name(group) if group is not None else w["all_entries"],)))
        for i, row in enumerate(awarded, 1):
            e = d.entries[row.entry_id]
            label = " / ".join(b.tier[t] for t in (row.award, row.band if bands else None) if t)
            rows.append((i, label, e.code, e.title, e.unit or "", b.final[row.entry_id]))
        if not awarded:  # in column A: the text runs on over the empty cells
            rows.append((w["no_winners"],))
        for codes in pending.get(group, ()):
            rows.append((w["pending"].format(codes=codes),))
        rows.append(())
    place = d.documents.place or "……………………"
    on = format_long_date(d.on, b.lang) if d.on else "……………………"
    chair = d.chair.name if d.chair else "……………………"
    rows += [(), ("", "", "", w["dateline"].format(place=place, date=on)),
             ("", "", "", w["chair_sign"]), (), (), ("", "", "", chair),
             ("", "", "", w["nip_line"].format(nip=(d.chair.nip if d.chair and d.chair.nip
                                                     else "……………………")))]
    title = w["title_winners"] if d.snapshot else w["title_winners_draft"]
    spec = b.sheet(w["sheet_winners"], title, cols, lambda: iter(rows), len(rows), portrait=True,
                   grid=False, print_columns=len(cols), keep_last=6)
    spec.breaks = keep_together(spec, rows)
    return spec


def charts(b: Book) -> SheetSpec:
    w = b.w
    blocks, specs_charts = [], []
    for i, (group, rows) in enumerate(b.groups().items()):
        top = [r for r in rows if r.rank is not None and r.score is not None][:CHART_TOP]
        start = 3 + i * CHART_BLOCK
        title = w["title_chart"].format(cat=b.group_name(group))
        block = [Bold((title,)), Bold((w["rank"], w["code"], w["title"], w["final"]))]
        for row in top:
            e = b.d.entries[row.entry_id]
            block.append((row.rank, e.code, e.title, b.final[row.entry_id]))
        if top:
            specs_charts.append(ChartSpec(title, start + 2, start + 1 + len(top), 2, 4,
                                          f"F{start + 1}", w["final"]))
        else:
            block.append((w["no_ranked"],))
        blocks.extend(block + [()] * (CHART_BLOCK - len(block)))
    cols = [Column(w["rank"], 10), Column(w["code"], 12), Column(w["title"], 40), Column(w["final"], 11, SCORE)]
    # each category's table and chart on a page of its own: a chart never splits
    breaks = [2 + (i + 1) * CHART_BLOCK for i in range(len(blocks) // CHART_BLOCK - 1)]
    return b.sheet(w["sheet_charts"], w["title_charts"], cols, lambda: iter(blocks), len(blocks),
                   table=False, charts=specs_charts, breaks=breaks)


def sheet_index(b: Book):
    by_entry: dict[int, list] = {}
    by_judge: dict[int, list] = {}
    code = {j: b.judge(j)[0] for j in {s.judge_id for r in b.d.rounds for s in r.sheets}}
    for ri, rnd in enumerate(b.d.rounds):
        for sheet in sorted(rnd.sheets, key=lambda s: code[s.judge_id]):  # recap: judge order
            by_entry.setdefault(sheet.entry_id, []).append((ri, sheet))
            by_judge.setdefault(sheet.judge_id, []).append((ri, sheet))
    return by_entry, by_judge


def recap(b: Book, by_entry: dict[int, list]) -> SheetSpec:
    w, rounds = b.w, b.d.rounds
    cols = [Column(w["round"], 10)] if b.multi else []
    cols += [Column(w["category"], 22), Column(w["rank"], 9), Column(w["code"], 12), Column(w["title"], 40),
             Column(w["judge"], 9), Column(w["judge_name"], 24), *b.crit_headers(),
             Column(w["judge_total"], 10, SCORE), Column(f"{w['final']} ({b.method})", 12, SCORE),
             Column(w["exact_final"], 16, align="right")]
    result_rows = b.d.results.rows

    def rows():
        for row in result_rows:
            e = b.d.entries[row.entry_id]
            head = [b.cat.get(e.category, e.category or ""), row.rank, e.code, e.title]
            final = b.final[row.entry_id]
            exact = "" if row.score is None else (
                exact_text(row.score) if row.exact else "≈ " + format_decimal(row.score, 12))
            sheets = by_entry.get(row.entry_id, ())  # by round, then judge code
            if not sheets:
                yield tuple(([""] if b.multi else []) + head + ["", ""] + [None] * len(b.crit_cols)
                            + [None, final, exact])
            for ri, s in sheets:
                rnd = rounds[ri]
                total = None if s.numerator is None else half_up(s.numerator, rnd.denominator)
                yield tuple(([rnd.code] if b.multi else []) + head + list(b.judge(s.judge_id))
                            + b.crit_values(ri, s.values) + [total, final, exact])

    count = sum(max(1, len(by_entry.get(r.entry_id, ()))) for r in result_rows)
    return b.sheet(w["sheet_recap"], w["title_recap"], cols, rows, count)


def judges(b: Book, by_judge: dict[int, list]) -> list[SheetSpec]:
    w, rounds = b.w, b.d.rounds
    order = {c.code: i for i, c in enumerate(b.d.setup.categories)}
    cols = [Column(w["round"], 10)] if b.multi else []
    cols += [Column(w["category"], 22), Column(w["code"], 12), Column(w["title"], 40), *b.crit_headers(),
             Column(w["judge_total"], 10, SCORE), Column(w["comment"], 40, wrap=True)]

    def rows(items):
        for ri, s in items:
            e = b.d.entries[s.entry_id]
            total = None if s.numerator is None else half_up(s.numerator, rounds[ri].denominator)
            yield tuple(([rounds[ri].code] if b.multi else []) + [b.cat.get(e.category, e.category or ""),
                        e.code, e.title] + b.crit_values(ri, s.values) + [total, s.comment])

    def key(item):
        e = b.d.entries[item[1].entry_id]
        return item[0], order.get(e.category, len(order)), e.code

    specs = []
    for judge_id in sorted(by_judge, key=lambda j: b.judge(j)[0]):
        items = sorted(by_judge[judge_id], key=key)
        code, name = b.judge(judge_id)
        specs.append(b.sheet(w["sheet_judge"].format(code=code), w["title_judge"].format(code=code, name=name),
                             cols, lambda items=items: rows(items), len(items)))
    return specs


def fairness(b: Book) -> list[SheetSpec]:
    w, rep = b.w, b.d.fairness
    if rep is None:
        return []
    title = w["title_fairness"]
    where = [Column(w["round"], 10), Column(w["category"], 22)]

    def at(p) -> list:
        return [b.round_code.get(p.round_id, str(p.round_id)), b.group_name(p.group)]

    forms = ("icc1_1", "icc2_1", "icc3_1", "icc1_k", "icc2_k", "icc3_k")
    panel_cols = where + [Column(w["entries_used"], 10), Column(w["judges_used"], 24)]
    panel_cols += [Column(f"ICC({f[3]},{f[5]})", 9, STAT) for f in forms]
    panel_cols += [Column("Kendall W", 9, STAT), Column(w["note"], 40, wrap=True)]
    panel_rows = [tuple(at(p) + [len(p.entries_used), ", ".join(b.judge(j)[0] for j in p.judges_used)]
                        + [num(getattr(p.icc, f), 4) if p.icc else None for f in forms]
                        + [num(p.kendall_w, 4), p.agreement_note.render("en" if b.en else "id")
                           if p.agreement_note else ""]) for p in rep.panels]
    judge_cols = where + [Column(w["judge"], 9), Column(w["judge_name"], 24), Column(w["sheets"], 8),
                          Column(w["mean_total"], 11, SCORE), Column(w["spread"], 11, SCORE),
                          Column(w["severity"], 13, SCORE), Column(w["shared"], 10)]
    judge_rows = [tuple(at(p) + list(b.judge(j.judge_id)) + [j.sheets, num(j.mean_total), num(j.spread),
                                                          num(j.severity), j.shared_entries])
                  for p in rep.panels for j in p.judges]
    out_cols = where + [Column(w["code"], 12), Column(w["title"], 40), Column(w["judge"], 9),
                        Column(w["judge_name"], 24), Column(w["judge_total"], 10, SCORE),
                        Column(w["others_mean"], 11, SCORE), Column(w["difference"], 10, SCORE),
                        Column(w["limit"], 9, SCORE)]
    out_rows = [tuple(at(p) + [b.d.entries[o.entry_id].code, b.d.entries[o.entry_id].title]
                      + list(b.judge(o.judge_id)) + [num(o.total), num(o.others_mean), num(o.difference),
                                                     num(o.limit)])
                for p in rep.panels for o in p.outliers]
    methods = ("mean", "median", "trimmed_mean", "standardized")
    stab_cols = [Column(w["category"], 22), Column(w["code"], 12), Column(w["title"], 40)]
    stab_cols += [Column(w["rank_by"].format(m=w[m]), 10) for m in methods]
    stab_cols += [Column(w["award_by"].format(m=w[m]), 16) for m in methods]
    stab_rows = []
    for row in rep.stability:
        if row.award_changes:
            e = b.d.entries[row.entry_id]
            ranks = {m.value: r for m, r in row.ranks.items()}
            awards = {m.value: " / ".join(b.tier.get(t, t) for t in pair if t) for m, pair in row.awards.items()}
            stab_rows.append(tuple([b.group_name(row.group), e.code, e.title] + [ranks.get(m) for m in methods]
                                   + [awards.get(m, "") for m in methods]))
    specs = []
    for key, part, cols, rows in (("sheet_panels", "part_panels", panel_cols, panel_rows),
                                  ("sheet_fjudges", "part_judges", judge_cols, judge_rows),
                                  ("sheet_outliers", "part_outliers", out_cols, out_rows),
                                  ("sheet_stability", "part_stability", stab_cols, stab_rows)):
        spec = b.sheet(w[key], title.format(part=w[part]), cols, lambda r=rows: iter(r), len(rows))
        if key == "sheet_stability":
            spec.subtitle += " · " + w["stability_note" if b.d.stability_included else "stability_skipped"]
        specs.append(spec)
    return specs
