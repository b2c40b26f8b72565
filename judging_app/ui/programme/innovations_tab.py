"""Innovations across years and their monitoring: record an innovation's status in a later
year (continued or stopped, the units that replicated it), register an innovation a unit
reported without entering, and publish the public catalogue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.programme import InnovationState
from judging_app.services import innovations, registry
from judging_app.ui.i18n import fill
from judging_app.ui.programme.base import ProgrammeTab, button_row, records_table
from judging_app.ui.programme.dialogs import Field
from judging_app.ui.programme.models import RIGHT, Col, RecordsModel, state_label


class InnovationsTab(ProgrammeTab):
    key = "innovations"

    def __init__(self, ctx, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(ctx, dialogs, parent)
        self.model = RecordsModel([
            Col(lambda: self.tr("Code"), lambda i: i.code),
            Col(lambda: self.tr("Innovation"), lambda i: i.title),
            Col(lambda: self.tr("Government unit"), lambda i: i.unit_name),
            Col(lambda: self.tr("First year"), lambda i: i.first_year, RIGHT),
            Col(lambda: self.tr("Years entered"), lambda i: ", ".join(map(str, i.years))),
            Col(lambda: self.tr("Latest status"), lambda i: (
                f"{state_label(i.latest_state)} ({i.latest_state_year})" if i.latest_state
                else "")),
        ], parent=self)
        self.proxy = QSortFilterProxyModel(self)  # filtering only; sorting stays in the model
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setObjectName("innovationSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = records_table(self.proxy, "innovationsTable")
        buttons, self.buttons = button_row(
            (("status", self.record_status), ("add", self.add_innovation),
             ("catalogue", self.publish)), "innovations")
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search innovations, units, codes…"))
        texts = {"status": self.tr("Record &status…"), "add": self.tr("&Register an innovation…"),
                 "catalogue": self.tr("Publish the &catalogue…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.model.retranslate()

    def refresh(self) -> None:
        self.model.set_records(innovations.list_innovations(self.ctx.db))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record_at(self.proxy.mapToSource(rows[0]).row())

    def _units(self, without: str | None = None) -> list[tuple[str, str]]:
        return [(u.code, f"{u.name} ({u.code})") for u in registry.list_registry_units(self.ctx.db)
                if u.code != without and u.ended_on is None]

    def record_status(self) -> None:
        inno = self.selected()
        if inno is None:
            return
        answers = self.dialogs.ask_form(self, fill(self.tr("Status of %1"), inno.code), [
            Field("year", self.tr("Year"), "year", initial=max(inno.first_year + 1,
                                                               date.today().year)),
            Field("state", self.tr("Status"), "choice", [
                (InnovationState.CONTINUED, state_label(InnovationState.CONTINUED)),
                (InnovationState.STOPPED, state_label(InnovationState.STOPPED))]),
            Field("replicated", self.tr("Replicated that year by"), "multi",
                  self._units(inno.unit_code)),
            Field("note", self.tr("Note"), "note")])
        if answers:
            self.run_write(lambda ws: innovations.record_status(
                    ws, inno.code, answers["year"], answers["state"], answers["replicated"],
                    answers["note"]), self.tr("Cannot record the status"))

    def add_innovation(self) -> None:
        answers = self.dialogs.ask_form(self, self.tr("Register an innovation"), [
            Field("unit", self.tr("Government unit"), "choice", self._units()),
            Field("title", self.tr("Title")), Field("year", self.tr("Year"), "year"),
            Field("summary", self.tr("Summary"), "note")])
        if answers:
            self.run_write(lambda ws: innovations.add_innovation(
                    ws, answers["unit"], answers["title"], answers["year"], answers["summary"]),
                    self.tr("Cannot register the innovation"))

    def publish(self) -> None:
        years = sorted({y for i in self.model.records() for y in (i.first_year, *i.years)},
                       reverse=True)
        answers = self.dialogs.ask_form(self, self.tr("Publish the catalogue"), [
            Field("year", self.tr("Innovations of"), "choice",
                  [(None, self.tr("every year"))] + [(y, str(y)) for y in years]),
            Field("contacts", self.tr("Include innovators and contacts (personal data)"),
                  "check")])
        if answers is None:
            return
        folder = self.dialogs.choose_folder(self, self.tr("Folder for the catalogue (empty, or "
                                                          "an earlier catalogue)"),
                                            self.start_dir())
        if not folder:
            return
        self.remember_dir(Path(folder).parent)
        from judging_app.services.catalogue import write_catalogue

        db, lang = self.ctx.db, self.ctx.language()
        self.run_in_background(
            lambda p: write_catalogue(db, Path(folder), answers["year"], answers["contacts"],
                                      lang, p),
            self.tr("Writing the catalogue…"),
            lambda report: self.dialogs.inform(self, self.tr("Catalogue"), fill(
                self.tr("%1 innovations published in %2. Open index.html in a browser."),
                report.innovations, folder)),
            self.tr("Cannot write the catalogue"))
