"""`gui --smoke-test` (used by CI on the bundle): the window opens, every question on the
way is answered Cancel, the event loop ends by itself with the right exit status."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from judging_app.cli.main import build_parser
from judging_app.store.database import open_database
from judging_app.ui import launch
from judging_app.ui.dialogs import Dialogs

from test_ui_support import add_competition, make_settings


def run_smoke_test(tmp_path, target, lang="en"):
    try:
        return launch.run_gui(str(target), lang, settings=make_settings(tmp_path),
                              dialogs=Dialogs(), smoke_test=True)
    finally:
        QLocale.setDefault(QLocale.system())


def test_the_window_opens_and_closes_by_itself(qapp, tmp_path, capsys):
    path = tmp_path / "good.sqlite"
    db = open_database(path)
    add_competition(db, name="Lomba yang baik")
    db.close()
    assert run_smoke_test(tmp_path, path) == 0
    printed = capsys.readouterr().out
    # the real "who is working?" dialog was shown and declined, not left waiting
    assert 'answered Cancel to "Who is working?"' in printed
    assert 'the window "good.sqlite' in printed and "opened" in printed
    assert qapp.activeModalWidget() is None


def test_in_indonesian(qapp, tmp_path, capsys):
    assert run_smoke_test(tmp_path, tmp_path / "baru.sqlite", lang="id") == 0
    assert "Uji cepat: jendela" in capsys.readouterr().out


def test_a_database_that_cannot_be_opened_fails_the_check(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"PK\x03\x04 a zip file, not a database")
    assert run_smoke_test(tmp_path, bad) == launch.EXIT_NOT_OPENED
    assert 'answered Cancel to "Cannot open the database"' in capsys.readouterr().out


def test_both_programs_take_the_option():
    assert launch.build_parser().parse_args(["--smoke-test"]).smoke_test
    assert build_parser().parse_args(["gui", "--smoke-test"]).smoke_test
    assert not build_parser().parse_args(["gui"]).smoke_test


def judge_calls(monkeypatch) -> list:
    from judging_app.ui.judge import launch as judge_launch

    calls = []
    monkeypatch.setattr(judge_launch, "run_judge_gui",
                        lambda db, package, lang: calls.append((db, package, lang)) or 0)
    return calls


class PackageAnswer(Dialogs):
    def __init__(self, answer):
        super().__init__()
        self.answer, self.asked = answer, 0

    def choose_judge_package(self, parent, directory):
        self.asked += 1
        return self.answer


def test_the_windowed_program_opens_judge_mode(monkeypatch, qapp):
    """`judging-app-gui judge --package F` (a double-clicked .jpkg on Windows) runs judge
    mode on the package; with --db on that database, without asking for a package."""
    calls = judge_calls(monkeypatch)
    dialogs = PackageAnswer(None)
    assert launch.main(["judge", "--package", r"C:\Users\juri\J01.jpkg", "--lang", "id"]) == 0
    assert launch.run_windowed_judge_mode(["--db", "x.sqlite"], dialogs) == 0
    assert calls == [(None, r"C:\Users\juri\J01.jpkg", "id"), ("x.sqlite", None, None)]
    assert dialogs.asked == 0


def test_judge_mode_from_the_start_menu_asks_for_the_package(monkeypatch, qapp):
    calls = judge_calls(monkeypatch)
    assert launch.run_windowed_judge_mode([], PackageAnswer("/home/juri/J02.jpkg")) == 0
    assert calls == [(None, "/home/juri/J02.jpkg", None)]
    cancelled = PackageAnswer(None)
    assert launch.run_windowed_judge_mode(["--lang", "en"], cancelled) == 0
    assert cancelled.asked == 1 and len(calls) == 1  # Cancel: nothing opened
