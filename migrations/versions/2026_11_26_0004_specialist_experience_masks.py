"""Specialists: lived experience as bit masks and a comparable region, so the database scores
match suggestions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 19:20:00.000000
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.matching.scoring import region_key
from app.specialists.models import PATHWAY_BITS, SUBSTANCE_BITS, mask_of

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _as_list(value: object) -> list[str]:
    """A JSON column's value as read back: a list, or its text on some drivers."""
    if isinstance(value, str):
        value = json.loads(value)
    return [str(item) for item in value] if isinstance(value, list) else []


def upgrade() -> None:
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pathway_mask', sa.Integer(), nullable=False, server_default=sa.text('0')))
        batch_op.add_column(sa.Column('substance_mask', sa.Integer(), nullable=False, server_default=sa.text('0')))
        batch_op.add_column(sa.Column('region_key', sa.String(length=100), nullable=True))

    # Existing profiles: derive the new columns the way the model does.
    connection = op.get_bind()
    specialists = sa.table(
        'specialists',
        sa.column('id', sa.Uuid()),
        sa.column('recovery_pathways', sa.JSON()),
        sa.column('substances', sa.JSON()),
        sa.column('region', sa.String()),
        sa.column('pathway_mask', sa.Integer()),
        sa.column('substance_mask', sa.Integer()),
        sa.column('region_key', sa.String()),
    )
    rows = connection.execute(
        sa.select(specialists.c.id, specialists.c.recovery_pathways, specialists.c.substances, specialists.c.region)
    ).all()
    for row in rows:
        connection.execute(
            specialists.update()
            .where(specialists.c.id == row.id)
            .values(
                pathway_mask=mask_of(_as_list(row.recovery_pathways), PATHWAY_BITS),
                substance_mask=mask_of(_as_list(row.substances), SUBSTANCE_BITS),
                region_key=region_key(row.region),
            )
        )

    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.alter_column('pathway_mask', server_default=None)
        batch_op.alter_column('substance_mask', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('specialists', schema=None) as batch_op:
        batch_op.drop_column('region_key')
        batch_op.drop_column('substance_mask')
        batch_op.drop_column('pathway_mask')
