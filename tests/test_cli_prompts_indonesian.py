"""What the command line asks at the keyboard (login, password, a new password twice, the
key file's passphrase) is asked in the user's language."""

from __future__ import annotations

import pytest
from security_support import PASSWORD

from judging_app.cli import security_commands
from judging_app.cli.main import main
from judging_app.services import keys

from english_check import english_words


class Keyboard:
    """The person at the terminal: answers each prompt in turn and remembers the prompts."""

    def __init__(self, monkeypatch, *answers: str) -> None:
        self.answers, self.asked = list(answers), []
        monkeypatch.setattr(security_commands, "_interactive", lambda: True)
        monkeypatch.setattr("getpass.getpass", self.answer)
        monkeypatch.setattr("builtins.input", self.answer)
        monkeypatch.delenv("JUDGING_APP_PASSWORD", raising=False)
        monkeypatch.delenv("JUDGING_APP_KEYS_PASSPHRASE", raising=False)

    def answer(self, prompt: str = "") -> str:
        self.asked.append(prompt)
        return self.answers.pop(0)


def _english(prompts: list[str]) -> list[str]:
    return english_words(" ".join(prompts), ignore=("sekre",))


def test_a_new_password_and_signing_in_are_asked_in_indonesian(tmp_path, monkeypatch, capsys):
    db = ["--lang", "id", "--db", str(tmp_path / "lomba.sqlite")]
    keyboard = Keyboard(monkeypatch, PASSWORD, PASSWORD)
    assert main([*db, "--user", "Ani", "people", "add", "--login", "sekre", "--name",
                 "Siti Aminah", "--role", "secretariat"]) == 0
    assert keyboard.asked == ["Kata sandi baru untuk sekre: ", "Ketik sekali lagi: "]
    keyboard = Keyboard(monkeypatch, PASSWORD)
    assert main([*db, "db", "protect", "--user", "sekre"]) == 0
    assert keyboard.asked == ["Kata sandi sekre: "]
    keyboard = Keyboard(monkeypatch, "sekre", PASSWORD)
    assert main([*db, "competition", "create", "--template", "city_competition", "--code",
                 "kota"]) == 0
    assert keyboard.asked == ["Nama login: ", "Kata sandi sekre: "]
    capsys.readouterr()


@pytest.mark.parametrize("lang, asked", [
    ("id", ["Frasa sandi berkas kunci: ", "Ketik sekali lagi: "]),
    ("en", ["Passphrase of the key file: ", "Type it again: "]),
])
def test_the_key_file_s_passphrase_is_asked_in_the_language(tmp_path, monkeypatch, capsys,
                                                            lang, asked):
    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "kunci"))
    keys.forget_cached()
    db = ["--lang", lang, "--db", str(tmp_path / "lomba.sqlite"), "--user", "Ani"]
    assert main([*db, "demo", "--entries", "4", "--judges", "3"]) == 0
    keyboard = Keyboard(monkeypatch, "frasa sandi panjang", "frasa sandi panjang")
    assert main([*db, "keys", "export", "--out", str(tmp_path / "k.jakeys")]) == 0
    assert keyboard.asked == asked
    assert (_english(keyboard.asked) == []) == (lang == "id")
    keys.forget_cached()
    capsys.readouterr()
