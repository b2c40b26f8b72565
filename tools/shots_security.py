"""Screenshots of signing in and of people management, in Indonesian and English.

    python tools/shots_security.py          # docs/screenshots/sign_in_*.png, people_*.png, ...

A throw-away demo database (60 entries, 5 judges) in a fixed temporary folder, with a
panel of people registered and the file protected. Under Qt's offscreen platform:
- sign_in: the sign-in dialog as the app opens a protected file;
- sign_in_refused: the same after a wrong password;
- people: People and roles (the secretariat's dialog), a judge selected;
- person: adding a judge, with the judge row they score ticked;
- main_window_signed_in: the status bar naming the signed-in person, verified.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
PASSWORD = "contoh-kata-sandi"
PANEL = (  # login, name, NIP, roles, judge
    ("dewi_lestari", "Dewi Lestari, S.Sos.", "198403152009012004", ("secretariat",), None),
    ("rudi_hartono", "Rudi Hartono", "198911022014031001", ("secretariat",), None),
    ("", "", "", ("chair", "judge"), "J01"),
    ("", "", "", ("judge",), "J02"),
    ("", "", "", ("judge",), "J03"),
    ("inspektorat", "Inspektorat Daerah", "", ("observer",), None),
)


def build(folder: Path) -> tuple[Path, str]:
    from judging_app.core.people import Role
    from judging_app.demo.generator import build_demo
    from judging_app.services import people
    from judging_app.services.people import PersonInput
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    path = folder / "lomba_kota.sqlite"
    db = open_database(path)
    ws = Workspace(db, "Dewi Lestari")
    demo = build_demo(ws, entries=60, judges=5)
    from judging_app.core.people import login_from_name
    from judging_app.services.judges import list_judges

    names = {j.code: j.name for j in list_judges(db, demo.code)}
    for login, name, nip, roles, judge in PANEL:
        if judge:  # the judge rows' own names, as the secretariat registered them
            name, login = names[judge], login_from_name(names[judge])
        people.add_person(ws, PersonInput(login, name, nip, tuple(Role(r) for r in roles),
                                          ((demo.code, judge),) if judge else ()), PASSWORD)
    people.set_disabled(ws, "inspektorat")
    people.protect(Workspace(db, people.sign_in(db, "dewi_lestari", PASSWORD)))
    db.close()
    return path, demo.code


def shoot(out: Path, language: str) -> list[Path]:
    """The pictures in one language (the interface of tools/screenshots.py)."""
    from PySide6.QtTest import QTest as qtest

    from judging_app.services import people
    from judging_app.store.database import open_database
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations, message_text
    from judging_app.ui.launch import application
    from judging_app.ui.main_window import MainWindow
    from judging_app.ui.people_dialog import PeopleDialog, PersonDialog
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.sign_in import SignInDialog

    app = application()
    folder = Path(tempfile.gettempdir()) / "judging-app-screenshots-security"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    keys_before = os.environ.get("JUDGING_APP_KEYS")
    os.environ["JUDGING_APP_KEYS"] = str(folder / "keys")
    written: list[Path] = []
    try:
        path, code = build(folder)
        db = open_database(path)
        dewi = people.sign_in(db, "dewi_lestari", PASSWORD)
        translations = Translations(app)
        settings = AppSettings.at_path(folder / "settings.ini")

        def refused() -> SignInDialog:
            try:
                people.sign_in(db, "rudi_hartono", "salah")
            except Exception as exc:  # noqa: BLE001 - the refusal is what is shown
                problem = message_text(exc)
            return SignInDialog(None, path.name, problem, "rudi_hartono")

        def people_dialog() -> PeopleDialog:
            dialog = PeopleDialog(db, dewi, Dialogs())
            dialog.table.selectRow(3)
            return dialog

        def person_dialog() -> PersonDialog:
            from judging_app.core.people import Role

            choices = people.judge_choices(db)
            dialog = PersonDialog(choices)
            qtest.keyClicks(dialog.name_edit, choices[3].name)  # J04: the login follows
            dialog.role_boxes[Role.JUDGE].setChecked(True)
            dialog.judge_list.item(3).setCheckState(dialog.judge_list.item(3).checkState().Checked)
            dialog.generate_box.setChecked(True)
            return dialog

        def window() -> MainWindow:
            win = MainWindow(open_database(path), settings, Dialogs(), translations,
                             principal=dewi)
            win.resize(1100, 640)
            return win

        screens = [("sign_in", lambda: SignInDialog(None, path.name)),
                   ("sign_in_refused", refused), ("people", people_dialog),
                   ("person", person_dialog), ("main_window_signed_in", window)]
        out.mkdir(parents=True, exist_ok=True)
        translations.apply(language)
        for name, make in screens:
            widget = make()
            widget.show()
            for _ in range(5):
                app.processEvents()
            target = out / f"{name}_{language}.png"
            if not widget.grab().save(str(target)):
                raise SystemExit(f"could not write {target}")
            written.append(target)
            widget.close()
        translations.uninstall()
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if keys_before is None:
            os.environ.pop("JUDGING_APP_KEYS", None)
        else:
            os.environ["JUDGING_APP_KEYS"] = keys_before
    return written


def main() -> int:
    for language in ("id", "en"):
        for path in shoot(OUT, language):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
