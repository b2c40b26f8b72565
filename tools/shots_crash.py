"""Screenshots of the dialog an unexpected failure shows (ui/crash.py).

    python tools/shots_crash.py            # docs/screenshots/crash_dialog_{id,en}.png

Under Qt's offscreen platform, in Indonesian and English: the one line with the crash
log's path, the details shown (as after "Show details").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from judging_app.core.messages import Message
    from judging_app.ui.crash import CrashDialog
    from judging_app.ui.i18n import Translations, message_text

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        from judging_app.services.crash_log import crash_report

        details = crash_report(exc, "judging-app (window)")
    log = "/home/sekretariat/.local/state/judging-app/log/crash-20260512T091500-4242.log"
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("id", "en"):
        translations.apply(language)
        dialog = CrashDialog(None, message_text(Message("common.unexpected", path=log)),
                             details)
        dialog.show()
        dialog.show_button.click()
        dialog.resize(640, 360)
        app.processEvents()
        path = OUT / f"crash_dialog_{language}.png"
        dialog.grab().save(str(path))
        print(f"wrote {path}")
        dialog.close()
    translations.uninstall()
    return 0


if __name__ == "__main__":
    sys.exit(main())
