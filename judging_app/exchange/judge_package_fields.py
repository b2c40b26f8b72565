"""Judge packages and returns as plain data, and their conversion to and from the JSON
payload (docs/judge-packages.md). Reading names the exact field that is wrong."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from judging_app.core.messages import Message, MessageError
from judging_app.core.numbers import NumberError, parse_decimal
from judging_app.core.plain_text import bad_character

DRAFT, SUBMITTED = "draft", "submitted"


class PackageError(MessageError, ValueError):
    """A judge package or return that cannot be used; its Message says exactly why."""


@dataclass(frozen=True)
class CompetitionRef:
    code: str
    name: str
    created_at: str  # ISO 8601, UTC, microseconds: with the code, the competition's identity


@dataclass(frozen=True)
class RoundInfo:
    code: str
    name: str
    name_en: str = ""
    instructions: str = ""
    instructions_en: str = ""
    blind: bool = False


@dataclass(frozen=True)
class JudgeRef:
    code: str
    name: str = ""


@dataclass(frozen=True)
class Level:
    score: Decimal
    text: str
    text_en: str = ""


@dataclass(frozen=True)
class RubricCriterion:
    code: str
    name: str
    weight: Decimal
    scale_min: Decimal
    scale_max: Decimal
    scale_step: Decimal
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    group: str = ""
    levels: tuple[Level, ...] = ()


@dataclass(frozen=True)
class PackageDocument:
    """A document the package carries (in its container, under documents/<sha256>)."""

    sha256: str
    size: int
    file_name: str
    label: str
    kind: str  # proposal, evidence, other
    media_type: str


@dataclass(frozen=True)
class PackageEntry:
    code: str
    title: str
    summary: str = ""
    stage: str = ""
    innovation_type: str = ""
    category: str = ""
    category_name: str = ""
    links: tuple[str, ...] = ()
    # Left out (None) in a blind round:
    unit: str | None = None
    unit_name: str | None = None
    innovators: str | None = None
    contact: str | None = None
    documents: tuple[PackageDocument, ...] = ()  # listed with their SHA-256: signed


@dataclass(frozen=True)
class SheetData:
    entry: str
    state: str = DRAFT
    scores: dict[str, Decimal] = field(default_factory=dict)  # criterion code -> value
    comments: dict[str, str] = field(default_factory=dict)  # criterion code -> comment
    overall_comment: str = ""


@dataclass(frozen=True)
class Package:
    package_id: str
    issued_at: str
    competition: CompetitionRef
    round: RoundInfo
    judge: JudgeRef
    secret: str  # the judge's signing key (hex); only ever in this judge's own package
    rubric: tuple[RubricCriterion, ...]
    entries: tuple[PackageEntry, ...]
    sheets: tuple[SheetData, ...] = ()  # what the database already holds for this judge
    sequence_start: int = 1  # the first sequence number a return of this package may use
    issued_by: str = ""


@dataclass(frozen=True)
class JudgeReturn:
    package_id: str
    created_at: str
    sequence: int
    competition: CompetitionRef
    round: RoundInfo
    judge: JudgeRef
    sheets: tuple[SheetData, ...]
    rubric_sha256: str = ""
    # Set when read from a file: the signature and the exact bytes it covers.
    signature: str = field(default="", compare=False)
    signed: bytes = field(default=b"", compare=False, repr=False)


def dec_text(value: Decimal) -> str:
    """A decimal as plain text without exponent: '3.5', '40', '0.25'."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# ---- writing ---------------------------------------------------------------------------

def _competition(c: CompetitionRef) -> dict:
    return {"code": c.code, "name": c.name, "created_at": c.created_at}


def _sheet(sh: SheetData) -> dict:
    return {"entry": sh.entry, "state": sh.state,
            "scores": {k: dec_text(v) for k, v in sh.scores.items()},
            "comments": dict(sh.comments), "overall_comment": sh.overall_comment}


