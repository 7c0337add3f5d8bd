"""Every column whose values are sealed by ``app.core.crypto``: what the migration that
switched encryption on and ``python -m app rotate-key`` walk."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Text, Uuid, column, select, table, update

from app.core.crypto import NoteCipher

SEALED = {
    "check_ins": ("note",),
    "encounters": ("note",),
    "crisis_events": ("note",),
    "alerts": ("resolution_note",),
    "safety_plan_versions": (
        "warning_signs",
        "internal_coping",
        "social_distractions",
        "people_to_ask",
        "professionals",
        "environment_safety",
    ),
}
BATCH = 1000


def reseal(connection: Connection, cipher: NoteCipher) -> int:
    """Seal every stored note under the cipher's current key: plain ones (stored before
    encryption) and those under an earlier key. Returns how many values changed."""
    return _rewrite(
        connection,
        lambda stored: (
            None if cipher.is_current(stored) else cipher.encrypt(cipher.decrypt(stored))
        ),
    )


def unseal(connection: Connection, cipher: NoteCipher) -> int:
    """Write every note back in the clear (only to undo the migration that sealed them)."""
    return _rewrite(connection, lambda stored: cipher.decrypt(stored))


def _rewrite(connection: Connection, change: Callable[[str], str | None]) -> int:
    changed = 0
    for name, columns in SEALED.items():
        rows_table = table(name, column("id", Uuid), *(column(c, Text) for c in columns))
        last = None
        while True:
            query = select(rows_table).order_by(rows_table.c.id).limit(BATCH)
            if last is not None:
                query = query.where(rows_table.c.id > last)
            rows = connection.execute(query).all()
            if not rows:
                break
            for row in rows:
                values = {}
                for c in columns:
                    stored = row._mapping[c]
                    if stored is not None and (new := change(stored)) is not None:
                        values[c] = new
                if values:
                    connection.execute(
                        update(rows_table).where(rows_table.c.id == row.id).values(**values)
                    )
                    changed += len(values)
            last = rows[-1].id
    return changed
