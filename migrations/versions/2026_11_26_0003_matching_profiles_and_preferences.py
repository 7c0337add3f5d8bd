"""Matching: specialist lived-experience profiles and languages, participant preferences, match explanations.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 17:26:44.162513
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('matching_preferences',
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('gender_preference', sa.String(length=60), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('faith_preference', sa.String(length=20), nullable=True),
    sa.Column('veteran', sa.Boolean(), nullable=False),
    sa.Column('justice_involved', sa.Boolean(), nullable=False),
    sa.Column('wants_lgbtq_affirming', sa.Boolean(), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=True),
    sa.Column('priorities', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("faith_preference IS NULL OR faith_preference IN ('faith_based', 'secular')", name=op.f('ck_matching_preferences_faith_preference')),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_matching_preferences_participant_id_participants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', name=op.f('pk_matching_preferences'))
    )
    op.create_table('specialist_languages',
    sa.Column('specialist_id', sa.Uuid(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.ForeignKeyConstraint(['specialist_id'], ['specialists.id'], name=op.f('fk_specialist_languages_specialist_id_specialists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('specialist_id', 'language', name=op.f('pk_specialist_languages'))
    )
    with op.batch_alter_table('specialist_languages', schema=None) as batch_op:
        batch_op.create_index('ix_specialist_languages_language', ['language', 'specialist_id'], unique=False)

    with op.batch_alter_table('peer_matches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('declined_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('decline_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('score', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('explanation', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))

    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active_caseload', sa.Integer(), nullable=False, server_default=sa.text('0')))
        batch_op.add_column(sa.Column('substances', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column('recovery_pathways', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column('moud_affirming', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('languages', sa.JSON(), nullable=False, server_default=sa.text("'[\"en\"]'")))
        batch_op.add_column(sa.Column('gender', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('birth_decade', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('faith', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('veteran', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('justice_involved', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('lgbtq_affirming', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('region', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default=sa.text('1')))
        batch_op.create_index('ix_specialists_organisation_id_accepting_new_moud_affirming', ['organisation_id', 'accepting_new', 'moud_affirming'], unique=False)

    # Existing profiles: count their active matches, and record the default language.
    op.execute(
        "UPDATE specialists SET active_caseload = (SELECT count(*) FROM peer_matches "
        "WHERE peer_matches.specialist_id = specialists.id AND peer_matches.status = 'active')"
    )
    op.execute("INSERT INTO specialist_languages (specialist_id, language) SELECT id, 'en' FROM specialists")
    # The defaults only filled existing rows; the application sets every value itself.
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        for column in ('active_caseload', 'substances', 'recovery_pathways', 'moud_affirming',
                       'languages', 'veteran', 'justice_involved', 'lgbtq_affirming', 'version'):
            batch_op.alter_column(column, server_default=None)
        batch_op.create_check_constraint('active_caseload_not_negative', 'active_caseload >= 0')
        batch_op.create_check_constraint('within_capacity', 'active_caseload <= max_caseload')
        batch_op.create_check_constraint(
            'faith', "faith IS NULL OR faith IN ('faith_based', 'secular')"
        )
    with op.batch_alter_table('peer_matches', schema=None) as batch_op:
        batch_op.alter_column('explanation', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_specialists_faith'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_specialists_within_capacity'), type_='check')
        batch_op.drop_constraint(
            batch_op.f('ck_specialists_active_caseload_not_negative'), type_='check'
        )
        batch_op.drop_index('ix_specialists_organisation_id_accepting_new_moud_affirming')
        batch_op.drop_column('version')
        batch_op.drop_column('region')
        batch_op.drop_column('lgbtq_affirming')
        batch_op.drop_column('justice_involved')
        batch_op.drop_column('veteran')
        batch_op.drop_column('faith')
        batch_op.drop_column('birth_decade')
        batch_op.drop_column('gender')
        batch_op.drop_column('languages')
        batch_op.drop_column('moud_affirming')
        batch_op.drop_column('recovery_pathways')
        batch_op.drop_column('substances')
        batch_op.drop_column('active_caseload')

    with op.batch_alter_table('peer_matches', schema=None) as batch_op:
        batch_op.drop_column('explanation')
        batch_op.drop_column('score')
        batch_op.drop_column('decline_reason')
        batch_op.drop_column('declined_at')

    with op.batch_alter_table('specialist_languages', schema=None) as batch_op:
        batch_op.drop_index('ix_specialist_languages_language')

    op.drop_table('specialist_languages')
    op.drop_table('matching_preferences')
