"""The main window: the competitions in the open database, menus, status bar.

A stand-in for the secretariat's workspace; later views plug into the central stack.
No SQL and no arithmetic here: data comes from the services.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSizePolicy, QStackedWidget, QWidget

from judging_app.services.competitions import list_competitions
from judging_app.store.database import Database, open_database
from judging_app.ui.background import Runner
from judging_app.ui.competition_list import CompetitionList
from judging_app.ui.competition_pages import CompetitionPages
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.guided_start import GuidedStart
from judging_app.ui.i18n import LANGUAGE_NAMES, LANGUAGES, Translations, fill
from judging_app.ui.main_actions import MainWindowActions
from judging_app.ui.opening import Opener, open_in_window
from judging_app.ui.settings import WINDOW_GEOMETRY, AppSettings
from judging_app.ui.who_is_working import WhoIsWorking
from judging_app.ui.workspace import CompetitionWorkspace


class MainWindow(GuidedStart, CompetitionPages, MainWindowActions, WhoIsWorking, QMainWindow):
    def __init__(
        self,
        db: Database,
        settings: AppSettings,
        dialogs: Dialogs,
        translations: Translations,
        opener: Opener = open_database,
        parent: QWidget | None = None,
        principal=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self.principal = principal  # the signed-in person (None: an unprotected database)
        self.settings = settings
        self.dialogs = dialogs
        self.translations = translations  # keeps the installed translators alive
        self.opener = opener
        self.competitions = CompetitionList(self)
        self.workspace: CompetitionWorkspace | None = None
        self.runner = Runner(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.competitions)
        self.setCentralWidget(self.pages)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect_start_page()
        self._build_status_bar()
        self.resize(1100, 680)
        self.retranslate()
        self._restore_geometry()
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_and_open_database)
        self.new_competition_action = QAction(self, shortcut=QKeySequence.StandardKey.New)
        self.new_competition_action.triggered.connect(self.create_competition)
        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.choose_and_create_database)
        from judging_app.ui.judge.dialogs import JudgeDialogs

        self.judge_dialogs = JudgeDialogs()
        self.judge_windows: list = []
        self.judge_action = QAction(self)
        self.judge_action.triggered.connect(lambda: self.open_judge_mode())
        self.judge_package_action = QAction(self)
        self.judge_package_action.triggered.connect(self.open_judge_package)
        self.server_action = QAction(self)
        self.server_action.triggered.connect(self.connect_to_server)
        self.demo_action = QAction(self)
        self.demo_action.setObjectName("demoAction")
        self.demo_action.triggered.connect(self.try_demo)
        self.default_db_action = QAction(self)
        self.default_db_action.triggered.connect(self.open_default_database)
        self.clear_recent_action = QAction(self)
        self.clear_recent_action.triggered.connect(self._clear_recent)
        self.actor_action = QAction(self)
        self.actor_action.triggered.connect(self.change_actor)
        self.people_action = QAction(self)
        self.people_action.triggered.connect(self.manage_people)
        self.protect_action = QAction(self)
        self.protect_action.triggered.connect(self.protect_database)
        self.back_action = QAction(self, shortcut=QKeySequence.StandardKey.Back)
        self.back_action.triggered.connect(self.show_competition_list)
        self.back_action.setEnabled(False)
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], self, checkable=True)
            action.setData(lang)
            action.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.guide_action = QAction(self, shortcut=QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_competition_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.server_action)
        self.file_menu.addAction(self.default_db_action)
        self.file_menu.addAction(self.demo_action)
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.judge_action)
        self.file_menu.addAction(self.judge_package_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actor_action)
        self.file_menu.addAction(self.people_action)
        self.file_menu.addAction(self.protect_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.back_action)
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.actor_label = QLabel()
        self.actor_label.setObjectName("actorLabel")
        self.competition_label = QLabel()
        self.competition_label.setObjectName("competitionLabel")
        for label in (self.database_label, self.competition_label, self.count_label,
                      self.actor_label):
            label.setContentsMargins(6, 0, 6, 0)
            label.setTextFormat(Qt.TextFormat.PlainText)
        # A long path or URL may be cut off (the tooltip has it whole) rather than forcing
        # the window wider.
        self.database_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.competition_label)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.actor_label)

    # -- texts ------------------------------------------------------------------------------
    def app_title(self) -> str:
        return self.tr("Judging App")

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_competition_action.setText(self.tr("New &competition from a template…"))
        self.open_action.setText(self.tr("&Open database…"))
        self.new_action.setText(self.tr("&New database…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.server_action.setText(self.tr("Connect to a database &server…"))
        self.judge_action.setText(self.tr("&Judge mode (score on this database)…"))
        self.judge_package_action.setText(self.tr("Open a &judge package…"))
        self.default_db_action.setText(self.tr("Open the &default database"))
        self.demo_action.setText(self.tr("Try with &demo data"))
        self.clear_recent_action.setText(self.tr("&Clear list"))
        self.actor_action.setText(self.tr("Change &who is working…"))
        self.people_action.setText(self.tr("&People and roles…"))
        self.protect_action.setText(self.tr("P&rotect this database with sign-in…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.back_action.setText(self.tr("All &competitions"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&User guide"))
        self.about_action.setText(fill(self.tr("&About %1"), self.app_title()))
        self.language_actions[self.translations.language].setChecked(True)
        self.toolbar_texts()
        self.competitions.retranslate()
        self._update_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_texts(self) -> None:
        location = self.db.display_name()
        name = self.db.path.name if self.db.path else location
        self.setWindowTitle(f"{name} — {self.app_title()}")
        self.database_label.setText(fill(self.tr("Database: %1"), location))
        self.database_label.setToolTip(location)
        count = len(self.competitions.model.competitions())
        self.count_label.setText(self.tr("%Ln competition(s)", "", count))
        self.actor_label.setText(self.who_text())
        self.protect_action.setEnabled(self._mode() == "open")
        self.competition_label.setText(self._competition_text())
        self.competition_label.setVisible(self.workspace is not None)

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the competitions from the database."""
        try:
            items = list_competitions(self.db)
        except Exception as exc:  # a vanished file or a dropped server connection
            items = []
            self.dialogs.show_error(
                self,
                self.tr("Cannot read the database"),
                self.tr("The list of competitions could not be read."),
                self.tr("Check that the database is still there, then open it again."),
                f"{type(exc).__name__}: {exc}",
            )
        self.competitions.set_competitions(items)
        self._update_texts()

    def replace_database(self, db: Database) -> None:
        self.show_competition_list()
        old, self.db = self.db, db
        if old is not db:
            old.close()
        self.refresh()

    # -- actions ----------------------------------------------------------------------------
    def choose_and_open_database(self) -> None:
        path = self.dialogs.choose_database_to_open(self, self.settings.last_directory)
        if path:
            self.open_location(path)

    def choose_and_create_database(self) -> None:
        path = self.dialogs.choose_new_database(self, self.settings.last_directory)
        if path:
            self.open_location(path)

    def open_location(self, target: str) -> bool:
        from judging_app.ui.sign_in import server_target

        target = server_target(target, lambda where, problem, login: self.dialogs.ask_sign_in(
            self, where, problem, login))
        if target is None:
            return False
        db = open_in_window(target, self.dialogs, self.settings, self.opener, self)
        if db is None:
            return False
        if not self.sign_in_to(db):
            db.close()
            return False
        self.replace_database(db)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for location in self.settings.recent_databases:
            action = self.recent_menu.addAction(location.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, loc=location: self.open_location(loc))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(self.settings.recent_databases))

    def _clear_recent(self) -> None:
        self.settings.clear_recent_databases()
        self.settings.sync()

    def set_language(self, language: str) -> None:
        """Switch the whole UI now, and remember the choice."""
        self.translations.apply(language)
        self.settings.language = language
        self.settings.sync()
        self.retranslate()

    # -- window state -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.sync()
        self.db.close()
        super().closeEvent(event)
