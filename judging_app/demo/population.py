"""Who takes part in the demo: units, entries, judges and their conflicts of interest.

Pure Python: every function takes a seeded `random.Random` and the database ids reserved
for the rows, and returns the rows as dicts ready for a bulk insert. Nothing depends on set
or dict iteration order, so the same seed gives the same rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from judging_app.core.enums import (
    ConflictReason,
    ConflictSource,
    EntryStatus,
    InnovationStage,
    InnovationType,
    JudgeRole,
)
from judging_app.demo import names, wording

# Which template category an entry goes to, by the kind of its unit.
KIND_CATEGORY = {"dinas": "perangkat_daerah", "badan": "perangkat_daerah",
                 "kecamatan": "kecamatan_kelurahan", "kelurahan": "kecamatan_kelurahan",
                 "puskesmas": "upt", "sekolah": "upt", "rsud": "upt", "upt": "upt"}
# How many entries a unit of each kind tends to submit, relative to the others.
KIND_ENTRIES = {"dinas": 3.0, "badan": 2.0, "kecamatan": 2.0, "kelurahan": 1.0, "puskesmas": 1.5,
                "sekolah": 1.0, "rsud": 2.0, "upt": 1.5}
DOMAIN = "kota-contoh.example"
JUDGE_UNIT_KINDS = ("badan", "dinas", "upt", "rsud", "kecamatan", "puskesmas", "kelurahan", "sekolah")


def unit_count(entries: int) -> int:
    """About two entries per unit, between 60 and 120 units (fewer only for tiny demos)."""
    return min(120, max(entries // 2, min(entries, 60)), len(names.unit_pool()))


@dataclass
class People:
    """Rows to insert plus what the later steps need to know about them."""

    units: list[dict] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)
    judges: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    entry_category: list[int] = field(default_factory=list)  # entry index -> category index
    eligible: list[int] = field(default_factory=list)  # entry indices, ascending
    conflict_pairs: list[tuple[int, int]] = field(default_factory=list)  # (judge, entry) indices
    declared: tuple[int, int] | None = None


def make_units(rng: random.Random, n: int, comp_id: int, ids) -> tuple[list[dict], list[str]]:
    chosen = names.pick_units(rng, n)
    rows = [
        {"id": ids[i], "competition_id": comp_id, "code": f"OPD-{i + 1:03d}", "name": name,
         "kind": kind}
        for i, (name, kind) in enumerate(chosen)
    ]
    return rows, [kind for _, kind in chosen]


def _entry_units(rng: random.Random, kinds: list[str], entries: int) -> list[int]:
    """Every unit submits at least one entry (while there are enough entries), the rest are
    spread by the kind of unit; the order is shuffled so codes do not follow units."""
    n = len(kinds)
    base = list(range(min(n, entries)))
    weights = [KIND_ENTRIES[k] for k in kinds]
    extra = rng.choices(range(n), weights=weights, k=entries - len(base))
    order = base + extra
    rng.shuffle(order)
    return order


def _status_plan(rng: random.Random, entries: int) -> dict[int, EntryStatus]:
    """A few entries that are not eligible: still registered, disqualified, withdrawn."""
    if entries < 8:
        return {}
    counts = [(EntryStatus.REGISTERED, max(1, entries // 70)),
              (EntryStatus.DISQUALIFIED, max(1, entries // 90)),
              (EntryStatus.WITHDRAWN, max(1, entries // 140))]
    picked = rng.sample(range(entries), sum(c for _, c in counts))
    plan, start = {}, 0
    for status, count in counts:
        for i in picked[start:start + count]:
            plan[i] = status
        start += count
    return plan


def make_entries(
    rng: random.Random, people: People, unit_kinds: list[str], categories: list[str],
    comp_id: int, year: int, ids, category_ids: list[int], base: datetime,
) -> None:
    n = len(ids)
    width = max(3, len(str(n)))
    unit_of = _entry_units(rng, unit_kinds, n)
    status_of = _status_plan(rng, n)
    position = {code: i for i, code in enumerate(categories)}
    for i in range(n):
        u = unit_of[i]
        unit, kind = people.units[u], unit_kinds[u]
        cat = position.get(KIND_CATEGORY[kind], names.UNIT_KINDS.index(kind) % len(categories))
        domain = wording.domain_of(unit["name"], kind)
        digital = rng.random() < 0.65
        place = unit["name"].split(" ", 1)[1] if kind in ("kecamatan", "kelurahan", "puskesmas") \
            else rng.choice(names.PLACES)
        title, short = wording.innovation_title(rng, domain, digital, place)
        stage = rng.choices(list(InnovationStage), weights=(1, 2, 7))[0]
        years_ago = {InnovationStage.INITIATIVE: 0, InnovationStage.TRIAL: 1}.get(
            stage, rng.randrange(1, 6))
        started = date(year - 1 - years_ago, rng.randrange(1, 13), rng.randrange(1, 29))
        code = f"INV-{i + 1:0{width}d}"
        status = status_of.get(i, EntryStatus.ELIGIBLE)
        reason = ""
        if status == EntryStatus.DISQUALIFIED:
            reason = rng.choice(wording.DISQUALIFY_REASONS)
        elif status == EntryStatus.WITHDRAWN:
            reason = rng.choice(wording.WITHDRAW_REASONS)
        links = [f"https://inovasi.{DOMAIN}/{year}/{code.lower()}/proposal.pdf"]
        if rng.random() < 0.7:
            links.append(f"https://video.example/watch?v={rng.randbytes(6).hex()}")
        if digital and short != title and rng.random() < 0.5:
            links.append(f"https://{short.split(':')[0].lower().replace(' ', '')}.{DOMAIN}")
        created = base - timedelta(days=45) + timedelta(seconds=(30 * 86400 * i) // max(1, n))
        people.entries.append({
            "id": ids[i], "competition_id": comp_id, "code": code, "title": title,
            "unit_id": unit["id"], "category_id": category_ids[cat],
            "innovators": names.innovators(rng, kind),
            "contact": f"{names.phone(rng)} / inovasi.{unit['code'].lower()}@{DOMAIN}",
            "stage": stage.value,
            "innovation_type": (InnovationType.DIGITAL if digital else InnovationType.NON_DIGITAL).value,
            "started_on": started, "summary": wording.summary(rng, domain, short, unit["name"], started.year),
            "links": "\n".join(links), "status": status.value, "status_reason": reason,
            "created_at": created, "updated_at": created,
        })
        people.entry_category.append(cat)
        if status == EntryStatus.ELIGIBLE:
            people.eligible.append(i)


def make_judges(
    rng: random.Random, people: People, count: int, judges_per_entry: int, comp_id: int, ids,
    secret_rng: random.Random,
) -> None:
    """The panel: J01 chairs; about one judge in five works in a unit that has entries (so
    same-unit conflicts appear) unless the panel is too small to spare anyone."""
    width = max(2, len(str(count)))
    with_unit = max(1, count // 5) if count > judges_per_entry else 0
    unit_judges = sorted(rng.sample(range(1, count), with_unit)) if with_unit else []
    entry_units = sorted({e["unit_id"] for e in people.entries})
    unit_rows = {u["id"]: u for u in people.units}
    # boards (planning, research) first, where such judges usually come from; schools last
    keyed = sorted((JUDGE_UNIT_KINDS.index(unit_rows[uid]["kind"]), rng.random(), uid)
                   for uid in entry_units)
    preferred = [uid for *_, uid in keyed]
    chosen_units = dict(zip(unit_judges, preferred[: len(unit_judges)], strict=False))
    for i in range(count):
        unit_id = chosen_units.get(i)
        if unit_id is not None:
            name = names.person_name(rng, "office")
            affiliation = unit_rows[unit_id]["name"]
            email = f"{names.email_local(name)}@{DOMAIN}"
        else:
            name, affiliation, email = names.judge_profile(rng, i)
        people.judges.append({
            "id": ids[i], "competition_id": comp_id, "code": f"J{i + 1:0{width}d}", "name": name,
            "affiliation": affiliation, "unit_id": unit_id, "email": email,
            "phone": names.phone(rng),
            "role": (JudgeRole.CHAIR if i == 0 else JudgeRole.JUDGE).value, "active": True,
            "key_nonce": secret_rng.randbytes(16).hex(),
        })


def make_conflicts(rng: random.Random, people: People, actor: str, at: datetime) -> None:
    """Automatic same-unit conflicts, and one declared professional conflict between a judge
    without a unit and an eligible entry that has no other conflict."""
    entries_by_unit: dict[int, list[int]] = {}
    for i, e in enumerate(people.entries):
        entries_by_unit.setdefault(e["unit_id"], []).append(i)
    pairs = []
    for j, judge in enumerate(people.judges):
        for i in entries_by_unit.get(judge["unit_id"], []) if judge["unit_id"] else []:
            pairs.append((j, i))
            people.conflicts.append(_conflict(people, j, i, ConflictSource.AUTOMATIC,
                                              ConflictReason.SAME_UNIT, "", "", at))
    conflicted_entries = {i for _, i in pairs}
    free_judges = [j for j, row in enumerate(people.judges) if row["unit_id"] is None and j > 0]
    free_entries = [i for i in people.eligible if i not in conflicted_entries]
    if any(row["unit_id"] for row in people.judges) and free_judges and free_entries:
        j, i = rng.choice(free_judges), rng.choice(free_entries)
        pairs.append((j, i))
        people.declared = (j, i)
        people.conflicts.append(_conflict(people, j, i, ConflictSource.DECLARED,
                                          ConflictReason.PROFESSIONAL,
                                          wording.DECLARED_CONFLICT_TEXT, actor, at))
    people.conflict_pairs = sorted(pairs)


def _conflict(people: People, j: int, i: int, source: ConflictSource, reason: ConflictReason,
              text: str, by: str, at: datetime) -> dict:
    return {"judge_id": people.judges[j]["id"], "entry_id": people.entries[i]["id"],
            "source": source.value, "reason": reason.value, "reason_text": text,
            "declared_by": by, "declared_at": at}
