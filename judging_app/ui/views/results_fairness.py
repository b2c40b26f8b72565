"""The Results view's evidence pages: rank stability across the aggregation methods, and
the fairness panel (each judge's totals and severity, agreement per category, outlier
sheets). Both show `results.fairness` (plus the judges' distributions); nothing here
computes a statistic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import AggregationMethod
from judging_app.core.scoring.fairness import OutlierSheet, PanelFairness, StabilityRow
from judging_app.services.fairness_view import FairnessEvidence, FairnessView, JudgeDistribution
from judging_app.ui.i18n import fill
from judging_app.ui.views.empty_hint import EmptyHint
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.results_models import (
    CHANGED_COLOUR,
    RowTableModel,
    method_label,
    number_text,
    table,
)
from judging_app.ui.views.results_plots import (
    AgreementBar,
    AgreementGroup,
    AgreementPlot,
    JudgePlot,
    JudgeRow,
    judge_dots,
)

METHODS = tuple(AggregationMethod)


@dataclass(frozen=True)
class Evidence:
    """What the background job hands over (`prepare_evidence`, on the worker thread)."""

    fairness: FairnessView
    distributions: dict[tuple[int, str | None], tuple[JudgeDistribution, ...]]
    method: AggregationMethod  # the competition's own method
    category_names: dict[str, str]
    round_names: dict[int, str]
    dots: dict[tuple[int, str | None], dict[int, QPolygonF]]  # panel -> judge -> judge_dots
    award_changes: tuple[StabilityRow, ...]  # the stability rows whose award changes
    tier_names: dict[str, str] | None = None  # award tier code -> label in the language shown


def prepare_evidence(found: FairnessEvidence, method: AggregationMethod,
                     category_names: dict[str, str], round_names: dict[int, str],
                     tier_names: dict[str, str] | None = None) -> Evidence:
    """Everything the pages need that takes time, made before the GUI thread gets it: the
    plots' points and the rows the stability table shows first."""
    dots = {panel: {d.judge_id: judge_dots([float(t) for t in d.totals]) for d in dists}
            for panel, dists in found.distributions.items()}
    changes = tuple(r for r in found.fairness.report.stability if r.award_changes)
    return Evidence(found.fairness, found.distributions, method, category_names, round_names,
                    dots, changes, tier_names)


class StabilityModel(RowTableModel):
    CODE, TITLE, CATEGORY = range(3)
    FIRST_METHOD = 3
    NUMERIC = frozenset()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.evidence: Evidence | None = None

    def headers(self) -> Sequence[str]:
        base = self.evidence.method if self.evidence else None
        methods = [fill(self.tr("%1 (in use)"), method_label(m)) if m == base else method_label(m)
                   for m in METHODS]
        return (self.tr("Code"), self.tr("Title"), self.tr("Category"), *methods)

    def cell(self, row: StabilityRow, column: int) -> str:
        ev = self.evidence
        assert ev is not None
        entry = ev.fairness.entries[row.entry_id]
        if column == self.CODE:
            return entry.code
        if column == self.TITLE:
            return entry.title
        if column == self.CATEGORY:
            return ev.category_names.get(row.group or "", "")
        method = METHODS[column - self.FIRST_METHOD]
        rank = row.ranks.get(method)
        names = ev.tier_names or ev.fairness.tier_labels
        awards = [names.get(a, a) for a in row.awards.get(method, ()) if a]
        text = "—" if rank is None else self.locale.toString(rank)
        return " · ".join([text, *awards])

    def sort_key(self, row: StabilityRow, column: int) -> Any:
        if column >= self.FIRST_METHOD:
            rank = row.ranks.get(METHODS[column - self.FIRST_METHOD])
            return (rank is None, rank or 0)
        return self.cell(row, column).casefold()

    def background(self, row: StabilityRow) -> QColor | None:
        return CHANGED_COLOUR if row.award_changes else None

    def tooltip(self, row: StabilityRow, column: int) -> str | None:
        return self.cell(row, column) if column >= self.FIRST_METHOD else None


