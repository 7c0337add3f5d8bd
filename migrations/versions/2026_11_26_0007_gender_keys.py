"""Genders stored in one spelling (trimmed, lower case), so a participant's preference meets
the specialist's gender however either was typed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 23:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQL's lower() folds ASCII on SQLite and every letter on PostgreSQL; the API folds
    # fully from now on. Inner runs of spaces are rare enough to leave to the next edit.
    for table, column in (("specialists", "gender"), ("matching_preferences", "gender_preference")):
        op.execute(
            sa.text(
                f"UPDATE {table} SET {column} = lower(trim({column})) "  # noqa: S608 - fixed names
                f"WHERE {column} IS NOT NULL"
            )
        )


def downgrade() -> None:
    # The original spellings are gone; lower case reads the same to people.
    pass
