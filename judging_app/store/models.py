"""SQLAlchemy 2 typed models: the whole domain of docs/design.md.

Exact numbers: every decimal quantity is an integer count of thousandths (`*_milli`):
a weight of 12.5 % is 12500, a score of 3.5 is 3500. Times are UTC.
Changing anything here needs a migration in store/migrations/versions.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from judging_app.store.model_base import NAMING, Base, _in  # noqa: F401 (NAMING: migrations)


def _token() -> str:
    return secrets.token_hex(16)


class Competition(Base):
    __tablename__ = "competitions"
    __table_args__ = (
        CheckConstraint(_in("status", ["draft", "registration", "judging", "finalized"]), "status"),
        CheckConstraint(_in("ranking_scope", ["category", "overall"]), "ranking_scope"),
        CheckConstraint(
            _in("aggregation", ["mean", "median", "trimmed_mean", "standardized"]), "aggregation"
        ),
        CheckConstraint(_in("round_combination", ["last_round", "weighted"]), "round_combination"),
        CheckConstraint("trimmed_min_sheets >= 3", "trimmed_min_sheets"),
        CheckConstraint("year BETWEEN 2000 AND 2200", "year"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    year: Mapped[int] = mapped_column(Integer)
    organiser: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    ranking_scope: Mapped[str] = mapped_column(String(20), default="category")
    aggregation: Mapped[str] = mapped_column(String(20), default="mean")
    trimmed_min_sheets: Mapped[int] = mapped_column(Integer, default=5)
    allow_incomplete: Mapped[bool] = mapped_column(Boolean, default=False)
    round_combination: Mapped[str] = mapped_column(String(20), default="last_round")
    tie_breaks: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of metric names
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Names the competition's secret in the secretariat's key store (services/keys.py): a
    # fingerprint of it, not the secret. None until the secret is made (competitions of
    # databases older than schema 0005: on the secretariat's first use).
    key_id: Mapped[str | None] = mapped_column(String(32), unique=True)


class Category(Base):
    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("competition_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer)


class Unit(Base):
    """A government unit (perangkat daerah): where entries and some judges come from."""

    __tablename__ = "units"
    __table_args__ = (
        UniqueConstraint("competition_id", "code"),
        UniqueConstraint("competition_id", "name"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(64), default="")  # dinas, badan, kecamatan, ...


class Entry(Base):
    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("competition_id", "code"),
        CheckConstraint(
            _in("status", ["registered", "eligible", "disqualified", "withdrawn"]), "status"
        ),
        CheckConstraint(
            "status NOT IN ('disqualified', 'withdrawn') OR length(status_reason) > 0",
            "status_reason",
        ),
        CheckConstraint(_in("stage", ["initiative", "trial", "implementation"]), "stage"),
        CheckConstraint(_in("innovation_type", ["digital", "non_digital"]), "innovation_type"),
        Index("ix_entries_competition_category", "competition_id", "category_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(500))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    innovators: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    stage: Mapped[str] = mapped_column(String(20), default="implementation")
    innovation_type: Mapped[str] = mapped_column(String(20), default="digital")
    started_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    links: Mapped[str] = mapped_column(Text, default="")  # one URL per line
    status: Mapped[str] = mapped_column(String(20), default="registered")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Round(Base):
    __tablename__ = "rounds"
    __table_args__ = (
        UniqueConstraint("competition_id", "code"),
        UniqueConstraint("competition_id", "position"),
        CheckConstraint(_in("kind", ["screening", "scored"]), "kind"),
        CheckConstraint("weight_milli BETWEEN 0 AND 100000", "weight"),
        CheckConstraint(_in("advancement", ["none", "top_n", "threshold", "manual"]), "advancement"),
        CheckConstraint("advancement != 'top_n' OR advancement_top_n >= 1", "top_n"),
        CheckConstraint(
            "advancement != 'threshold' OR advancement_threshold_milli BETWEEN 0 AND 100000",
            "threshold",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="scored")
    weight_milli: Mapped[int] = mapped_column(Integer, default=0)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    advancement: Mapped[str] = mapped_column(String(20), default="none")
    advancement_top_n: Mapped[int | None] = mapped_column(Integer)
    advancement_threshold_milli: Mapped[int | None] = mapped_column(Integer)
    instructions: Mapped[str] = mapped_column(Text, default="")
    instructions_en: Mapped[str] = mapped_column(Text, default="")
    # Set when the secretariat reopens a rubric that has submitted sheets (with a decision).
    rubric_reopened: Mapped[bool] = mapped_column(Boolean, default=False)


class Criterion(Base):
    __tablename__ = "criteria"
    __table_args__ = (
        UniqueConstraint("round_id", "code"),
        CheckConstraint("weight_milli BETWEEN 0 AND 100000", "weight"),
        CheckConstraint("scale_min_milli >= 0", "scale_min"),
        CheckConstraint("scale_max_milli > scale_min_milli", "scale_range"),
        CheckConstraint("scale_step_milli > 0", "scale_step"),
        CheckConstraint("(scale_max_milli - scale_min_milli) % scale_step_milli = 0", "step_divides"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    group_name: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer)
    weight_milli: Mapped[int] = mapped_column(Integer)
    scale_min_milli: Mapped[int] = mapped_column(Integer)
    scale_max_milli: Mapped[int] = mapped_column(Integer)
    scale_step_milli: Mapped[int] = mapped_column(Integer)


class CriterionLevel(Base):
    """A level descriptor: what a given score on a criterion means."""

    __tablename__ = "criterion_levels"
    __table_args__ = (UniqueConstraint("criterion_id", "score_milli"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id", ondelete="CASCADE"))
    score_milli: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")


class AwardTier(Base):
    __tablename__ = "award_tiers"
    __table_args__ = (
        UniqueConstraint("competition_id", "code"),
        CheckConstraint(_in("kind", ["rank", "band"]), "kind"),
        CheckConstraint(
            "kind != 'rank' OR (rank_from >= 1 AND rank_to >= rank_from)", "rank_range"
        ),
        CheckConstraint(
            "kind != 'band' OR (min_score_milli IS NOT NULL AND "
            "(max_score_milli IS NULL OR max_score_milli > min_score_milli))",
            "band_range",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(300))
    label_en: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(10))
    rank_from: Mapped[int | None] = mapped_column(Integer)
    rank_to: Mapped[int | None] = mapped_column(Integer)
    min_score_milli: Mapped[int | None] = mapped_column(Integer)
    max_score_milli: Mapped[int | None] = mapped_column(Integer)
    min_inclusive: Mapped[bool] = mapped_column(Boolean, default=True)
    max_inclusive: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer)


class Judge(Base):
    __tablename__ = "judges"
    __table_args__ = (
        UniqueConstraint("competition_id", "code"),
        CheckConstraint(_in("role", ["judge", "chair"]), "role"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    email: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(10), default="judge")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The judge's signing key (packages, returns, Excel sheets) is derived from the
    # competition's secret, kept outside the database, and this nonce (services/keys.py);
    # a new nonce gives the judge a new key. `package_secret` is the key of databases made
    # before schema 0005: moved into the key store on first use, then emptied.
    key_nonce: Mapped[str] = mapped_column(String(32), default=_token)
    package_secret: Mapped[str | None] = mapped_column(String(128))


class Conflict(Base):
    __tablename__ = "conflicts"
    __table_args__ = (
        UniqueConstraint("judge_id", "entry_id"),
        CheckConstraint(_in("source", ["automatic", "declared"]), "source"),
        CheckConstraint(_in("reason", ["same_unit", "professional", "personal", "other"]), "reason"),
        CheckConstraint("reason != 'other' OR length(reason_text) > 0", "other_text"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(20))
    reason_text: Mapped[str] = mapped_column(Text, default="")
    declared_by: Mapped[str] = mapped_column(String(300), default="")
    declared_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("round_id", "judge_id", "entry_id"),
        CheckConstraint(_in("source", ["automatic", "manual"]), "source"),
        Index("ix_assignments_round_entry", "round_id", "entry_id"),
        # a judge's login on a server: row-level security asks "is this entry assigned to
        # me" once per entry row (store/server_sql.py)
        Index("ix_assignments_judge_entry", "judge_id", "entry_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(10), default="manual")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ScoreSheet(Base):
    """One judge's scores for one entry in one round."""

    __tablename__ = "score_sheets"
    __table_args__ = (
        UniqueConstraint("round_id", "judge_id", "entry_id"),
        CheckConstraint(_in("state", ["draft", "submitted"]), "state"),
        CheckConstraint(_in("source", ["direct", "package", "excel", "paper"]), "source"),
        CheckConstraint("version >= 1", "version"),
        CheckConstraint("state != 'submitted' OR submitted_at IS NOT NULL", "submitted_at"),
        Index("ix_score_sheets_round_entry", "round_id", "entry_id"),
        Index("ix_score_sheets_entry", "entry_id"),  # entry_totals.refresh
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(10), default="draft")
    version: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(String(10), default="direct")
    overall_comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reopened_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Score(Base):
    __tablename__ = "scores"
    __table_args__ = (
        UniqueConstraint("sheet_id", "criterion_id"),
        CheckConstraint("value_milli >= 0", "value"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("criteria.id", ondelete="CASCADE"), index=True
    )
    value_milli: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class EntryRoundTotal(Base):
    """Derived data, kept by store.entry_totals in the transaction of every write that
    changes which sheets count: how many counted sheets (submitted, judge without a
    conflict) an entry has in a round, and the sum of their numerators (store.score_queries).
    Never edited by hand; `db verify-totals` checks it."""

    __tablename__ = "entry_round_totals"
    __table_args__ = (
        CheckConstraint("sheets > 0", "sheets"),
        Index("ix_entry_round_totals_entry", "entry_id"),
        {"sqlite_with_rowid": False},
    )
    round_id: Mapped[int] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    sheets: Mapped[int] = mapped_column(Integer)
    numerator: Mapped[int] = mapped_column(BigInteger)
    # core.scoring.criteria_keys.mean_criteria_key of the entry's criterion totals (None
    # when it has none): the criteria_by_weight tie-break under the mean in one sort
    criteria_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    median_criteria_key: Mapped[bytes | None] = mapped_column(LargeBinary)  # the same, median


class SheetTotal(Base):
    """Derived data like EntryRoundTotal: each counted sheet's numerator (its total is
    numerator / (1000 × L), L the lcm of the round's max_milli), for the methods that need
    every sheet's total (median, trimmed mean, standardized) and the fairness evidence."""

    __tablename__ = "sheet_totals"
    __table_args__ = (
        Index("ix_sheet_totals_entry", "entry_id"),
        {"sqlite_with_rowid": False},
    )
    round_id: Mapped[int] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    judge_id: Mapped[int] = mapped_column(
        ForeignKey("judges.id", ondelete="CASCADE"), primary_key=True
    )
    numerator: Mapped[int] = mapped_column(BigInteger)


class EntryCriterionTotal(Base):
    """Derived data like EntryRoundTotal: the sum, count, minimum, maximum and twice the
    median of an entry's counted scores on one criterion (thousandths). Keyed by round and criterion first, so
    that a tie-break reads one criterion of a whole round in key order."""

    __tablename__ = "entry_criterion_totals"
    __table_args__ = (
        CheckConstraint("score_count > 0", "score_count"),
        Index("ix_entry_criterion_totals_entry", "entry_id"),
        {"sqlite_with_rowid": False},
    )
    round_id: Mapped[int] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("criteria.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    total_milli: Mapped[int] = mapped_column(BigInteger)
    score_count: Mapped[int] = mapped_column(Integer)
    min_milli: Mapped[int] = mapped_column(Integer)
    max_milli: Mapped[int] = mapped_column(Integer)
    median2_milli: Mapped[int] = mapped_column(Integer)  # twice the median: an integer


class Advancement(Base):
    """An entry taken on from one round to the next (by the rule or by hand)."""

    __tablename__ = "advancements"
    __table_args__ = (
        UniqueConstraint("round_id", "entry_id"),
        CheckConstraint(_in("source", ["rule", "manual"]), "source"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(10))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class Decision(Base):
    """Something a person decided that changes results, with who, when and why."""

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(
            _in(
                "kind",
                [
                    "tie_break",
                    "disqualification",
                    "reopen_sheet",
                    "reopen_rubric",
                    "manual_advancement",
                    "allow_incomplete",
                    "reopen_approval",
                    "reopen_competition",
                ],
            ),
            "kind",
        ),
        CheckConstraint("length(reason) > 0", "reason"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(Text)  # JSON: what it is about
    outcome: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what was decided
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(300))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentSetting(Base):
    """How the competition's documents are headed and signed (core.documents); at most one
    row per competition, none = the defaults. Times printed in `time_zone` (IANA name)."""

    __tablename__ = "document_settings"
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"), primary_key=True)
    government: Mapped[str] = mapped_column(String(300), default="")
    office: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    logo: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    head_title: Mapped[str] = mapped_column(String(300), default="WALI KOTA")
    region: Mapped[str] = mapped_column(String(300), default="")
    head_name: Mapped[str] = mapped_column(String(300), default="")
    head_nip: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    minutes_number: Mapped[str] = mapped_column(String(300), default="")
    decree_number: Mapped[str] = mapped_column(String(300), default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")


# Entries' documents and links live in their own module; imported so Base.metadata has them.
# The yearly programme's tables live in their own module; imported here so that every user
# of Base.metadata (migrations, schema checks) sees them.
from judging_app.store import programme_models as _programme_models  # noqa: E402, F401
from judging_app.store.document_models import (  # noqa: E402, F401
    Attachment,
    Document,
    DocumentChunk,
    DocumentLimits,
    EntryDocument,
)

# The trail, the snapshots and the people live in models_trust (re-exported here).
from judging_app.store.models_trust import (  # noqa: E402, F401
    AuditEvent,
    AuditHead,
    Person,
    PersonJudge,
    PersonRole,
    ResultSnapshot,
    SecuritySettings,
)
