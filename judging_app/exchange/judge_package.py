"""Judge packages (secretariat → judge) and returns (judge → secretariat): one file each, a
canonical JSON document signed with HMAC-SHA256 under the judge's own key. Pure functions,
no database (docs/judge-packages.md has the format and the threat model).

    {"format": "judging-app/judge-package" | "judging-app/judge-return", "version": 1,
     "payload": {...}, "signature": HMAC-SHA256(key, canonical JSON of payload), hex}

The judge's app fills a return with judge_package_draft (start_return, set_score, ...).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from judging_app.core.messages import Message, os_error_message
from judging_app.core.records import EntryRecord
from judging_app.core.setup import CriterionSpec, RoundSpec
from judging_app.exchange import atomic_files
from judging_app.exchange.file_details import detail_of
from judging_app.exchange.json_errors import json_problem
from judging_app.exchange.judge_package_fields import (
    CompetitionRef,
    JudgeRef,
    JudgeReturn,
    Level,
    Obj,
    Package,
    PackageEntry,
    PackageError,
    RoundInfo,
    RubricCriterion,
    SheetData,
    dec_text,
    package_from_payload,
    package_payload,
    return_from_payload,
    return_payload,
    rubric_payload,
)

__all__ = [
    "CompetitionRef", "JudgeRef", "JudgeReturn", "Package", "PackageEntry", "PackageError",
    "Level", "RoundInfo", "RubricCriterion", "SheetData", "build_package", "canonical_bytes",
    "dec_text",
    "already_imported", "identity_time", "package_entry", "payload_digest", "read_file", "read_package",
    "read_return", "rubric_digest", "rubric_of",
    "safe_file_name", "serialize_package", "serialize_return", "sign", "signed_by", "verify",
]

PACKAGE_FORMAT = "judging-app/judge-package"
RETURN_FORMAT = "judging-app/judge-return"
FORMAT_VERSION = 1
PACKAGE_SUFFIX, RETURN_SUFFIX = ".jpkg", ".jret"
MAX_BYTES = 200 * 2**20
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_WHAT = {PACKAGE_FORMAT: Message("package_file.what_package"),
         RETURN_FORMAT: Message("package_file.what_return")}
_KIND = {PACKAGE_FORMAT: "package", RETURN_FORMAT: "return"}


def canonical_bytes(value: object) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same value always gives the same bytes."""
    try:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
        return text.encode("utf-8")
    except (TypeError, ValueError) as exc:  # incl. UnicodeEncodeError (lone surrogates)
        raise PackageError(Message("package_file.not_canonical", detail=detail_of(exc))) \
            from None


def _key(secret: str) -> bytes:
    try:
        key = bytes.fromhex(secret)
    except (TypeError, ValueError):
        raise PackageError(Message("package_file.key_not_hex")) from None
    if len(key) < 16:
        raise PackageError(Message("package_file.key_too_short"))
    return key


def _mac(signed: bytes, secret: str) -> str:
    return hmac.new(_key(secret), signed, hashlib.sha256).hexdigest()


def sign(payload: dict, secret: str) -> str:
    """HMAC-SHA256 of the payload's canonical JSON under the judge's key, as hex."""
    return _mac(canonical_bytes(payload), secret)


def verify(payload: dict, signature: str, secret: str) -> bool:
    return hmac.compare_digest(sign(payload, secret), signature)


def identity_time(moment: datetime) -> str:
    """A competition's creation time as identity text (UTC, microseconds); a naive datetime
    (SQLite gives those back) is UTC already."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def natural_key(code: str) -> list:
    """Sorts E2 before E10."""
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", code)]


def safe_file_name(name: str) -> str:
    """A file name without characters that some systems refuse (codes may hold any text)."""
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "judge-package"


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def rubric_digest(rubric: tuple[RubricCriterion, ...]) -> str:
    """SHA-256 of the rubric as carried in a package (a return repeats it; on import a
    different value means the rubric changed since the package was issued)."""
    return hashlib.sha256(canonical_bytes(rubric_payload(rubric))).hexdigest()


def rubric_of(spec: RoundSpec) -> tuple[RubricCriterion, ...]:
    """A round's rubric as a package carries it."""
    return rubric_from(spec.criteria)


