"""Typed settings, the 'who is working' name, and choosing the language."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from judging_app.ui import i18n
from judging_app.ui.actor import ActorDialog, change_actor, current_actor, ensure_actor
from judging_app.ui.settings import (
    ALL_SETTINGS,
    APPLICATION,
    MAX_RECENT_DATABASES,
    ORGANISATION,
    WINDOW_GEOMETRY,
    AppSettings,
)

from test_ui_support import ScriptedDialogs, make_settings


def test_defaults_on_a_fresh_file(tmp_path):
    s = make_settings(tmp_path)
    assert s.language == ""
    assert s.actor_name == ""
    assert s.recent_databases == []
    assert s.last_directory == ""
    assert s.get(WINDOW_GEOMETRY) == b""
    assert len({x.key for x in ALL_SETTINGS}) == len(ALL_SETTINGS)


def test_values_survive_a_round_trip_through_the_ini_file(tmp_path):
    s = make_settings(tmp_path)
    s.language = "id"
    s.actor_name = "  Siti   Rahmawati "
    s.add_recent_database("/data/a, with comma.sqlite")
    s.last_directory = "/data"
    s.set(WINDOW_GEOMETRY, b"\x00\x01geometry")
    s.sync()
    again = AppSettings(QSettings(s.store.fileName(), QSettings.Format.IniFormat))
    assert again.language == "id"
    assert again.actor_name == "Siti Rahmawati"
    assert again.recent_databases == ["/data/a, with comma.sqlite"]
    assert again.last_directory == "/data"
    assert again.get(WINDOW_GEOMETRY) == b"\x00\x01geometry"


def test_recent_list_is_most_recent_first_without_duplicates_and_capped(tmp_path):
    s = make_settings(tmp_path)
    for i in range(12):
        s.add_recent_database(f"/data/{i}.sqlite")
    s.add_recent_database("/data/5.sqlite")
    recent = s.recent_databases
    assert len(recent) == MAX_RECENT_DATABASES
    assert recent[:3] == ["/data/5.sqlite", "/data/11.sqlite", "/data/10.sqlite"]
    assert recent.count("/data/5.sqlite") == 1
    s.remove_recent_database("/data/5.sqlite")
    assert "/data/5.sqlite" not in s.recent_databases
    s.clear_recent_databases()
    assert s.recent_databases == []


def test_default_store_uses_the_app_names(qapp):
    store = AppSettings().store
    assert (store.organizationName(), store.applicationName()) == (ORGANISATION, APPLICATION)


def test_actor_is_asked_once_and_remembered(tmp_path, qapp):
    s = make_settings(tmp_path)
    dialogs = ScriptedDialogs()
    assert current_actor(s) is None
    assert ensure_actor(s, dialogs) == "Budi Santoso"
    assert ensure_actor(s, dialogs) == "Budi Santoso"
    assert dialogs.kinds() == ["actor"]
    assert current_actor(make_settings(tmp_path)) == "Budi Santoso"


def test_declining_the_actor_question_keeps_it_unset(tmp_path, qapp):
    s = make_settings(tmp_path)
    dialogs = ScriptedDialogs()
    dialogs.actor_answer = None
    assert ensure_actor(s, dialogs) is None
    dialogs.actor_answer = "   "
    assert ensure_actor(s, dialogs) is None
    assert current_actor(s) is None


def test_changing_the_actor_prefills_the_current_name(tmp_path, qapp):
    s = make_settings(tmp_path)
    s.actor_name = "Budi"
    dialogs = ScriptedDialogs()
    dialogs.actor_answer = "Ani"
    assert change_actor(s, dialogs) == "Ani"
    assert dialogs.asked == [("actor", "Budi")]


def test_actor_dialog_accepts_only_a_name(qtbot):
    dialog = ActorDialog(None, "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "  Dewi   Lestari ")
    assert ok.isEnabled()
    assert dialog.name() == "Dewi Lestari"


def test_language_choice_order(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert i18n.choose_language(None, s) == "en"
    s.language = "id"
    assert i18n.choose_language(None, s) == "id"
    assert i18n.choose_language("en", s) == "en"
    assert i18n.choose_language("xx", s) == "id"


class _IndonesianSystem(QLocale):
    @staticmethod
    def system() -> QLocale:
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


class _GermanSystem(QLocale):
    @staticmethod
    def system() -> QLocale:
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)


def test_indonesian_system_locale_means_indonesian(monkeypatch):
    monkeypatch.setattr(i18n, "QLocale", _IndonesianSystem)
    assert i18n.system_language() == "id"
    assert i18n.choose_language(None, None) == "id"
    assert i18n.locale_for("id").name() == "id_ID"


def test_other_system_locales_mean_english(monkeypatch):
    monkeypatch.setattr(i18n, "QLocale", _GermanSystem)
    assert i18n.system_language() == "en"
    assert i18n.locale_for("en").language() == QLocale.Language.English
    assert i18n.locale_for("id").name() == "id_ID"


def test_fill_replaces_placeholders_once():
    assert i18n.fill("%1 of %2", "%2", 5) == "%2 of 5"
    assert i18n.fill("%1 and %3", "a") == "a and %3"
