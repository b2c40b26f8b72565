"""The yearly programme's window, opened from the main window (Programme menu): the whole
database across years, not one competition. Tabs: compliance, a unit's history,
innovations and their monitoring, the register of units, matches to confirm, forwarding.
A write in any tab reloads them all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from judging_app.ui.programme.base import ProgrammeTab, programme_context
from judging_app.ui.programme.compliance_tab import ComplianceTab
from judging_app.ui.programme.dialogs import ProgrammeDialogs
from judging_app.ui.programme.forward_tab import ForwardTab
from judging_app.ui.programme.history_tab import HistoryTab
from judging_app.ui.programme.innovations_tab import InnovationsTab
from judging_app.ui.programme.matches_tab import MatchesTab
from judging_app.ui.programme.register_tab import RegisterTab

TABS = (ComplianceTab, HistoryTab, InnovationsTab, RegisterTab, MatchesTab, ForwardTab)


class ProgrammeWindow(QMainWindow):
    def __init__(self, ctx, dialogs: ProgrammeDialogs | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeWindow")
        self.ctx = ctx
        self.dialogs = dialogs or ProgrammeDialogs()
        self.tabs_widget = QTabWidget()
        self.tabs_widget.setObjectName("programmeTabs")
        self.tabs: dict[str, ProgrammeTab] = {}
        for cls in TABS:
            tab = cls(ctx, self.dialogs, self)
            tab.changed.connect(self.refresh)
            self.tabs[tab.key] = tab
            self.tabs_widget.addTab(tab, "")
        self.tabs["compliance"].unit_chosen.connect(self.show_history)
        self.setCentralWidget(self.tabs_widget)
        self.resize(1180, 720)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Yearly programme — one unit, one innovation"))
        titles = {"compliance": self.tr("&Compliance"), "history": self.tr("Unit &history"),
                  "innovations": self.tr("&Innovations"), "register": self.tr("&Register of units"),
                  "matches": self.tr("&Matches to confirm"), "forward": self.tr("&Forwarding")}
        for index, key in enumerate(self.tabs):
            self.tabs_widget.setTabText(index, titles[key])
            self.tabs[key].retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        for tab in self.tabs.values():
            tab.refresh()

    def show_history(self, unit_code: str) -> None:
        history = self.tabs["history"]
        history.show_unit(unit_code)
        self.tabs_widget.setCurrentWidget(history)

    def show_tab(self, key: str) -> ProgrammeTab:
        self.tabs_widget.setCurrentWidget(self.tabs[key])
        return self.tabs[key]


def open_programme(main) -> ProgrammeWindow:
    """From the main window: its database, settings, dialogs, runner, language and who is
    working."""
    ctx = programme_context(main.db, main.settings, main.dialogs, main.runner,
                            lambda: main.translations.language, main.who,
                            signed_in=lambda: main.principal)
    window = ProgrammeWindow(ctx, parent=None)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    main.programme_windows.append(window)
    window.destroyed.connect(lambda _o=None, w=window: main.programme_windows.remove(w)
                             if w in main.programme_windows else None)
    window.show()
    return window
