"""The judges' signing keys (packages, returns, Excel sheets), derived from the
competition's secret in the secretariat's key store (services/keys.py); nothing in the
database signs anything.

`prepare(ws, competition)` runs before the secretariat signs or checks files: it makes the
competition's secret when it has none yet (a competition from before schema 0005) and moves
keys still stored in `judges.package_secret` into the key store, emptying the column (one
audited transaction). Reading keys never writes (`judge_key`, `judge_keys`).
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.people import Role
from judging_app.services import audit, keys, lookup
from judging_app.services.authorization import require
from judging_app.services.workspace import Workspace
from judging_app.store.models import Competition, Judge
from judging_app.store.rows import RowReader


class KeyedCompetition(Protocol):
    """What reading keys needs of a competition: a Competition row, or a record of these."""

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def key_id(self) -> str | None: ...


def competition_key(s: Session, comp: KeyedCompetition) -> keys.CompetitionKey:
    return keys.load_competition_key(comp.key_id, comp.code)


def new_key_for(comp: Competition) -> None:
    """A new competition gets its secret at once (in the creator's key store)."""
    comp.key_id = keys.new_competition_key(comp.code).key_id


def _move_legacy(s: Session, ws: Workspace, comp: Competition) -> None:
    old = s.scalars(select(Judge).where(Judge.competition_id == comp.id,
                                        Judge.package_secret.is_not(None))).all()
    made = comp.key_id is None
    if made:
        new_key_for(comp)
    key = competition_key(s, comp)
    if old:
        key.legacy.update({j.key_nonce: j.package_secret for j in old})
        keys.save_competition_key(key, comp.code)
        for j in old:
            j.package_secret = None
    if made or old:
        audit.record(s, ws.actor, "keys.moved_out", "competition", comp.code,
                     new={"key_made": made, "judges": sorted(j.code for j in old)},
                     competition_id=comp.id)


def prepare(ws: Workspace, competition: str | int) -> None:
    """Make sure the competition's secret is in the key store (see the module docstring).
    Signing and checking judges' files is the secretariat's."""
    with ws.db.read() as s:  # nearly always nothing to move: no write lock taken for it
        require(s, ws, Role.SECRETARIAT)
        if ready(s, lookup.competition(s, competition)):
            return
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.competition(s, competition)
        if not ready(s, comp):  # another writer may have moved them meanwhile
            _move_legacy(s, ws, comp)


def ready(s: Session, comp: KeyedCompetition) -> bool:
    """Whether the competition's secret is in the key store and no judge's key is left in
    the database (refused when this computer lacks the secret)."""
    if comp.key_id is None or RowReader.of_session(s).one(
            "SELECT 1 FROM judges WHERE competition_id = :c AND package_secret IS NOT NULL"
            " LIMIT 1", {"c": comp.id}):
        return False
    competition_key(s, comp)
    return True


def judge_keys(s: Session, comp: KeyedCompetition) -> dict[int, str]:
    """judge id -> signing key (hex) of every judge of the competition."""
    judges = s.execute(select(Judge.id, Judge.key_nonce, Judge.package_secret).where(
        Judge.competition_id == comp.id)).all()
    if all(secret for _, _, secret in judges):  # not moved out yet: an old database
        return {jid: secret for jid, _, secret in judges}
    key = competition_key(s, comp)
    return {jid: secret or key.judge_key(nonce) for jid, nonce, secret in judges}


def judge_key(s: Session, comp: Competition, judge: Judge) -> str:
    return judge_key_of(s, comp, judge.key_nonce, judge.package_secret)


def judge_key_of(s: Session, comp: KeyedCompetition, nonce: str,
                 package_secret: str | None) -> str:
    """The signing key of the judge with this nonce (and key still in the database, in an
    old one)."""
    if package_secret:
        return package_secret
    return competition_key(s, comp).judge_key(nonce)
