"""Forwarding: the winners (ticked at first) or chosen entries of one competition taken into
a regional or national one, with the target's category and level; all or nothing. The
target may be a new competition made from a template by the same forwarding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.programme import CompetitionLevel
from judging_app.services import competitions, forwarding, templates
from judging_app.services.innovations import competition_level
from judging_app.ui.i18n import fill
from judging_app.ui.programme.base import ProgrammeTab
from judging_app.ui.programme.models import level_label

TEMPLATE = "template:"  # a target item making a new competition ("template:national_kipp")


class ForwardTab(ProgrammeTab):
    key = "forward"

    def __init__(self, ctx, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(ctx, dialogs, parent)
        self.source_box, self.target_box = QComboBox(), QComboBox()
        self.category_box, self.level_box = QComboBox(), QComboBox()
        for name, box in (("sourceBox", self.source_box), ("targetBox", self.target_box),
                          ("categoryBox", self.category_box), ("levelBox", self.level_box)):
            box.setObjectName(name)
        self.source_box.currentIndexChanged.connect(lambda _i: self._load_candidates())
        self.target_box.currentIndexChanged.connect(lambda _i: self._load_categories())
        self.new_code = QLineEdit()
        self.new_code.setObjectName("newTargetCode")
        self.entries = QListWidget()
        self.entries.setObjectName("forwardEntries")
        self.forward_button = QPushButton()
        self.forward_button.setObjectName("forwardButton")
        self.forward_button.clicked.connect(self.forward)
        self.result = QLabel()
        self.result.setObjectName("forwardResult")
        self.result.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, widget in zip(self.labels, (self.source_box, self.target_box, self.new_code,
                                               self.category_box, self.level_box, self.entries),
                                 strict=True):
            self.form.addRow(label, widget)
        row = QHBoxLayout()
        row.addWidget(self.forward_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (
                self.tr("From the competition:"), self.tr("Into the competition:"),
                self.tr("Code of the new competition:"), self.tr("Category there:"),
                self.tr("Its level:"), self.tr("Entries:")),
                strict=True):
            label.setText(text)
        self.forward_button.setText(self.tr("&Forward the ticked entries"))
        level = self.level_box.currentData()
        self.level_box.clear()
        for value in (CompetitionLevel.NATIONAL, CompetitionLevel.REGIONAL):
            self.level_box.addItem(level_label(value), value)
        if level is not None:
            self.level_box.setCurrentIndex(self.level_box.findData(level))
        self.refresh()

    def refresh(self) -> None:
        items = competitions.list_competitions(self.ctx.db)
        self.years = {c.code: c.year for c in items}
        english = self.ctx.language() == "en"
        made = [(fill(self.tr("A new competition from the template %1"),
                      t.name_en if english and t.name_en else t.name), TEMPLATE + t.key)
                for t in templates.list_templates()]
        for box, extra in ((self.source_box, []), (self.target_box, made)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for c in items:
                box.addItem(f"{c.name} ({c.code})", c.code)
            for text, data in extra:
                box.addItem(text, data)
            if current is not None and box.findData(current) >= 0:
                box.setCurrentIndex(box.findData(current))
            box.blockSignals(False)
        self._load_candidates()
        self._load_categories()

    def _template(self) -> str | None:
        data = self.target_box.currentData()
        return data.removeprefix(TEMPLATE) if data and data.startswith(TEMPLATE) else None

    def _load_candidates(self) -> None:
        self.entries.clear()
        source = self.source_box.currentData()
        if source is None:
            return
        for c in forwarding.forward_candidates(self.ctx.db, source):
            text = f"{c.code} — {c.title} ({c.unit})" + (f" · {c.award}" if c.award else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.award else Qt.CheckState.Unchecked)
            self.entries.addItem(item)

    def _load_categories(self) -> None:
        self.category_box.clear()
        self.category_box.addItem(self.tr("the same category (or the only one)"), None)
        target, template = self.target_box.currentData(), self._template()
        self.new_code.setEnabled(template is not None)
        if target is None:
            return
        if template is not None:
            source_year = self.years.get(self.source_box.currentData(), 0)
            base = code = f"{template.rsplit('_', 1)[-1]}-{source_year + 1}"
            n = 1
            while code in self.years:  # a code no competition has yet
                n += 1
                code = f"{base}-{n}"
            self.new_code.setText(code)
            setup = templates.template_setup(template)
        else:
            self.new_code.clear()
            level = competition_level(self.ctx.db, target)
            if level != CompetitionLevel.CITY:  # a target keeps the level it has
                self.level_box.setCurrentIndex(self.level_box.findData(level))
            setup = competitions.get_setup(self.ctx.db, target)
        english = self.ctx.language() == "en"
        for cat in setup.categories:
            self.category_box.addItem(cat.name_en if english and cat.name_en else cat.name,
                                      cat.code)

    def ticked(self) -> list[str]:
        return [self.entries.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.entries.count())
                if self.entries.item(i).checkState() == Qt.CheckState.Checked]

    def forward(self) -> None:
        source, target, codes = self.source_box.currentData(), self.target_box.currentData(), \
            self.ticked()
        if not codes or source is None or target is None:
            self.result.setText(self.tr("Tick the entries to forward."))
            return
        category, level = self.category_box.currentData(), self.level_box.currentData()
        template = self._template()
        new = None
        if template is not None:
            target, new = self.new_code.text().strip(), forwarding.NewTarget(template)
        report = self.run_write(lambda ws: forwarding.forward_entries(
            ws, source, target, entry_codes=codes, category=category, level=level,
            new_target=new), self.tr("Cannot forward the entries"))
        if report is not None:
            self.result.setText(fill(self.tr("%1 entries forwarded from %2 to %3."),
                                     len(report.entries), report.source, report.target))
            if report.created:
                self.refresh()
                self.target_box.setCurrentIndex(self.target_box.findData(report.target))
