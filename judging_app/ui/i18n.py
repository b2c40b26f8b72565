"""Languages: choosing one, installing the translation catalogues, formatting text.

The source language is English. Indonesian comes from two catalogues in
resources/translations: judging_app_id (the app's own texts) and qtbase_id (Qt's standard
buttons, file dialog and context menus, which Qt does not ship in Indonesian); English has
judging_app_en for plural forms only.
Run `python tools/update_translations.py` after changing user-visible texts.

Two rules that keep the UI from silently falling back to English:
- every installed QTranslator stays referenced (here), and so do the bytes it was loaded
  from (QTranslator.load(data) does not copy them);
- classes use `self.tr(...)`; `QCoreApplication.translate(context, text)` is used only in
  module-level functions (pyside6-lupdate misreads the context of a `self.tr` call that
  follows a `translate` call inside a class).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from judging_app.resources_access import resource
from judging_app.ui.settings import AppSettings

INDONESIAN = "id"
ENGLISH = "en"
LANGUAGES = (INDONESIAN, ENGLISH)
# Shown in the language menu in the language itself, so anyone can find their own.
LANGUAGE_NAMES = {INDONESIAN: "Bahasa Indonesia", ENGLISH: "English"}
# resources/translations/<name>_<lang>.qm installed per language. English is the source
# language; its catalogue holds only the plural forms ("1 competition", "2 competitions").
CATALOGUES = {INDONESIAN: ("judging_app", "qtbase"), ENGLISH: ("judging_app",)}


def system_language() -> str:
    """Indonesian when the system locale is Indonesian, otherwise English."""
    if QLocale.system().language() == QLocale.Language.Indonesian:
        return INDONESIAN
    return ENGLISH


def choose_language(requested: str | None, settings: AppSettings | None = None) -> str:
    """The language to use: the one asked for (e.g. --lang), else the saved one, else the
    system's."""
    for candidate in (requested, settings.language if settings else None):
        if candidate and candidate.lower() in LANGUAGES:
            return candidate.lower()
    return system_language()


def locale_for(language: str) -> QLocale:
    """The locale for numbers and dates: the system's when it speaks `language`, otherwise
    that language in the system's country (Qt falls back sensibly when there is no such
    combination)."""
    system = QLocale.system()
    if language == INDONESIAN:
        if system.language() == QLocale.Language.Indonesian:
            return system
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    if system.language() == QLocale.Language.English:
        return system
    if system.territory() == QLocale.Country.AnyTerritory:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.English, system.territory())


def catalogue_bytes(name: str, language: str) -> bytes:
    return resource(f"translations/{name}_{language}.qm").read_bytes()


_current_language = ENGLISH


def current_language() -> str:
    """The language the application shows now ('id' or 'en')."""
    return _current_language


def message_text(value: object) -> str:
    """A refusal, problem or note in the language the application shows: Messages and
    ServiceErrors render from the message catalogue (judging_app/texts), anything else
    is shown as its text."""
    from judging_app.core.messages import Message
    from judging_app.texts import render

    if isinstance(value, Message):
        return render(value, _current_language)
    renderer = getattr(value, "render", None)
    if isinstance(value, Exception) and callable(renderer):
        return renderer(_current_language)
    return str(value)


class Translations:
    """Owns the QTranslators installed on the application (and the bytes behind them)."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = ENGLISH
        self._installed: list[tuple[QTranslator, bytes]] = []

    def apply(self, language: str) -> None:
        """Switch the whole application to `language` ('id' or 'en'). Widgets receive a
        LanguageChange event; windows also call their retranslate()."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.uninstall()
        for name in CATALOGUES[language]:
            data = catalogue_bytes(name, language)
            # No Qt parent: this object owns the translator, so both go away together.
            translator = QTranslator()
            if not translator.load(data):
                raise RuntimeError(f"cannot load the {name}_{language} catalogue")
            self._installed.append((translator, data))
            self.app.installTranslator(translator)
        QLocale.setDefault(locale_for(language))
        self.language = language
        global _current_language
        _current_language = language

    def installed_count(self) -> int:
        return len(self._installed)

    def uninstall(self) -> None:
        """Remove every translator this object installed (the UI falls back to English)."""
        while self._installed:
            translator, _data = self._installed.pop()
            self.app.removeTranslator(translator)
        global _current_language
        _current_language = ENGLISH


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *args: object) -> str:
    """Qt-style placeholders: fill('%1 of %2', a, b). Replaces all in one pass, so text in
    an argument that looks like a placeholder is left alone."""

    def replace(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(replace, text)


def format_int(value: int) -> str:
    """A count in the current locale (1.234 in Indonesian, 1,234 in English)."""
    return QLocale().toString(int(value))


def first_line(value: object) -> str:
    """The first line of `message_text(value)`: a refusal's headline for a dialog, whose
    details then show the whole text."""
    lines = message_text(value).splitlines()
    return lines[0] if lines else type(value).__name__