def rubric_from(criteria: Iterable[CriterionSpec]) -> tuple[RubricCriterion, ...]:
    """The rubric of a round with these criteria (in order)."""
    return tuple(RubricCriterion(
        c.code, c.name, c.weight, c.scale_min, c.scale_max, c.scale_step, c.name_en,
        c.description, c.description_en, c.group,
        tuple(Level(lv.score, lv.text, lv.text_en) for lv in c.levels)) for c in criteria)


def package_entry(e: EntryRecord, blind: bool) -> PackageEntry:
    """An entry as a judge sees it; in a blind round without unit, innovators and contact."""
    shown = {} if blind else {"unit": e.unit_code, "unit_name": e.unit_name,
                              "innovators": e.innovators, "contact": e.contact}
    return PackageEntry(e.code, e.title, e.summary, e.stage, e.innovation_type, e.category_code,
                        e.category_name, tuple(x.strip() for x in e.links.splitlines() if x.strip()),
                        **shown)


def build_package(competition: CompetitionRef, round_info: RoundInfo, judge: JudgeRef, secret: str,
                  rubric: tuple[RubricCriterion, ...], entries: tuple[PackageEntry, ...],
                  sheets: tuple[SheetData, ...] = (), *, sequence_start: int = 1,
                  issued_by: str = "", package_id: str | None = None,
                  issued_at: str | None = None) -> Package:
    """A new package (random id). A blind round's entries must already be anonymized."""
    _key(secret)
    if round_info.blind and any(e.unit is not None or e.innovators is not None
                                or e.contact is not None for e in entries):
        raise PackageError(Message("package_file.blind_identity", round=round_info.code))
    return Package(package_id=package_id or secrets.token_hex(16),
                   issued_at=issued_at or now_text(), competition=competition, round=round_info,
                   judge=judge, secret=secret, rubric=rubric, entries=entries, sheets=sheets,
                   sequence_start=sequence_start, issued_by=issued_by)


def _document(fmt: str, payload: dict, secret: str) -> bytes:
    doc = {"format": fmt, "version": FORMAT_VERSION, "payload": payload,
           "signature": sign(payload, secret)}
    return canonical_bytes(doc) + b"\n"


def serialize_package(package: Package) -> bytes:
    return _document(PACKAGE_FORMAT, package_payload(package), package.secret)


def serialize_return(judge_return: JudgeReturn, secret: str) -> bytes:
    return _document(RETURN_FORMAT, return_payload(judge_return), secret)


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise PackageError(Message("package_file.field_twice", field=key))
        out[key] = value
    return out


def _no_constant(name: str) -> None:
    raise PackageError(Message("package_file.constant", name=name))


MAX_INTEGER_DIGITS = 12  # sequence numbers; judging-app writes nothing larger


def _small_integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise PackageError(Message("package_file.huge_integer", digits=len(text)))
    return int(text)


def _no_float(text: str) -> None:
    shown = text if len(text) <= 40 else text[:40] + "…"
    raise PackageError(Message("package_file.float", value=shown))


