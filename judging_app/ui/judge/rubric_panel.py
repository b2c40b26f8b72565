"""The rubric side of a sheet: one row per criterion (name, weight, scale, score field,
comment field), the level descriptors of the criterion being scored, the overall comment and
the running total. Widgets only: values come from and go to the sheet page."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judging_app.exchange.judge_package_fields import RubricCriterion
from judging_app.ui.i18n import fill
from judging_app.ui.judge.labels import (
    criterion_description,
    criterion_name,
    decimal_point,
    escape,
    level_text,
)
from judging_app.ui.judge.scale import ScaleRule, show
from judging_app.ui.judge.score_edit import CommentEdit, OverallCommentEdit, ScoreEdit
from judging_app.ui.judge.session import SheetValues

MUTED = "#5f6368"
CURRENT = "#e8f0fe"
SCORE_WIDTH = 72
REFUSAL_MS = 3500  # how long a refused key's explanation stays
REFUSAL_STYLE = "background: #fff4ce; border: 1px solid #e0c35c; padding: 3px 6px;"
READ_ONLY_STYLE = ("QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"] "
                   "{ background: palette(window); }")


class CriterionRow:
    def __init__(self, criterion: RubricCriterion) -> None:
        self.criterion = criterion
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.weight = QLabel()
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.weight.setStyleSheet(f"color: {MUTED};")
        self.score = ScoreEdit(ScaleRule(criterion))
        self.score.setObjectName(f"score_{criterion.code}")
        self.score.setFixedWidth(SCORE_WIDTH)
        self.comment = CommentEdit(criterion.code)
        self.comment.setObjectName(f"comment_{criterion.code}")


class RubricPanel(QWidget):
    scoreCommitted = Signal(str, object, object)  # criterion, Decimal | None, merge key
    commentCommitted = Signal(str, str, object)  # criterion, text, merge key
    overallCommitted = Signal(str, object)  # text, merge key

    def __init__(self, rubric: tuple[RubricCriterion, ...], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows = [CriterionRow(c) for c in rubric]
        self.current = self.rows[0].criterion.code if self.rows else ""
        self.locked = False
        grid = QGridLayout()
        self.grid = grid
        header = QGridLayout()  # above the scroll area: the column names never scroll away
        for g in (grid, header):
            g.setColumnStretch(0, 4)  # names wrap less: the rubric shares the width with a document
            g.setColumnStretch(3, 3)
            g.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setContentsMargins(0, 0, 0, 0)
        self.headers = [QLabel() for _ in range(4)]
        for col, label in enumerate(self.headers):
            label.setStyleSheet(f"color: {MUTED}; font-weight: bold;")
            header.addWidget(label, 0, col)
        self.headers[2].setFixedWidth(SCORE_WIDTH)
        self.headers[1].setAlignment(Qt.AlignmentFlag.AlignRight)
        for i, row in enumerate(self.rows, start=1):
            grid.addWidget(row.name, i, 0)
            grid.addWidget(row.weight, i, 1)
            grid.addWidget(row.score, i, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.comment, i, 3, Qt.AlignmentFlag.AlignTop)
            row.score.committed.connect(self.scoreCommitted)
            row.score.advance.connect(self._advance)
            row.score.entered.connect(self.show_guide)
            row.score.textChanged.connect(lambda _t, code=row.criterion.code: self._typed(code))
            row.comment.committed.connect(self.commentCommitted)
            row.comment.advance.connect(self._advance)
            row.comment.entered.connect(self.show_guide)
            row.score.refused.connect(self.show_refusal)
            for field in (row.score, row.comment):  # the scroll area follows the focus
                field.entered.connect(lambda _c, f=field: self.scroll.ensureWidgetVisible(f, 8, 8))
        grid.setRowStretch(len(self.rows) + 1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        self.header = QWidget()
        self.header.setObjectName("rubricHeader")
        self.header.setLayout(header)
        header.setContentsMargins(0, 0, self.scroll.verticalScrollBar().sizeHint().width(), 0)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusedKey")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(REFUSAL_STYLE)
        self.refusal.hide()
        self.refusal_timer = QTimer(self, singleShot=True, interval=REFUSAL_MS)
        self.refusal_timer.timeout.connect(self.refusal.hide)
        self.guide = QLabel()
        self.guide.setObjectName("levelGuide")
        self.guide.setWordWrap(True)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        self.guide.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.guide.setFrameShape(QFrame.Shape.StyledPanel)
        self.guide.setMargin(8)
        self.guide.setMinimumHeight(96)
        self.overall_label = QLabel()
        self.overall = OverallCommentEdit()
        self.overall.setObjectName("overallComment")
        self.overall.setMaximumHeight(56)
        self.overall.committed.connect(self.overallCommitted)
        self.overall_label.setBuddy(self.overall)
        self.total = QLabel()
        self.total.setObjectName("runningTotal")
        self.total.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.scored = QLabel()
        self.scored.setStyleSheet(f"color: {MUTED};")
        self.setStyleSheet(READ_ONLY_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 3)
        layout.addWidget(self.refusal)
        layout.addWidget(self.guide, 0)
        layout.addWidget(self.overall_label)
        layout.addWidget(self.overall)
        totals = QGridLayout()
        totals.addWidget(self.total, 0, 0)
        totals.addWidget(self.scored, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(totals)
        self._set_tab_order()
        self.retranslate()

    def _set_tab_order(self) -> None:
        chain = [w for row in self.rows for w in (row.score, row.comment)] + [self.overall]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for label, text in zip(self.headers, (self.tr("Criterion"), self.tr("Weight"),
                                              self.tr("Score"), self.tr("Comment")), strict=True):
            label.setText(text)
        point, lang = decimal_point(), self.language()
        for number, row in enumerate(self.rows, start=1):
            c = row.criterion
            info = fill(self.tr("weight %1% · scale %2, step %3"), show(c.weight, point),
                        ScaleRule(c).range_text(point), show(c.scale_step, point))
            # one line per criterion where the name fits (ten criteria on a laptop screen):
            # the weight in its own column, the scale in the empty score field
            row.name.setText(f"<b>{number}. {escape(criterion_name(c, lang))}</b>")
            row.name.setToolTip(fill(self.tr("%1 (criterion code: %2)"), info, c.code))
            row.weight.setText(f"{show(c.weight, point)}%")
            row.weight.setToolTip(info)
            row.score.setPlaceholderText(ScaleRule(c).range_text(point))
            row.score.setAccessibleName(fill(self.tr("Score for %1"), criterion_name(c, lang)))
            row.comment.setAccessibleName(fill(self.tr("Comment on %1"),
                                               criterion_name(c, lang)))
            row.score.setToolTip(fill(self.tr("A score from %1; Enter saves it and goes to "
                                              "the next criterion, Up and Down step through "
                                              "the scale."), ScaleRule(c).range_text(point)))
            self._comment_hint(row)
        self.overall_label.setText(self.tr("&Overall comment:"))
        self.show_guide(self.current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _comment_hint(self, row: CriterionRow) -> None:
        if self.locked:
            row.comment.setPlaceholderText("")
        elif row.comment.isEnabled():
            row.comment.setPlaceholderText(self.tr("Comment (optional)"))
        else:
            row.comment.setPlaceholderText(self.tr("Give a score first"))

    # -- values --------------------------------------------------------------------------------
    def set_values(self, values: SheetValues, total: str, scored: int) -> None:
        for row in self.rows:
            code = row.criterion.code
            row.score.set_value(values.scores.get(code))
            row.comment.setEnabled(code in values.scores)
            row.comment.set_value(values.comments.get(code, ""))
            self._comment_hint(row)
        self.overall.set_value(values.overall_comment)
        complete = scored == len(self.rows)
        self.total.setText(fill(self.tr("Total: %1") if complete
                                else self.tr("Running total: %1"), total))
        self.scored.setText(fill(self.tr("%1 of %2 criteria scored"), scored, len(self.rows)))
        self.show_guide(self.current)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        fields = [f for row in self.rows for f in (row.score, row.comment)] + [self.overall]
        for field in fields:
            if field.isReadOnly() != locked:
                field.setReadOnly(locked)
                field.style().unpolish(field)  # the read-only look of READ_ONLY_STYLE
                field.style().polish(field)
        for row in self.rows:
            self._comment_hint(row)

    def flush(self) -> None:
        """Commit whatever is typed but not yet saved (before leaving the sheet)."""
        for row in self.rows:
            row.score.commit()
            row.comment.commit()
        self.overall.commit()

    # -- moving around -------------------------------------------------------------------------
    def row(self, code: str) -> CriterionRow:
        return next(r for r in self.rows if r.criterion.code == code)

    def focus_criterion(self, code: str) -> None:
        row = self.row(code)
        row.score.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(row.score)
        self.show_guide(code)

    def focus_first_empty(self) -> None:
        empty = [r for r in self.rows if r.score.stored is None]
        if empty:
            self.focus_criterion(empty[0].criterion.code)
        elif self.rows:
            self.focus_criterion(self.rows[0].criterion.code)

    def _advance(self, code: str) -> None:
        codes = [r.criterion.code for r in self.rows]
        i = codes.index(code)
        if i + 1 < len(codes):
            self.focus_criterion(codes[i + 1])
        else:
            self.overall.setFocus(Qt.FocusReason.TabFocusReason)

    def show_refusal(self, code: str, candidate: str) -> None:
        """Why a key was not taken, under the criteria for a few seconds (no dialog)."""
        c = self.row(code).criterion
        point = decimal_point()
        scale = ScaleRule(c).range_text(point)
        if any(ch.isdigit() for ch in candidate) and all(
                ch.isdigit() or ch in ",." for ch in candidate.strip()):
            text = fill(self.tr("“%1” is not on the scale %2 (step %3)."), candidate.strip(),
                        scale, show(c.scale_step, point))
        else:
            text = fill(self.tr("Only numbers here: a score on the scale %1."), scale)
        number = self.rows.index(self.row(code)) + 1
        self.refusal.setText(fill(self.tr("%1. %2: %3"), number,
                                  criterion_name(c, self.language()), text))
        self.refusal.show()
        self.refusal_timer.start()

    def _typed(self, code: str) -> None:
        if code == self.current:
            self.show_guide(code)

    def show_guide(self, code: str) -> None:
        """The focused criterion's description and level descriptors, the level of the
        typed score highlighted."""
        if not self.rows:
            return
        self.current = code
        row = self.row(code)
        c, lang = row.criterion, self.language()
        for r in self.rows:
            r.name.setStyleSheet(f"background: {CURRENT};" if r is row else "")
        ok, typed = row.score.typed_value()
        number = self.rows.index(row) + 1
        parts = [f"<b>{number}. {escape(criterion_name(c, lang))}</b>"]
        description = criterion_description(c, lang)
        if description:
            parts.append(f"<div>{escape(description)}</div>")
        if c.levels:
            cells = "".join(self._level_row(lv, typed if ok else None, lang) for lv in c.levels)
            parts.append(f"<table cellspacing='0' cellpadding='2'>{cells}</table>")
        else:
            none = escape(self.tr("No level descriptors for this criterion."))
            parts.append(f"<div style='color:{MUTED}'>{none}</div>")
        self.guide.setText("".join(parts))

    @staticmethod
    def _level_row(level, typed: Decimal | None, lang: str) -> str:
        here = typed is not None and level.score == typed
        style = f" style='background:{CURRENT}; font-weight:bold'" if here else ""
        return (f"<tr{style}><td align='right'><b>{escape(show(level.score, decimal_point()))}"
                f"</b>&nbsp;</td><td>{escape(level_text(level.text, level.text_en, lang))}"
                "</td></tr>")
