"""Texts people see in judge mode for stored codes, and number display. Module-level
functions on purpose (see the note on `translate` in ui/i18n.py)."""

from __future__ import annotations

import html
from fractions import Fraction

from PySide6.QtCore import QCoreApplication, QLocale

from judging_app.core.numbers import format_decimal
from judging_app.exchange.judge_package_fields import RubricCriterion
from judging_app.ui.judge.session import DRAFT, NOT_STARTED, SUBMITTED
from judging_app.ui.views.entries_model import stage_labels, type_labels


def sheet_state_label(state: str) -> str:
    labels = {NOT_STARTED: QCoreApplication.translate("JudgeModeLabels", "Not started"),
              DRAFT: QCoreApplication.translate("JudgeModeLabels", "Draft"),
              SUBMITTED: QCoreApplication.translate("JudgeModeLabels", "Submitted")}
    return labels.get(state, state)


def stage_label(stage: str) -> str:
    return stage_labels().get(stage, stage)


def type_label(kind: str) -> str:
    return type_labels().get(kind, kind)


def decimal_point() -> str:
    """',' in Indonesian, '.' in English (the current default locale)."""
    point = QLocale().decimalPoint()
    return point if isinstance(point, str) and point else "."


def total_text(total: Fraction | None) -> str:
    """A total with two decimals, rounded half up for display only: '74,00'."""
    if total is None:
        return "–"
    return format_decimal(total, 2).replace(".", decimal_point())


def criterion_name(c: RubricCriterion, language: str) -> str:
    return c.name_en if language == "en" and c.name_en else c.name


def criterion_description(c: RubricCriterion, language: str) -> str:
    return c.description_en if language == "en" and c.description_en else c.description


def level_text(text: str, text_en: str, language: str) -> str:
    return text_en if language == "en" and text_en else text


def escape(text: str) -> str:
    """Plain text for a rich-text label: escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")
