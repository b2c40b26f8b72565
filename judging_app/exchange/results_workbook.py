"""The results workbook (Excel), in Indonesian (default) or English:

    data = ResultsWorkbookData(...)            # built by services.results_export
    write_results_workbook(Path("hasil.xlsx"), data, lang="id", progress=report)

Sheets, in order (every table: title row and subtitle row with competition, method and
rounding rule, merged across the table; header row 3 repeated on every printed page, panes
frozen below it, autofilter; A4 fitted to the page width, footer "sheet — page n of m").
Every font is named (Calibri; LibreOffice shows its metric twin Carlito), and every row
with wrapped text is as tall as its text measured in Calibri's widths (text_width):

* "Daftar Pemenang": only the awarded entries of every category (award or predicate, code,
  title, unit, final score), ties awaiting the chair, then the place, the date, the chair's
  signature, name and NIP line, kept on one page. Portrait, no grid; the title says DRAF
  until the results are finalized.
* one sheet per category, named by the category's name (Excel's 31 characters, cut at a
  word; forbidden characters replaced; unique), or "Peringkat" when ranking overall:
  rank, award tier, predicate (when the competition has score bands), code, title, unit,
  final score (a number, the engine's displayed score: two decimals, half up, format
  0.00), remarks (ties, who broke them, incomplete), sheets counted.
* "Grafik": per category the top 10 (rank, code, title, final score) and a native bar chart
  of those cells, each category on a page of its own (a chart never splits).
* "Rekapitulasi Nilai": LONG format, one row per counted score sheet, in ranking order:
  category, rank, code, title, judge code and name, one column per criterion (header: the
  criterion's name and weight, wrapped; the column as wide as its longest word), the
  judge's total, the entry's final score and, for auditors, the exact final score as a
  fraction ("298/3"). An entry without any
  sheet gets one row. With several rounds, a round column comes first and the criteria
  of every round sit side by side ("prop: A (40%)"). It filters by entry or judge and
  prints on A4; a wide one-row-per-entry layout would need 3 × (criteria + 1) columns.
* "Keadilan Panel / Juri / Pencilan / Stabilitas": ICC (six forms) and Kendall's W per
  round and category; each judge's sheets, mean total, spread, severity; outlier sheets;
  entries whose award changes with the aggregation method (or why it was left out).
* "Ketentuan Penilaian": competition, rounds, rubric with weights and scales, formula,
  method, tie-break chain, award tiers, decisions (who, when, why), the finalized
  snapshot's digest and whether these results match it, the rounding rule, notes.
* "Juri <code>" per judge with sheets: category, code, title, criteria, total, comment.

Text typed by people is always written as text, never a formula: see
`results_workbook_xml`, which streams the cells (openpyxl builds the rest of the package).
No database and no Qt here. The file appears only when complete (a temporary file beside
it is renamed); a failure, or a cancel raised by `progress(done, total)`, leaves nothing.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from judging_app.core.documents import DocumentSettings
from judging_app.core.scoring import CompetitionResults, EntryInfo, FairnessReport
from judging_app.core.setup import CompetitionSetup, CriterionSpec
from judging_app.exchange import results_workbook_sheets as sheets_
from judging_app.exchange import results_workbook_xml as xml
from judging_app.exchange.results_workbook_xml import Progress


class Cancelled(Exception):
    """Raised by a progress callback to stop the export; the partial file is deleted."""


class SheetRow(NamedTuple):
    """One counted score sheet (submitted, eligible entry, judge without a conflict)."""

    entry_id: int
    judge_id: int
    numerator: int | None  # the judge's total = numerator / RoundSheets.denominator
    values: tuple[int | None, ...]  # thousandths, in the order of RoundSheets.criteria
    comment: str = ""


@dataclass(frozen=True)
class RoundSheets:
    id: int
    code: str
    name: str
    criteria: tuple[CriterionSpec, ...]
    denominator: int
    sheets: Sequence[SheetRow]
    name_en: str = ""


@dataclass(frozen=True)
class JudgeInfo:
    code: str
    name: str
    affiliation: str = ""
    nip: str = ""


@dataclass(frozen=True)
class DecisionInfo:
    kind: str  # DecisionKind value
    decided_at: datetime
    decided_by: str
    outcome: str  # readable: "E4 > E2" for a tie decision
    reason: str


@dataclass(frozen=True)
class SnapshotInfo:
    digest: str
    created_at: datetime
    created_by: str
    method: str
    matches: bool  # these results give the same digest


@dataclass(frozen=True)
class ResultsWorkbookData:
    competition_code: str
    setup: CompetitionSetup
    status: str
    results: CompetitionResults
    entries: Mapping[int, EntryInfo]
    judges: Mapping[int, JudgeInfo]
    rounds: tuple[RoundSheets, ...]  # the rounds the results use, in order
    fairness: FairnessReport | None = None
    stability_included: bool = False
    decisions: tuple[DecisionInfo, ...] = ()
    snapshot: SnapshotInfo | None = None
    notes: tuple[tuple[str, str, int], ...] = ()  # (code, English message, entries)
    exported_at: datetime | None = None
    documents: DocumentSettings = DocumentSettings()  # place and time zone
    on: date | None = None  # the date on the winners sheet ("place, date")
    chair: JudgeInfo | None = None  # signs the winners sheet


# key -> (Bahasa Indonesia, English); terms as in the glossary of docs/design.md.
VOCABULARY: dict[str, tuple[str, str]] = {
    "sheet_winners": ("Daftar Pemenang", "Winners"),
    "sheet_ranking": ("Peringkat {cat}", "Ranking {cat}"),
    "sheet_ranking_all": ("Peringkat", "Ranking"),
    "sheet_charts": ("Grafik", "Charts"),
    "sheet_recap": ("Rekapitulasi Nilai", "Score Recap"),
    "sheet_panels": ("Keadilan Panel", "Fairness Panels"),
    "sheet_fjudges": ("Keadilan Juri", "Fairness Judges"),
    "sheet_outliers": ("Keadilan Pencilan", "Fairness Outliers"),
    "sheet_stability": ("Keadilan Stabilitas", "Fairness Stability"),
    "sheet_rules": ("Ketentuan Penilaian", "Scoring Rules"),
    "sheet_judge": ("Juri {code}", "Judge {code}"),
    "title_ranking": ("Peringkat — {cat}", "Ranking — {cat}"),
    "title_winners": ("Daftar Pemenang", "List of Winners"),
    "title_winners_draft": ("Rancangan Daftar Pemenang (DRAF — hasil belum difinalkan)",
                            "Draft List of Winners (DRAFT — results not finalized)"),
    "col_no": ("No.", "No."), "all_entries": ("Seluruh peserta", "All entries"),
    "no_winners": ("Belum ada pemenang yang dapat ditetapkan.", "No winner can be named yet."),
    "pending": ("Menunggu keputusan ketua dewan juri atas nilai sama: {codes}",
                "Awaiting the chair's decision on a tie: {codes}"),
    "dateline": ("{place}, {date}", "{place}, {date}"),
    "chair_sign": ("Ketua Dewan Juri,", "Chair of the panel,"),
    "nip_line": ("NIP. {nip}", "NIP. {nip}"),
    "exact_final": ("Nilai Akhir Eksak", "Exact Final Score"),
    "exact_note": ("Nilai akhir eksak (pecahan, mis. 298/3) ada di kolom terakhir lembar "
                   "Rekapitulasi Nilai; peringkat dihitung dari nilai eksak.",
                   "The exact final scores (fractions, e.g. 298/3) are in the last column of "
                   "the Score Recap sheet; ranks are computed from the exact values."),
    "title_charts": ("Grafik Nilai Akhir Tertinggi", "Highest Final Scores"),
    "title_chart": ("10 Nilai Akhir Tertinggi — {cat}", "Top 10 Final Scores — {cat}"),
    "title_recap": ("Rekapitulasi Nilai", "Score Recap"),
    "title_judge": ("Lembar Penilaian Juri {code} — {name}", "Score Sheets of Judge {code} — {name}"),
    "title_fairness": ("Bukti Keadilan Penilaian — {part}", "Fairness Evidence — {part}"),
    "part_panels": ("kesepakatan panel (ICC, Kendall W)", "panel agreement (ICC, Kendall's W)"),
    "part_judges": ("kecenderungan dan sebaran juri", "judges' severity and spread"),
    "part_outliers": ("lembar pencilan", "outlier sheets"),
    "part_stability": ("stabilitas peringkat antar metode", "rank stability across methods"),
    "title_rules": ("Ketentuan Penilaian", "Scoring Rules"),
    "subtitle": ("{comp} · Metode: {method} · {rounding}", "{comp} · Method: {method} · {rounding}"),
    "rounding": ("Nilai ditampilkan dua desimal, dibulatkan setengah ke atas; peringkat memakai nilai eksak",
                 "Scores shown with two decimals, rounded half up; ranks use exact values"),
    "all": ("Semua", "All"),
    "rank": ("Peringkat", "Rank"), "award": ("Kategori Penghargaan", "Award"),
    "predicate": ("Predikat", "Predicate"), "code": ("Kode", "Code"),
    "title": ("Judul Inovasi", "Innovation Title"), "unit": ("Perangkat Daerah", "Government Unit"),
    "final": ("Nilai Akhir", "Final Score"),
    "remarks": ("Keterangan", "Remarks"), "sheets": ("Lembar", "Sheets"),
    "category": ("Kategori", "Category"), "round": ("Tahap", "Round"),
    "judge": ("Juri", "Judge"), "judge_name": ("Nama Juri", "Judge's Name"),
    "judge_total": ("Total Juri", "Judge's Total"), "comment": ("Komentar", "Comment"),
    "tied": ("nilai sama, belum terputus", "tied, not broken"),
    "blocked": ("nilai sama pada batas penghargaan: menunggu keputusan ketua dewan juri",
                "tie on an award boundary: awaits the chair's decision"),
    "decided_by": ("nilai sama diputus: {how}", "tie broken by: {how}"),
    "incomplete": ("belum lengkap ({n} dari {m} lembar)", "incomplete ({n} of {m} sheets)"),
    "fallback": ("rata-rata biasa (lembar kurang untuk rata-rata terpangkas)",
                 "plain mean (too few sheets for the trimmed mean)"),
    "no_ranked": ("Belum ada inovasi yang diperingkat.", "No ranked entries yet."),
    "entries_used": ("Inovasi dipakai", "Entries used"), "judges_used": ("Juri dipakai", "Judges used"),
    "note": ("Catatan", "Note"), "mean_total": ("Rata-rata total", "Mean total"),
    "spread": ("Sebaran (simpangan baku)", "Spread (SD)"),
    "severity": ("Kecenderungan (selisih dari juri lain)", "Severity (difference from the others)"),
    "shared": ("Inovasi bersama", "Shared entries"), "others_mean": ("Rata-rata juri lain", "Others' mean"),
    "difference": ("Selisih", "Difference"), "limit": ("Batas", "Limit"),
    "rank_by": ("Peringkat: {m}", "Rank: {m}"), "award_by": ("Penghargaan: {m}", "Award: {m}"),
    "stability_note": ("Hanya inovasi yang penghargaannya berubah bila metode diganti.",
                       "Only entries whose award changes with the method."),
    "stability_skipped": ("Stabilitas peringkat tidak dihitung untuk ekspor ini (lihat: judging-app fairness).",
                          "Rank stability was not computed for this export (see: judging-app fairness)."),
    "sec_competition": ("Kompetisi", "Competition"), "name": ("Nama", "Name"), "year": ("Tahun", "Year"),
    "organiser": ("Penyelenggara", "Organiser"), "status": ("Status", "Status"),
    "exported": ("Diekspor", "Exported"), "rounds_used": ("Tahap yang dihitung", "Rounds used"),
    "sec_rounds": ("Tahap", "Rounds"), "kind": ("Jenis", "Kind"), "weight": ("Bobot (%)", "Weight (%)"),
    "advancement": ("Kelolosan", "Advancement"),
    "sec_rubric": ("Kriteria (aspek penilaian) dan bobot — {round}", "Criteria and weights — {round}"),
    "criterion": ("Kriteria", "Criterion"), "group": ("Kelompok", "Group"),
    "scale": ("Skala", "Scale"), "step": ("Langkah", "Step"),
    "sec_method": ("Rumus dan metode", "Formula and method"), "formula": ("Rumus", "Formula"),
    "formula_text": ("total juri = Σ bobot × nilai / maks (bobot dalam persen, 0–100)",
                     "judge's total = Σ weight × score / max (weights in percent, 0–100)"),
    "method": ("Metode antar juri", "Across judges"), "combination": ("Gabungan antar tahap", "Across rounds"),
    "scope": ("Cakupan peringkat", "Ranking scope"), "trim_min": ("Lembar minimal rata-rata terpangkas", "Minimum sheets to trim"),
    "allow_incomplete": ("Inovasi belum lengkap ikut diperingkat", "Incomplete entries ranked"),
    "sec_ties": ("Urutan penentuan peringkat nilai sama", "Tie-break chain"),
    "sec_tiers": ("Kategori penghargaan", "Award tiers"), "ranks": ("Peringkat", "Ranks"),
    "band": ("Rentang nilai", "Score band"), "all_categories": ("semua kategori", "every category"),
    "sec_decisions": ("Keputusan", "Decisions"), "decided_at": ("Waktu", "When"),
    "decided_by_col": ("Diputuskan oleh", "Decided by"), "outcome": ("Hasil", "Outcome"),
    "reason": ("Alasan", "Reason"), "none": ("(tidak ada)", "(none)"),
    "sec_snapshot": ("Snapshot hasil final", "Finalized result snapshot"),
    "digest": ("Digest (SHA-256)", "Digest (SHA-256)"), "created": ("Dibuat", "Created"),
    "matches": ("Sama dengan hasil di buku kerja ini", "Same as the results in this workbook"),
    "not_finalized": ("Belum final: hasil ini belum dibekukan.", "Not finalized: these results are not frozen yet."),
    "sec_rounding": ("Aturan pembulatan", "Rounding rule"), "sec_notes": ("Catatan", "Notes"),
    "yes": ("ya", "yes"), "no": ("tidak", "no"),
    "footer": ("&A — halaman &P dari &N", "&A — page &P of &N"),
    "mean": ("rata-rata", "mean"), "median": ("median", "median"),
    "trimmed_mean": ("rata-rata terpangkas", "trimmed mean"),
    "standardized": ("terstandar (skor-z per juri)", "standardized (per-judge z-scores)"),
    "last_round": ("tahap terakhir saja", "last round only"),
    "weighted": ("gabungan berbobot", "weighted combination"),
    "category_scope": ("per kategori", "per category"), "overall": ("keseluruhan", "overall"),
    "criteria_by_weight": ("nilai lebih tinggi pada kriteria berbobot terbesar, lalu berikutnya",
                           "higher score on the heaviest criterion, then the next"),
    "later_round": ("nilai lebih tinggi pada tahap berikutnya", "higher score in the later round"),
    "first_places": ("lebih banyak peringkat pertama dari para juri", "more first places among the judges"),
    "chair_decision": ("keputusan ketua dewan juri", "the chair's decision"),
    "criterion_tb": ("nilai lebih tinggi pada kriteria {code}", "higher score on criterion {code}"),
    "draft": ("draf", "draft"), "registration": ("pendaftaran", "registration"),
    "judging": ("penilaian", "judging"), "finalized": ("final", "finalized"),
    "scored": ("dinilai", "scored"), "screening": ("seleksi administrasi", "administrative screening"),
    "adv_none": ("-", "-"), "adv_top_n": ("{n} teratas per kategori", "top {n} per category"),
    "adv_threshold": ("nilai ≥ {t}", "score ≥ {t}"), "adv_manual": ("manual", "manual"),
    "tie_break": ("penentuan peringkat nilai sama", "tie-break"),
    "disqualification": ("diskualifikasi", "disqualification"),
    "reopen_sheet": ("pembukaan kembali lembar", "sheet reopened"),
    "reopen_rubric": ("pembukaan kembali rubrik", "rubric reopened"),
    "manual_advancement": ("kelolosan manual", "manual advancement"),
    "note_trimmed_mean_fallback": ("{n} inovasi memakai rata-rata biasa (lembar kurang untuk rata-rata terpangkas).",
                              "{n} entries used the plain mean (too few sheets to trim)."),
    "note_incomplete_unranked": ("{n} inovasi belum lengkap (lembar kurang) dan tidak diperingkat.",
                            "{n} incomplete entries (missing sheets) are not ranked."),
    "note_round_missing": ("{n} inovasi tidak memiliki nilai pada setidaknya satu tahap.",
                      "{n} entries have no score in at least one round."),
}
LANGUAGES = ("id", "en")


def words(lang: str) -> dict[str, str]:
    """The vocabulary of one language (`id` or `en`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    index = LANGUAGES.index(lang)
    return {key: pair[index] for key, pair in VOCABULARY.items()}


def _band(t, w) -> str:
    low = f"{'≥' if t.min_inclusive else '>'} {sheets_.dec(t.min_score)}"
    return low if t.max_score is None else f"{low}; {'≤' if t.max_inclusive else '<'} {sheets_.dec(t.max_score)}"


def rules_sheet(b: sheets_.Book) -> xml.SheetSpec:
    """Competition, rounds, rubric with weights, formula and method, tie-break chain, award
    tiers, decisions with reasons and who decided, the snapshot digest, rounding, notes."""
    w, d, Bold = b.w, b.d, xml.Bold
    setup, res = d.setup, d.results
    rows: list = [Bold((w["sec_competition"],)), (w["name"], b.local(setup)), (w["code"], d.competition_code),
                  (w["year"], str(setup.year)), (w["organiser"], setup.organiser), (w["status"], w.get(d.status, d.status)),
                  (w["exported"], b.when(d.exported_at)),
                  (w["rounds_used"], ", ".join(r.code for r in d.rounds)), ()]
    rows += [Bold((w["sec_rounds"],)), Bold((w["code"], w["name"], w["kind"], w["weight"], w["advancement"]))]
    for r in setup.rounds:
        adv = r.advancement
        text = w["adv_" + adv.kind.value].format(n=adv.top_n, t=sheets_.dec(adv.threshold) if adv.threshold is not None else "")
        rows.append((r.code, b.local(r), w[r.kind.value], sheets_.dec(r.weight), text))
    for rnd in d.rounds:
        rows += [(), Bold((w["sec_rubric"].format(round=f"{rnd.code} ({b.local(rnd)})"),)),
                 Bold((w["code"], w["criterion"], w["group"], w["weight"], w["scale"], w["step"]))]
        rows += [(c.code, b.local(c), c.group, sheets_.dec(c.weight),
                  f"{sheets_.dec(c.scale_min)}–{sheets_.dec(c.scale_max)}", sheets_.dec(c.scale_step))
                 for c in rnd.criteria]
    rules = res.rules
    rows += [(), Bold((w["sec_method"],)), (w["formula"], w["formula_text"]),
             (w["method"], b.method), (w["combination"], w[rules.round_combination.value]),
             (w["scope"], w["category_scope" if rules.ranking_scope.value == "category" else "overall"]),
             (w["trim_min"], rules.trimmed_min_sheets), (w["allow_incomplete"], w["yes" if rules.allow_incomplete else "no"])]
    rows += [(), Bold((w["sec_ties"],))]
    rows += [(i, b.tie_break(name)) for i, name in enumerate(rules.tie_breaks, 1)] or [(w["none"],)]
    rows += [(), Bold((w["sec_tiers"],)), Bold((w["code"], w["award"], w["ranks"] + " / " + w["band"], w["category"]))]
    rows += [(t.code, b.tier[t.code], f"{t.rank_from}–{t.rank_to}" if t.kind.value == "rank" else _band(t, w),
              b.cat.get(t.category, t.category) if t.category else w["all_categories"]) for t in setup.award_tiers]
    rows += [(), Bold((w["sec_decisions"],)),
             Bold((w["decided_at"], w["kind"], w["decided_by_col"], w["outcome"], w["reason"]))]
    rows += [(b.when(x.decided_at), w.get(x.kind, x.kind), x.decided_by, x.outcome, x.reason)
             for x in d.decisions] or [(w["none"],)]
    rows += [(), Bold((w["sec_snapshot"],))]
    snap = d.snapshot
    rows += [(w["digest"], snap.digest), (w["created"], f"{b.when(snap.created_at)} · {snap.created_by}"),
             (w["method"], w.get(snap.method, snap.method)), (w["matches"], w["yes" if snap.matches else "no"])
             ] if snap else [(w["not_finalized"],)]
    rows += [(), Bold((w["sec_rounding"],)), (w["rounding"],), (w["exact_note"],), (), Bold((w["sec_notes"],))]
    rows += [(w["note_" + code].format(n=n) if "note_" + code in w else message,)
             for code, message, n in d.notes] or [(w["none"],)]
    cols = [xml.Column("", 34, align="left"), xml.Column("", 60, align="left")]
    cols += [xml.Column("", 16, align="left")] * 4
    return b.sheet(w["sheet_rules"], w["title_rules"], cols, lambda: iter(rows), len(rows), table=False)


def write_results_workbook(path: Path | str, data: ResultsWorkbookData, lang: str = "id",
                           progress: Progress | None = None) -> Path:
    """Write the workbook to `path` (replaced only once complete); returns the path."""
    from openpyxl import Workbook

    path = Path(path)
    w = words(lang)
    b = sheets_.Book(data, w, lang)
    by_entry, by_judge = sheets_.sheet_index(b)
    specs = [sheets_.winners(b), *sheets_.rankings(b), sheets_.charts(b), sheets_.recap(b, by_entry),
             *sheets_.fairness(b), rules_sheet(b), *sheets_.judges(b, by_judge)]
    total = sum(s.count for s in specs) or 1
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(done, total), total)

    if progress is not None:
        progress(0, total)
    wb = Workbook(write_only=True)
    sheets = []
    for spec in specs:
        ws = wb.create_sheet(spec.name)
        xml.configure(ws, spec, w["footer"])
        sheets.append(ws)
    styles = xml.Styles(sheets[0], [c for spec in specs for c in spec.columns])
    package = io.BytesIO()
    wb.save(package)
    bodies = {
        ws.path.lstrip("/"): (lambda spec=spec: xml.rows_xml(spec, styles, advance))
        for ws, spec in zip(sheets, specs, strict=True)
    }
    try:
        with xml.atomic_target(path) as tmp:
            xml.assemble(package.getvalue(), tmp, bodies)
    finally:
        xml.text_xml.cache_clear()
    return path
