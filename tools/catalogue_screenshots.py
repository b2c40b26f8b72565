"""Screenshots of the public catalogue in a headless browser (Debian: `apt-get install
chromium`; not needed by the tests or CI): the index filtered by a search and a year, and
one innovation's page, in Indonesian.

    python tools/catalogue_screenshots.py     # writes docs/screenshots/catalogue_*.png

(Not a tools/shots_*.py script: tools/screenshots.py runs those, and they need no browser.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("no headless browser: apt-get install chromium")


def screenshot(url: str, path: Path, size: str = "1280,900") -> Path:
    subprocess.run([browser(), "--headless", "--no-sandbox", "--disable-gpu",
                    f"--window-size={size}", f"--screenshot={path}", url],
                   check=True, capture_output=True, timeout=120)
    return path


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from judging_app.demo.programme import build_programme_demo
    from judging_app.services.catalogue import write_catalogue
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="judging-app-catalogue-") as tmp:
        db = open_database(Path(tmp) / "programme.sqlite")
        try:
            build_programme_demo(Workspace(db, "Dewi Lestari"))
            report = write_catalogue(db, Path(tmp) / "katalog", lang="id")
        finally:
            db.close()
        index = report.index.as_uri()
        print(screenshot(f"{index}?q=sampah&year=2025", OUT / "catalogue_index_id.png"))
        page = sorted((report.index.parent / "inovasi").glob("INO-2024-*.html"))[0]
        print(screenshot(page.as_uri(), OUT / "catalogue_innovation_id.png"))


if __name__ == "__main__":
    main()
