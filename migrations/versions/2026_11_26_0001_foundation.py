"""Foundation: organisations, accounts, participants, consents, matches, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 15:37:31.759226
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The audit trail is append-only: PostgreSQL refuses any UPDATE or DELETE of its rows.
AUDIT_GUARD = """
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
"""


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=True),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_role', sa.String(length=32), nullable=True),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('resource', sa.String(length=300), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index('ix_audit_events_organisation_id_occurred_at', ['organisation_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_audit_events_participant_id_occurred_at', ['participant_id', 'occurred_at'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(AUDIT_GUARD)

    op.create_table('organisations',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('name', name=op.f('uq_organisations_name'))
    )
    op.create_table('participants',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('preferred_name', sa.String(length=200), nullable=False),
    sa.Column('legal_name', sa.String(length=200), nullable=True),
    sa.Column('search_name', sa.String(length=420), nullable=False),
    sa.Column('pronouns', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('primary_language', sa.String(length=35), nullable=False),
    sa.Column('gender_identity', sa.String(length=60), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('substances', sa.JSON(), nullable=False),
    sa.Column('recovery_pathways', sa.JSON(), nullable=False),
    sa.Column('recovery_start_date', sa.Date(), nullable=True),
    sa.Column('strengths', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('risk_level', sa.String(length=20), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('intake_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawal_reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("risk_level IS NULL OR risk_level IN ('low', 'elevated', 'high', 'crisis')", name=op.f('ck_participants_risk_level')),
    sa.CheckConstraint("status IN ('active', 'withdrawn', 'discharged')", name=op.f('ck_participants_status')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_participants_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_intake_by_user_id'), ['intake_by_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('ix_participants_organisation_id_search_name', ['organisation_id', 'search_name'], unique=False)

    op.create_table('users',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('deactivated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(role = 'participant') = (participant_id IS NOT NULL)", name=op.f('ck_users_participant_link')),
    sa.CheckConstraint("role IN ('admin', 'supervisor', 'specialist', 'participant')", name=op.f('ck_users_role')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_users_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_users_participant_id_participants'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email')),
    sa.UniqueConstraint('participant_id', name=op.f('uq_users_participant_id'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_organisation_id'), ['organisation_id'], unique=False)

    # participants and users refer to each other: this key waits until both exist.
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f('fk_participants_intake_by_user_id_users'), 'users',
            ['intake_by_user_id'], ['id'], ondelete='SET NULL',
        )

    op.create_table('consents',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signature', sa.String(length=200), nullable=False),
    sa.Column('discloser', sa.String(length=200), nullable=True),
    sa.Column('recipient_name', sa.String(length=200), nullable=True),
    sa.Column('recipient_client_id', sa.Uuid(), nullable=True),
    sa.Column('information_categories', sa.JSON(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('expiry_event', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('revocation_reason', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("kind IN ('enrolment', 'disclosure')", name=op.f('ck_consents_kind')),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_consents_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_consents_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_consents_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['revoked_by_user_id'], ['users.id'], name=op.f('fk_consents_revoked_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consents_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consents_recipient_client_id'), ['recipient_client_id'], unique=False)

    op.create_table('refresh_tokens',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('token_digest', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('spent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_refresh_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refresh_tokens')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_refresh_tokens_token_digest'))
    )
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refresh_tokens_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refresh_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('specialists',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('max_caseload', sa.Integer(), nullable=False),
    sa.Column('accepting_new', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_specialists_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_specialists_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_specialists')),
    sa.UniqueConstraint('user_id', name=op.f('uq_specialists_user_id'))
    )
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_specialists_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('peer_matches',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('specialist_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('proposed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('proposed_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('activated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('proposed', 'active', 'declined', 'ended')", name=op.f('ck_peer_matches_status')),
    sa.ForeignKeyConstraint(['ended_by_user_id'], ['users.id'], name=op.f('fk_peer_matches_ended_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_peer_matches_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_peer_matches_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['proposed_by_user_id'], ['users.id'], name=op.f('fk_peer_matches_proposed_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['specialist_id'], ['specialists.id'], name=op.f('fk_peer_matches_specialist_id_specialists'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_matches'))
    )
    with op.batch_alter_table('peer_matches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_peer_matches_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_matches_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index('ix_peer_matches_specialist_id_status', ['specialist_id', 'status'], unique=False)
        batch_op.create_index('uq_peer_matches_one_active_per_participant', ['participant_id'], unique=True, sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))



def downgrade() -> None:
    with op.batch_alter_table('peer_matches', schema=None) as batch_op:
        batch_op.drop_index('uq_peer_matches_one_active_per_participant', sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
        batch_op.drop_index('ix_peer_matches_specialist_id_status')
        batch_op.drop_index(batch_op.f('ix_peer_matches_participant_id'))
        batch_op.drop_index(batch_op.f('ix_peer_matches_organisation_id'))

    op.drop_table('peer_matches')
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_specialists_organisation_id'))

    op.drop_table('specialists')
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refresh_tokens_user_id'))
        batch_op.drop_index(batch_op.f('ix_refresh_tokens_family_id'))

    op.drop_table('refresh_tokens')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_recipient_client_id'))
        batch_op.drop_index(batch_op.f('ix_consents_participant_id'))
        batch_op.drop_index(batch_op.f('ix_consents_organisation_id'))

    op.drop_table('consents')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_participants_intake_by_user_id_users'), type_='foreignkey')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_organisation_id'))

    op.drop_table('users')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index('ix_participants_organisation_id_search_name')
        batch_op.drop_index(batch_op.f('ix_participants_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_participants_intake_by_user_id'))

    op.drop_table('participants')
    op.drop_table('organisations')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER audit_events_append_only ON audit_events')
        op.execute('DROP FUNCTION audit_events_append_only()')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_participant_id_occurred_at')
        batch_op.drop_index('ix_audit_events_organisation_id_occurred_at')
        batch_op.drop_index(batch_op.f('ix_audit_events_actor_id'))

    op.drop_table('audit_events')
