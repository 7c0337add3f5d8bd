"""Outcome surveys (intake, six-month follow-up, discharge), integrator clients, and the
integrator a consented disclosure went to.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 00:17:37.532114
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('integrator_clients',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('scopes', sa.JSON(), nullable=False),
    sa.Column('secret_digest', sa.String(length=64), nullable=False),
    sa.Column('pseudonym_key', sa.LargeBinary(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_integrator_clients_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_integrator_clients_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_integrator_clients'))
    )
    with op.batch_alter_table('integrator_clients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_integrator_clients_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('outcome_surveys',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('timepoint', sa.String(length=20), nullable=False),
    sa.Column('administered_on', sa.Date(), nullable=False),
    sa.Column('alcohol_days', sa.Integer(), nullable=False),
    sa.Column('drug_days', sa.Integer(), nullable=False),
    sa.Column('arrests', sa.Integer(), nullable=False),
    sa.Column('er_visits', sa.Integer(), nullable=False),
    sa.Column('inpatient_nights', sa.Integer(), nullable=False),
    sa.Column('housing', sa.String(length=20), nullable=False),
    sa.Column('employment', sa.String(length=30), nullable=False),
    sa.Column('in_treatment', sa.Boolean(), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('social_support', sa.Boolean(), nullable=False),
    sa.Column('recorded_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('recorded_by_role', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('corrected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("employment IN ('employed_full_time', 'employed_part_time', 'in_education', 'unemployed', 'not_in_labour_force')", name=op.f('ck_outcome_surveys_employment')),
    sa.CheckConstraint("housing IN ('stable', 'unstable', 'homeless')", name=op.f('ck_outcome_surveys_housing')),
    sa.CheckConstraint("timepoint IN ('intake', 'followup_6mo', 'discharge')", name=op.f('ck_outcome_surveys_timepoint')),
    sa.CheckConstraint('alcohol_days BETWEEN 0 AND 30', name=op.f('ck_outcome_surveys_alcohol_days')),
    sa.CheckConstraint('arrests BETWEEN 0 AND 30', name=op.f('ck_outcome_surveys_arrests')),
    sa.CheckConstraint('drug_days BETWEEN 0 AND 30', name=op.f('ck_outcome_surveys_drug_days')),
    sa.CheckConstraint('er_visits BETWEEN 0 AND 30', name=op.f('ck_outcome_surveys_er_visits')),
    sa.CheckConstraint('inpatient_nights BETWEEN 0 AND 30', name=op.f('ck_outcome_surveys_inpatient_nights')),
    sa.CheckConstraint('satisfaction BETWEEN 1 AND 5', name=op.f('ck_outcome_surveys_satisfaction')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_outcome_surveys_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_outcome_surveys_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['recorded_by_user_id'], ['users.id'], name=op.f('fk_outcome_surveys_recorded_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_surveys')),
    sa.UniqueConstraint('participant_id', 'timepoint', name=op.f('uq_outcome_surveys_participant_id'))
    )
    with op.batch_alter_table('outcome_surveys', schema=None) as batch_op:
        batch_op.create_index('ix_outcome_surveys_organisation_id_timepoint', ['organisation_id', 'timepoint'], unique=False)
        batch_op.create_index('ix_outcome_surveys_updated_at_id', ['updated_at', 'id'], unique=False)

    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recipient_client_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_disclosures_recipient_client_id_integrator_clients'), 'integrator_clients', ['recipient_client_id'], ['id'], ondelete='RESTRICT')



def downgrade() -> None:
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_disclosures_recipient_client_id_integrator_clients'), type_='foreignkey')
        batch_op.drop_column('recipient_client_id')

    with op.batch_alter_table('outcome_surveys', schema=None) as batch_op:
        batch_op.drop_index('ix_outcome_surveys_updated_at_id')
        batch_op.drop_index('ix_outcome_surveys_organisation_id_timepoint')

    op.drop_table('outcome_surveys')
    with op.batch_alter_table('integrator_clients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_integrator_clients_organisation_id'))

    op.drop_table('integrator_clients')