class OutlierModel(RowTableModel):
    ENTRY, TITLE, JUDGE, TOTAL, OTHERS, DIFFERENCE = range(6)
    NUMERIC = frozenset({TOTAL, OTHERS, DIFFERENCE})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.evidence: Evidence | None = None

    def headers(self) -> Sequence[str]:
        return (self.tr("Entry"), self.tr("Title"), self.tr("Judge"), self.tr("Total"),
                self.tr("Others' mean"), self.tr("Difference"))

    def cell(self, o: OutlierSheet, column: int) -> str:
        ev = self.evidence
        assert ev is not None
        if column == self.ENTRY:
            return ev.fairness.entries[o.entry_id].code
        if column == self.TITLE:
            return ev.fairness.entries[o.entry_id].title
        if column == self.JUDGE:
            return ev.fairness.judges.get(o.judge_id, "")
        value = {self.TOTAL: o.total, self.OTHERS: o.others_mean, self.DIFFERENCE: o.difference}
        return number_text(value[column], 2, self.locale)

    def sort_key(self, o: OutlierSheet, column: int) -> Any:
        if column in self.NUMERIC:  # display order only; decides nothing
            return {self.TOTAL: o.total, self.OTHERS: o.others_mean,
                    self.DIFFERENCE: o.difference}[column]
        return self.cell(o, column).casefold()


class StabilityPage(Loadable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QWidget(), parent)
        self.evidence: Evidence | None = None
        self.model = StabilityModel(self)
        self.only_changes = QCheckBox()
        self.only_changes.setObjectName("onlyAwardChanges")
        self.only_changes.setChecked(True)
        self.only_changes.toggled.connect(self._filter)
        self.summary = QLabel()
        widths = {m: 125 for m in range(StabilityModel.FIRST_METHOD, 3 + len(METHODS))}
        self.table = table(self.model, "stabilityTable", {StabilityModel.CODE: 85,
                                                           StabilityModel.CATEGORY: 130, **widths},
                           stretch=StabilityModel.TITLE)
        self.no_changes = EmptyHint(self.table, lambda: self.tr(
            "No entry's award changes with the method.")
            if self.evidence is not None and self.only_changes.isChecked() else None)
        top = QHBoxLayout()
        top.addWidget(self.only_changes)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self.content)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def ready(self) -> bool:
        return self.evidence is not None and not self.is_loading()

    def set_evidence(self, ev: Evidence) -> None:
        self.evidence = self.model.evidence = ev
        self._filter()

    def _filter(self) -> None:
        ev = self.evidence
        if ev is not None:  # the changed rows were picked on the worker thread
            only = self.only_changes.isChecked()
            self.model.set_rows(ev.award_changes if only else ev.fairness.report.stability)
        self.retranslate()

    def retranslate(self) -> None:
        self.only_changes.setText(self.tr("Only entries whose award changes with the method"))
        ev = self.evidence
        changed = len(ev.award_changes) if ev else 0
        total = len(ev.fairness.report.stability) if ev else 0
        self.summary.setText(fill(self.tr("Award changes with the method: %1 of %2 entries"),
                                  self.model.locale.toString(changed),
                                  self.model.locale.toString(total)))
        self.model.retranslate()
        # a method's column fits its name ("Rata-rata terpangkas") and a rank with the
        # longest award ("6 · Juara Harapan III"), within reason: the title keeps its room
        # and a longer award shows in full as the cell's tooltip
        tiers = (ev.tier_names or ev.fairness.tier_labels).values() if ev else ()
        longest = max((self.table.fontMetrics().horizontalAdvance(f"88 · {t}") for t in tiers),
                      default=0)
        header = self.table.horizontalHeader()
        for column in range(StabilityModel.FIRST_METHOD, self.model.columnCount()):
            words = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(header.fontMetrics().horizontalAdvance(words), longest) + 28
            self.table.setColumnWidth(column, min(max(125, width), 180))
        self.no_changes.follow()


