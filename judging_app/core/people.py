"""People and what they may do: the roles, and the signed-in person ("principal") every
write is made by. Pure data; the rules live in services/authorization.py."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    SECRETARIAT = "secretariat"  # sets up, registers, assigns, advances, finalizes
    CHAIR = "chair"  # decides ties, signs off a reopening of finalized results
    JUDGE = "judge"  # scores the sheets of the judge rows linked to the person
    OBSERVER = "observer"  # reads, writes nothing


LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
MIN_PASSWORD_LENGTH = 8


def login_from_name(name: str) -> str:
    """A login suggested from a person's name, without titles: 'Prof. Dr. Siti Aminah,
    M.Si.' -> 'siti_aminah' (degrees follow the comma in Indonesian names)."""
    name = name.split(",")[0]
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z0-9]+", plain) if w and w not in {"dr", "ir", "prof", "drs", "hj", "h"}]
    login = "_".join(words)[:30].strip("_")
    if not login or not login[0].isalpha():
        login = ("p_" + login)[:30].strip("_")
    return login if LOGIN_PATTERN.match(login) else "person"


@dataclass(frozen=True)
class Principal:
    """Who is making a change. `verified`: the person signed in with a password (or a
    server login); an unverified principal is only a typed name (an unprotected database).
    `person_id` is None for a typed name that is not a registered person."""

    name: str
    person_id: int | None = None
    login: str = ""
    roles: frozenset[Role] = field(default_factory=frozenset)
    verified: bool = False
    judge_ids: frozenset[int] = field(default_factory=frozenset)

    def has(self, role: Role) -> bool:
        return role in self.roles

    def display(self) -> str:
        return self.name if not self.login else f"{self.name} ({self.login})"
