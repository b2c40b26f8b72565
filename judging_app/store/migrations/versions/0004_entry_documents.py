"""documents: entries' files stored once by SHA-256 in 1 MiB chunks, their links, limits

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'documents',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('media_type', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('size > 0', name=op.f('ck_documents_size')),
        sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_documents_sha256')),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_documents')),
    )
    op.create_table(
        'document_chunks',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.CheckConstraint('seq >= 0', name=op.f('ck_document_chunks_seq')),
        sa.ForeignKeyConstraint(['sha256'], ['documents.sha256'], ondelete='CASCADE',
                                name=op.f('fk_document_chunks_sha256_documents')),
        sa.PrimaryKeyConstraint('sha256', 'seq', name=op.f('pk_document_chunks')),
    )
    op.create_table(
        'entry_documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('label', sa.String(length=300), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=True),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('added_by', sa.String(length=300), nullable=False),
        sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('proposal', 'evidence', 'other')",
                           name=op.f('ck_entry_documents_kind')),
        sa.CheckConstraint('size > 0', name=op.f('ck_entry_documents_size')),
        sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], ondelete='CASCADE',
                                name=op.f('fk_entry_documents_entry_id_entries')),
        sa.ForeignKeyConstraint(['round_id'], ['rounds.id'], ondelete='SET NULL',
                                name=op.f('fk_entry_documents_round_id_rounds')),
        sa.ForeignKeyConstraint(['sha256'], ['documents.sha256'],
                                name=op.f('fk_entry_documents_sha256_documents')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_entry_documents')),
        sa.UniqueConstraint('entry_id', 'file_name',
                            name=op.f('uq_entry_documents_entry_id_file_name')),
        sa.UniqueConstraint('entry_id', 'sha256', name=op.f('uq_entry_documents_entry_id_sha256')),
    )
    op.create_index(op.f('ix_entry_documents_entry_id'), 'entry_documents', ['entry_id'])
    op.create_index(op.f('ix_entry_documents_sha256'), 'entry_documents', ['sha256'])
    op.create_table(
        'document_limits',
        sa.Column('competition_id', sa.Integer(), nullable=False),
        sa.Column('max_file_bytes', sa.BigInteger(), nullable=False),
        sa.Column('max_total_bytes', sa.BigInteger(), nullable=False),
        sa.CheckConstraint('max_file_bytes > 0', name=op.f('ck_document_limits_max_file')),
        sa.CheckConstraint('max_total_bytes >= max_file_bytes',
                           name=op.f('ck_document_limits_max_total')),
        sa.ForeignKeyConstraint(['competition_id'], ['competitions.id'], ondelete='CASCADE',
                                name=op.f('fk_document_limits_competition_id_competitions')),
        sa.PrimaryKeyConstraint('competition_id', name=op.f('pk_document_limits')),
    )


def downgrade() -> None:
    op.drop_table('document_limits')
    op.drop_index(op.f('ix_entry_documents_sha256'), table_name='entry_documents')
    op.drop_index(op.f('ix_entry_documents_entry_id'), table_name='entry_documents')
    op.drop_table('entry_documents')
    op.drop_table('document_chunks')
    op.drop_table('documents')
