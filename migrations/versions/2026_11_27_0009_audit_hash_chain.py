"""Audit events in a hash chain: each event's chain_hash covers the one before it, so a
changed, removed or reordered event shows (``python -m app verify-audit``).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 01:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.audit import CHAINED_FIELDS, GENESIS, AuditEvent, link

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chain_hash', sa.String(length=64), nullable=True))

    # Chain the events already stored, in id order. PostgreSQL's append-only trigger is
    # set aside for this one pass.
    connection = op.get_bind()
    postgres = connection.dialect.name == 'postgresql'
    if postgres:
        op.execute('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only')
    # The table as this revision knows it (today's model may have more columns).
    events = sa.table(
        'audit_events',
        sa.column('id', sa.BigInteger()),
        sa.column('chain_hash', sa.String(64)),
        *(sa.column(name, AuditEvent.__table__.c[name].type) for name in CHAINED_FIELDS),
    )
    previous, last_id = GENESIS, None
    while True:
        query = sa.select(events).order_by(events.c.id).limit(BATCH)
        if last_id is not None:
            query = query.where(events.c.id > last_id)
        rows = connection.execute(query).mappings().all()
        if not rows:
            break
        updates = []
        for row in rows:
            previous = link(previous, {name: row[name] for name in CHAINED_FIELDS})
            updates.append({'row_id': row['id'], 'chain_hash': previous})
        connection.execute(
            events.update().where(events.c.id == sa.bindparam('row_id')),
            updates,
        )
        last_id = rows[-1]['id']
    if postgres:
        op.execute('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only')

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.alter_column('chain_hash', existing_type=sa.String(length=64), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('chain_hash')
