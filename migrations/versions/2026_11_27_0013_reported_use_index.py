"""A partial index of the check-ins that report use, by participant and time: when each
participant last reported use (one subquery per row of the participant list) is then one
index entry, not a walk back through every check-in since.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 22:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPORTED_USE = sa.text('used_since_last IS TRUE')


def upgrade() -> None:
    op.create_index(
        'ix_check_ins_participant_id_reported_use',
        'check_ins',
        ['participant_id', 'recorded_at'],
        unique=False,
        postgresql_where=REPORTED_USE,
        sqlite_where=REPORTED_USE,
    )


def downgrade() -> None:
    op.drop_index('ix_check_ins_participant_id_reported_use', table_name='check_ins')
