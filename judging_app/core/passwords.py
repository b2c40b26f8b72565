"""Password hashes: scrypt (the standard library's hashlib.scrypt), a random salt per
person, and the parameters stored with the hash so they can be raised later without
breaking older hashes.

    scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>

N = 2^14, r = 8, p = 1 (16 MiB of memory per attempt): one check costs well under the
100 ms that signing in may add to opening the app on the secretariat's PC (measured by
benchmarks/bench_security.py, numbers in docs/security.md). That is below what is advised
for a public web login (2^17); here the hashes sit in a file whose owner can edit it
anyway, and what they guard is mostly a password reused elsewhere. Raise N here when PCs
allow: older hashes keep their own parameters.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * r * n + 1024 * 1024, dklen=HASH_BYTES)


def hash_password(password: str, *, n: int | None = None, r: int = R, p: int = P) -> str:
    n = n or N  # read when called: the test suite lowers the cost (tests/conftest.py)
    salt = os.urandom(SALT_BYTES)
    return "$".join((SCHEME, str(n), str(r), str(p), _b64(salt),
                     _b64(_derive(password, salt, n, r, p))))


def check_password(password: str, stored: str | None) -> bool:
    """Whether `password` matches the stored hash (False for a malformed or empty one)."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(digest, validate=True)
        got = _derive(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
