"""The register of government units: the city's list imported from a spreadsheet, units
added, renamed from a date, merged into a successor or ended."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from judging_app.services import registry
from judging_app.ui.i18n import fill
from judging_app.ui.programme.base import ProgrammeTab, button_row, records_table
from judging_app.ui.programme.dialogs import Field
from judging_app.ui.programme.models import Col, RecordsModel


class RegisterTab(ProgrammeTab):
    key = "register"

    def __init__(self, ctx, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(ctx, dialogs, parent)
        self.model = RecordsModel([
            Col(lambda: self.tr("Code"), lambda u: u.code),
            Col(lambda: self.tr("Name"), lambda u: u.name),
            Col(lambda: self.tr("Type"), lambda u: u.kind),
            Col(lambda: self.tr("Earlier names"), lambda u: "; ".join(
                n for _, n in u.names[:-1])),
            Col(lambda: self.tr("End"), self._end),
        ], marked=lambda u: u.ended_on is not None, parent=self)
        self.table = records_table(self.model, "registerTable", sortable=True)
        row, self.buttons = button_row(
            (("import", self.import_list), ("add", self.add_unit), ("rename", self.rename_unit),
             ("merge", self.merge_unit), ("end", self.end_unit),
             ("copy", self.copy_into_competition)), "register")
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        texts = {"import": self.tr("&Import the city's list…"), "add": self.tr("&Add a unit…"),
                 "rename": self.tr("&Rename…"), "merge": self.tr("&Merge into…"),
                 "end": self.tr("E&nd…"),
                 "copy": self.tr("&Give a competition these units…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.model.retranslate()

    def _end(self, u) -> str:
        if u.ended_on is None:
            return ""
        if u.successor_code:
            return fill(self.tr("merged into %1 on %2"), u.successor_code, u.ended_on.isoformat())
        return fill(self.tr("ended on %1"), u.ended_on.isoformat())

    def refresh(self) -> None:
        self.model.set_records(registry.list_registry_units(self.ctx.db))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def import_list(self) -> None:
        chosen = self.dialogs.open_file(self, self.tr("The city's list of government units"),
                                        self.start_dir(),
                                        self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if not chosen:
            return
        self.remember_dir(Path(chosen).parent)
        answers = self.dialogs.ask_form(self, self.tr("Import the list"), [
            Field("on", self.tr("New names take effect on"), "date")])
        if answers is None:
            return
        from judging_app.services.registry_import import import_unit_list

        plan = self.run_write(lambda ws: import_unit_list(ws, Path(chosen), None, answers["on"]),
                              self.tr("Cannot import the list"))
        if plan is not None:
            self.dialogs.inform(self, self.tr("Register"), fill(
                self.tr("%1 units added, %2 renamed, %3 unchanged."), len(plan.added),
                len(plan.renamed), plan.unchanged))

    def add_unit(self) -> None:
        answers = self.dialogs.ask_form(self, self.tr("Add a unit to the register"), [
            Field("code", self.tr("Code")), Field("name", self.tr("Name")),
            Field("kind", self.tr("Type (dinas, badan, kecamatan, …)"))])
        if answers:
            self.run_write(lambda ws: registry.add_registry_unit(
                    ws, answers["code"], answers["name"], answers["kind"]),
                    self.tr("Cannot add the unit"))

    def rename_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        answers = self.dialogs.ask_form(self, fill(self.tr("Rename %1"), unit.code), [
            Field("name", self.tr("New name"), initial=unit.name),
            Field("on", self.tr("From"), "date")])
        if answers:
            self.run_write(lambda ws: registry.rename_registry_unit(
                    ws, unit.code, answers["name"], answers["on"]), self.tr("Cannot rename the unit"))

    def merge_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        others = [(u.code, f"{u.name} ({u.code})") for u in self.model.records()
                  if u.code != unit.code and u.ended_on is None]
        answers = self.dialogs.ask_form(self, fill(self.tr("Merge %1 into another unit"),
                                                   unit.code), [
            Field("into", self.tr("Merged into"), "choice", others),
            Field("on", self.tr("On"), "date")])
        if answers:
            self.run_write(lambda ws: registry.merge_registry_unit(
                    ws, unit.code, answers["into"], answers["on"]), self.tr("Cannot merge the unit"))

    def end_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        answers = self.dialogs.ask_form(self, fill(self.tr("End %1 (dissolved)"), unit.code), [
            Field("on", self.tr("On"), "date")])
        if answers:
            self.run_write(lambda ws: registry.end_registry_unit(
                    ws, unit.code, answers["on"]), self.tr("Cannot end the unit"))

    def copy_into_competition(self) -> None:
        from judging_app.services import competitions, programme_matches

        choices = [(c.code, f"{c.name} ({c.code})")
                   for c in competitions.list_competitions(self.ctx.db) if c.status != "finalized"]
        answers = self.dialogs.ask_form(self, self.tr("Give a competition the register's units"), [
            Field("competition", self.tr("Competition"), "choice", choices)])
        if not answers or answers["competition"] is None:
            return
        added = self.run_write(lambda ws: programme_matches.add_register_units(
            ws, answers["competition"]), self.tr("Cannot add the units"))
        if added is not None:
            self.dialogs.inform(self, self.tr("Register"), fill(
                self.tr("%1 units added to %2, linked to the register."), added,
                answers["competition"]))