def rubric_payload(rubric: tuple[RubricCriterion, ...]) -> list[dict]:
    return [{
        "code": c.code, "name": c.name, "name_en": c.name_en, "description": c.description,
        "description_en": c.description_en, "group": c.group, "weight": dec_text(c.weight),
        "scale": {"min": dec_text(c.scale_min), "max": dec_text(c.scale_max),
                  "step": dec_text(c.scale_step)},
        "levels": [{"score": dec_text(lv.score), "text": lv.text, "text_en": lv.text_en}
                   for lv in c.levels],
    } for c in rubric]


def _entry(e: PackageEntry) -> dict:
    out = {"code": e.code, "title": e.title, "summary": e.summary, "stage": e.stage,
           "innovation_type": e.innovation_type,
           "category": {"code": e.category, "name": e.category_name}, "links": list(e.links)}
    if e.unit is not None:
        out["unit"] = {"code": e.unit, "name": e.unit_name or ""}
    if e.innovators is not None:
        out["innovators"] = e.innovators
    if e.contact is not None:
        out["contact"] = e.contact
    if e.documents:  # absent when there are none: older packages read and verify as before
        out["documents"] = [{"sha256": d.sha256, "size": d.size, "file_name": d.file_name,
                             "label": d.label, "kind": d.kind, "media_type": d.media_type}
                            for d in e.documents]
    return out


def package_payload(p: Package) -> dict:
    r = p.round
    return {
        "kind": "package", "package_id": p.package_id, "issued_at": p.issued_at,
        "issued_by": p.issued_by, "competition": _competition(p.competition),
        "round": {"code": r.code, "name": r.name, "name_en": r.name_en, "blind": r.blind,
                  "instructions": r.instructions, "instructions_en": r.instructions_en},
        "judge": {"code": p.judge.code, "name": p.judge.name}, "signing_key": p.secret,
        "sequence_start": p.sequence_start, "rubric": rubric_payload(p.rubric),
        "entries": [_entry(e) for e in p.entries], "sheets": [_sheet(s) for s in p.sheets],
    }


def return_payload(r: JudgeReturn) -> dict:
    return {
        "kind": "return", "package_id": r.package_id, "created_at": r.created_at,
        "sequence": r.sequence, "competition": _competition(r.competition),
        "round": {"code": r.round.code, "name": r.round.name},
        "judge": {"code": r.judge.code, "name": r.judge.name},
        "rubric_sha256": r.rubric_sha256, "sheets": [_sheet(s) for s in r.sheets],
    }


# ---- reading ---------------------------------------------------------------------------

# the kinds a field should be (made once: a read builds a refusal only when it refuses)
_WANT_TEXT, _WANT_INTEGER = Message("package_file.type.text"), Message("package_file.type.integer")
_WANT_FLAG, _WANT_DECIMAL = Message("package_file.type.flag"), Message("package_file.type.decimal")
_WANT_LIST, _WANT_TEXTS = Message("package_file.type.list"), Message("package_file.type.texts")


