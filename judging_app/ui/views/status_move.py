"""Moving a competition along draft → registration → judging from a view (Setup's buttons
and the overview's next steps): ask, then move. Module-level on purpose (see the note on
`translate` in i18n.py); the texts keep the Setup view's context and translations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from judging_app.core.enums import CompetitionStatus
from judging_app.services import competitions
from judging_app.ui.i18n import fill
from judging_app.ui.labels import competition_status_label


def move_status(view, confirm: Callable[[QWidget, str, str], bool], current: str,
                target: CompetitionStatus) -> bool:
    """Ask (through `confirm`) and move the view's competition to `target`; True when moved
    (a refusal is shown by the view's run_write)."""
    text = fill(QCoreApplication.translate("SetupView", "Move the competition from %1 to %2?"),
                competition_status_label(current), competition_status_label(target))
    if target == CompetitionStatus.JUDGING:
        text += "\n\n" + QCoreApplication.translate(
            "SetupView", "Judges can then score the entries assigned to them.")
    if not confirm(view, QCoreApplication.translate("SetupView", "Change the status"), text):
        return False
    code = view.ctx.competition
    return bool(view.run_write(lambda ws: competitions.set_status(ws, code, target) or True,
                               QCoreApplication.translate("SetupView",
                                                          "Cannot change the status")))
