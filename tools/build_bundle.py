"""Build the one-folder bundle of judging_app for this operating system.

    python tools/build_bundle.py [--clean]

Runs PyInstaller on packaging/judging_app.spec and writes dist/judging-app/ (on macOS also
dist/Judging App.app): the programs `judging-app` and `judging-app-gui` with everything they
need, no Python required on the computer that runs them. PyInstaller, and the app itself
with its PostgreSQL driver, are installed into the running Python environment first when
they are missing. Prints the bundle's size and how long the build took.
`python tools/smoke_test_bundle.py` then runs the bundle as a user would.
See docs/bundle.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "judging_app.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "judging-app"
WORK = ROOT / "build" / "pyinstaller"
PYINSTALLER = "pyinstaller>=6.10"


def missing_requirements() -> list[str]:
    wanted = []
    if importlib.util.find_spec("PyInstaller") is None:
        wanted.append(PYINSTALLER)
    if importlib.util.find_spec("judging_app") is None or importlib.util.find_spec("psycopg") is None:
        wanted += ["-e", f"{ROOT}[postgres]"]
    return wanted


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def missing_libraries(bundle: Path) -> list[str]:
    """Linux: libraries a file of the bundle links against that neither the bundle nor this
    system has ("FILE: NAME"), as ldd reports them."""
    problems = []
    for path in sorted(bundle.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        output = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        problems += [f"{path.relative_to(bundle)}: {line.split()[0]}"
                     for line in output.splitlines() if "not found" in line]
    return sorted(set(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true",
                        help="forget PyInstaller's cache of earlier builds (default: reuse it)")
    args = parser.parse_args(argv)

    wanted = missing_requirements()
    if wanted:
        print("installing into the build environment:", " ".join(wanted), flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *wanted], check=True)

    start = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    subprocess.run(command, check=True, cwd=ROOT)
    seconds = time.monotonic() - start

    if sys.platform.startswith("linux"):
        problems = missing_libraries(BUNDLE)
        for problem in problems:
            print("missing library:", problem, file=sys.stderr)
        if any(": libQt" in problem for problem in problems):
            return 1
    print(f"bundle: {BUNDLE.relative_to(ROOT)} — {megabytes(folder_size(BUNDLE))} "
          f"in {sum(1 for p in BUNDLE.rglob('*') if p.is_file())} files, "
          f"built in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
