"""document settings: letterhead, head of region, place, numbers and time zone per competition

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    text = [sa.Column(name, sa.String(length=300), nullable=False)
            for name in ('government', 'office', 'address')]
    more = [sa.Column(name, sa.String(length=300), nullable=False)
            for name in ('head_title', 'region', 'head_name', 'head_nip', 'place',
                         'minutes_number', 'decree_number')]
    op.create_table(
        'document_settings',
        sa.Column('competition_id', sa.Integer(), nullable=False),
        *text,
        sa.Column('logo', sa.LargeBinary(), nullable=False),
        *more,
        sa.Column('time_zone', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['competition_id'], ['competitions.id'], ondelete='CASCADE',
                                name=op.f('fk_document_settings_competition_id_competitions')),
        sa.PrimaryKeyConstraint('competition_id', name=op.f('pk_document_settings')),
    )


def downgrade() -> None:
    op.drop_table('document_settings')
