"""What waits for a person: competitions' units that only look like a register unit (or
are like none), and entries that may continue an earlier innovation. Each is confirmed,
rejected, linked to another choice, or made new here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.programme import InnovationRelation
from judging_app.services import programme_matches, registry
from judging_app.ui.i18n import fill
from judging_app.ui.programme.base import ProgrammeTab, button_row, records_table
from judging_app.ui.programme.dialogs import Field
from judging_app.ui.programme.models import Col, RecordsModel


class MatchesTab(ProgrammeTab):
    key = "matches"

    def __init__(self, ctx, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(ctx, dialogs, parent)
        self.units = RecordsModel([
            Col(lambda: self.tr("Competition"), lambda m: m.competition),
            Col(lambda: self.tr("Unit in the competition"), lambda m: f"{m.unit_name} "
                f"({m.unit_code})"),
            Col(lambda: self.tr("Proposed register unit"), lambda m: (
                f"{m.registry_name} ({m.registry_code})" if m.registry_code
                else self.tr("none similar"))),
        ], parent=self)
        self.entries = RecordsModel([
            Col(lambda: self.tr("Competition"), lambda m: m.competition),
            Col(lambda: self.tr("Entry"), lambda m: f"{m.entry_code} {m.title}"),
            Col(lambda: self.tr("May continue"), lambda m: (
                f"{m.innovation_code} {m.innovation_title} ({m.first_year})")),
        ], parent=self)
        self.unit_table = records_table(self.units, "unitMatches")
        self.entry_table = records_table(self.entries, "entryMatches")
        self.unit_label, self.entry_label = QLabel(), QLabel()
        unit_row, unit_buttons = button_row(
            (("unit_confirm", self.confirm_unit), ("unit_choose", self.choose_unit),
             ("unit_register", self.register_unit), ("unit_reject", self.reject_unit)), "match")
        entry_row, entry_buttons = button_row(
            (("entry_continues", lambda: self.confirm_entry(InnovationRelation.CONTINUES)),
             ("entry_develops", lambda: self.confirm_entry(InnovationRelation.DEVELOPS)),
             ("entry_new", self.new_innovation)), "match")
        self.buttons = {**unit_buttons, **entry_buttons}
        unit_row.addStretch(1)
        entry_row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.unit_label, unit_row, self.unit_table, self.entry_label, entry_row,
                       self.entry_table):
            if isinstance(widget, QHBoxLayout):
                layout.addLayout(widget)
            else:
                layout.addWidget(widget)

    def retranslate(self) -> None:
        self.unit_label.setText(self.tr("Units of competitions not surely in the register"))
        self.entry_label.setText(self.tr("Entries that may continue an earlier innovation"))
        texts = {"unit_confirm": self.tr("&Confirm the proposal"),
                 "unit_choose": self.tr("Link to &another unit…"),
                 "unit_register": self.tr("&Add to the register"),
                 "unit_reject": self.tr("Re&ject the proposal"),
                 "entry_continues": self.tr("Con&tinues it"),
                 "entry_develops": self.tr("&Develops it"),
                 "entry_new": self.tr("A &new innovation")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.units.retranslate()
        self.entries.retranslate()

    def refresh(self) -> None:
        found = programme_matches.pending(self.ctx.db)
        self.units.set_records(found.units)
        self.entries.set_records(found.entries)

    def _chosen(self, table: QTableView, model: RecordsModel):
        rows = table.selectionModel().selectedRows()
        return model.record_at(rows[0].row()) if rows else None

    def confirm_unit(self) -> None:
        m = self._chosen(self.unit_table, self.units)
        if m is not None:
            self.run_write(lambda ws: programme_matches.confirm_unit(ws, m.competition,
                                                                     m.unit_code),
                           self.tr("Cannot confirm the match"))

    def choose_unit(self) -> None:
        m = self._chosen(self.unit_table, self.units)
        if m is None:
            return
        choices = [(u.code, f"{u.name} ({u.code})")
                   for u in registry.list_registry_units(self.ctx.db)]
        answers = self.dialogs.ask_form(self, fill(self.tr("Link %1 to"), m.unit_name), [
            Field("unit", self.tr("Register unit"), "choice", choices, m.registry_code)])
        if answers:
            self.run_write(lambda ws: programme_matches.confirm_unit(
                ws, m.competition, m.unit_code, answers["unit"]), self.tr("Cannot link the unit"))

    def register_unit(self) -> None:
        m = self._chosen(self.unit_table, self.units)
        if m is not None:
            self.run_write(lambda ws: programme_matches.register_unit(ws, m.competition,
                                                                      m.unit_code),
                           self.tr("Cannot add the unit to the register"))

    def reject_unit(self) -> None:
        m = self._chosen(self.unit_table, self.units)
        if m is not None and m.registry_code:
            self.run_write(lambda ws: programme_matches.reject_unit(ws, m.competition,
                                                                    m.unit_code),
                           self.tr("Cannot reject the match"))

    def confirm_entry(self, relation: InnovationRelation) -> None:
        m = self._chosen(self.entry_table, self.entries)
        if m is not None:
            self.run_write(lambda ws: programme_matches.confirm_entry(
                ws, m.competition, m.entry_code, relation=relation),
                self.tr("Cannot confirm the match"))

    def new_innovation(self) -> None:
        m = self._chosen(self.entry_table, self.entries)
        if m is not None:
            self.run_write(lambda ws: programme_matches.new_innovation_for_entry(
                ws, m.competition, m.entry_code), self.tr("Cannot make a new innovation"))
