"""When a participant last reported use is read from the partial index of check-ins that
report use. Its predicate must be the query's own (``IS TRUE``): PostgreSQL does not
prove ``used_since_last IS TRUE`` from an index ``WHERE used_since_last``, and would
silently walk every check-in of each listed participant instead."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from app.check_ins import service as check_ins

pytestmark = pytest.mark.postgres


def test_last_reported_use_is_read_from_the_partial_index(db: Session):
    query = select(check_ins.last_reported_use_at(uuid.uuid4()))
    sql = query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    # The test database is small enough for a scan to win on cost; rule scans out, so that
    # the plan shows whether the index can answer the query at all.
    db.execute(text("SET LOCAL enable_seqscan = off"))
    db.execute(text("SET LOCAL enable_bitmapscan = off"))
    plan = "\n".join(db.scalars(text(f"EXPLAIN {sql}")))

    assert "ix_check_ins_participant_id_reported_use" in plan, plan
