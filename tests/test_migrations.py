"""Migrations: upgrade from empty, downgrade to empty, no drift from the models, and the
data they derive for rows stored before them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import column, insert, inspect, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from app.core.audit import CHAINED_FIELDS, AuditEvent, verify_chain
from app.core.db import make_engine
from app.models import Base
from app.specialists.models import PATHWAY_BITS, Specialist
from tests import database


def test_upgrade_downgrade_and_no_drift(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                database.upgrade(connection)
                tables = set(inspect(connection).get_table_names())
                assert set(Base.metadata.tables) <= tables

                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []

                database.downgrade(connection)
                assert set(inspect(connection).get_table_names()) <= {"alembic_version"}

                database.upgrade(connection)
                assert set(Base.metadata.tables) <= set(inspect(connection).get_table_names())
        finally:
            engine.dispose()


def _as_at_0003(name: str, *columns: str) -> TableClause:
    """A table as revision 0003 left it, with the types of today's models for the columns
    named (and the id and timestamps every table has)."""
    model = Base.metadata.tables[name]
    names = ("id", *columns, "created_at", "updated_at")
    return table(name, *(column(n, model.c[n].type) for n in names))


def test_experience_masks_are_derived_for_existing_specialists(tmp_path):
    """0004 fills the masks and region key of profiles stored before it, as the model would."""
    with database.throwaway_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                database.upgrade(connection, "0003")
                organisation_id, user_id, specialist_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
                now = datetime.now(UTC)
                connection.execute(
                    insert(_as_at_0003("organisations", "name")).values(
                        id=organisation_id, name="Before", created_at=now, updated_at=now
                    )
                )
                connection.execute(
                    insert(
                        _as_at_0003(
                            "users",
                            "organisation_id",
                            "email",
                            "password_hash",
                            "role",
                            "display_name",
                            "is_active",
                            "password_changed_at",
                            "version",
                        )
                    ).values(
                        id=user_id,
                        organisation_id=organisation_id,
                        email="before@example.org",
                        password_hash="x",
                        role="specialist",
                        display_name="Before",
                        is_active=True,
                        password_changed_at=now,
                        version=1,
                        created_at=now,
                        updated_at=now,
                    )
                )
                connection.execute(
                    insert(
                        _as_at_0003(
                            "specialists",
                            "organisation_id",
                            "user_id",
                            "max_caseload",
                            "active_caseload",
                            "accepting_new",
                            "substances",
                            "recovery_pathways",
                            "moud_affirming",
                            "languages",
                            "region",
                            "veteran",
                            "justice_involved",
                            "lgbtq_affirming",
                            "gender",
                            "version",
                        )
                    ).values(
                        id=specialist_id,
                        organisation_id=organisation_id,
                        user_id=user_id,
                        max_caseload=15,
                        active_caseload=0,
                        accepting_new=True,
                        substances=["alcohol", "opioids"],
                        recovery_pathways=["smart_recovery"],
                        moud_affirming=False,
                        languages=["en"],
                        region="  East Side ",
                        veteran=False,
                        justice_involved=False,
                        lgbtq_affirming=False,
                        gender=" Woman ",
                        version=1,
                        created_at=now,
                        updated_at=now,
                    )
                )

                database.upgrade(connection)

                row = connection.execute(
                    text("SELECT pathway_mask, substance_mask, region_key, gender FROM specialists")
                ).one()
                # 0007: one spelling per gender.
                assert row.gender == "woman"
                expected = Specialist(
                    recovery_pathways=["smart_recovery"],
                    substances=["alcohol", "opioids"],
                    region="  East Side ",
                )
                assert row.pathway_mask == expected.pathway_mask == PATHWAY_BITS["smart_recovery"]
                assert row.substance_mask == expected.substance_mask != 0
                assert row.region_key == "east side"
        finally:
            engine.dispose()


def test_events_stored_before_the_chain_are_chained_by_0009(tmp_path):
    with database.throwaway_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                database.upgrade(connection, "0008")
                events = table(
                    "audit_events",
                    *(column(name, AuditEvent.__table__.c[name].type) for name in CHAINED_FIELDS),
                )
                connection.execute(
                    insert(events),
                    [
                        dict.fromkeys(CHAINED_FIELDS)
                        | {
                            "occurred_at": datetime.now(UTC),
                            "action": f"before-{n}",
                            "method": "GET",
                            "resource": "/before",
                            "outcome": "success",
                            "status_code": 200,
                            "request_id": str(n),
                        }
                        for n in range(7)
                    ],
                )
                database.upgrade(connection)
            with Session(engine) as session:
                assert verify_chain(session) == (7, None)
        finally:
            engine.dispose()
