"""Command line: ``python -m app migrate | create-admin | create-client | seed-demo |
escalate-alerts | verify-audit | rotate-key``.

Exit codes: 0 when done; 2 with a one-line reason on bad input or a refused change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from alembic import command
from alembic.config import Config
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app.alerts import escalation
from app.core import audit, crypto, sealed_columns
from app.core.config import get_settings
from app.core.db import Database, make_engine
from app.core.errors import DomainError
from app.integrators import service as integrators
from app.integrators.schemas import IntegratorClientCreate
from app.organisations import service as organisations
from app.users import service as users
from app.users.models import User
from app.users.schemas import UserCreate

cli = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Peer recovery support platform."
)

ROOT = Path(__file__).resolve().parent.parent


def _fail(reason: str) -> None:
    typer.echo(f"error: {reason}", err=True)
    raise typer.Exit(code=2)


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def _database() -> Database:
    settings = get_settings()
    crypto.configure(settings.note_cipher())
    return Database(make_engine(settings.sqlalchemy_url))


@cli.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    settings = get_settings()
    if settings.sqlalchemy_url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", settings.sqlalchemy_url.replace("%", "%%"))
    command.upgrade(config, "head")
    typer.echo("database is up to date")


@cli.command("create-admin")
def create_admin(
    org: Annotated[str, typer.Option(help="Organisation name (created if missing).")],
    email: Annotated[str, typer.Option(help="The admin's sign-in email.")],
    password: Annotated[str, typer.Option(help="At least 12 characters.")],
    name: Annotated[str, typer.Option(help="Display name.")] = "Administrator",
) -> None:
    """Create an organisation's admin account."""
    if not org.strip():
        _fail("--org must not be empty")
    try:
        data = UserCreate(email=email, password=password, role="admin", display_name=name)
    except ValidationError as exc:
        _fail(_first_error(exc))
        return
    database = _database()
    with database.session() as db:
        try:
            organisation = organisations.get_or_create(db=db, name=org.strip())
            user = users.create(db=db, organisation_id=organisation.id, data=data)
            db.commit()
        except DomainError as exc:
            _fail(exc.detail)
            return
    typer.echo(f"created admin {user.email} in {organisation.name}")


@cli.command("create-client")
def create_client(
    org: Annotated[str, typer.Option(help="Organisation name (it must exist).")],
    name: Annotated[str, typer.Option(help="The integrator's name (a funder, a state system).")],
    scope: Annotated[list[str], typer.Option(help="A scope to grant (repeatable): outcomes:read.")],
) -> None:
    """Register an integrator client; print its id and its secret (shown this once only)."""
    try:
        data = IntegratorClientCreate(name=name, scopes=scope)
    except ValidationError as exc:
        _fail(_first_error(exc))
        return
    database = _database()
    with database.session() as db:
        organisation = organisations.get_by_name(db=db, name=org.strip())
        if organisation is None:
            _fail(f"no organisation is named {org.strip()!r}")
            return
        registered = integrators.create(
            db=db, organisation_id=organisation.id, created_by_user_id=None, data=data
        )
        db.commit()
    typer.echo(f"created integrator client {data.name!r} in {organisation.name}")
    typer.echo(f"client_id: {registered.client.id}")
    typer.echo(f"client_secret: {registered.secret}")
    typer.echo("The secret is not stored and will not be shown again: keep it safe now.")


@cli.command("seed-demo")
def seed_demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when any account exists.")
    ] = False,
) -> None:
    """Load a fictional demo organisation: accounts, participants, consents, matches, plans,
    three months of check-ins, assessments and encounters."""
    from app import demo  # imported here: only this command needs it

    database = _database()
    with database.session() as db:
        if db.scalar(select(User.id).where(User.email == demo.ADMIN_EMAIL)) is not None:
            typer.echo("demo data already loaded")
            typer.echo(demo.logins_text())
            return
        if if_empty and db.scalar(select(User.id).limit(1)) is not None:
            typer.echo("database already has data; demo not loaded")
            return
        demo.load(db=db)
        db.commit()
    typer.echo("demo data loaded")
    typer.echo(demo.logins_text())


@cli.command("escalate-alerts")
def escalate_alerts() -> None:
    """Escalate to supervisors every alert still unacknowledged after
    PRSS_ALERT_ESCALATION_MINUTES (one pass, for cron)."""
    try:
        escalated = escalation.run_pass(
            database=_database(), after_minutes=get_settings().alert_escalation_minutes
        )
    except OperationalError as exc:
        _fail(f"the database is unavailable ({type(exc).__name__})")
        return
    typer.echo(f"escalated {len(escalated)} alert(s)")


@cli.command("verify-audit")
def verify_audit() -> None:
    """Check the audit trail's hash chain: exit 0 when intact, 1 naming the first event
    whose hash does not follow from the one before (changed, removed or reordered)."""
    try:
        with _database().session() as session:
            checked, broken = audit.verify_chain(session)
    except OperationalError as exc:
        _fail(f"the database is unavailable ({type(exc).__name__})")
        return
    if broken is not None:
        typer.echo(
            f"audit chain broken at event {broken}: it does not follow from the event "
            f"before it ({checked} event(s) before it are intact)",
            err=True,
        )
        raise typer.Exit(code=1)
    typer.echo(f"audit chain intact: {checked} event(s)")


@cli.command("rotate-key")
def rotate_key() -> None:
    """Re-encrypt every stored note under PRSS_NOTE_KEY. Set the new key there and list the
    old one in PRSS_NOTE_KEYS_PREVIOUS first; once this has run, the old key can go."""
    try:
        cipher = get_settings().note_cipher()
        engine = make_engine(get_settings().sqlalchemy_url)
        with engine.begin() as connection:
            changed = sealed_columns.reseal(connection, cipher)
        engine.dispose()
    except crypto.NoteKeyError as exc:
        _fail(str(exc))
        return
    except OperationalError as exc:
        _fail(f"the database is unavailable ({type(exc).__name__})")
        return
    typer.echo(f"re-encrypted {changed} note value(s) under key {cipher.current_id}")


@cli.command()
def openapi() -> None:
    """Print the OpenAPI document generated from the code (what openapi.json holds)."""
    import json

    from app.core.config import Settings
    from app.main import create_app

    # The document does not depend on the secret or the database; nothing is opened.
    settings = Settings(secret_key="openapi-generation-only-" + "x" * 32)
    document = create_app(settings=settings).openapi()
    typer.echo(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False))
