"""Audit events in several hash chains, one per database connection, so that appending
needs no lock: ``chain`` names the chain an event extends. Events already stored stay in
chain 0, their hashes unchanged.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.audit import CHAINED_FIELDS, GENESIS, AuditEvent, link

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('chain', sa.SmallInteger(), server_default=sa.text('0'), nullable=False)
        )
        batch_op.create_index('ix_audit_events_chain_id', ['chain', 'id'], unique=False)


def downgrade() -> None:
    # One chain again: every event relinked in id order, as revision 0009 expects.
    connection = op.get_bind()
    postgres = connection.dialect.name == 'postgresql'
    if postgres:
        op.execute('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only')
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
        batch_op.drop_index('ix_audit_events_chain_id')
        batch_op.drop_column('chain')
