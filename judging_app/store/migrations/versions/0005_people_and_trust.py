"""people and trust: people, roles, judge links, the database's protection; keyed audit
events with their state; competition key ids and judge key nonces (signing keys leave the
database); finalize receipts and reopening

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

DECISION_KINDS = ("tie_break", "disqualification", "reopen_sheet", "reopen_rubric",
                  "manual_advancement", "allow_incomplete")
NEW_DECISION_KINDS = DECISION_KINDS + ("reopen_approval", "reopen_competition")


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _fill_tokens(table: str, column: str) -> None:
    bind = op.get_bind()
    ids = [r[0] for r in bind.execute(sa.text(f"SELECT id FROM {table}"))]
    for row_id in ids:
        bind.execute(sa.text(f"UPDATE {table} SET {column} = :t WHERE id = :i"),
                     {"t": secrets.token_hex(16), "i": row_id})


def upgrade() -> None:
    op.create_table(
        'people',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('login', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('nip', sa.String(length=32), nullable=False),
        sa.Column('password_hash', sa.Text(), nullable=True),
        sa.Column('disabled', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
        sa.UniqueConstraint('login', name=op.f('uq_people_login')),
    )
    op.create_table(
        'person_roles',
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.CheckConstraint("role IN ('secretariat', 'chair', 'judge', 'observer')",
                           name=op.f('ck_person_roles_role')),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE',
                                name=op.f('fk_person_roles_person_id_people')),
        sa.PrimaryKeyConstraint('person_id', 'role', name=op.f('pk_person_roles')),
    )
    op.create_table(
        'person_judges',
        sa.Column('judge_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['judge_id'], ['judges.id'], ondelete='CASCADE',
                                name=op.f('fk_person_judges_judge_id_judges')),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE',
                                name=op.f('fk_person_judges_person_id_people')),
        sa.PrimaryKeyConstraint('judge_id', name=op.f('pk_person_judges')),
    )
    op.create_index(op.f('ix_person_judges_person_id'), 'person_judges', ['person_id'])
    security = op.create_table(
        'app_security',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('mode', sa.String(length=20), nullable=False),
        sa.Column('database_id', sa.String(length=32), nullable=False),
        sa.Column('audit_key_check', sa.String(length=64), nullable=True),
        sa.Column('protected_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('server_prefix', sa.String(length=40), nullable=True),
        sa.CheckConstraint('id = 1', name=op.f('ck_app_security_single_row')),
        sa.CheckConstraint("mode IN ('open', 'protected', 'server')",
                           name=op.f('ck_app_security_mode')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_app_security')),
    )
    op.bulk_insert(security, [{"id": 1, "mode": "open", "database_id": secrets.token_hex(16)}])

    with op.batch_alter_table('competitions') as batch_op:
        batch_op.add_column(sa.Column('key_id', sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(op.f('uq_competitions_key_id'), ['key_id'])

    with op.batch_alter_table('judges') as batch_op:
        batch_op.add_column(sa.Column('key_nonce', sa.String(length=32), nullable=True))
        batch_op.alter_column('package_secret', existing_type=sa.String(length=128),
                              nullable=True)
    _fill_tokens('judges', 'key_nonce')
    with op.batch_alter_table('judges') as batch_op:
        batch_op.alter_column('key_nonce', existing_type=sa.String(length=32), nullable=False)

    with op.batch_alter_table('decisions') as batch_op:
        batch_op.drop_constraint(op.f('ck_decisions_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(_kinds(NEW_DECISION_KINDS)))

    with op.batch_alter_table('audit_events') as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('verified', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('scheme', sa.String(length=10), nullable=False,
                                      server_default='sha256'))
        batch_op.add_column(sa.Column('state', sa.Text(), nullable=False,
                                      server_default='null'))
    with op.batch_alter_table('audit_events') as batch_op:
        batch_op.alter_column('verified', server_default=None, existing_type=sa.Boolean(),
                              existing_nullable=False)
        batch_op.alter_column('scheme', server_default=None,
                              existing_type=sa.String(length=10), existing_nullable=False)
        batch_op.alter_column('state', server_default=None, existing_type=sa.Text(),
                              existing_nullable=False)
        batch_op.create_check_constraint('scheme', sa.text(
            "scheme IN ('sha256', 'hmac', 'server')"))

    with op.batch_alter_table('result_snapshots') as batch_op:
        batch_op.add_column(sa.Column('receipt', sa.Text(), nullable=False,
                                      server_default='{}'))
        batch_op.add_column(sa.Column('superseded_at', sa.DateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table('result_snapshots') as batch_op:
        batch_op.alter_column('receipt', server_default=None, existing_type=sa.Text(),
                              existing_nullable=False)
    op.create_index('ix_assignments_judge_entry', 'assignments', ['judge_id', 'entry_id'])


def downgrade() -> None:
    op.drop_index('ix_assignments_judge_entry', table_name='assignments')
    with op.batch_alter_table('result_snapshots') as batch_op:
        batch_op.drop_column('superseded_at')
        batch_op.drop_column('receipt')
    with op.batch_alter_table('audit_events') as batch_op:
        batch_op.drop_constraint(op.f('ck_audit_events_scheme'), type_='check')
        batch_op.drop_column('state')
        batch_op.drop_column('scheme')
        batch_op.drop_column('verified')
        batch_op.drop_column('person_id')
    with op.batch_alter_table('decisions') as batch_op:
        batch_op.drop_constraint(op.f('ck_decisions_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(_kinds(DECISION_KINDS)))
    with op.batch_alter_table('judges') as batch_op:
        batch_op.drop_column('key_nonce')
    with op.batch_alter_table('competitions') as batch_op:
        batch_op.drop_constraint(op.f('uq_competitions_key_id'), type_='unique')
        batch_op.drop_column('key_id')
    op.drop_table('app_security')
    op.drop_index(op.f('ix_person_judges_person_id'), table_name='person_judges')
    op.drop_table('person_judges')
    op.drop_table('person_roles')
    op.drop_table('people')