class FairnessPage(Loadable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QWidget(), parent)
        self.evidence: Evidence | None = None
        self.panel_label = QLabel()
        self.panel = QComboBox()
        self.panel.setObjectName("fairnessPanel")
        self.panel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.panel.currentIndexChanged.connect(self._show_panel)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.panel_label.setBuddy(self.panel)
        self.judge_plot = JudgePlot()
        self.agreement_plot = AgreementPlot()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.judges_box = QGroupBox()
        jl = QVBoxLayout(self.judges_box)
        jl.addWidget(self._scroll(self.judge_plot), 1)
        jl.addWidget(self.legend)
        self.agreement_box = QGroupBox()
        self.agreement_legend = QLabel()
        self.agreement_legend.setWordWrap(True)
        al = QVBoxLayout(self.agreement_box)
        al.addWidget(self._scroll(self.agreement_plot), 1)
        al.addWidget(self.agreement_legend)
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.judges_box)
        plots.addWidget(self.agreement_box)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 2)
        self.outliers = OutlierModel(self)
        self.outliers_box = QGroupBox()
        ol = QVBoxLayout(self.outliers_box)
        self.outlier_table = table(self.outliers, "outlierTable", {OutlierModel.ENTRY: 90,
                                   OutlierModel.JUDGE: 70}, stretch=OutlierModel.TITLE)
        ol.addWidget(self.outlier_table)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(plots)
        body.addWidget(self.outliers_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([600, 200])
        top = QHBoxLayout()
        top.addWidget(self.panel_label)
        top.addWidget(self.panel)
        top.addStretch(1)
        layout = QVBoxLayout(self.content)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(body, 1)
        self.retranslate()

    def ready(self) -> bool:
        return self.evidence is not None and not self.is_loading()

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(widget)
        return area

    def set_evidence(self, ev: Evidence) -> None:
        self.evidence = ev
        self.outliers.evidence = ev
        current = self.panel.currentData()
        self.panel.blockSignals(True)
        self.panel.clear()
        for i, p in enumerate(ev.fairness.report.panels):
            name = ev.category_names.get(p.group or "", "") or self.tr("All categories")
            self.panel.addItem(f"{ev.round_names.get(p.round_id, '')} · {name}", i)
        self.panel.blockSignals(False)
        found = self.panel.findData(current)
        self.panel.setCurrentIndex(max(found, 0))
        self._show_panel()

    def current_panel(self) -> PanelFairness | None:
        index = self.panel.currentData()
        if self.evidence is None or index is None:
            return None
        return self.evidence.fairness.report.panels[index]

    def _show_panel(self) -> None:
        ev, p = self.evidence, self.current_panel()
        if ev is None or p is None:
            self.judge_plot.set_rows([])
            self.agreement_plot.set_groups([])
            self.outliers.set_rows([])
            self.facts.clear()
            return
        stats = {j.judge_id: j for j in p.judges}
        dots = ev.dots.get((p.round_id, p.group), {})
        rows = []
        for d in ev.distributions.get((p.round_id, p.group), ()):
            st = stats.get(d.judge_id)
            severity = st.severity if st else None
            rows.append(JudgeRow(
                f"{d.code}  {d.name}", dots[d.judge_id],
                (float(d.minimum), float(d.lower_quartile), float(d.median),
                 float(d.upper_quartile), float(d.maximum)),
                float(st.mean_total) if st else float(d.median),
                None if severity is None else float(severity),
                "" if severity is None else number_text(severity, 2)))
        self.judge_plot.set_rows(rows)
        self.outliers.set_rows(p.outliers)
        self.retranslate()

    def _agreement(self, p: PanelFairness) -> AgreementGroup:
        name = self.evidence.category_names.get(p.group or "", "") if self.evidence else ""
        name = name or self.tr("All categories")
        if p.icc is None:
            return AgreementGroup(name, (), fill(self.tr(
                "Not enough common entries (%1 scored by the same judges)"),
                len(p.entries_used)))
        values = (("ICC(2,1)", p.icc.icc2_1), ("ICC(2,k)", p.icc.icc2_k),
                  (self.tr("Kendall's W"), p.kendall_w))
        return AgreementGroup(name, [
            AgreementBar(n, None if v is None else float(v),
                         number_text(v, 2) if v is not None else self.tr("n/a"))
            for n, v in values], None)

    def retranslate(self) -> None:
        self.panel_label.setText(self.tr("Round and c&ategory:"))
        self.judges_box.setTitle(self.tr("Judges: totals given and severity"))
        self.agreement_box.setTitle(self.tr("Agreement per category"))
        self.agreement_legend.setText(self.tr(
            "ICC(2,1): how reliable one judge's total is; ICC(2,k): how reliable the panel's "
            "mean is; Kendall's W: how far the judges agree on the order."))
        self.legend.setText(self.tr(
            "Dots: the totals of each sheet; box: the middle half; thick line: median; "
            "●: mean. Severity: the judge's mean difference from the other judges on the "
            "same entries (blue, below 0 = harsher; orange = more lenient)."))
        p = self.current_panel()
        self.outliers_box.setTitle(fill(self.tr("Outlier sheets: %1"),
                                        self.outliers.locale.toString(len(p.outliers) if p else 0)))
        if p is not None and self.evidence is not None:
            judges = ", ".join(self.evidence.fairness.judges.get(j, "") for j in p.judges_used)
            self.facts.setText(fill(self.tr(
                "Agreement from %1 entries scored by the same judges (%2). An outlier differs "
                "from the other judges' mean by more than %3 points."),
                self.outliers.locale.toString(len(p.entries_used)), judges or "—",
                number_text(p.outlier_limit, 2) if p.outlier_limit is not None else "—"))
            self.agreement_plot.set_groups([self._agreement(q)
                                            for q in self.evidence.fairness.report.panels
                                            if q.round_id == p.round_id])
        self.outliers.retranslate()
