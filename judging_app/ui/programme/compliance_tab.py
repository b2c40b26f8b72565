"""Compliance of a programme year: every unit of the register with its innovations
registered, entered, eligible and awarded; the units without any first, painted. Exports
to Excel and to a PDF list for a letter. Double-clicking a unit opens its history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.services.compliance import ComplianceReport, compliance, programme_years
from judging_app.ui.i18n import fill
from judging_app.ui.programme.base import ProgrammeTab, records_table
from judging_app.ui.programme.models import RIGHT, Col, RecordsModel


class ComplianceTab(ProgrammeTab):
    key = "compliance"
    unit_chosen = Signal(str)  # a unit's register code (to show its history)

    def __init__(self, ctx, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(ctx, dialogs, parent)
        self.report: ComplianceReport | None = None
        self.year_label = QLabel()
        self.year_box = QComboBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.currentIndexChanged.connect(lambda _i: self.load())
        self.excel_button = QPushButton()
        self.excel_button.setObjectName("exportExcel")
        self.excel_button.clicked.connect(lambda: self.export(".xlsx"))
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("exportPdf")
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_box)
        top.addStretch(1)
        top.addWidget(self.excel_button)
        top.addWidget(self.pdf_button)
        self.summary = QLabel()
        self.summary.setObjectName("complianceSummary")
        self.summary.setWordWrap(True)
        self.model = RecordsModel([
            Col(lambda: self.tr("Code"), lambda r: r.code),
            Col(lambda: self.tr("Government unit"), lambda r: r.name),
            Col(lambda: self.tr("Type"), lambda r: r.kind),
            Col(lambda: self.tr("Registered"), lambda r: r.registered, RIGHT),
            Col(lambda: self.tr("Entered"), lambda r: r.entered, RIGHT),
            Col(lambda: self.tr("Eligible"), lambda r: r.eligible, RIGHT),
            Col(lambda: self.tr("Awarded"), lambda r: r.awarded, RIGHT),
            Col(lambda: self.tr("Remarks"), self._remarks),
        ], marked=lambda r: not r.compliant, parent=self)
        self.table = records_table(self.model, "complianceTable", sortable=True)
        self.table.doubleClicked.connect(self._open_history)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Programme year:"))
        self.excel_button.setText(self.tr("Export to &Excel…"))
        self.pdf_button.setText(self.tr("Export &PDF for a letter…"))
        self.model.retranslate()
        self._show_summary()

    def _remarks(self, row) -> str:
        parts = list(row.awards) if row.compliant else [self.tr("no innovation this year")]
        if row.absorbed:
            parts.append(fill(self.tr("including %1 (merged)"), ", ".join(row.absorbed)))
        return "; ".join(parts)

    def refresh(self) -> None:
        current = self.year_box.currentData()
        years = programme_years(self.ctx.db)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(str(year), year)
        if current in years:
            self.year_box.setCurrentIndex(years.index(current))
        self.year_box.blockSignals(False)
        self.load()

    def load(self) -> None:
        year = self.year_box.currentData()
        self.report = compliance(self.ctx.db, year) if year is not None else None
        self.model.set_records(self.report.compliance.rows if self.report else [])
        self._show_summary()

    def _show_summary(self) -> None:
        if self.report is None:
            self.summary.setText(self.tr("No programme year yet: add competitions or import "
                                         "the register of units."))
            return
        c = self.report.compliance
        t = c.totals
        lines = [fill(self.tr("%1 government units: %2 with an innovation this year, %3 "
                              "without (painted, listed first)."), t.units, t.compliant,
                      t.units - t.compliant)]
        counted = ", ".join(x.name for x in self.report.competitions)
        lines.append(fill(self.tr("Competitions counted: %1"), counted) if counted
                     else self.tr("No city competition this year."))
        if any(not x.finalized for x in self.report.competitions):
            lines.append(self.tr("Results not finalized yet: awards are not counted."))
        if c.entries_outside:
            lines.append(fill(self.tr("Entries from units not linked to the register: %1 "
                                      "(see Matches to confirm)."), c.entries_outside))
        self.summary.setText("\n".join(lines))

    def selected_unit(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record.code if record else None

    def _open_history(self, index) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.unit_chosen.emit(record.code)

    def export(self, suffix: str) -> None:
        if self.report is None:
            return
        year = self.report.year
        pdf = suffix == ".pdf"
        name = f"kepatuhan-inovasi-{year}{suffix}"
        chosen = self.dialogs.save_file(
            self, self.tr("Save the compliance list") if pdf else self.tr("Save the compliance "
                                                                          "workbook"),
            str(Path(self.start_dir()) / name),
            self.tr("PDF documents (*.pdf)") if pdf else self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.remember_dir(target.parent)
        from judging_app.services.programme_documents import export_compliance

        report, lang, db = self.report, self.ctx.language(), self.ctx.db
        self.run_in_background(lambda _p: export_compliance(db, year, target, lang, report),
                               self.tr("Writing the compliance list…"),
                               lambda path: self.dialogs.inform(
                                   self, self.tr("Compliance"), fill(self.tr("Saved: %1"), path)),
                               self.tr("Cannot write the compliance list"))
