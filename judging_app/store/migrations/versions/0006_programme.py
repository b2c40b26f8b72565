"""the yearly programme: a register of units and innovations across years, links from
each competition's units and entries, monitoring, forwarding, competition levels

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New tables only: the competition tables are not altered (links are rows beside them).
    op.create_table('registry_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('established_on', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('successor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('successor_id IS NULL OR ended_on IS NOT NULL', name=op.f('ck_registry_units_successor_end')),
    sa.CheckConstraint('successor_id IS NULL OR successor_id != id', name=op.f('ck_registry_units_not_itself')),
    sa.ForeignKeyConstraint(['successor_id'], ['registry_units.id'], name=op.f('fk_registry_units_successor_id_registry_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registry_units')),
    sa.UniqueConstraint('code', name=op.f('uq_registry_units_code'))
    )
    op.create_table('competition_levels',
    sa.Column('competition_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.CheckConstraint("level IN ('city', 'regional', 'national')", name=op.f('ck_competition_levels_level')),
    sa.ForeignKeyConstraint(['competition_id'], ['competitions.id'], name=op.f('fk_competition_levels_competition_id_competitions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('competition_id', name=op.f('pk_competition_levels'))
    )
    op.create_table('innovations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('first_year', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('first_year BETWEEN 2000 AND 2200', name=op.f('ck_innovations_first_year')),
    sa.ForeignKeyConstraint(['unit_id'], ['registry_units.id'], name=op.f('fk_innovations_unit_id_registry_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_innovations')),
    sa.UniqueConstraint('code', name=op.f('uq_innovations_code'))
    )
    op.create_index('ix_innovations_unit', 'innovations', ['unit_id'], unique=False)
    op.create_table('registry_unit_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['registry_units.id'], name=op.f('fk_registry_unit_names_unit_id_registry_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registry_unit_names')),
    sa.UniqueConstraint('unit_id', 'valid_from', name=op.f('uq_registry_unit_names_unit_id_valid_from'))
    )
    op.create_index(op.f('ix_registry_unit_names_unit_id'), 'registry_unit_names', ['unit_id'], unique=False)
    op.create_table('innovation_statuses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('innovation_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=300), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('continued', 'stopped')", name=op.f('ck_innovation_statuses_state')),
    sa.CheckConstraint('year BETWEEN 2000 AND 2200', name=op.f('ck_innovation_statuses_year')),
    sa.ForeignKeyConstraint(['innovation_id'], ['innovations.id'], name=op.f('fk_innovation_statuses_innovation_id_innovations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_innovation_statuses')),
    sa.UniqueConstraint('innovation_id', 'year', name=op.f('uq_innovation_statuses_innovation_id_year'))
    )
    op.create_table('unit_links',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('registry_unit_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('linked_by', sa.String(length=300), nullable=False),
    sa.CheckConstraint("method IN ('code', 'name', 'similar', 'manual', 'created')", name=op.f('ck_unit_links_method')),
    sa.ForeignKeyConstraint(['registry_unit_id'], ['registry_units.id'], name=op.f('fk_unit_links_registry_unit_id_registry_units'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_links_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', name=op.f('pk_unit_links'))
    )
    op.create_index('ix_unit_links_registry_unit', 'unit_links', ['registry_unit_id'], unique=False)
    op.create_table('entry_forwards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_entry_id', sa.Integer(), nullable=False),
    sa.Column('to_entry_id', sa.Integer(), nullable=False),
    sa.Column('to_competition_id', sa.Integer(), nullable=False),
    sa.Column('forwarded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('forwarded_by', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['from_entry_id'], ['entries.id'], name=op.f('fk_entry_forwards_from_entry_id_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_competition_id'], ['competitions.id'], name=op.f('fk_entry_forwards_to_competition_id_competitions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_entry_id'], ['entries.id'], name=op.f('fk_entry_forwards_to_entry_id_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entry_forwards')),
    sa.UniqueConstraint('from_entry_id', 'to_competition_id', name=op.f('uq_entry_forwards_from_entry_id_to_competition_id')),
    sa.UniqueConstraint('to_entry_id', name=op.f('uq_entry_forwards_to_entry_id'))
    )
    op.create_index(op.f('ix_entry_forwards_from_entry_id'), 'entry_forwards', ['from_entry_id'], unique=False)
    op.create_table('entry_innovations',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('innovation_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=10), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('linked_by', sa.String(length=300), nullable=False),
    sa.CheckConstraint("relation IN ('new', 'continues', 'develops', 'forwarded')", name=op.f('ck_entry_innovations_relation')),
    sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_entry_innovations_entry_id_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['innovation_id'], ['innovations.id'], name=op.f('fk_entry_innovations_innovation_id_innovations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_entry_innovations'))
    )
    op.create_index('ix_entry_innovations_innovation', 'entry_innovations', ['innovation_id'], unique=False)
    op.create_table('innovation_replications',
    sa.Column('status_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['status_id'], ['innovation_statuses.id'], name=op.f('fk_innovation_replications_status_id_innovation_statuses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['registry_units.id'], name=op.f('fk_innovation_replications_unit_id_registry_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('status_id', 'unit_id', name=op.f('pk_innovation_replications'))
    )


def downgrade() -> None:
    op.drop_table('innovation_replications')
    op.drop_index('ix_entry_innovations_innovation', table_name='entry_innovations')
    op.drop_table('entry_innovations')
    op.drop_index(op.f('ix_entry_forwards_from_entry_id'), table_name='entry_forwards')
    op.drop_table('entry_forwards')
    op.drop_index('ix_unit_links_registry_unit', table_name='unit_links')
    op.drop_table('unit_links')
    op.drop_table('innovation_statuses')
    op.drop_index(op.f('ix_registry_unit_names_unit_id'), table_name='registry_unit_names')
    op.drop_table('registry_unit_names')
    op.drop_index('ix_innovations_unit', table_name='innovations')
    op.drop_table('innovations')
    op.drop_table('competition_levels')
    op.drop_table('registry_units')
