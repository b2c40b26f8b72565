"""Run the built bundle as a user's computer would, with no Python environment around it.

    python tools/smoke_test_bundle.py [BUNDLE_FOLDER]     (default: dist/judging-app)

Every program runs with a bare environment (like `env -i PATH=/usr/bin:/bin HOME=...`):
no virtual environment or PYTHON* variable, empty home, config and data folders, the
offscreen Qt platform. It checks `--version`, builds a scored demo competition, reads its
results (text and JSON), checks the audit trail, writes the results workbook, the winners
list and the minutes (PDF, with the date in words), and opens the window of both programs
(`--smoke-test`). Exit status 0 when all of it worked; each step is printed with its time.
Used by .ci/run and the bundle workflow.

With JUDGING_APP_TEST_PG_URL (a PostgreSQL role that may create databases, as .ci/run
arranges) it also builds and ranks a demo on a new database of that server, through the
PostgreSQL driver the bundle carries, and drops the database afterwards.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
TIMEOUT_S = 300


def version() -> str:
    text = (ROOT / "judging_app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def bare_environment(home: Path) -> dict[str, str]:
    folders = {name: home / name.lower() for name in (
        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
        "XDG_RUNTIME_DIR", "APPDATA", "LOCALAPPDATA")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    environment = {name: str(folder) for name, folder in folders.items()}
    environment.update(HOME=str(home), LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    if WINDOWS:
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        environment.update(SYSTEMROOT=system_root, USERPROFILE=str(home),
                           TEMP=str(home), TMP=str(home),
                           PATH=f"{system_root}\\System32;{system_root}")
    else:
        environment["PATH"] = "/usr/bin:/bin"
    return environment


class Bundle:
    def __init__(self, folder: Path, home: Path) -> None:
        suffix = ".exe" if WINDOWS else ""
        self.console = folder / f"judging-app{suffix}"
        self.windowed = folder / f"judging-app-gui{suffix}"
        self.environment = bare_environment(home)
        self.work = home
        self.failures: list[str] = []

    def run(self, program: Path, *arguments: str, expect: str | None = None) -> str:
        """Run one program; record a failure when it exits non-zero or `expect` is not in
        its output. Returns the output."""
        label = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", " ".join([program.name, *arguments]))
        start = time.monotonic()
        try:
            done = subprocess.run([str(program), *arguments], env=self.environment,
                                  cwd=self.work, capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", timeout=TIMEOUT_S)
            output, status = done.stdout + done.stderr, done.returncode
        except subprocess.TimeoutExpired:
            output, status = f"(no answer after {TIMEOUT_S} s)", "timeout"
        seconds = time.monotonic() - start
        ok = status == 0 and (expect is None or expect in output)
        print(f"{'ok  ' if ok else 'FAIL'} {seconds:5.1f} s  {label}", flush=True)
        if not ok:
            self.failures.append(label)
            print(f"      exit status {status}; output:\n{output}", flush=True)
        return output


def check_postgresql(bundle: Bundle, server_url: str) -> None:
    """A demo on a brand-new database of the server, ranked, through the bundle's driver."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    name = f"judging_bundle_{uuid.uuid4().hex[:10]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        db = url.set(database=name).render_as_string(hide_password=False)
        bundle.run(bundle.console, "--db", db, "--as", "CI", "demo", "--entries", "12",
                   "--judges", "3", "--scored")
        bundle.run(bundle.console, "--db", db, "results", "--competition", "demo-2026",
                   expect="Juara")
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a Windows pipe's code page lacks Σ and ×
        stream.reconfigure(errors="backslashreplace")
    args = argv if argv is not None else sys.argv[1:]
    folder = Path(args[0]) if args else ROOT / "dist" / "judging-app"
    home = Path(tempfile.mkdtemp(prefix="judging-app-bundle-"))
    try:
        bundle = Bundle(folder.resolve(), home)
        db = str(home / "demo.sqlite")
        app = bundle.console
        bundle.run(app, "--version", expect=version())
        bundle.run(app, "competition", "templates", expect="city_competition")
        bundle.run(app, "--db", db, "--as", "CI", "demo", "--entries", "30", "--judges", "4",
                   "--scored")
        listed = bundle.run(app, "--db", db, "competition", "list").split()
        code = listed[0] if listed else "demo"
        bundle.run(app, "--db", db, "results", "--competition", code, expect="Juara")
        results = bundle.run(app, "--db", db, "results", "--competition", code, "--json")
        ranked = []
        try:
            ranked = [row for category in json.loads(results)["categories"]
                      for row in category["rows"] if row["rank"] is not None]
            print(f"      results --json: {len(ranked)} ranked entries", flush=True)
        except (ValueError, KeyError, TypeError) as error:
            bundle.failures.append(f"results --json is not the documented JSON ({error})")
        bundle.run(app, "--db", db, "db", "verify-audit")
        for document, name in (("results", "results.xlsx"), ("winners", "winners.pdf"),
                               ("minutes", "minutes.pdf")):
            bundle.run(app, "--db", db, "export", document, "--competition", code,
                       "--out", str(home / name))
        for name in ("winners.pdf", "minutes.pdf"):
            path = home / name
            if not path.is_file() or path.read_bytes()[:5] != b"%PDF-":
                bundle.failures.append(f"no PDF in {name}")
        if ranked and (home / "minutes.pdf").is_file():
            # attaching a proposal opens it in the PDF renderer's child process: in a frozen
            # app that child is the bundle itself (multiprocessing.freeze_support)
            proposals = home / "proposals"
            proposals.mkdir()
            shutil.copy(home / "minutes.pdf", proposals / f"{ranked[0]['code']} proposal.pdf")
            bundle.run(app, "--db", db, "--as", "CI", "entries", "attach", str(proposals),
                       "--competition", code)
            bundle.run(app, "--db", db, "entries", "missing-documents", "--competition", code,
                       "--json")
        opened = None if WINDOWS else "opened"  # a windowed .exe has no output to read
        bundle.run(app, "--db", db, "gui", "--smoke-test", expect="opened")
        bundle.run(bundle.windowed, "--db", db, "--smoke-test", expect=opened)
        if os.environ.get("JUDGING_APP_TEST_PG_URL"):
            check_postgresql(bundle, os.environ["JUDGING_APP_TEST_PG_URL"])
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if bundle.failures:
        print("bundle smoke test FAILED:", "; ".join(bundle.failures), flush=True)
        return 1
    print("bundle smoke test: all passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
