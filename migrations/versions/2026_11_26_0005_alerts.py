"""Alerts: routed to the matched specialist or the supervisors, escalated once; one-time
tickets for opening the alert stream.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 21:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('alerts',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('severity', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('assignee_user_id', sa.Uuid(), nullable=True),
    sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('resolution_note', sa.String(length=2000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("severity IN ('high', 'crisis')", name=op.f('ck_alerts_severity')),
    sa.CheckConstraint("source IN ('crisis_event', 'check_in', 'assessment')", name=op.f('ck_alerts_source')),
    sa.CheckConstraint("status IN ('open', 'acknowledged', 'resolved')", name=op.f('ck_alerts_status')),
    sa.CheckConstraint("(status = 'resolved') = (resolved_at IS NOT NULL)", name=op.f('ck_alerts_resolved')),
    sa.ForeignKeyConstraint(['acknowledged_by_user_id'], ['users.id'], name=op.f('fk_alerts_acknowledged_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assignee_user_id'], ['users.id'], name=op.f('fk_alerts_assignee_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_alerts_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_alerts_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['resolved_by_user_id'], ['users.id'], name=op.f('fk_alerts_resolved_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts')),
    sa.UniqueConstraint('source', 'source_id', name=op.f('uq_alerts_source'))
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index('ix_alerts_assignee_user_id_status_created_at', ['assignee_user_id', 'status', 'created_at'], unique=False)
        batch_op.create_index('ix_alerts_organisation_id_created_at', ['organisation_id', 'created_at'], unique=False)
        batch_op.create_index('ix_alerts_participant_id_created_at', ['participant_id', 'created_at'], unique=False)
        batch_op.create_index('ix_alerts_status_escalated_at_created_at', ['status', 'escalated_at', 'created_at'], unique=False)

    op.create_table('alert_stream_tickets',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('token_digest', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_alert_stream_tickets_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_stream_tickets')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_alert_stream_tickets_token_digest'))
    )
    with op.batch_alter_table('alert_stream_tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_stream_tickets_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('alert_stream_tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_stream_tickets_user_id'))

    op.drop_table('alert_stream_tickets')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_alerts_status_escalated_at_created_at')
        batch_op.drop_index('ix_alerts_participant_id_created_at')
        batch_op.drop_index('ix_alerts_organisation_id_created_at')
        batch_op.drop_index('ix_alerts_assignee_user_id_status_created_at')

    op.drop_table('alerts')
