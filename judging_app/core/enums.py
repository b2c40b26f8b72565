"""Codes stored in the database and written in files. Values are stable identifiers (English,
lower case); labels shown to people come from the UI's translation catalogue."""

from __future__ import annotations

from enum import StrEnum


class CompetitionStatus(StrEnum):
    DRAFT = "draft"
    REGISTRATION = "registration"
    JUDGING = "judging"
    FINALIZED = "finalized"


COMPETITION_STATUS_ORDER = list(CompetitionStatus)


class RankingScope(StrEnum):
    CATEGORY = "category"
    OVERALL = "overall"


class AggregationMethod(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"
    STANDARDIZED = "standardized"


class RoundCombination(StrEnum):
    LAST_ROUND = "last_round"
    WEIGHTED = "weighted"


class RoundKind(StrEnum):
    SCREENING = "screening"  # pass / fail with reason (seleksi administrasi)
    SCORED = "scored"


class AdvancementKind(StrEnum):
    NONE = "none"  # everyone eligible goes on (or last round)
    TOP_N = "top_n"  # top N per category
    THRESHOLD = "threshold"  # final score >= threshold
    MANUAL = "manual"


class EntryStatus(StrEnum):
    REGISTERED = "registered"
    ELIGIBLE = "eligible"
    DISQUALIFIED = "disqualified"
    WITHDRAWN = "withdrawn"


class InnovationStage(StrEnum):
    INITIATIVE = "initiative"  # inisiatif
    TRIAL = "trial"  # uji coba
    IMPLEMENTATION = "implementation"  # penerapan


class InnovationType(StrEnum):
    DIGITAL = "digital"
    NON_DIGITAL = "non_digital"


class JudgeRole(StrEnum):
    JUDGE = "judge"
    CHAIR = "chair"


class ConflictSource(StrEnum):
    AUTOMATIC = "automatic"  # judge's unit is the entry's unit
    DECLARED = "declared"


class ConflictReason(StrEnum):
    SAME_UNIT = "same_unit"
    PROFESSIONAL = "professional"
    PERSONAL = "personal"
    OTHER = "other"


class SheetState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class SheetSource(StrEnum):
    DIRECT = "direct"
    PACKAGE = "package"
    EXCEL = "excel"
    PAPER = "paper"


class AssignmentSource(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"


class AwardKind(StrEnum):
    RANK = "rank"  # by rank range within the category (Juara I = rank 1..1)
    BAND = "band"  # by final score band (predicate, e.g. Sangat Inovatif)


class DecisionKind(StrEnum):
    TIE_BREAK = "tie_break"
    DISQUALIFICATION = "disqualification"
    REOPEN_SHEET = "reopen_sheet"
    REOPEN_RUBRIC = "reopen_rubric"
    MANUAL_ADVANCEMENT = "manual_advancement"
    ALLOW_INCOMPLETE = "allow_incomplete"
    REOPEN_APPROVAL = "reopen_approval"  # the chair's sign-off to reopen finalized results
    REOPEN_COMPETITION = "reopen_competition"  # the secretariat reopened them (with it)


# Tie-break metrics, applied in the order the competition lists them.
# "criterion:<code>" names one criterion of the round being ranked.
TIE_BREAK_CRITERIA_BY_WEIGHT = "criteria_by_weight"
TIE_BREAK_LATER_ROUND = "later_round"
TIE_BREAK_FIRST_PLACES = "first_places"
TIE_BREAK_CHAIR_DECISION = "chair_decision"
TIE_BREAK_CRITERION_PREFIX = "criterion:"
SIMPLE_TIE_BREAKS = (
    TIE_BREAK_CRITERIA_BY_WEIGHT,
    TIE_BREAK_LATER_ROUND,
    TIE_BREAK_FIRST_PLACES,
    TIE_BREAK_CHAIR_DECISION,
)
