"""Who is working on which database: the handle every use case takes.

`Workspace(db, "Name")` is a typed name (an unprotected database: every write allowed, the
audit trail marks the name as not verified). `Workspace(db, principal)` carries a signed-in
person (services/people.sign_in): their roles are checked by services/authorization at the
top of every write use case. `ws.actor` is the display name in either case.
"""

from __future__ import annotations

from dataclasses import dataclass

from judging_app.core.messages import Message
from judging_app.core.people import Principal
from judging_app.services.errors import ServiceError
from judging_app.store.database import Database


@dataclass(frozen=True, init=False)
class Workspace:
    db: Database
    principal: Principal

    def __init__(self, db: Database, who: str | Principal) -> None:
        if isinstance(who, str):
            if not who or not who.strip():
                raise ServiceError(Message("workspace.no_actor"))
            who = Principal(name=" ".join(who.split()))
        object.__setattr__(self, "db", db)
        object.__setattr__(self, "principal", who)

    @property
    def actor(self) -> str:
        """The person's display name: what the audit trail records as 'who'."""
        return self.principal.name
