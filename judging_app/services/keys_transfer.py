"""`judging-app keys export|import`: the key store (services/keys.py) to and from one file,
encrypted with a passphrase, for the backup and for a second secretariat PC.

The file is JSON: the key of the encryption derived from the passphrase with scrypt
(N = 2^17, r = 8, p = 1, a random salt), the keys themselves encrypted and authenticated
with AES-256-GCM (`cryptography`, the Python Cryptographic Authority's library). A wrong
passphrase and an altered file are refused alike; nothing is written then.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from judging_app.core.messages import Message, os_error_message
from judging_app.services import keys
from judging_app.services.errors import ServiceError, ValidationError

FORMAT = "judging-app-keys"
VERSION = 1
N, R, P = 2**17, 8, 1
MIN_PASSPHRASE = 10


@dataclass(frozen=True)
class KeysReport:
    written: tuple[str, ...]  # key names written (export: put in the file)
    missing: tuple[str, ...] = ()  # competitions whose key this computer lacks
    unchanged: tuple[str, ...] = ()  # import: already here, the same


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * r * n + 1024 * 1024, dklen=32)


def _aad(kdf: dict) -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION, "kdf": kdf},
                      sort_keys=True).encode("utf-8")


def _wanted(db) -> tuple[dict[str, dict], list[str]]:
    """The key files this database needs (all of the store when db is None)."""
    if db is None:
        names = [n for n in keys.key_names()]
        return {n: keys.read_key_file(n) for n in names}, []
    from sqlalchemy import text

    with db.read() as s:
        database_id = s.execute(text("SELECT database_id FROM app_security")).scalar_one()
        comps = s.execute(text("SELECT code, key_id FROM competitions ORDER BY code")).all()
    found: dict[str, dict] = {}
    missing = []
    audit_name = f"audit-{database_id}"
    data = keys.read_key_file(audit_name)
    if data is not None:
        found[audit_name] = data
    for code, key_id in comps:
        data = keys.read_key_file(f"competition-{key_id}") if key_id else None
        if data is None:
            missing.append(code)
        else:
            found[f"competition-{key_id}"] = data
    return found, missing


def export_keys(path: Path, passphrase: str, db=None) -> KeysReport:
    """Write this database's keys (or the whole store) to `path`, encrypted."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(Message("keys.passphrase_short", length=MIN_PASSPHRASE))
    found, missing = _wanted(db)
    salt, nonce = os.urandom(16), os.urandom(12)
    kdf = {"name": "scrypt", "n": N, "r": R, "p": P, "salt": _b64(salt)}
    plain = json.dumps({"keys": found}, sort_keys=True).encode("utf-8")
    sealed = AESGCM(_derive(passphrase, salt, N, R, P)).encrypt(nonce, plain, _aad(kdf))
    doc = {"format": FORMAT, "version": VERSION, "kdf": kdf, "nonce": _b64(nonce),
           "ciphertext": _b64(sealed)}
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1)
    os.replace(tmp, path)
    return KeysReport(tuple(sorted(found)), tuple(missing))


def _not_keys(path: Path, problem: Message) -> Message:
    return Message("keys.not_a_key_file", path=str(path), problem=problem)


def import_keys(path: Path, passphrase: str) -> KeysReport:
    """Add the keys of an exported file to this computer's store. A key already here with
    another secret is refused (nothing is written)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ServiceError(_not_keys(path, Message("keys.problem.other_file")))
        kdf = doc["kdf"]
        secret = _derive(passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]),
                         int(kdf["r"]), int(kdf["p"]))
        plain = AESGCM(secret).decrypt(base64.b64decode(doc["nonce"]),
                                       base64.b64decode(doc["ciphertext"]), _aad(kdf))
        found = json.loads(plain)["keys"]
        for name in found:
            keys.key_file_path(name)  # refuses a name that is not a key's
    except InvalidTag:
        raise ServiceError(Message("keys.wrong_passphrase", path=str(path))) from None
    except OSError as exc:
        raise ServiceError(os_error_message(exc, path)) from None
    except (ValueError, KeyError, TypeError) as exc:  # JSON, text, base64, missing fields
        raise ServiceError(_not_keys(path, keys.content_problem(exc))) from None
    plans, unchanged = [], []
    for name, data in sorted(found.items()):
        here = keys.read_key_file(name)
        if here is None:
            plans.append((name, data))
            continue
        if here.get("secret") != data.get("secret"):
            raise ServiceError(Message("keys.conflict", name=name, folder=str(keys.key_folder())))
        merged = dict(here)
        if "legacy_judge_keys" in data:  # the same secret, perhaps more moved keys: keep all
            merged["legacy_judge_keys"] = {**here.get("legacy_judge_keys", {}),
                                           **data["legacy_judge_keys"]}
        if merged == here:
            unchanged.append(name)
        else:
            plans.append((name, merged))
    for name, data in plans:
        keys.write_key_file(name, data)
    keys.forget_cached()
    return KeysReport(tuple(name for name, _ in plans), (), tuple(unchanged))
