"""Secrets kept outside the database: the key store.

A copy of the database alone must not let anyone forge a judge's return or Excel sheet,
nor rewrite the audit trail so that it verifies again. So the secrets live in the
secretariat's key store, a folder of small JSON files readable by the user alone (0600;
the folder 0700) in the user's configuration folder (platformdirs):

- `competition-<key_id>.key`: a competition's random 32-byte secret. Every judge's signing
  key is HMAC-SHA256(secret, label + the judge's nonce) (`judges.key_nonce`, not secret),
  so a new nonce gives a judge a new key. Keys of databases older than schema 0005
  (`judges.package_secret`) are moved in here on the secretariat's first use and emptied
  in the database (`legacy_judge_keys`, by nonce).
- `audit-<database_id>.key`: the database's audit key (services/audit.py keys the chain
  with it), how many unkeyed events the trail had when it was made, and (`*.head`) the last
  event this computer saw, so that a trail cut short is noticed.

`key_id` and `app_security.audit_key_check` in the database are fingerprints of the
secrets (an HMAC of a fixed label), never the secrets. `judging-app keys export|import`
carries the store to a backup or a second secretariat PC, encrypted with a passphrase
(scrypt + AES-GCM, `cryptography`).

Why not the OS keyring: on the headless and kiosk machines the secretariat uses, Linux
keyrings need a running Secret Service and an unlocked session (they block or fail without
one), and the keys must be exportable and backed up anyway; one format everywhere keeps the
second PC and the backup a plain file copy away.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from judging_app.core.messages import Message, os_error_message
from judging_app.services.errors import ServiceError

SECRET_BYTES = 32
JUDGE_LABEL = b"judging-app judge signing key v1\x00"
KEY_ID_LABEL = b"judging-app key id v1"
AUDIT_CHECK_LABEL = b"judging-app audit key check v1"
FOLDER_ENV = "JUDGING_APP_KEYS"  # another folder (a USB stick, a test)


class KeyMissingError(ServiceError):
    """A secret this work needs is not in this computer's key store."""


