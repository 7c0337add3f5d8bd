"""Crisis support: crisis contacts (988 for every participant), safety plan versions, crisis
events, the accounting of disclosures, and a work phone on specialist profiles.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 20:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.crisis.models import lifeline_values


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('crisis_contacts',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('may_contact', sa.Boolean(), nullable=False),
    sa.Column('is_lifeline', sa.Boolean(), nullable=False),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('specialist', 'peer_mentor', 'family', 'friend', 'clinician', 'hotline')", name=op.f('ck_crisis_contacts_kind')),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_crisis_contacts_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_crisis_contacts_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_crisis_contacts_participant_id_participants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crisis_contacts'))
    )
    with op.batch_alter_table('crisis_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crisis_contacts_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('ix_crisis_contacts_participant_id_position', ['participant_id', 'position'], unique=False)
        batch_op.create_index('uq_crisis_contacts_one_lifeline_per_participant', ['participant_id'], unique=True, sqlite_where=sa.text('is_lifeline'), postgresql_where=sa.text('is_lifeline'))

    # Every participant already enrolled gets the 988 Lifeline, as new ones do.
    connection = op.get_bind()
    participants = sa.table('participants', sa.column('id', sa.Uuid()), sa.column('organisation_id', sa.Uuid()))
    contacts = sa.table(
        'crisis_contacts',
        *(sa.column(name) for name in ('kind', 'name', 'phone', 'position', 'may_contact', 'is_lifeline', 'version')),
        *(sa.column(name, sa.Uuid()) for name in ('id', 'organisation_id', 'participant_id')),
        *(sa.column(name, sa.DateTime(timezone=True)) for name in ('created_at', 'updated_at')),
    )
    rows = connection.execute(sa.select(participants.c.id, participants.c.organisation_id)).all()
    if rows:
        connection.execute(
            contacts.insert(),
            [lifeline_values(organisation_id=org, participant_id=pid) for pid, org in rows],
        )

    op.create_table('crisis_events',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('reported_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('reported_by_role', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('alert_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_crisis_events_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_crisis_events_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reported_by_user_id'], ['users.id'], name=op.f('fk_crisis_events_reported_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crisis_events'))
    )
    with op.batch_alter_table('crisis_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crisis_events_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crisis_events_participant_id'), ['participant_id'], unique=False)

    op.create_table('safety_plan_versions',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('warning_signs', sa.JSON(), nullable=False),
    sa.Column('internal_coping', sa.JSON(), nullable=False),
    sa.Column('social_distractions', sa.JSON(), nullable=False),
    sa.Column('people_to_ask', sa.JSON(), nullable=False),
    sa.Column('professionals', sa.JSON(), nullable=False),
    sa.Column('environment_safety', sa.JSON(), nullable=False),
    sa.Column('written_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('written_by_role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_safety_plan_versions_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_safety_plan_versions_participant_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['written_by_user_id'], ['users.id'], name=op.f('fk_safety_plan_versions_written_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_plan_versions'))
    )
    with op.batch_alter_table('safety_plan_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_plan_versions_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('uq_safety_plan_versions_participant_id_version', ['participant_id', 'version'], unique=True)

    op.create_table('disclosures',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('recipient_name', sa.String(length=200), nullable=False),
    sa.Column('recipient_facility', sa.String(length=200), nullable=True),
    sa.Column('information_categories', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('nature_of_emergency', sa.Text(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('consent_id', sa.Uuid(), nullable=True),
    sa.Column('disclosed_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('disclosed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("kind IN ('emergency', 'consented')", name=op.f('ck_disclosures_kind')),
    sa.ForeignKeyConstraint(['consent_id'], ['consents.id'], name=op.f('fk_disclosures_consent_id_consents'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['disclosed_by_user_id'], ['users.id'], name=op.f('fk_disclosures_disclosed_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_disclosures_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_disclosures_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosures'))
    )
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disclosures_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('ix_disclosures_participant_id_disclosed_at', ['participant_id', 'disclosed_at'], unique=False)

    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=32), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.drop_column('phone')

    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.drop_index('ix_disclosures_participant_id_disclosed_at')
        batch_op.drop_index(batch_op.f('ix_disclosures_organisation_id'))

    op.drop_table('disclosures')
    with op.batch_alter_table('safety_plan_versions', schema=None) as batch_op:
        batch_op.drop_index('uq_safety_plan_versions_participant_id_version')
        batch_op.drop_index(batch_op.f('ix_safety_plan_versions_organisation_id'))

    op.drop_table('safety_plan_versions')
    with op.batch_alter_table('crisis_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crisis_events_participant_id'))
        batch_op.drop_index(batch_op.f('ix_crisis_events_organisation_id'))

    op.drop_table('crisis_events')
    with op.batch_alter_table('crisis_contacts', schema=None) as batch_op:
        batch_op.drop_index('uq_crisis_contacts_one_lifeline_per_participant', sqlite_where=sa.text('is_lifeline'), postgresql_where=sa.text('is_lifeline'))
        batch_op.drop_index('ix_crisis_contacts_participant_id_position')
        batch_op.drop_index(batch_op.f('ix_crisis_contacts_organisation_id'))

    op.drop_table('crisis_contacts')
