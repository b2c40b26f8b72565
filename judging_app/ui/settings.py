"""Typed user settings with their defaults in one place.

Stored with QSettings under organisation "judging-app", application "judging-app" (the
registry on Windows, an INI file elsewhere). Values read back from an INI file are strings,
so every read passes `type=`. Tests inject `AppSettings.at_path(tmp_path / "s.ini")` and
never touch the real user settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "judging-app"
APPLICATION = "judging-app"
MAX_RECENT_DATABASES = 8


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


# The registry: every setting the app reads, with its type and default.
LANGUAGE = Setting("ui/language", str, "", "'id' or 'en'; empty = follow the system locale")
ACTOR_NAME = Setting("user/actor_name", str, "", "who is working, recorded in the audit trail")
RECENT_DATABASES = Setting("files/recent_databases", list, (), "most recent first, at most 8")
LAST_DIRECTORY = Setting("files/last_directory", str, "", "where the last file dialog was")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, b"", "main window geometry")
WINDOW_STATE = Setting("window/state", QByteArray, b"", "main window toolbars and docks")

ALL_SETTINGS = (
    LANGUAGE, ACTOR_NAME, RECENT_DATABASES, LAST_DIRECTORY, WINDOW_GEOMETRY, WINDOW_STATE,
)


class AppSettings:
    """Typed access to the user settings; wraps one QSettings object."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(
            QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    @classmethod
    def at_path(cls, path: str | Path) -> AppSettings:
        """Settings kept in an INI file at `path` (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # -- generic access -------------------------------------------------------------
    def get(self, setting: Setting) -> Any:
        if setting.type is list:
            value = self.store.value(setting.key, list(setting.default), type=list)
            return [str(v) for v in value if str(v)]
        if setting.type is QByteArray:
            value = self.store.value(setting.key, QByteArray(setting.default), type=QByteArray)
            return bytes(value.data())
        return self.store.value(setting.key, setting.default, type=setting.type)

    def set(self, setting: Setting, value: Any) -> None:
        if setting.type is QByteArray:
            value = QByteArray(bytes(value))
        elif setting.type is list:
            value = [str(v) for v in value]
        self.store.setValue(setting.key, value)

    def sync(self) -> None:
        self.store.sync()

    # -- named settings -------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.get(LANGUAGE).strip()

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value)

    @property
    def actor_name(self) -> str:
        return " ".join(self.get(ACTOR_NAME).split())

    @actor_name.setter
    def actor_name(self, value: str) -> None:
        self.set(ACTOR_NAME, " ".join(value.split()))

    @property
    def recent_databases(self) -> list[str]:
        return self.get(RECENT_DATABASES)[:MAX_RECENT_DATABASES]

    def add_recent_database(self, location: str) -> None:
        """Put `location` first in the recent list (no duplicates, at most 8)."""
        items = [location] + [x for x in self.recent_databases if x != location]
        self.set(RECENT_DATABASES, items[:MAX_RECENT_DATABASES])

    def remove_recent_database(self, location: str) -> None:
        self.set(RECENT_DATABASES, [x for x in self.recent_databases if x != location])

    def clear_recent_databases(self) -> None:
        self.set(RECENT_DATABASES, [])

    @property
    def last_directory(self) -> str:
        return self.get(LAST_DIRECTORY)

    @last_directory.setter
    def last_directory(self, value: str) -> None:
        self.set(LAST_DIRECTORY, value)