class Obj:
    """A JSON object being read; every error names the field's full path."""

    def __init__(self, value: object, path: str) -> None:
        if not isinstance(value, dict):
            raise PackageError(Message("package_file.not_object", field=path,
                                       found=_kind(value)))
        self.value, self.path = value, path

    def _get(self, key: str, default: object = ...) -> object:
        if key in self.value:
            return self.value[key]
        if default is ...:
            raise PackageError(Message("package_file.lacks_field", field=f"{self.path}.{key}"))
        return default

    def _typed(self, key: str, default: object, ok: Callable[[object], bool], want: Message):
        v = self._get(key, default)
        if not ok(v):
            raise PackageError(Message("package_file.wrong_type", field=f"{self.path}.{key}",
                                       want=want, found=_kind(v)))
        return v

    def text(self, key: str, default: object = ..., *, required: bool = False) -> str:
        v = self._typed(key, default, _is_text, _WANT_TEXT)
        if required and not v.strip():
            raise PackageError(Message("package_file.empty_field", field=f"{self.path}.{key}"))
        if bad_character(v) is not None:  # the place is named only when it is needed
            _storable(v, f"{self.path}.{key}")
        return v

    def codes(self) -> list[str]:
        """The object's keys (codes), each checked like a text."""
        for k in self.value:
            if bad_character(k) is not None:
                _storable(k, f"{self.path} (key)")
        return list(self.value)

    def opt_text(self, key: str) -> str | None:
        return None if key not in self.value else self.text(key)

    def integer(self, key: str) -> int:
        return self._typed(key, ..., lambda x: isinstance(x, int) and not isinstance(x, bool),
                           _WANT_INTEGER)

    def flag(self, key: str, default: object = ...) -> bool:
        return self._typed(key, default, lambda x: isinstance(x, bool),
                           _WANT_FLAG)

    def decimal(self, key: str) -> Decimal:
        v = self._typed(key, ..., _is_text, _WANT_DECIMAL)
        found = _DECIMALS.get(v)  # scores repeat: a few dozen texts
        if found is None:
            try:
                found = parse_decimal(v, f"{self.path}.{key}")
            except NumberError as exc:
                raise PackageError(exc.message) from None
            if len(_DECIMALS) < 4096:
                _DECIMALS[v] = found
        return found

    def obj(self, key: str, default: object = ...) -> Obj:
        return Obj(self._get(key, default), f"{self.path}.{key}")

    def objs(self, key: str, default: object = ...) -> list[Obj]:
        v = self._typed(key, default, lambda x: isinstance(x, list), _WANT_LIST)
        return [Obj(item, f"{self.path}.{key}[{i}]") for i, item in enumerate(v)]

    def texts(self, key: str) -> tuple[str, ...]:
        return tuple(_storable(v, f"{self.path}.{key}") for v in self._typed(
            key, [], lambda x: isinstance(x, list) and all(isinstance(i, str) for i in x),
            _WANT_TEXTS))


def _is_text(value: object) -> bool:
    return isinstance(value, str)


_DECIMALS: dict[str, Decimal] = {}  # text -> its exact value (parse_decimal is pure)


def _storable(text: str, where: str) -> str:
    bad = bad_character(text)
    if bad is not None:
        raise PackageError(Message("package_file.bad_character", field=where, character=bad))
    return text


def _kind(value: object) -> Message:
    shown = repr(str(value)[:40])
    if isinstance(value, dict):
        return Message("package_file.kind.object", value=shown)
    if isinstance(value, list):
        return Message("package_file.kind.list", value=shown)
    if isinstance(value, bool):
        return Message("package_file.kind.flag", value=shown)
    if isinstance(value, str):
        return Message("package_file.kind.text", value=shown)
    if isinstance(value, int | float):
        return Message("package_file.kind.number", value=shown)
    return Message("package_file.kind.null", value=shown)


def _read_competition(o: Obj) -> CompetitionRef:
    return CompetitionRef(o.text("code", required=True), o.text("name", ""),
                          o.text("created_at", required=True))


def read_sheet(o: Obj) -> SheetData:
    state = o.text("state")
    if state not in (DRAFT, SUBMITTED):
        raise PackageError(Message("package_file.bad_state", field=f"{o.path}.state",
                                   allowed="'draft', 'submitted'", found=repr(state)))
    scores, comments = o.obj("scores", {}), o.obj("comments", {})
    return SheetData(
        entry=o.text("entry", required=True), state=state,
        scores={k: scores.decimal(k) for k in scores.codes()},
        comments={k: comments.text(k) for k in comments.codes()},
        overall_comment=o.text("overall_comment", ""),
    )


