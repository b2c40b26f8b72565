"""Helpers for the GUI tests (no tests here): settings in a temporary INI file, a tiny valid
competition setup, and a Dialogs stand-in that answers every question without blocking."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from judging_app.core.records import CompetitionSummary
from judging_app.core.setup import CategorySpec, CompetitionSetup, CriterionSpec, RoundSpec
from judging_app.services.competitions import create_competition
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.ui.dialogs import Dialogs, OpenFailedChoice
from judging_app.ui.i18n import Translations
from judging_app.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def make_settings(tmp_path: Path) -> AppSettings:
    """Settings in an INI file under tmp: never the real user settings."""
    return AppSettings.at_path(tmp_path / "settings" / "judging-app.ini")


def tiny_setup(name: str = "Lomba Inovasi Pelayanan Publik", year: int = 2025,
               organiser: str = "Bagian Organisasi Setda") -> CompetitionSetup:
    """One category, one scored round, two criteria weighing 40 + 60 on a 1-5 scale."""
    return CompetitionSetup(
        name=name,
        year=year,
        organiser=organiser,
        categories=(CategorySpec("umum", "Umum", "General"),),
        rounds=(
            RoundSpec(
                code="proposal",
                name="Penilaian proposal",
                criteria=(
                    CriterionSpec("kebaruan", "Kebaruan", Decimal(40), Decimal(1), Decimal(5), Decimal(1)),
                    CriterionSpec("manfaat", "Kemanfaatan", Decimal(60), Decimal(1), Decimal(5), Decimal(1)),
                ),
            ),
        ),
    )


def add_competition(db: Database, **kwargs) -> CompetitionSummary:
    return create_competition(Workspace(db, "tester"), tiny_setup(**kwargs))


class ScriptedDialogs(Dialogs):
    """Answers from attributes the test sets; records what was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []
        self.actor_answer: str | None = "Budi Santoso"
        self.open_failed_answers: list[OpenFailedChoice] = []
        self.open_answers: list[str | None] = []
        self.new_answers: list[str | None] = []
        self.new_competition_answers: list = []
        self.server_answers: list[str | None] = []
        self.package_answers: list[str | None] = []

    def show_error(self, parent: QWidget | None, title: str, text: str, informative: str = "",
                   details: str = "") -> None:
        self.asked.append(("error", title, text, informative, details))

    def open_failed(self, parent, location: str, reason: str, details: str = "") -> OpenFailedChoice:
        self.asked.append(("open_failed", location, reason, details))
        return self.open_failed_answers.pop(0) if self.open_failed_answers else OpenFailedChoice.QUIT

    def choose_database_to_open(self, parent, directory: str) -> str | None:
        self.asked.append(("choose_open", directory))
        return self.open_answers.pop(0) if self.open_answers else None

    def choose_new_database(self, parent, directory: str) -> str | None:
        self.asked.append(("choose_new", directory))
        return self.new_answers.pop(0) if self.new_answers else None

    def ask_actor_name(self, parent, current: str = "") -> str | None:
        self.asked.append(("actor", current))
        return self.actor_answer

    def show_about(self, parent, title: str, text: str) -> None:
        self.asked.append(("about", title, text))

    def choose_judge_package(self, parent, directory: str) -> str | None:
        self.asked.append(("judge_package", directory))
        return self.package_answers.pop(0) if self.package_answers else None

    def ask_server_url(self, parent) -> str | None:
        self.asked.append(("server_url",))
        return self.server_answers.pop(0) if self.server_answers else None

    def show_guide(self, parent, language: str) -> None:
        self.asked.append(("guide", language))

    def choose_new_competition(self, parent, templates, language: str):
        self.asked.append(("new_competition", [t.key for t in templates], language))
        return self.new_competition_answers.pop(0) if self.new_competition_answers else None

    def kinds(self) -> list[str]:
        return [a[0] for a in self.asked]


class TranslationsForTest(Translations):
    """Translations that put the app back to English (and the default locale back) after."""

    def restore(self) -> None:
        self.uninstall()
        QLocale.setDefault(QLocale.system())


def english_sources(ts: Path = TRANSLATIONS / "judging_app_id.ts") -> set[str]:
    return {m.findtext("source", "") for m in ET.parse(ts).getroot().iter("message")}


def strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