def _load(data: bytes, expected: str) -> tuple[dict, str, bytes]:
    """The payload, the signature and the canonical bytes it covers; checks the envelope."""
    want = _WHAT[expected]
    if len(data) > MAX_BYTES:
        raise PackageError(Message("package_file.too_large", mb=MAX_BYTES // 2**20, want=want))
    if data[:2] == b"PK":
        raise PackageError(Message("package_file.zip", want=want))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackageError(Message("package_file.not_utf8", want=want, offset=exc.start)) \
            from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                         parse_int=_small_integer, parse_float=_no_float)
    except json.JSONDecodeError as exc:
        raise PackageError(Message("package_file.bad_json", want=want, line=exc.lineno,
                                   column=exc.colno, detail=json_problem(exc))) from None
    except RecursionError:
        raise PackageError(Message("package_file.too_deep", want=want)) from None
    except PackageError:  # the hooks' own refusals (a float, a huge integer, a field twice)
        raise
    except ValueError as exc:  # a conversion limit of Python's
        raise PackageError(Message("package_file.unreadable_value", want=want,
                                   problem=detail_of(exc))) from None
    fmt = doc.get("format") if isinstance(doc, dict) else None
    if fmt not in _WHAT:
        if fmt is None:
            raise PackageError(Message("package_file.not_ours", want=want))
        raise PackageError(Message("package_file.not_ours_label", want=want,
                                   label=repr(str(fmt)[:60])))
    if fmt != expected:
        raise PackageError(Message("package_file.other_kind", found=_WHAT[fmt], want=want))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(Message("package_file.bad_version", version=repr(version)))
    if version > FORMAT_VERSION:
        raise PackageError(Message("package_file.newer", version=version,
                                   supported=FORMAT_VERSION))
    payload = Obj(doc.get("payload"), "payload") if "payload" in doc else None
    if payload is None:
        raise PackageError(Message("package_file.no_payload"))
    signature = doc.get("signature")
    if not isinstance(signature, str) or not _SIGNATURE.fullmatch(signature):
        raise PackageError(Message("package_file.bad_signature"))
    if payload.value.get("kind") != _KIND[expected]:
        raise PackageError(Message("package_file.label_mismatch"))
    return payload.value, signature, canonical_bytes(payload.value)


ALTERED_PACKAGE = Message("package_file.altered_package")


def read_package(data: bytes) -> Package:
    """Parse a package and check its signature with the key it carries (the judge's app has
    no other). Raises PackageError saying exactly what is wrong."""
    payload, signature, signed = _load(data, PACKAGE_FORMAT)
    secret = Obj(payload, "payload").text("signing_key", required=True)
    if not hmac.compare_digest(_mac(signed, secret), signature):
        raise PackageError(ALTERED_PACKAGE)
    return package_from_payload(Obj(payload, "payload"))


def read_file(path: Path) -> bytes:
    """A package's or return's bytes; PackageError when the file is missing or too large."""
    try:
        data = atomic_files.read_at_most(path, MAX_BYTES)
        if data is None:
            raise PackageError(Message("package_file.too_large_any", mb=MAX_BYTES // 2**20))
        return data
    except FileNotFoundError:
        raise PackageError(Message("package_file.missing")) from None
    except OSError as exc:
        raise PackageError(os_error_message(exc)) from None


def read_return(data: bytes) -> JudgeReturn:
    """Parse a return WITHOUT checking its signature: the caller knows the claimed judge's
    key only after reading who the file claims to come from (then `signed_by`)."""
    payload, signature, signed = _load(data, RETURN_FORMAT)
    ret = return_from_payload(Obj(payload, "payload"))
    return dataclasses.replace(ret, signature=signature, signed=signed)


def signed_by(judge_return: JudgeReturn, secret: str) -> bool:
    """Whether a return read from a file was signed with this key (and not altered since)."""
    if not judge_return.signed or not judge_return.signature:
        return False
    return hmac.compare_digest(_mac(judge_return.signed, secret), judge_return.signature)


def payload_digest(judge_return: JudgeReturn) -> str:
    """SHA-256 of the signed content: equal for the same return however the file is laid out."""
    return hashlib.sha256(judge_return.signed).hexdigest()


def already_imported(last: dict | None, ret: JudgeReturn) -> bool:
    """Whether this very return (same number, same signed content) was imported before.
    `last` is what the secretariat recorded for the last return of this judge and round
    (sequence, payload_sha256, created_at, at, actor). An older return, or a different one
    with the same number, raises PackageError: it must never overwrite newer scores."""
    if last is None or ret.sequence > last["sequence"]:
        return False
    if ret.sequence == last["sequence"] and payload_digest(ret) == last["payload_sha256"]:
        return True
    seen = Message("package_file.seen", sequence=last["sequence"], made=last["created_at"],
                   at=last["at"], actor=last["actor"])
    if ret.sequence == last["sequence"]:
        raise PackageError(Message("package_file.same_number", sequence=ret.sequence, seen=seen))
    raise PackageError(Message("package_file.older_return", sequence=ret.sequence,
                               made=ret.created_at, seen=seen))
