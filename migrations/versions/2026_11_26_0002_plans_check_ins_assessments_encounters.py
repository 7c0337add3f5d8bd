"""Recovery plans, goals and steps; check-ins; assessments; encounters; idempotency keys.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:49:31.481077
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('assessments',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('instrument', sa.String(length=20), nullable=False),
    sa.Column('responses', sa.JSON(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('meets_threshold', sa.Boolean(), nullable=True),
    sa.Column('risk', sa.String(length=20), nullable=True),
    sa.Column('administered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('administered_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("instrument IN ('barc10', 'cssrs_screen')", name=op.f('ck_assessments_instrument')),
    sa.CheckConstraint("risk IS NULL OR risk IN ('low', 'moderate', 'high')", name=op.f('ck_assessments_risk')),
    sa.ForeignKeyConstraint(['administered_by_user_id'], ['users.id'], name=op.f('fk_assessments_administered_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_assessments_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_assessments_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index('ix_assessments_participant_id_instrument_administered_at', ['participant_id', 'instrument', 'administered_at'], unique=False)

    op.create_table('check_ins',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mood', sa.Integer(), nullable=False),
    sa.Column('craving', sa.Integer(), nullable=False),
    sa.Column('used_since_last', sa.Boolean(), nullable=False),
    sa.Column('sleep_hours', sa.Float(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('wants_contact', sa.Boolean(), nullable=False),
    sa.Column('risk_level', sa.String(length=20), nullable=False),
    sa.Column('entered_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('entered_by_role', sa.String(length=20), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("risk_level IN ('low', 'elevated', 'high', 'crisis')", name=op.f('ck_check_ins_risk_level')),
    sa.CheckConstraint('craving BETWEEN 0 AND 10', name=op.f('ck_check_ins_craving')),
    sa.CheckConstraint('mood BETWEEN 1 AND 5', name=op.f('ck_check_ins_mood')),
    sa.ForeignKeyConstraint(['entered_by_user_id'], ['users.id'], name=op.f('fk_check_ins_entered_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_check_ins_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_check_ins_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_ins'))
    )
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.create_index('ix_check_ins_organisation_id_risk_level', ['organisation_id', 'risk_level'], unique=False)
        batch_op.create_index('ix_check_ins_participant_id_recorded_at', ['participant_id', 'recorded_at'], unique=False)

    op.create_table('encounters',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('author_user_id', sa.Uuid(), nullable=True),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('dimensions', sa.JSON(), nullable=False),
    sa.Column('referrals', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('billable_units', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('billable_units BETWEEN 0 AND 16', name=op.f('ck_encounters_billable_units')),
    sa.CheckConstraint('minutes BETWEEN 1 AND 1440', name=op.f('ck_encounters_minutes')),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_encounters_author_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_encounters_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_encounters_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_encounters'))
    )
    with op.batch_alter_table('encounters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_encounters_author_user_id'), ['author_user_id'], unique=False)
        batch_op.create_index('ix_encounters_participant_id_started_at', ['participant_id', 'started_at'], unique=False)

    op.create_table('idempotency_keys',
    sa.Column('actor_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('response_body', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_idempotency_keys_actor_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_keys')),
    sa.UniqueConstraint('actor_id', 'key', name='uq_idempotency_keys_actor_key')
    )
    op.create_table('recovery_plans',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('strengths', sa.JSON(), nullable=False),
    sa.Column('barriers', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('active', 'archived')", name=op.f('ck_recovery_plans_status')),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_recovery_plans_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_recovery_plans_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_recovery_plans_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recovery_plans'))
    )
    with op.batch_alter_table('recovery_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovery_plans_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recovery_plans_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index('uq_recovery_plans_one_active_per_participant', ['participant_id'], unique=True, sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))

    op.create_table('goals',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('agreed_by_participant_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('updated_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("dimension IN ('health', 'home', 'purpose', 'community')", name=op.f('ck_goals_dimension')),
    sa.CheckConstraint("status IN ('in-progress', 'improving', 'worsening', 'no-change', 'achieved', 'sustaining', 'not-achieved', 'no-progress', 'not-attainable')", name=op.f('ck_goals_status')),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_goals_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_goals_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['plan_id'], ['recovery_plans.id'], name=op.f('fk_goals_plan_id_recovery_plans'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['updated_by_user_id'], ['users.id'], name=op.f('fk_goals_updated_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals'))
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goals_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goals_plan_id'), ['plan_id'], unique=False)

    op.create_table('goal_steps',
    sa.Column('goal_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_steps_goal_id_goals'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_goal_steps_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_steps'))
    )
    with op.batch_alter_table('goal_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_steps_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_steps_participant_id'), ['participant_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('goal_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_steps_participant_id'))
        batch_op.drop_index(batch_op.f('ix_goal_steps_goal_id'))

    op.drop_table('goal_steps')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goals_plan_id'))
        batch_op.drop_index(batch_op.f('ix_goals_participant_id'))

    op.drop_table('goals')
    with op.batch_alter_table('recovery_plans', schema=None) as batch_op:
        batch_op.drop_index('uq_recovery_plans_one_active_per_participant', sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
        batch_op.drop_index(batch_op.f('ix_recovery_plans_participant_id'))
        batch_op.drop_index(batch_op.f('ix_recovery_plans_organisation_id'))

    op.drop_table('recovery_plans')
    op.drop_table('idempotency_keys')
    with op.batch_alter_table('encounters', schema=None) as batch_op:
        batch_op.drop_index('ix_encounters_participant_id_started_at')
        batch_op.drop_index(batch_op.f('ix_encounters_author_user_id'))

    op.drop_table('encounters')
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.drop_index('ix_check_ins_participant_id_recorded_at')
        batch_op.drop_index('ix_check_ins_organisation_id_risk_level')

    op.drop_table('check_ins')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index('ix_assessments_participant_id_instrument_administered_at')

    op.drop_table('assessments')