def key_folder() -> Path:
    chosen = os.environ.get(FOLDER_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    # platformdirs works it out from these (on Windows from the system, which stays put)
    env = tuple(os.environ.get(name) for name in _FOLDER_INPUTS)
    found = _default_folders.get(env)
    if found is None:
        from platformdirs import user_config_path

        found = _default_folders[env] = user_config_path("judging-app", appauthor=False) / "keys"
    return found


_FOLDER_INPUTS = ("HOME", "XDG_CONFIG_HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA")
_default_folders: dict[tuple, Path] = {}


def fingerprint(secret: bytes, label: bytes = KEY_ID_LABEL) -> str:
    return hmac.new(secret, label, hashlib.sha256).hexdigest()[:32]


KEY_NAME = re.compile(r"(competition|audit)-[0-9A-Za-z_-]{1,64}")


def _path(name: str) -> Path:
    """The key file of `name`; a name that is not one (from a crafted key export or a
    crafted database: '../x', a drive letter) is refused, never a path outside the folder."""
    if not KEY_NAME.fullmatch(name):
        raise ServiceError(Message("keys.bad_name", name=name[:80]))
    return key_folder() / f"{name}.key"


key_file_path = _path


def content_problem(exc: Exception) -> Message:
    """What is wrong inside a key file or a key export, in words (Python's are English):
    not text, not JSON (where), or fields missing or damaged."""
    from judging_app.exchange.json_errors import json_problem

    if isinstance(exc, json.JSONDecodeError):
        return json_problem(exc)
    if isinstance(exc, UnicodeDecodeError):
        return Message("keys.problem.not_text")
    return Message("keys.problem.damaged")


def read_key_file(name: str) -> dict | None:
    path = _path(name)
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ServiceError(os_error_message(exc, path)) from None
    except ValueError as exc:
        raise ServiceError(Message("keys.unreadable", path=str(path),
                                   problem=content_problem(exc))) from None
    if not isinstance(found, dict):
        raise ServiceError(Message("keys.unreadable", path=str(path),
                                   problem=Message("keys.problem.damaged")))
    return found


def write_key_file(name: str, data: dict) -> Path:
    """Write atomically, readable by this user alone."""
    folder = key_folder()
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = _path(name)
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, sort_keys=True, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def key_names() -> list[str]:
    folder = key_folder()
    return sorted(p.stem for p in folder.glob("*.key")) if folder.is_dir() else []


# ---- competitions --------------------------------------------------------------------

@dataclass
class CompetitionKey:
    key_id: str
    secret: bytes
    legacy: dict[str, str] = field(default_factory=dict)  # judge nonce -> old key (hex)

    def judge_key(self, nonce: str) -> str:
        """The judge's signing key as hex text (what exchange/judge_package signs with)."""
        old = self.legacy.get(nonce)
        if old:
            return old
        return hmac.new(self.secret, JUDGE_LABEL + nonce.encode("ascii"),
                        hashlib.sha256).hexdigest()


def new_competition_key(code: str) -> CompetitionKey:
    secret = secrets.token_bytes(SECRET_BYTES)
    key = CompetitionKey(fingerprint(secret), secret)
    save_competition_key(key, code)
    return key


def save_competition_key(key: CompetitionKey, code: str) -> None:
    write_key_file(f"competition-{key.key_id}", {
        "kind": "competition", "key_id": key.key_id, "competition": code,
        "secret": key.secret.hex(), "legacy_judge_keys": key.legacy})


def load_competition_key(key_id: str | None, code: str) -> CompetitionKey:
    """The competition's key from this computer's store; KeyMissingError otherwise. A file
    read before and unchanged since (same inode, size and modification time: key files are
    replaced whole, never edited in place) is not read and checked again."""
    path = _path(f"competition-{key_id}") if key_id else None
    try:
        seen = os.stat(path) if path is not None else None
    except OSError:
        seen = None
    stamp = seen and (str(path), seen.st_ino, seen.st_size, seen.st_mtime_ns)
    cached = _competition_cache.get(stamp) if stamp else None
    if cached is not None:
        return CompetitionKey(cached.key_id, cached.secret, dict(cached.legacy))
    data = read_key_file(f"competition-{key_id}") if key_id else None
    if data is None:
        raise KeyMissingError(Message("keys.competition_missing", competition=code,
                                      folder=str(key_folder())))
    secret = bytes.fromhex(data["secret"])
    if fingerprint(secret) != key_id:
        raise KeyMissingError(Message("keys.wrong_key", competition=code,
                                      path=str(_path(f"competition-{key_id}"))))
    key = CompetitionKey(key_id, secret, dict(data.get("legacy_judge_keys", {})))
    if stamp:
        if len(_competition_cache) > 64:  # replaced files leave stale stamps behind
            _competition_cache.clear()
        _competition_cache[stamp] = CompetitionKey(key_id, secret, dict(key.legacy))
    return key


_competition_cache: dict[tuple, CompetitionKey] = {}  # (path, inode, size, mtime) -> key


# ---- the audit key -------------------------------------------------------------------

@dataclass
class AuditKey:
    database_id: str
    secret: bytes
    legacy_events: int  # unkeyed events the trail had when the key was made

    @property
    def check(self) -> str:
        return fingerprint(self.secret, AUDIT_CHECK_LABEL)


def new_audit_key(database_id: str, legacy_events: int) -> AuditKey:
    """A new key, written unconfirmed: `confirm_audit_key` once the transaction that keyed
    the trail committed, `discard_unconfirmed` when it did not."""
    key = AuditKey(database_id, secrets.token_bytes(SECRET_BYTES), legacy_events)
    save_audit_key(key, confirmed=False)
    return key


def save_audit_key(key: AuditKey, confirmed: bool = True) -> None:
    write_key_file(f"audit-{key.database_id}", {
        "kind": "audit", "database_id": key.database_id, "secret": key.secret.hex(),
        "legacy_events": key.legacy_events, "confirmed": confirmed})


def confirm_audit_key(database_id: str) -> None:
    data = read_key_file(f"audit-{database_id}")
    if data is not None and not data.get("confirmed", True):
        write_key_file(f"audit-{database_id}", {**data, "confirmed": True})


def discard_unconfirmed(database_id: str) -> None:
    data = read_key_file(f"audit-{database_id}")
    if data is not None and not data.get("confirmed", True):
        _path(f"audit-{database_id}").unlink(missing_ok=True)
        _audit_cache.pop(database_id, None)


_audit_cache: dict[str, AuditKey] = {}


def load_audit_key(database_id: str, check: str) -> AuditKey | None:
    """The database's audit key when this computer holds it (and it is the right one)."""
    cached = _audit_cache.get(database_id)
    if cached is not None and cached.check == check:
        return cached
    data = read_key_file(f"audit-{database_id}")
    if data is None:
        return None
    key = AuditKey(database_id, bytes.fromhex(data["secret"]), int(data["legacy_events"]))
    if key.check != check:
        return None
    _audit_cache[database_id] = key
    return key


def has_audit_key(database_id: str) -> bool:
    """Whether this computer holds the key of a trail it saw keyed (a key whose first
    transaction never committed does not count)."""
    data = read_key_file(f"audit-{database_id}")
    return data is not None and data.get("confirmed", True)


def _head_path(database_id: str) -> Path:
    return key_folder() / f"audit-{database_id}.head"


def last_seen_event(database_id: str) -> tuple[int, str] | None:
    """(count, hash) of the latest event this computer wrote or verified."""
    try:
        count, digest = _head_path(database_id).read_text(encoding="ascii").split()
        return int(count), digest
    except (OSError, ValueError):
        return None


def remember_event(database_id: str, count: int, digest: str) -> None:
    seen = last_seen_event(database_id)
    if seen is not None and seen[0] >= count:
        return
    move_seen_event(database_id, count, digest)


def move_seen_event(database_id: str, count: int, digest: str) -> None:
    """Remember this event as the latest seen, even below the one remembered (a restored
    backup recorded in the trail: services/restored_copy.py)."""
    path = _head_path(database_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(f"{count} {digest}\n")
    os.replace(tmp, path)


def forget_cached() -> None:
    """Read the key files again (after an import)."""
    _audit_cache.clear()
    _competition_cache.clear()
