"""Notes encrypted at rest: check-in, encounter and crisis-event notes, alert resolution
notes and safety-plan text become sealed text (AES-256-GCM, app.core.crypto), and the
notes stored before are sealed now.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 01:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core import crypto
from app.core.config import get_settings
from app.core.sealed_columns import SEALED, reseal, unseal

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _cipher() -> crypto.NoteCipher:
    try:
        return crypto.cipher()
    except crypto.NoteKeyError:
        return get_settings().note_cipher()


def _before(table: str) -> sa.types.TypeEngine:
    """Each column's type before this revision."""
    if table == 'safety_plan_versions':
        return sa.JSON()
    if table == 'alerts':
        return sa.String(length=2000)
    return sa.Text()


def _retype(to_sealed: bool) -> None:
    postgres = op.get_bind().dialect.name == 'postgresql'
    for name, columns in SEALED.items():
        before = _before(name)
        with op.batch_alter_table(name, schema=None) as batch_op:
            for column in columns:
                target = sa.Text() if to_sealed else before
                cast = 'text' if to_sealed else ('json' if isinstance(before, sa.JSON) else 'text')
                batch_op.alter_column(
                    column,
                    existing_type=before if to_sealed else sa.Text(),
                    type_=target,
                    postgresql_using=f'{column}::{cast}' if postgres else None,
                )


def upgrade() -> None:
    _retype(to_sealed=True)
    reseal(op.get_bind(), _cipher())


def downgrade() -> None:
    unseal(op.get_bind(), _cipher())
    _retype(to_sealed=False)
