"""Notes are encrypted at rest: none of their text reaches the database, the API reads
them back, a changed ciphertext is refused, and rotate-key moves every note to a new key."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.cli import cli
from app.core import crypto, sealed_columns
from app.core.base import utcnow
from app.core.config import get_settings
from app.core.db import Database
from app.main import create_app
from tests import database
from tests.conftest import TEST_NOTE_KEY
from tests.factories import build_world

NOTES = {
    "check_in": "Saw my old dealer outside the pharmacy on 5th",
    "encounter": "Relapse talk: used twice last week, ashamed to tell his sister",
    "crisis": "I have the pills in my hand right now",
    "safety_plan": "Give the spare key to Dee so I cannot get to the garage",
    "resolution": "Called her back, walked to the clinic together, naloxone kit given",
}
RAW = {
    "check_in": "SELECT note FROM check_ins",
    "encounter": "SELECT note FROM encounters",
    "crisis": "SELECT note FROM crisis_events",
    "safety_plan": "SELECT environment_safety FROM safety_plan_versions",
    "resolution": "SELECT resolution_note FROM alerts WHERE resolution_note IS NOT NULL",
}


def write_every_kind_of_note(client: TestClient, world) -> None:
    me, specialist = world.headers(world.me), world.headers(world.specialist)
    base = f"/api/v1/participants/{world.matched.id}"
    check_in = {"mood": 1, "craving": 9, "used_since_last": True, "note": NOTES["check_in"]}
    assert client.post(f"{base}/check-ins", json=check_in, headers=me).status_code == 201
    encounter = {
        "mode": "phone",
        "started_at": (utcnow() - timedelta(hours=1)).isoformat(),
        "minutes": 30,
        "dimensions": ["health"],
        "note": NOTES["encounter"],
    }
    assert client.post(f"{base}/encounters", json=encounter, headers=specialist).status_code == 201
    crisis = client.post(f"{base}/crisis-events", json={"note": NOTES["crisis"]}, headers=me)
    assert crisis.status_code == 201, crisis.text
    plan = {"environment_safety": [NOTES["safety_plan"]]}
    assert client.put(f"{base}/safety-plan", json=plan, headers=me).status_code == 201
    alert_id = crisis.json()["alert_id"]
    resolved = client.post(
        f"/api/v1/alerts/{alert_id}/resolve", json={"note": NOTES["resolution"]}, headers=specialist
    )
    assert resolved.status_code == 200, resolved.text


def test_no_note_text_reaches_the_database(tmp_path, settings):
    with database.committed_database(tmp_path) as engine:
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, settings)
            db.commit()
        app = create_app(settings=settings, database=Database(engine))
        with TestClient(app, base_url="https://testserver") as client:
            write_every_kind_of_note(client, world)
            # Read back through the API, the text is whole.
            base = f"/api/v1/participants/{world.matched.id}"
            specialist = world.headers(world.specialist)
            check_ins = client.get(f"{base}/check-ins", headers=specialist).json()["items"]
            assert check_ins[0]["note"] == NOTES["check_in"]
            plan = client.get(f"{base}/safety-plan", headers=specialist).json()
            assert plan["environment_safety"] == [NOTES["safety_plan"]]
        with engine.connect() as connection:
            for kind, query in RAW.items():
                stored = connection.scalar(text(query))
                assert str(stored).startswith("enc:v1:"), kind
                assert NOTES[kind] not in str(stored)
        if engine.dialect.name == "sqlite":  # the file itself, and its write-ahead log
            engine.dispose()
            path = Path(str(engine.url.database))
            files = list(path.parent.glob(path.name + "*"))
            assert path in files
            raw = b"".join(f.read_bytes() for f in files)
            for kind, note in NOTES.items():
                assert note.encode() not in raw, kind


def test_a_changed_ciphertext_is_refused():
    cipher = crypto.NoteCipher(crypto.decode_key(TEST_NOTE_KEY))
    sealed = cipher.encrypt("call me")
    assert cipher.decrypt(sealed) == "call me"
    flipped = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    with pytest.raises(crypto.NoteKeyError, match="integrity"):
        cipher.decrypt(flipped)
    other = crypto.NoteCipher(crypto.decode_key(crypto.new_key()))
    with pytest.raises(crypto.NoteKeyError, match="not configured"):
        other.decrypt(sealed)


def test_rotate_key_moves_every_note_to_the_new_key(tmp_path, settings, monkeypatch):
    runner = CliRunner()
    with database.committed_database(tmp_path) as engine:
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, settings)
            db.commit()
        app = create_app(settings=settings, database=Database(engine))
        with TestClient(app, base_url="https://testserver") as client:
            write_every_kind_of_note(client, world)
        new = crypto.new_key()
        monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
        monkeypatch.setenv("PRSS_DATA_DIR", str(tmp_path))
        monkeypatch.setenv("PRSS_NOTE_KEY", new)
        monkeypatch.setenv("PRSS_NOTE_KEYS_PREVIOUS", f'["{TEST_NOTE_KEY}"]')
        get_settings.cache_clear()
        try:
            result = runner.invoke(cli, ["rotate-key"])
            assert result.exit_code == 0, result.output
            assert "re-encrypted 10 note value(s)" in result.output
            # Only the new key is needed now.
            only_new = crypto.NoteCipher(crypto.decode_key(new))
            with engine.connect() as connection:
                for kind, query in RAW.items():
                    stored = connection.scalar(text(query))
                    assert only_new.is_current(stored), kind
                    assert NOTES[kind] in only_new.decrypt(stored)
            again = runner.invoke(cli, ["rotate-key"])
            assert "re-encrypted 0 note value(s)" in again.output
        finally:
            get_settings.cache_clear()
            crypto.configure(crypto.NoteCipher(crypto.decode_key(TEST_NOTE_KEY)))


def test_production_needs_a_note_key(tmp_path):
    from app.core.config import InsecureConfiguration, Settings

    with pytest.raises(InsecureConfiguration, match="PRSS_NOTE_KEY"):
        Settings(env="production", secret_key="x" * 40, data_dir=tmp_path).note_cipher()


def test_notes_stored_before_encryption_are_sealed_and_still_read(tmp_path, settings):
    """What migration 0010 does to notes written in the clear before it."""
    with database.committed_database(tmp_path) as engine:
        with Session(engine, expire_on_commit=False) as db:
            world = build_world(db, settings)
            db.commit()
        app = create_app(settings=settings, database=Database(engine))
        with TestClient(app, base_url="https://testserver") as client:
            write_every_kind_of_note(client, world)
            with engine.begin() as connection:
                connection.execute(text("UPDATE check_ins SET note = 'written in the clear'"))
                assert sealed_columns.reseal(connection, crypto.cipher()) == 1
                stored = connection.scalar(text("SELECT note FROM check_ins"))
            assert stored.startswith("enc:v1:")
            listed = client.get(
                f"/api/v1/participants/{world.matched.id}/check-ins",
                headers=world.headers(world.specialist),
            ).json()["items"]
            assert listed[0]["note"] == "written in the clear"
