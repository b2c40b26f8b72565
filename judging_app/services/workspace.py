"""Who is working on which database: the handle every use case takes."""

from __future__ import annotations

from dataclasses import dataclass

from judging_app.core.messages import Message
from judging_app.services.errors import ServiceError
from judging_app.store.database import Database


@dataclass(frozen=True)
class Workspace:
    db: Database
    actor: str  # the person the app knows is working; recorded on every audit event

    def __post_init__(self) -> None:
        if not self.actor or not self.actor.strip():
            raise ServiceError(Message("workspace.no_actor"))
