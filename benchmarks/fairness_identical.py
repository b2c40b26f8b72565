"""Is `judging-app fairness --json` byte for byte what it was? For large databases (the
30,000-entry demo) that a test cannot build: save the outputs once, change the code, compare.

    python benchmarks/fairness_identical.py save DIR FILE...     # before the change
    python benchmarks/fairness_identical.py compare DIR FILE...  # after: prints same/DIFFERENT

Each competition in each file is run for all rounds and for every scored round alone
(`--round`). Exit status 1 when any output differs.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

CLI = Path(sys.executable).with_name("judging-app")


def runs(path: Path) -> list[tuple[str, str | None]]:
    """(competition, round or None) to run on the file."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        comps = [c for (c,) in conn.execute("SELECT code FROM competitions ORDER BY code")]
        out: list[tuple[str, str | None]] = []
        for code in comps:
            out.append((code, None))
            out.extend((code, r) for (r,) in conn.execute(
                "SELECT r.code FROM rounds r JOIN competitions c ON c.id = r.competition_id"
                " WHERE c.code = ? AND r.kind = 'scored' ORDER BY r.position", (code,)))
    return out


def output(path: Path, code: str, round_code: str | None) -> bytes:
    args = [str(CLI), "--db", str(path), "fairness", "--competition", code, "--json"]
    if round_code:
        args += ["--round", round_code]
    return subprocess.run(args, check=True, capture_output=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    differ = 0
    for path in args.files:
        for code, round_code in runs(path):
            name = f"{path.stem}-{code}-{round_code or 'all'}.json"
            start = time.perf_counter()
            body = output(path, code, round_code)
            took = time.perf_counter() - start
            digest = hashlib.sha256(body).hexdigest()[:16]
            if args.action == "save":
                (args.dir / name).write_bytes(body)
                print(f"saved {name}: {len(body)} bytes, sha256 {digest}…, {took:.2f} s")
                continue
            before = (args.dir / name).read_bytes()
            if before == body:
                print(f"same      {name}: {len(body)} bytes, sha256 {digest}…, {took:.2f} s")
            else:
                differ += 1
                at = next((i for i, (a, b) in enumerate(zip(before, body, strict=False))
                           if a != b),
                          min(len(before), len(body)))
                print(f"DIFFERENT {name}: first difference at byte {at}: "
                      f"{before[max(at - 60, 0):at + 60]!r} -> {body[max(at - 60, 0):at + 60]!r}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
