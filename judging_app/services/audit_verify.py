"""`judging-app db verify-audit`: the trail's chain, its anchors outside the database, and
the live data against what the trail says.

1. The chain: every event links to the one before and its hash is right (the keyed HMAC
   needs the audit key from this computer's key store; events older than schema 0005 are
   plain SHA-256 and may only come before the keyed ones). On a server, the server checks
   the chain it keys itself (store/server_sql.verify_chain).
2. The anchors: the key file says how many unkeyed events there were when the key was
   made, and this computer remembers the latest event it wrote or verified: a trail
   emptied or cut short below that is reported even though what is left still chains.
3. The live state: every competition's status, every submitted sheet (its round, judge,
   entry, state and every score) and every decision must be what the latest event about
   it recorded. A score edited with a database shell, a finalized competition put back
   into judging, a decision changed or deleted: each is named by its codes. So must each
   competition's setup, eligibility and assignments have the digests the latest event
   recording them gave (services/audit_digests.py); a part no event recorded yet (a trail
   older than these digests) is checked from the first event that does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.services import audit_digests, keys
from judging_app.services.audit import (
    GENESIS,
    decisions_of,
    digest_of,
    keyed_hash,
    legacy_hash,
    security_row,
    snapshot_of,
)
from judging_app.store.database import Database
from judging_app.store.models import AuditHead

PROBLEMS_KEPT = 200
_COLUMNS = ("id", "competition_id", "at", "actor", "person_id", "verified", "action",
            "entity", "entity_key", "old", "new", "state", "prev_hash", "hash", "scheme")


@dataclass
class TrailCheck:
    events: int = 0
    keyed: bool = False
    problems: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_id(self) -> int | None:
        """The first event found changed or out of the chain (None: no such problem)."""
        return next((p.params["event"] for p in self.problems if "event" in p.params), None)

    @property
    def problem(self) -> str:
        return str(self.problems[0]) if self.problems else ""

    def add(self, problem: Message) -> None:
        if len(self.problems) < PROBLEMS_KEPT:
            self.problems.append(problem)


@dataclass
class _Replay:
    status: dict[str, str] = field(default_factory=dict)
    sheets: dict[str, str | None] = field(default_factory=dict)
    decisions: dict[str, dict[str, str]] = field(default_factory=dict)
    snapshots: dict[str, str | None] = field(default_factory=dict)
    seen_competitions: set[str] = field(default_factory=set)
    # part -> competition id -> piece (or judge id) -> digest (services/audit_digests.py)
    digests: dict[str, dict[str, dict[str, str]]] = field(
        default_factory=lambda: {part: {} for part in audit_digests.PARTS})

    def apply(self, competition_id, state_json: str) -> None:
        import json

        if competition_id is not None:
            self.seen_competitions.add(str(competition_id))
        state = json.loads(state_json) if state_json else None
        if not state:
            return
        self.status.update(state.get("status", {}))
        self.sheets.update(state.get("sheets", {}))
        self.decisions.update(state.get("decisions", {}))
        self.snapshots.update(state.get("snapshots", {}))
        for part, recorded in self.digests.items():
            for cid, pieces in state.get(part, {}).items():
                if part == audit_digests.ASSIGNMENTS:  # a judge's login records its own
                    recorded.setdefault(cid, {}).update(pieces)
                else:  # recorded whole: it replaces
                    recorded[cid] = pieces


def _events(session: Session) -> Iterator[dict]:
    """Every event in order, in pages (the trail of a large competition is long)."""
    last = 0
    cols = ", ".join(_COLUMNS)
    while True:
        rows = session.execute(text(
            f"SELECT {cols} FROM audit_events WHERE id > :last ORDER BY id LIMIT 5000"),
            {"last": last}).all()
        if not rows:
            return
        for row in rows:
            yield dict(zip(_COLUMNS, row, strict=True))
        last = rows[-1][0]


def verify_trail(db: Database) -> TrailCheck:
    check = TrailCheck()
    with db.read() as s:
        sec = security_row(s)
        replay = _Replay()
        if sec.mode == "server":
            from judging_app.store import server_sql

            check.keyed = True
            for problem in server_sql.verify_chain(s):
                check.add(problem)
            for ev in _events(s):
                check.events += 1
                replay.apply(ev["competition_id"], ev["state"])
        else:
            _verify_chain(s, sec, check, replay)
        _verify_state(s, check, replay)
    return check


def _verify_chain(s: Session, sec, check: TrailCheck, replay: _Replay) -> None:
    key = (keys.load_audit_key(sec.database_id, sec.audit_key_check)
           if sec.audit_key_check else None)
    check.keyed = sec.audit_key_check is not None
    if check.keyed and key is None:
        check.add(Message("keys.audit_missing", folder=str(keys.key_folder())))
    if not check.keyed and keys.has_audit_key(sec.database_id):
        check.add(Message("audit.key_check_removed"))
    seen = keys.last_seen_event(sec.database_id)
    prev, legacy, keyed_seen, hash_at_seen, broken = GENESIS, 0, False, None, False
    protected = False  # a `database.protect` event seen: every later event is verified
    for ev in _events(s):
        if protected and not ev["verified"]:
            check.add(Message("audit.unverified_after_protect", event=ev["id"],
                              action=ev["action"]))
        protected = protected or ev["action"] == "database.protect"
        if not broken:
            expected = None
            if ev["prev_hash"] != prev:
                check.add(Message("audit.chain_broken", event=ev["id"], action=ev["action"]))
                broken = True
            elif ev["scheme"] == "sha256":
                if keyed_seen:
                    check.add(Message("audit.unkeyed_event", event=ev["id"], action=ev["action"]))
                    broken = True
                legacy += 1
                expected = legacy_hash(prev, ev)
            elif key is not None:
                keyed_seen = True
                expected = keyed_hash(key.secret, prev, ev)
            else:
                keyed_seen = True
            if expected is not None and not broken and ev["hash"] != expected:
                check.add(Message("audit.event_changed", event=ev["id"], action=ev["action"]))
                broken = True
        prev = ev["hash"]
        check.events += 1
        if seen is not None and check.events == seen[0]:
            hash_at_seen = ev["hash"]
        replay.apply(ev["competition_id"], ev["state"])
    head = s.get(AuditHead, 1)
    if head is None or head.count != check.events or head.last_hash != prev:
        check.add(Message("audit.head_mismatch", events=check.events,
                          head=head.count if head else 0))
    if key is not None and legacy != key.legacy_events:
        check.add(Message("audit.legacy_count", now=legacy, then=key.legacy_events))
    if protected and sec.mode == "open":
        check.add(Message("audit.protection_removed"))
    if check.keyed and not keyed_seen:
        check.add(Message("audit.keyed_events_missing"))
    if seen is not None and (check.events < seen[0] or hash_at_seen != seen[1]):
        check.add(Message("audit.tail_missing", seen=seen[0], now=check.events))
    if check.ok and check.keyed and key is not None and check.events:
        keys.remember_event(sec.database_id, check.events, prev)


# ---- the live state against the trail -------------------------------------------------

class _Names:
    """Codes for the ids the trail records."""

    def __init__(self, s: Session) -> None:
        def codes(table: str) -> dict[int, str]:
            return dict(s.execute(text(f"SELECT id, code FROM {table}")).all())

        self.competitions = codes("competitions")
        self.rounds, self.judges = codes("rounds"), codes("judges")
        self.entries, self.criteria = codes("entries"), codes("criteria")

    def sheet(self, ids: str) -> str:
        rid, jid, eid = (int(x) for x in ids.split("/"))
        return "/".join((self.rounds.get(rid, f"#{rid}"), self.judges.get(jid, f"#{jid}"),
                         self.entries.get(eid, f"#{eid}")))

    def criteria_list(self, ids: set[str]) -> list[str]:
        return sorted(self.criteria.get(int(i), f"#{i}") for i in ids)


def _live_sheets(s: Session) -> dict[str, str]:
    out: dict[str, list] = {}
    rows = s.execute(text(
        "SELECT sh.id, sh.round_id, sh.judge_id, sh.entry_id, sh.state, sc.criterion_id,"
        " sc.value_milli FROM score_sheets sh LEFT JOIN scores sc ON sc.sheet_id = sh.id"
        " ORDER BY sh.id, sc.criterion_id"))
    for sid, rid, jid, eid, state, cid, value in rows:
        item = out.setdefault(str(sid), [f"{rid}/{jid}/{eid}|{state}|", []])
        if cid is not None:
            item[1].append(f"{cid}={value}")
    return {sid: head + ",".join(scores) for sid, (head, scores) in out.items()}


def _parts(sheet_state: str) -> tuple[str, str, dict[str, str]]:
    ids, state, scores = sheet_state.split("|")
    return ids, state, dict(x.split("=") for x in scores.split(",") if x)


def _recorded_state(recorded: str) -> str:
    return recorded.split("#")[1] if recorded.startswith("#") else _parts(recorded)[1]


def _compare_sheet(names: _Names, check: TrailCheck, live: str, recorded: str) -> None:
    if recorded.startswith("#"):
        if digest_of(live) != recorded:
            check.add(Message("audit.sheet_differs", sheet=names.sheet(_parts(live)[0]),
                              criteria="—"))
        return
    if live == recorded:
        return
    lids, lstate, lscores = _parts(live)
    rids, rstate, rscores = _parts(recorded)
    if lids != rids:
        check.add(Message("audit.sheet_moved", sheet=names.sheet(lids),
                          recorded=names.sheet(rids)))
    elif lstate != rstate:
        check.add(Message("audit.sheet_state_differs", sheet=names.sheet(lids), live=lstate,
                          recorded=rstate))
    else:
        changed = {c for c in set(lscores) | set(rscores) if lscores.get(c) != rscores.get(c)}
        check.add(Message("audit.sheet_differs", sheet=names.sheet(lids),
                          criteria=names.criteria_list(changed)))


def _verify_state(s: Session, check: TrailCheck, replay: _Replay) -> None:
    names = _Names(s)
    live_status = {str(i): st for i, st in s.execute(
        text("SELECT id, status FROM competitions")).all()}
    for cid, status in sorted(live_status.items()):
        code = names.competitions[int(cid)]
        if cid not in replay.seen_competitions or check.keyed and cid not in replay.status:
            check.add(Message("audit.competition_untracked", competition=code))
        elif cid in replay.status and replay.status[cid] != status:
            check.add(Message("audit.status_differs", competition=code, live=status,
                              recorded=replay.status[cid]))
    for cid in sorted(set(replay.status) - set(live_status)):
        check.add(Message("audit.competition_deleted", competition=f"#{cid}"))
    if not check.keyed:
        if check.ok:
            check.notes.append(Message("audit.not_keyed"))
        return
    live = _live_sheets(s)
    for sid, state in live.items():
        if _parts(state)[1] != "submitted":
            continue
        recorded = replay.sheets.get(sid)
        if recorded is None:
            check.add(Message("audit.sheet_untracked", sheet=names.sheet(_parts(state)[0])))
        else:
            _compare_sheet(names, check, state, recorded)
    for sid, recorded in replay.sheets.items():
        if recorded is None or _recorded_state(recorded) != "submitted":
            continue
        if sid not in live:
            where = names.sheet(_parts(recorded)[0]) if not recorded.startswith("#") else f"#{sid}"
            check.add(Message("audit.sheet_deleted", sheet=where))
        elif _parts(live[sid])[1] != "submitted":
            _compare_sheet(names, check, live[sid], recorded)
    for cid in sorted(live_status, key=int):
        for problem in audit_digests.differences(
                s, int(cid), names.competitions[int(cid)], names.judges,
                {part: replay.digests[part].get(cid) for part in audit_digests.PARTS}):
            check.add(problem)
    for cid in live_status:
        live_snapshot = snapshot_of(s, int(cid))
        if live_snapshot != replay.snapshots.get(cid):
            check.add(Message("audit.snapshot_differs", competition=names.competitions[int(cid)]))
        live_decisions = decisions_of(s, int(cid))
        recorded = replay.decisions.get(cid, {})
        code = names.competitions[int(cid)]
        for did in sorted(set(live_decisions) | set(recorded), key=int):
            if live_decisions.get(did) == recorded.get(did):
                continue
            kind = s.execute(text("SELECT kind FROM decisions WHERE id = :d"),
                             {"d": int(did)}).scalar() or "—"
            where = {"competition": code, "decision": did, "kind": kind}
            check.add(Message("audit.decision_deleted", **where) if did not in live_decisions
                      else Message("audit.decision_untracked", **where) if did not in recorded
                      else Message("audit.decision_differs", **where))