def _read_criterion(o: Obj) -> RubricCriterion:
    scale = o.obj("scale")
    return RubricCriterion(
        code=o.text("code", required=True), name=o.text("name"), weight=o.decimal("weight"),
        scale_min=scale.decimal("min"), scale_max=scale.decimal("max"),
        scale_step=scale.decimal("step"), name_en=o.text("name_en", ""),
        description=o.text("description", ""), description_en=o.text("description_en", ""),
        group=o.text("group", ""),
        levels=tuple(Level(lv.decimal("score"), lv.text("text"), lv.text("text_en", ""))
                     for lv in o.objs("levels", [])),
    )


def _read_entry(o: Obj) -> PackageEntry:
    unit = o.obj("unit") if "unit" in o.value else None
    cat = o.obj("category", {})
    return PackageEntry(
        code=o.text("code", required=True), title=o.text("title"), summary=o.text("summary", ""),
        stage=o.text("stage", ""), innovation_type=o.text("innovation_type", ""),
        category=cat.text("code", ""), category_name=cat.text("name", ""), links=o.texts("links"),
        unit=unit.text("code") if unit else None, unit_name=unit.text("name", "") if unit else None,
        innovators=o.opt_text("innovators"), contact=o.opt_text("contact"),
        documents=tuple(_read_document(d) for d in o.objs("documents", [])),
    )


_SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_DOCUMENT_SIZE = 2**40  # a size beyond this is no document judging-app wrote


def _read_document(o: Obj) -> PackageDocument:
    sha, size, kind = o.text("sha256", required=True), o.integer("size"), o.text("kind")
    if not _SHA256.fullmatch(sha):
        raise PackageError(Message("package_file.bad_sha256", field=f"{o.path}.sha256"))
    if not 0 < size < MAX_DOCUMENT_SIZE:
        raise PackageError(Message("package_file.bad_size", field=f"{o.path}.size", size=size))
    if kind not in ("proposal", "evidence", "other"):
        raise PackageError(Message("package_file.bad_document_kind", field=f"{o.path}.kind",
                                   allowed="proposal, evidence, other", found=repr(kind)))
    return PackageDocument(sha, size, o.text("file_name", required=True), o.text("label", ""),
                           kind, o.text("media_type", required=True))


def package_from_payload(o: Obj) -> Package:
    r = o.obj("round")
    return Package(
        package_id=o.text("package_id", required=True), issued_at=o.text("issued_at"),
        issued_by=o.text("issued_by", ""), competition=_read_competition(o.obj("competition")),
        round=RoundInfo(r.text("code", required=True), r.text("name", ""), r.text("name_en", ""),
                        r.text("instructions", ""), r.text("instructions_en", ""),
                        r.flag("blind", False)),
        judge=JudgeRef(o.obj("judge").text("code", required=True), o.obj("judge").text("name", "")),
        secret=o.text("signing_key", required=True), sequence_start=o.integer("sequence_start"),
        rubric=tuple(_read_criterion(c) for c in o.objs("rubric")),
        entries=tuple(_read_entry(e) for e in o.objs("entries")),
        sheets=tuple(read_sheet(s) for s in o.objs("sheets", [])),
    )


def return_from_payload(o: Obj) -> JudgeReturn:
    r, j = o.obj("round"), o.obj("judge")
    sequence = o.integer("sequence")
    if sequence < 1:
        raise PackageError(Message("package_file.bad_sequence", field=f"{o.path}.sequence",
                                   found=sequence))
    return JudgeReturn(
        package_id=o.text("package_id", required=True), created_at=o.text("created_at"),
        sequence=sequence, competition=_read_competition(o.obj("competition")),
        round=RoundInfo(r.text("code", required=True), r.text("name", "")),
        judge=JudgeRef(j.text("code", required=True), j.text("name", "")),
        rubric_sha256=o.text("rubric_sha256", ""),
        sheets=tuple(read_sheet(s) for s in o.objs("sheets")),
    )
