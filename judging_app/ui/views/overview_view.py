"""The overview: the landing page of an opened competition. Where the competition stands
(setup → registration → screening → judging → results → finalized), its counts, and the
next action(s) as buttons that go to the right view or do the step. The numbers come from
services.dashboard, read on a worker (counting the sheets of a large competition takes a
while; the page says what it is reading meanwhile); what keeps the results from being
final is computed in the background too (it needs the results) and shown when ready."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import CompetitionStatus
from judging_app.services import dashboard
from judging_app.services.dashboard import STAGES, Dashboard, NextAction, Stage
from judging_app.ui.i18n import ENGLISH, fill, format_int
from judging_app.ui.icons import icon
from judging_app.ui.labels import competition_status_label
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.overview_texts import action_text, stage_label, step_text
from judging_app.ui.views.status_move import move_status

ACCENT, DONE, MUTED = "#0b5cad", "#1b6e2e", "#7a8089"
CARD = ("QFrame#countCard { background: palette(base); border: 1px solid #d5d9de;"
        " border-radius: 6px; }")
# Where each next action leads: a view of the workspace, or a use case run here.
ACTION_VIEWS = {
    NextAction.CHECK_SETUP: "setup", NextAction.ADD_ENTRIES: "entries",
    NextAction.SCREEN_ENTRIES: "entries", NextAction.ADD_JUDGES: "judges",
    NextAction.ASSIGN_JUDGES: "assignments", NextAction.SEND_TO_JUDGES: "reports",
    NextAction.FOLLOW_PROGRESS: "progress", NextAction.ADVANCE: "results",
    NextAction.DECIDE_TIES: "results", NextAction.FINALIZE: "results",
    NextAction.REVIEW_RESULTS: "results", NextAction.EXPORT_DOCUMENTS: "reports",
}
STATUS_MOVES = {NextAction.OPEN_REGISTRATION: CompetitionStatus.REGISTRATION,
                NextAction.START_JUDGING: CompetitionStatus.JUDGING}


class OverviewDialogs(QObject):
    """The overview's one question (tests replace it)."""

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes


