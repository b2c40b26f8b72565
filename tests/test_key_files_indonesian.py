"""A key export or a key file in the store that is not what it should be is refused in the
user's language, saying what is wrong in words (never Python's English: "Expecting value",
"Incorrect padding", "'kdf'", "not a key file of judging-app")."""

from __future__ import annotations

import json

import pytest

from judging_app.services import keys

from cli_support import Cli
from english_check import english_words

PASSPHRASE = "frasa sandi panjang sekali"


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "kunci"))
    monkeypatch.setenv("JUDGING_APP_KEYS_PASSPHRASE", PASSPHRASE)
    keys.forget_cached()
    yield Cli(tmp_path / "lomba.sqlite", capsys, lang="id")
    keys.forget_cached()


def _refusal(cli, *argv, data: tuple[str, ...] = ()) -> str:
    said = cli(*argv, expect=1)
    assert english_words(said, ignore=data) == [], said
    return said


@pytest.mark.parametrize("content, indonesian", [
    (b'{"format": "judging-app-entries", "version": 1}', "tidak memuat kunci hasil ekspor"),
    (b"[1, 2, 3]", "tidak memuat kunci hasil ekspor"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "bukan berkas teks"),
    (b'{"format": "judging-app-keys", "version": 1', "seharusnya ada pemisah ','"),
    (b"", "seharusnya ada nilai"),
])
def test_a_file_that_is_not_a_key_export_is_refused_in_indonesian(cli, tmp_path, content,
                                                                  indonesian):
    from judging_app.services.keys_transfer import FORMAT, VERSION

    bad = tmp_path / "bukan-kunci.jakeys"
    bad.write_bytes(content.replace(b"judging-app-keys", FORMAT.encode()).replace(
        b'"version": 1', f'"version": {VERSION}'.encode()))
    said = _refusal(cli, "keys", "import", bad, data=(str(bad),))
    assert said.startswith(f"kesalahan: {bad} bukan berkas kunci judging-app (")
    assert indonesian in said and "tidak ada yang diimpor" in said


def test_a_key_export_with_damaged_fields_is_refused_in_indonesian(cli, tmp_path):
    cli("demo", "--entries", "4", "--judges", "3")
    export = tmp_path / "kunci.jakeys"
    cli("keys", "export", "--out", export)
    doc = json.loads(export.read_text(encoding="utf-8"))
    for damage in ({"kdf": None}, {"nonce": "bukan base64!"}, {"ciphertext": 7}):
        export.write_text(json.dumps({**doc, **damage}), encoding="utf-8")
        said = _refusal(cli, "keys", "import", export, data=(str(export),))
        assert "isinya tidak lengkap atau rusak" in said


def test_a_missing_key_export_is_named_in_indonesian(cli, tmp_path):
    missing = tmp_path / "tidak-ada.jakeys"
    said = _refusal(cli, "keys", "import", missing, data=(str(missing),))
    assert said == f"kesalahan: {missing}: berkas atau folder tidak ada.\n"


def test_a_damaged_key_file_in_the_store_is_refused_in_indonesian(cli, tmp_path):
    cli("demo", "--entries", "4", "--judges", "3")
    store = tmp_path / "kunci"
    damaged = sorted(store.glob("audit-*.key"))[0]
    damaged.write_text("{rusak", encoding="utf-8")
    said = _refusal(cli, "keys", "export", "--out", tmp_path / "k.jakeys",
                    data=(str(damaged),))
    assert f"Berkas kunci {damaged} tidak dapat dibaca: seharusnya ada nama kolom data" in said
    damaged.write_text("[]", encoding="utf-8")
    said = _refusal(cli, "keys", "export", "--out", tmp_path / "k.jakeys",
                    data=(str(damaged),))
    assert "tidak dapat dibaca: isinya tidak lengkap atau rusak" in said
