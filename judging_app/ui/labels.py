"""Labels people see for the stable codes stored in the database (core/enums.py).

Module-level functions on purpose: see the note on `translate` in i18n.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from judging_app.core.enums import COMPETITION_STATUS_ORDER, CompetitionStatus


def competition_status_label(status: str) -> str:
    """draft → Draf, registration → Pendaftaran, judging → Penilaian,
    finalized → Final (disahkan); an unknown code is shown as it is."""
    labels = {
        CompetitionStatus.DRAFT: QCoreApplication.translate("CompetitionStatus", "Draft"),
        CompetitionStatus.REGISTRATION: QCoreApplication.translate(
            "CompetitionStatus", "Registration"
        ),
        CompetitionStatus.JUDGING: QCoreApplication.translate("CompetitionStatus", "Judging"),
        CompetitionStatus.FINALIZED: QCoreApplication.translate(
            "CompetitionStatus", "Finalized"
        ),
    }
    try:
        return labels[CompetitionStatus(status)]
    except ValueError:
        return status


def competition_status_rank(status: str) -> int:
    """Position in the lifecycle draft → registration → judging → finalized (for sorting)."""
    try:
        return COMPETITION_STATUS_ORDER.index(CompetitionStatus(status))
    except ValueError:
        return len(COMPETITION_STATUS_ORDER)
