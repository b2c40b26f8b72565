"""The compliance of a programme year as an Excel workbook and as a PDF list ready to attach
to a letter (lampiran surat): the units without an innovation first, then every unit with
its innovations registered, entered, eligible and awarded. PDFs use the project's page
layout (exchange/pdf_layout.py): plain text, never HTML, so unit names need no escaping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from judging_app.core.compliance import Compliance, ComplianceRow
from judging_app.exchange import pdf_text
from judging_app.exchange.programme_sheets import Col, SheetData, write_workbook
from judging_app.exchange.programme_words import w


@dataclass(frozen=True)
class ComplianceDocument:
    compliance: Compliance
    competitions: Sequence[tuple[str, str, bool]]  # (code, name, finalized)
    innovations: dict[int, tuple[str, str]]  # id → (code, title)
    place: str = ""  # the city, for the dateline
    on: date | None = None  # the date of the letter (default: today)


def notes(doc: ComplianceDocument, lang: str) -> list[str]:
    c = doc.compliance
    t = c.totals
    out = [w(lang, "summary", units=t.units, compliant=t.compliant,
             missing=t.units - t.compliant, year=c.year)]
    names = [name for _, name, _ in doc.competitions]
    out.append(w(lang, "counted", competitions=", ".join(names)) if names
               else w(lang, "counted_none", year=c.year))
    open_ = [name for _, name, final in doc.competitions if not final]
    if open_:
        out.append(w(lang, "not_final", competitions=", ".join(open_)))
    if c.entries_outside:
        out.append(w(lang, "outside", count=c.entries_outside))
    out.append(w(lang, "explain"))
    return out


def remarks(row: ComplianceRow, lang: str) -> str:
    parts = [] if row.compliant else [w(lang, "remark_none")]
    if row.absorbed:
        parts.append(w(lang, "remark_absorbed", units=", ".join(row.absorbed)))
    return "; ".join(parts)


def _innovations(doc: ComplianceDocument, row: ComplianceRow) -> str:
    return "\n".join(f"{code} {title}" for code, title in
                     (doc.innovations[i] for i in row.innovations if i in doc.innovations))


def write_compliance_workbook(path: Path | str, doc: ComplianceDocument, lang: str = "id") -> Path:
    c = doc.compliance
    cols = [Col(w(lang, "col_no"), 6), Col(w(lang, "col_code"), 14),
            Col(w(lang, "col_unit"), 42, True), Col(w(lang, "col_kind"), 12),
            Col(w(lang, "col_registered"), 12), Col(w(lang, "col_entered"), 12),
            Col(w(lang, "col_eligible"), 12), Col(w(lang, "col_awarded"), 12),
            Col(w(lang, "col_awards"), 18, True), Col(w(lang, "col_innovations"), 60, True),
            Col(w(lang, "col_remarks"), 30, True)]
    rows = [(i, r.code, r.name, r.kind, r.registered, r.entered, r.eligible, r.awarded,
             ", ".join(r.awards), _innovations(doc, r), remarks(r, lang))
            for i, r in enumerate(c.rows, 1)]
    t = c.totals
    rows.append(("", "", w(lang, "total"), "", t.registered, t.entered, t.eligible, t.awarded,
                 "", "", ""))
    missing = {i for i, r in enumerate(c.rows) if not r.compliant}
    sheet = SheetData(w(lang, "compliance_sheet", year=c.year), cols, rows,
                      [w(lang, "compliance_title") + " — " + w(lang, "compliance_about",
                                                               year=c.year), *notes(doc, lang)],
                      missing)
    return write_workbook(path, [sheet], w(lang, "compliance_title"))


def write_compliance_pdf(path: Path | str, doc: ComplianceDocument, lang: str = "id") -> int:
    """Returns the number of pages."""
    from judging_app.exchange.pdf_layout import (
        CENTER,
        RIGHT,
        Column,
        Keep,
        PageSetup,
        Paragraph,
        Table,
        render,
    )

    lang = pdf_text.lang_of(lang)
    c = doc.compliance
    blank = pdf_text.t(lang, "blank")
    about = w(lang, "compliance_about", year=c.year)
    annex = [(w(lang, "letter_no"), ":", blank), (w(lang, "letter_date"), ":", blank),
             (w(lang, "letter_about"), ":", about)]
    flow: list = [  # the annex block as the winners list writes it (exchange/pdf_documents.py)
        Paragraph(w(lang, "annex"), size=9.5, width=0.55, after=0.5),
        Paragraph(w(lang, "letter", blank=blank), size=9.5, width=0.55, after=0.5),
        Keep([Table([Column("", 45), Column("", 12), Column("", 2), Column("", 41)],
                    [("", *row) for row in annex], size=9.5, plain=True)]),
        Paragraph(w(lang, "compliance_title"), size=14, bold=True, align=CENTER, before=4,
                  after=1),
        Paragraph(about, size=11.5, bold=True, align=CENTER, after=6),
    ]
    flow += [Paragraph(line, size=9.5, after=1.5) for line in notes(doc, lang)]
    missing = [r for r in c.rows if not r.compliant]
    short = [Column(w(lang, "col_no"), 6, CENTER), Column(w(lang, "col_code"), 16),
             Column(w(lang, "col_unit"), 58), Column(w(lang, "col_kind"), 20)]
    flow.append(Paragraph(w(lang, "missing_heading"), size=11, bold=True, before=3, after=2,
                          keep=30))
    if missing:
        flow.append(Table(short, [(str(i), r.code, r.name, r.kind)
                                  for i, r in enumerate(missing, 1)],
                          caption=f"{w(lang, 'missing_heading')} {pdf_text.t(lang, 'continued')}"))
    else:
        flow.append(Paragraph(pdf_text.t(lang, "none"), italic=True))
    cols = [Column(w(lang, "col_no"), 5, CENTER), Column(w(lang, "col_unit"), 31),
            *(Column(w(lang, k), 13, RIGHT)
              for k in ("col_registered", "col_entered", "col_eligible", "col_awarded")),
            Column(w(lang, "col_remarks"), 14)]
    ordered = sorted(c.rows, key=lambda r: r.code)
    rows = [(str(i), f"{r.name} ({r.code})", str(r.registered), str(r.entered), str(r.eligible),
             str(r.awarded), remarks(r, lang)) for i, r in enumerate(ordered, 1)]
    t = c.totals
    rows.append(("", w(lang, "total"), str(t.registered), str(t.entered), str(t.eligible),
                 str(t.awarded), ""))
    flow.append(Paragraph(w(lang, "all_heading"), size=11, bold=True, before=5, after=2, keep=30))
    flow.append(Table(cols, rows, size=8.5,
                      caption=f"{w(lang, 'all_heading')} {pdf_text.t(lang, 'continued')}"))
    on = doc.on or date.today()
    flow.append(Keep([
        Paragraph(w(lang, "dateline", place=doc.place or blank,
                    date=pdf_text.date_text(lang, on)), width=0.45, before=8, align=CENTER),
        Paragraph(w(lang, "signer") + ",", width=0.45, after=22, align=CENTER),
        Paragraph(blank, width=0.45, align=CENTER)]))
    title = w(lang, "compliance_title")
    setup = PageSetup(title=f"{title} {c.year}", header_left=w(lang, "compliance_about",
                                                                  year=c.year),
                      header_right=title)
    return render(Path(path), flow, setup,
                  lambda n, total: pdf_text.t(lang, "page", page=n, pages=total))
