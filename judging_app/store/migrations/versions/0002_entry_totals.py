"""entry totals: per-entry counted sheets and per-criterion sums, kept by store.entry_totals

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 00:15:00
"""

from __future__ import annotations

import math

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _key(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{parent}.id'], ondelete='CASCADE',
                                   name=op.f(f'fk_{table}_{column}_{parent}'))


def upgrade() -> None:
    op.create_table(
        'entry_round_totals',
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('sheets', sa.Integer(), nullable=False),
        sa.Column('numerator', sa.BigInteger(), nullable=False),
        sa.Column('criteria_key', sa.LargeBinary(), nullable=True),
        sa.Column('median_criteria_key', sa.LargeBinary(), nullable=True),
        sa.CheckConstraint('sheets > 0', name=op.f('ck_entry_round_totals_sheets')),
        _key('entry_round_totals', 'entry_id', 'entries'),
        _key('entry_round_totals', 'round_id', 'rounds'),
        sa.PrimaryKeyConstraint('round_id', 'entry_id', name=op.f('pk_entry_round_totals')),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_entry_round_totals_entry', 'entry_round_totals', ['entry_id'])
    op.create_table(
        'entry_criterion_totals',
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('criterion_id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('total_milli', sa.BigInteger(), nullable=False),
        sa.Column('score_count', sa.Integer(), nullable=False),
        sa.Column('min_milli', sa.Integer(), nullable=False),
        sa.Column('max_milli', sa.Integer(), nullable=False),
        sa.Column('median2_milli', sa.Integer(), nullable=False),
        sa.CheckConstraint('score_count > 0', name=op.f('ck_entry_criterion_totals_score_count')),
        _key('entry_criterion_totals', 'criterion_id', 'criteria'),
        _key('entry_criterion_totals', 'entry_id', 'entries'),
        _key('entry_criterion_totals', 'round_id', 'rounds'),
        sa.PrimaryKeyConstraint('round_id', 'criterion_id', 'entry_id',
                                name=op.f('pk_entry_criterion_totals')),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_entry_criterion_totals_entry', 'entry_criterion_totals', ['entry_id'])
    op.create_table(
        'sheet_totals',
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('judge_id', sa.Integer(), nullable=False),
        sa.Column('numerator', sa.BigInteger(), nullable=False),
        _key('sheet_totals', 'entry_id', 'entries'),
        _key('sheet_totals', 'judge_id', 'judges'),
        _key('sheet_totals', 'round_id', 'rounds'),
        sa.PrimaryKeyConstraint('round_id', 'entry_id', 'judge_id', name=op.f('pk_sheet_totals')),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_sheet_totals_entry', 'sheet_totals', ['entry_id'])
    op.create_index('ix_score_sheets_entry', 'score_sheets', ['entry_id'])
    # Fill them from the scores already there (what entry_totals.rebuild does; written out
    # here so that this migration stays what it was when the code changes).
    counted = ("sh.state = 'submitted' AND NOT EXISTS (SELECT 1 FROM conflicts cf"
               " WHERE cf.judge_id = sh.judge_id AND cf.entry_id = sh.entry_id)")
    op.execute(
        "INSERT INTO entry_criterion_totals (round_id, criterion_id, entry_id, total_milli,"
        " score_count, min_milli, max_milli, median2_milli)"
        " SELECT round_id, criterion_id, entry_id, SUM(v), COUNT(*), MIN(v), MAX(v),"
        " SUM(CASE WHEN rn = (n + 1) / 2 THEN v ELSE 0 END)"
        " + SUM(CASE WHEN rn = n / 2 + 1 THEN v ELSE 0 END)"
        " FROM (SELECT sh.round_id, s.criterion_id, sh.entry_id, s.value_milli AS v,"
        " ROW_NUMBER() OVER (PARTITION BY sh.round_id, s.criterion_id, sh.entry_id"
        " ORDER BY s.value_milli) AS rn,"
        " COUNT(*) OVER (PARTITION BY sh.round_id, s.criterion_id, sh.entry_id) AS n"
        " FROM scores s JOIN score_sheets sh ON sh.id = s.sheet_id WHERE " + counted
        + ") x GROUP BY round_id, criterion_id, entry_id"
    )
    maxima: dict[int, list[int]] = {}
    for rid, top in op.get_bind().execute(sa.text("SELECT round_id, scale_max_milli FROM criteria")):
        maxima.setdefault(rid, []).append(top)
    for rid, tops in maxima.items():
        op.get_bind().execute(sa.text(
            "INSERT INTO sheet_totals (round_id, entry_id, judge_id, numerator)"
            " SELECT sh.round_id, sh.entry_id, sh.judge_id, SUM(CAST(c.weight_milli AS BIGINT)"
            " * (CAST(:lcm AS BIGINT) / c.scale_max_milli) * s.value_milli)"
            " FROM scores s JOIN criteria c ON c.id = s.criterion_id"
            " JOIN score_sheets sh ON sh.id = s.sheet_id WHERE sh.round_id = :round_id AND "
            + counted + " GROUP BY sh.id, sh.round_id, sh.entry_id, sh.judge_id"
        ), {"round_id": rid, "lcm": math.lcm(*tops)})
    op.execute(
        "INSERT INTO entry_round_totals (round_id, entry_id, sheets, numerator)"
        " SELECT round_id, entry_id, COUNT(*), SUM(numerator) FROM sheet_totals"
        " GROUP BY round_id, entry_id"
    )
    _fill_criteria_keys(op.get_bind())


def _fill_criteria_keys(bind) -> None:
    """What core.scoring.criteria_keys.mean_criteria_key computes, written out here so that
    this migration stays what it was when the code changes."""
    scale, limit = math.lcm(*range(1, 21)), 1 << 64
    order: dict[int, list[int]] = {}
    for cid, rid, _w, _p in sorted(bind.execute(sa.text(
            "SELECT id, round_id, weight_milli, position FROM criteria")).all(),
            key=lambda c: (c[1], -c[2], c[3])):
        order.setdefault(rid, []).append(cid)
    totals: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}
    medians: dict[tuple[int, int], dict[int, int]] = {}
    for rid, eid, cid, total, count, median2 in bind.execute(sa.text(
            "SELECT round_id, entry_id, criterion_id, total_milli, score_count, median2_milli"
            " FROM entry_criterion_totals")):
        totals.setdefault((rid, eid), {})[cid] = (int(total), count)
        medians.setdefault((rid, eid), {})[cid] = int(median2)
    updates = []
    for rid, eid in bind.execute(sa.text("SELECT round_id, entry_id FROM entry_round_totals")):
        median_key = b"".join(
            bytes(8) if medians.get((rid, eid), {}).get(cid) is None
            else (medians[(rid, eid)][cid] + 1).to_bytes(8, "big")
            for cid in order.get(rid, []))
        key: bytearray | None = bytearray()
        for cid in order.get(rid, []):
            item = totals.get((rid, eid), {}).get(cid)
            if item is None:
                key += bytes(8)
                continue
            total, count = item
            value = total * (scale // count) + 1 if 0 < count <= 20 and total >= 0 else limit
            if value >= limit:
                key = None
                break
            key += value.to_bytes(8, "big")
        updates.append({"r": rid, "e": eid, "k": None if key is None else bytes(key),
                        "m": median_key})
    if updates:
        bind.execute(sa.text("UPDATE entry_round_totals SET criteria_key = :k,"
                             " median_criteria_key = :m WHERE round_id = :r AND entry_id = :e"),
                     updates)


def downgrade() -> None:
    op.drop_index('ix_score_sheets_entry', table_name='score_sheets')
    op.drop_index('ix_sheet_totals_entry', table_name='sheet_totals')
    op.drop_table('sheet_totals')
    op.drop_index('ix_entry_criterion_totals_entry', table_name='entry_criterion_totals')
    op.drop_table('entry_criterion_totals')
    op.drop_index('ix_entry_round_totals_entry', table_name='entry_round_totals')
    op.drop_table('entry_round_totals')
