"""Every change to an account is announced on PostgreSQL (``NOTIFY prss_accounts`` with
the account's id, delivered when its transaction commits), so that each serving process
drops the account from its cache (``app.auth.accounts``). SQLite keeps no such cache.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 12:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ANNOUNCE = """
CREATE FUNCTION users_announce_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('prss_accounts', OLD.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_announce_change
    AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION users_announce_change();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(ANNOUNCE)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER users_announce_change ON users')
        op.execute('DROP FUNCTION users_announce_change()')
