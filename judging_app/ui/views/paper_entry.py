"""Paper sheets: the secretariat types a judge's paper score sheet, and a second person types
it again to confirm it (services/paper_sheets.py). Opened from the Progress view.

While a sheet is typed the second time the first entry's values are never shown; only when
a confirmation finds differences does the dialog list the differing fields (field, first
entry, second entry), so the confirmer can check the paper and retry, or discard the first
entry. Who is working comes from the view context (the actor): the first typist cannot
confirm and may only replace their own first entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.setup import CriterionSpec, LevelDescriptor
from judging_app.services import paper_sheets
from judging_app.services.errors import ServiceError
from judging_app.services.paper_sheets import (
    COMMENT,
    OK,
    SCORE,
    FieldMismatch,
    PaperChoice,
    same_person,
    typed_value_state,
)
from judging_app.ui.actor import change_actor
from judging_app.ui.i18n import ENGLISH, fill, first_line, message_text
from judging_app.ui.views.base import ViewContext
from judging_app.ui.views.paper_entry_parts import (
    CriterionRow,
    MismatchModel,
    PaperDialogs,
    ScaleValidator,
)
from judging_app.ui.views.results_models import localized_number, table

FIRST, SECOND, OWN, NONE = "first", "second", "own", "none"  # what typing now means
BANNER_COLOURS = {FIRST: "#e3f0fb", SECOND: "#fff1b8", OWN: "#ffe4c4", NONE: "#eeeeee"}
BAD_FIELD = "QLineEdit { background: #ffc9c0; color: #1d1d1d; }"


def _label(name: str = "", style: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(style)
    label.setWordWrap(wrap)
    return label


def _button(name: str, slot, default: bool = False) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setAutoDefault(default)
    button.setDefault(default)
    button.clicked.connect(slot)
    return button


class PaperEntryDialog(QDialog):
    """Type a paper score sheet (first entry) or type it again (confirmation)."""

    changed = Signal()  # after any write

    def __init__(self, ctx: ViewContext, round_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperEntryDialog")
        self.ctx, self.round_code, self.mode = ctx, round_code, NONE
        self.dialogs = PaperDialogs(self)
        self.data = paper_sheets.paper_round(ctx.db, ctx.competition, round_code)
        self.heading = _label("heading", "font-weight: bold; font-size: 115%;", wrap=False)
        self.working = _label("working", wrap=False)
        self.actor_button = _button("changeActor", self.change_who_is_working)
        self.judge, self.entry = QComboBox(), QComboBox()
        self.judge_label, self.entry_label = _label(wrap=False), _label(wrap=False)
        for combo, label, name in ((self.judge, self.judge_label, "judge"),
                                   (self.entry, self.entry_label, "entry")):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            label.setBuddy(combo)
        self.banner = _label("banner")
        self.grid = QGridLayout()
        self.columns = [_label(style="font-weight: bold;", wrap=False) for _ in range(4)]
        for i, label in enumerate(self.columns):
            self.grid.addWidget(label, 0, i)
        self.rows = [self._criterion_row(c, i + 1) for i, c in enumerate(self.data.criteria)]
        self.grid.setColumnStretch(0, 5)
        self.grid.setColumnStretch(3, 4)
        self.overall_label, self.overall = _label(wrap=False), QPlainTextEdit()
        self.overall.setObjectName("overall")
        self.overall.setTabChangesFocus(True)
        self.overall.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.overall_label.setBuddy(self.overall)
        self.grid.addWidget(self.overall_label, len(self.rows) + 1, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.overall, len(self.rows) + 1, 1, 1, 3)
        sheet = QWidget()
        QVBoxLayout(sheet).addLayout(self.grid)
        sheet.layout().addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(sheet)
        self.problem = _label("problem", "color: #a4262c;")
        self.status = _label("status", "color: #0b6a0b;")
        self.mismatches = MismatchModel(self)
        self.mismatches.order = {c.code: i for i, c in enumerate(self.data.criteria)}
        self.mismatch_table = table(self.mismatches, "mismatchTable",
                                    {MismatchModel.FIELD: 320, MismatchModel.FIRST: 300},
                                    stretch=MismatchModel.SECOND)
        self.mismatch_table.setSortingEnabled(False)  # rubric order, set by _show_mismatches
        self.mismatch_text = _label()
        self.mismatch_box = QGroupBox()
        box = QVBoxLayout(self.mismatch_box)
        box.addWidget(self.mismatch_text)
        box.addWidget(self.mismatch_table)
        self.discard_button = _button("discard", self.discard)
        self.save_button = _button("save", self.save, default=True)
        self.close_button = _button("close", self.reject)
        self._layout()
        self._fill_judges()
        self.judge.currentIndexChanged.connect(lambda _i: self._fill_entries())
        self.entry.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self._fill_entries()
        self.resize(1040, 700)

    def _criterion_row(self, spec: CriterionSpec, line: int) -> CriterionRow:
        row = CriterionRow(spec, _label(), _label(style="color: #555555;"), _label(wrap=False),
                           QLineEdit(), QLineEdit())
        row.value.setObjectName(f"value_{spec.code}")
        row.comment.setObjectName(f"comment_{spec.code}")
        row.value.setValidator(ScaleValidator(spec, row.value))
        row.value.setFixedWidth(self.fontMetrics().horizontalAdvance("0000,000") + 16)
        row.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        row.value.textChanged.connect(lambda _t, r=row: self._value_changed(r))
        row.comment.textChanged.connect(lambda _t, r=row: r.comment.setStyleSheet(""))
        row.name.setBuddy(row.value)
        cell = QVBoxLayout()
        cell.setSpacing(1)
        cell.addWidget(row.name)
        cell.addWidget(row.level)
        self.grid.addLayout(cell, line, 0)
        for column, widget in ((1, row.hint), (2, row.value), (3, row.comment)):
            self.grid.addWidget(widget, line, column, Qt.AlignmentFlag.AlignTop)
        return row

    def _layout(self) -> None:
        top, choose, buttons = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for widget, stretch in ((self.heading, 1), (self.working, 0), (self.actor_button, 0)):
            top.addWidget(widget, stretch)
        for widget, stretch in ((self.judge_label, 0), (self.judge, 2), (self.entry_label, 0),
                                (self.entry, 3)):
            choose.addWidget(widget, stretch)
        for widget, stretch in ((self.discard_button, 0), (self.status, 1),
                                (self.save_button, 0), (self.close_button, 0)):
            buttons.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choose)
        for widget, stretch in ((self.banner, 0), (self.scroll, 1), (self.problem, 0),
                                (self.mismatch_box, 0)):
            layout.addWidget(widget, stretch)
        layout.addLayout(buttons)
        chain = [self.judge, self.entry]
        for row in self.rows:
            chain += [row.value, row.comment]
        chain += [self.overall, self.save_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # -- choosing the sheet -----------------------------------------------------------------
    def _fill_judges(self) -> None:
        chosen = self.judge.currentData()
        self.judge.blockSignals(True)
        self.judge.clear()
        for c in self.data.choices:
            if self.judge.findData(c.judge_code) < 0:
                self.judge.addItem(f"{c.judge_code} — {c.judge_name}", c.judge_code)
        self.judge.setCurrentIndex(max(0, self.judge.findData(chosen)))
        self.judge.blockSignals(False)

    def _fill_entries(self, prefer: str | None = None, at: int = 0) -> None:
        judge = self.judge.currentData()
        self.entry.blockSignals(True)
        self.entry.clear()
        for c in self.data.choices:
            if c.judge_code == judge:
                self.entry.addItem(self._entry_text(c), c.entry_code)
        index = self.entry.findData(prefer) if prefer else -1
        self.entry.setCurrentIndex(index if index >= 0 else min(at, self.entry.count() - 1))
        self.entry.blockSignals(False)
        self._choice_changed()

    def _entry_text(self, c: PaperChoice) -> str:
        text = f"{c.entry_code} — {c.entry_title}"
        return fill(self.tr("%1 (awaiting confirmation)"), text) if c.pending else text

    def current_choice(self) -> PaperChoice | None:
        key = (self.judge.currentData(), self.entry.currentData())
        return next((c for c in self.data.choices if (c.judge_code, c.entry_code) == key), None)

    def select(self, judge_code: str, entry_code: str) -> None:
        self.judge.setCurrentIndex(self.judge.findData(judge_code))
        self.entry.setCurrentIndex(self.entry.findData(entry_code))

    def _choice_changed(self) -> None:
        for row in self.rows:
            row.value.clear()
            row.comment.clear()
        self.overall.clear()
        self._update_mode()

    def _update_mode(self) -> None:
        choice = self.current_choice()
        if choice is None:
            self.mode = NONE
        elif choice.pending is None:
            self.mode = FIRST
        else:
            who = self.ctx.actor(self)
            actor = getattr(who, "name", who)
            self.mode = OWN if actor and same_person(actor, choice.pending.typed_by) else SECOND
        for widget in [self.overall, self.save_button] + [w for r in self.rows
                                                          for w in (r.value, r.comment)]:
            widget.setEnabled(self.mode != NONE)
        self.discard_button.setVisible(self.mode in (SECOND, OWN))
        self.banner.setStyleSheet(f"background: {BANNER_COLOURS[self.mode]}; color: #1d1d1d; "
                                  "padding: 8px; border-radius: 3px;")
        self._say_problem("")
        self._show_mismatches(())

    # -- typing and saving ------------------------------------------------------------------
    def _value_changed(self, row: CriterionRow) -> None:
        row.value.setStyleSheet("")
        self._show_level(row)

    def _show_level(self, row: CriterionRow) -> None:
        text = row.value.text().strip().replace(",", ".")
        ok = typed_value_state(text, row.spec) == OK
        level = next((lv for lv in row.spec.levels if ok and lv.score == Decimal(text)), None)
        row.level.setText(self._level_text(level) if level else "")
        row.level.setVisible(level is not None)

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def typed(self) -> tuple[dict[str, str], dict[str, str], str]:
        return ({r.spec.code: r.value.text() for r in self.rows},
                {r.spec.code: r.comment.text() for r in self.rows if r.comment.text().strip()},
                self.overall.toPlainText())

    def save(self) -> None:
        choice = self.current_choice()
        self.status.clear()
        if choice is None or self.mode == NONE:
            return
        bad = [r for r in self.rows if not r.value.hasAcceptableInput()]
        for row in bad:
            row.value.setStyleSheet(BAD_FIELD)
        if bad:
            self._say_problem(fill(self.tr("%1: type a score on the scale (%2)."),
                                   self._name(bad[0].spec), bad[0].hint.text()))
            self._focus(bad[0].value)
            return
        self._say_problem("")
        ws = self.ctx.workspace(self)
        if ws is None:
            return
        values, comments, overall = self.typed()
        where = (self.ctx.competition, self.round_code, choice.judge_code, choice.entry_code)
        try:
            if self.mode == SECOND:
                result = paper_sheets.confirm(ws, *where, values, comments, overall)
            else:
                result = None
                paper_sheets.enter_first(ws, *where, values, comments, overall,
                                         replace=self.mode == OWN)
        except ServiceError as exc:
            self.ctx.dialogs.show_error(self, self.tr("The paper sheet was not saved"),
                                        first_line(exc), "", message_text(exc))
            return
        self.changed.emit()
        if result is not None and not result.confirmed:
            self._show_mismatches(result.mismatches)
            return
        pair = f"{choice.judge_code} / {choice.entry_code}"
        self._reload(advance=result is None)
        self.status.setText(fill(self.tr("Sheet %1 confirmed and submitted: it now counts."), pair)
                            if result is not None else
                            fill(self.tr("First entry of %1 saved; it counts once another "
                                         "person types it again."), pair))

    def _show_mismatches(self, found: Sequence[FieldMismatch]) -> None:
        self.mismatches.names = {r.spec.code: self._name(r.spec) for r in self.rows}
        self.mismatches.set_rows(found)
        self.mismatches.sort(MismatchModel.FIELD)
        self.mismatch_box.setVisible(bool(found))
        rows = min(len(found), 6)
        self.mismatch_table.setFixedHeight(self.mismatch_table.horizontalHeader().height() + 4
                                           + rows * self.mismatch_table.verticalHeader()
                                           .defaultSectionSize())
        first = None
        for row in self.rows:
            for field, edit in ((SCORE, row.value), (COMMENT, row.comment)):
                differs = any(m.criterion == row.spec.code and m.field == field for m in found)
                edit.setStyleSheet(BAD_FIELD if differs else "")
                first = first or (edit if differs else None)
        if first is not None:
            self._focus(first)
        self.retranslate()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus()
        self.scroll.ensureWidgetVisible(widget)

    def discard(self) -> None:
        choice = self.current_choice()
        reason = self.dialogs.discard_reason(self) if choice and choice.pending else None
        ws = self.ctx.workspace(self) if reason else None
        if ws is None:
            return
        try:
            paper_sheets.discard_pending(ws, self.ctx.competition, self.round_code,
                                         choice.judge_code, choice.entry_code, reason)
        except ServiceError as exc:
            self.ctx.dialogs.show_error(self, self.tr("The first entry was not discarded"),
                                        first_line(exc), "", message_text(exc))
            return
        self._reload(keep_typing=True)
        self.status.setText(self.tr("First entry discarded. What you typed is kept: save it as "
                                    "a new first entry, to be confirmed by someone else."))
        self.changed.emit()

    def _reload(self, advance: bool = False, keep_typing: bool = False) -> None:
        judge, entry, at = self.judge.currentData(), self.entry.currentData(), self.entry.currentIndex()
        kept = [(r.value.text(), r.comment.text()) for r in self.rows], self.overall.toPlainText()
        self.data = paper_sheets.paper_round(self.ctx.db, self.ctx.competition, self.round_code)
        self._fill_judges()
        self.judge.blockSignals(True)
        self.judge.setCurrentIndex(max(0, self.judge.findData(judge)))
        self.judge.blockSignals(False)
        self._fill_entries(None if advance else entry, at + 1 if advance else at)
        if keep_typing:
            for row, (value, comment) in zip(self.rows, kept[0], strict=True):
                row.value.setText(value)
                row.comment.setText(comment)
            self.overall.setPlainText(kept[1])

    def change_who_is_working(self) -> None:
        if self.ctx.change_who is not None:  # the window's: signs in again when protected
            self.ctx.change_who(self)
        else:
            change_actor(self.ctx.settings, self.ctx.dialogs, self)
        self._choice_changed()
        self.changed.emit()  # the main window shows who is working

    # -- texts ------------------------------------------------------------------------------
    def _english(self) -> bool:
        return self.ctx.language() == ENGLISH

    def _name(self, spec: CriterionSpec) -> str:
        return spec.name_en or spec.name if self._english() else spec.name

    def _number(self, value: Decimal) -> str:
        return localized_number(str(value), self.mismatches.locale)

    def _level_text(self, level: LevelDescriptor) -> str:
        text = level.text_en or level.text if self._english() else level.text
        return f"{self._number(level.score)} = {text}"

    def _scale_text(self, s: CriterionSpec) -> str:
        lo, hi, step = (self._number(v) for v in (s.scale_min, s.scale_max, s.scale_step))
        if s.scale_step == 1:
            return fill(self.tr("%1 to %2"), lo, hi)
        return fill(self.tr("%1 to %2, step %3"), lo, hi, step)

    def retranslate(self) -> None:
        d = self.data
        self.setWindowTitle(self.tr("Paper sheets"))
        self.heading.setText(fill(self.tr("Paper score sheets — %1"),
                                  d.round_name_en or d.round_name if self._english()
                                  else d.round_name))
        actor = self.ctx.who_name()
        self.working.setText(fill(self.tr("Working as: %1"), actor or self.tr("(not set)")))
        self.actor_button.setText(self.tr("Change &who is working…"))
        self.judge_label.setText(self.tr("&Judge:"))
        self.entry_label.setText(self.tr("&Entry:"))
        by_entry = {c.entry_code: c for c in d.choices if c.judge_code == self.judge.currentData()}
        for i in range(self.entry.count()):
            self.entry.setItemText(i, self._entry_text(by_entry[self.entry.itemData(i)]))
        for label, text in zip(self.columns, (self.tr("Criterion"), self.tr("Scale"),
                                              self.tr("Score"), self.tr("Comment")), strict=True):
            label.setText(text)
        for row in self.rows:
            row.name.setText(fill(self.tr("%1 (weight %2%)"), self._name(row.spec),
                                  self._number(row.spec.weight)))
            row.name.setToolTip("\n".join(self._level_text(lv) for lv in row.spec.levels))
            row.value.setToolTip(row.name.toolTip())
            row.hint.setText(self._scale_text(row.spec))
            row.comment.setPlaceholderText(self.tr("Comment, if the judge wrote one"))
            self._show_level(row)
        self.overall_label.setText(self.tr("&Overall comment:"))
        self.banner.setText(self._banner_text())
        self.mismatch_box.setTitle(self.tr("The two entries differ"))
        self.mismatch_text.setText(fill(self.tr(
            "Fields that differ: %1. Nothing was saved. Check the paper sheet, correct what you "
            "typed and confirm again; if the first entry is wrong, discard it."),
            self.mismatches.locale.toString(self.mismatches.rowCount())))
        self.mismatches.retranslate()
        self.discard_button.setText(self.tr("&Discard first entry…"))
        self.save_button.setText({SECOND: self.tr("&Confirm sheet"),
                                  OWN: self.tr("&Replace first entry")}.get(
                                      self.mode, self.tr("&Save first entry")))
        self.close_button.setText(self.tr("Close"))

    def _banner_text(self) -> str:
        choice = self.current_choice()
        if choice is None or self.mode == NONE:
            return self.tr("No sheet of this round awaits a paper entry: every assigned judge "
                           "has submitted, or nobody is assigned yet.")
        typist = choice.pending.typed_by if choice.pending else ""
        text = {
            FIRST: self.tr("First entry: type the paper sheet exactly as the judge wrote it. "
                           "It counts only after a second person types it again."),
            SECOND: fill(self.tr("Second entry: type the sheet again without looking at the "
                                 "first entry (typed by %1). It counts when both agree."), typist),
            OWN: self.tr("You typed the first entry of this sheet. A different person must type "
                          "it again to confirm it; you may only type it again to replace your "
                          "first entry."),
        }[self.mode]
        if choice.has_draft:
            text += " " + self.tr("The judge has a draft of this sheet in the app; the confirmed "
                                  "paper sheet replaces it.")
        return text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