class CountCard(QFrame):
    """A number with its caption and a line of detail."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countCard")
        self.setStyleSheet(CARD)
        self.number = QLabel()
        self.number.setObjectName(f"count_{key}")
        self.number.setStyleSheet("font-size: 20pt; font-weight: bold; border: none;")
        self.caption = QLabel()
        self.caption.setStyleSheet("font-weight: bold; border: none;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(f"color: {MUTED}; border: none;")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.caption)
        layout.addWidget(self.number)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set(self, caption: str, number: str, detail: str = "") -> None:
        self.caption.setText(caption)
        self.number.setText(number)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


class OverviewView(View):
    key = "overview"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = OverviewDialogs()
        self.data: Dashboard | None = None
        self._request = 0
        self._read_job = None
        self._reads = 0
        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")
        self.status.setStyleSheet(f"color: {MUTED};")
        self.stage_icons: dict[Stage, QLabel] = {}
        self.stage_labels: dict[Stage, QLabel] = {}
        strip = QHBoxLayout()
        strip.setSpacing(6)
        for i, stage in enumerate(STAGES):
            if i:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setStyleSheet(f"color: {MUTED};")
                strip.addWidget(line, 1)
            pic, label = QLabel(), QLabel()
            label.setObjectName(f"stage_{stage.value}")
            self.stage_icons[stage], self.stage_labels[stage] = pic, label
            strip.addWidget(pic)
            strip.addWidget(label)
        self.cards = {k: CountCard(k) for k in ("entries", "judges", "sheets", "results")}
        cards = QGridLayout()
        cards.setSpacing(12)
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
            cards.setColumnStretch(i, 1)
        self.next_box = QFrame()
        self.next_box.setObjectName("nextBox")
        self.next_box.setStyleSheet("QFrame#nextBox { background: #eef4fb; border: 1px solid "
                                    "#b9cde5; border-radius: 6px; }")
        self.next_title = QLabel()
        self.next_title.setObjectName("nextTitle")
        self.next_title.setStyleSheet("font-size: 12pt; font-weight: bold; border: none;")
        self.next_text = QLabel()
        self.next_text.setObjectName("nextText")
        self.next_text.setWordWrap(True)
        self.next_text.setStyleSheet("border: none;")
        self.action_row = QHBoxLayout()
        self.action_buttons: dict[NextAction, QPushButton] = {}
        box = QVBoxLayout(self.next_box)
        box.setContentsMargins(16, 12, 16, 14)
        box.addWidget(self.next_title)
        box.addWidget(self.next_text)
        box.addLayout(self.action_row)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(strip)
        layout.addLayout(cards)
        layout.addWidget(self.next_box)
        layout.addStretch(1)
        self.page = Loadable(content)  # "Reading the competition…" until the first read
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        db, code = self.ctx.db, self.ctx.competition
        if self._read_job is not None:
            self._read_job.cancel()
        self._reads += 1
        read = self._reads

        def done(found: Dashboard) -> None:
            if read == self._reads:  # else a newer read is on its way
                self._read(found)

        self._read_job = self.load_in_background(
            lambda _progress: dashboard.dashboard(db, code), [self.page],
            self.tr("Reading the competition…"), done, self.tr("Cannot read the competition"))

    def _read(self, found: Dashboard) -> None:
        self._read_job = None
        self.page.finish()
        self.data = found
        self.retranslate()
        if found.stage in (Stage.JUDGING, Stage.RESULTS):
            self._load_undecided()

    def _load_undecided(self) -> None:
        self._request += 1
        request, db, comp = self._request, self.ctx.db, self.ctx.competition

        def done(found: dashboard.Undecided) -> None:
            if request == self._request and self.data is not None:
                self.data = dashboard.with_undecided(self.data, found)
                self.retranslate()

        self.ctx.runner.run(lambda _p: dashboard.undecided(db, comp),
                            label=self.tr("Computing the results…"), parent=self,
                            on_done=done, on_error=lambda _e, _t: None, cancellable=False)

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        d = self.data
        if d is None:
            return
        self.title.setText(fill(self.tr("%1 (%2)"), d.name, d.year))
        self.status.setText(fill(self.tr("Status: %1 · code %2"),
                                 competition_status_label(d.status), d.code))
        current = STAGES.index(d.stage)
        for i, stage in enumerate(STAGES):
            done, here = i < current or d.stage == Stage.FINALIZED, i == current
            name = "done" if done else "current" if here else "todo"
            colour = DONE if done else ACCENT if here else MUTED
            self.stage_icons[stage].setPixmap(icon(name, colour).pixmap(QSize(20, 20)))
            label = self.stage_labels[stage]
            label.setText(stage_label(stage))
            label.setStyleSheet(f"color: {colour}; font-weight: {'bold' if here else 'normal'};")
        self._counts(d)
        self._next(d)

    def _counts(self, d: Dashboard) -> None:
        n = format_int
        self.cards["entries"].set(self.tr("Entries"), n(d.entries), fill(
            self.tr("%1 eligible · %2 waiting for screening · %3 out"),
            n(d.eligible), n(d.registered), n(d.disqualified)))
        chairs = fill(self.tr("chairs: %1"), n(d.chairs)) if d.chairs else self.tr("no chair yet")
        self.cards["judges"].set(self.tr("Judges"), n(d.judges), fill(
            self.tr("%1 · %2 assignments"), chairs, n(d.assignments)))
        r, card = d.round, self.cards["sheets"]
        if r is None:
            card.set(self.tr("Score sheets"), "—", self.tr("The setup has no scored round."))
            card.bar.hide()
        else:
            name = r.name_en or r.name if self.ctx.language() == ENGLISH else r.name
            card.set(self.tr("Score sheets submitted"),
                     f"{n(r.submitted)} / {n(r.expected)}",
                     fill(self.tr("%1 (round %2 of %3) · %4 in draft"), name, r.position, r.of,
                          n(r.draft)))
            card.bar.setMaximum(max(r.expected, 1))
            card.bar.setValue(r.submitted)
            card.bar.setVisible(r.expected > 0)
        u, card = d.undecided, self.cards["results"]
        if d.stage not in (Stage.JUDGING, Stage.RESULTS):
            card.set(self.tr("Blocking ties"), "—", self.tr("Once judging has started."))
        elif u is None:
            card.set(self.tr("Blocking ties"), "…", self.tr("Computing the results…"))
        else:
            card.set(self.tr("Blocking ties"), n(u.blocking_ties), fill(
                self.tr("%1 entries missing sheets · %2 sheets not submitted"),
                n(u.incomplete_entries), n(u.unsubmitted_sheets)))
            card.number.setStyleSheet("font-size: 20pt; font-weight: bold; border: none;"
                                      + (" color: #a4262c;" if u.blocking_ties else ""))

    def _next(self, d: Dashboard) -> None:
        self.next_title.setText(self.tr("Next step"))
        self.next_text.setText(step_text(d))
        while self.action_row.count():
            item = self.action_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons = {}
        for i, action in enumerate(d.next_actions):
            button = QPushButton(action_text(action))
            button.setObjectName(f"next_{action.value}")
            button.setIcon(icon("next", "#ffffff" if i == 0 else ACCENT))
            if i == 0:
                button.setStyleSheet(f"QPushButton {{ background: {ACCENT}; color: white;"
                                     " padding: 6px 14px; border-radius: 4px; }")
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            self.action_row.addWidget(button)
            self.action_buttons[action] = button
        self.action_row.addStretch(1)

    # -- acting -------------------------------------------------------------------------------
    def act(self, action: NextAction) -> None:
        if action in STATUS_MOVES:
            self.move_status(STATUS_MOVES[action])
        elif action in ACTION_VIEWS:
            self.navigate.emit(ACTION_VIEWS[action])

    def move_status(self, target: CompetitionStatus) -> None:
        if self.data is not None and move_status(self, self.dialogs.confirm, self.data.status,
                                                 target):
            self.refresh()
