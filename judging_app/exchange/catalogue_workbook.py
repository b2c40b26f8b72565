"""The public catalogue as one Excel sheet: an innovation per row, every text as text."""

from __future__ import annotations

from pathlib import Path

from judging_app.exchange.catalogue_data import Catalogue
from judging_app.exchange.pdf_text import date_text
from judging_app.exchange.programme_sheets import Col, SheetData, write_workbook
from judging_app.exchange.programme_words import label, w


def write_catalogue_workbook(path: Path | str, cat: Catalogue, lang: str = "id") -> Path:
    cols = [Col(w(lang, "col_code"), 16), Col(w(lang, "col_title"), 44, True),
            Col(w(lang, "col_unit"), 34, True), Col(w(lang, "col_first_year"), 10),
            Col(w(lang, "col_years"), 16), Col(w(lang, "col_category"), 22, True),
            Col(w(lang, "col_awards"), 34, True), Col(w(lang, "col_stage"), 12),
            Col(w(lang, "col_type"), 12), Col(w(lang, "col_state"), 14),
            Col(w(lang, "col_summary"), 70, True), Col(w(lang, "col_links"), 40, True)]
    if cat.include_contacts:
        cols += [Col(w(lang, "col_innovators"), 30, True), Col(w(lang, "col_contact"), 26, True)]
    rows = []
    for i in cat.items:
        state = f"{label(lang, 'state', i.state)} ({i.state_year})" if i.state else ""
        row = [i.code, i.title, i.unit_name, i.first_year, ", ".join(map(str, i.years)),
               ", ".join(i.categories), "\n".join(i.awards), label(lang, "stage", i.stage),
               label(lang, "type", i.innovation_type), state, i.summary, "\n".join(i.links)]
        if cat.include_contacts:
            row += [i.innovators, i.contact]
        rows.append(row)
    title = w(lang, "catalogue_title")
    notes = [title + (f" — {cat.year}" if cat.year else ""),
             w(lang, "generated", date=date_text(lang, cat.made_on))]
    return write_workbook(path, [SheetData(w(lang, "catalogue_sheet"), cols, rows, notes)], title)
