"""An app is assembled (routes, handlers, middleware) and then configured (what requests read
from ``app.state``). The test harness assembles one app per shape and configures it again
for every test, so a second configuration must keep nothing of the first, and settings that
change what is assembled must change the shape."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.core.db import Database
from app.main import assemble_app, configure_app, shape_of
from tests.factories import PASSWORD

TOKEN = "/api/v1/auth/token"


def test_a_second_configuration_keeps_nothing_of_the_first(settings, engine, sessions, world):
    settings.rate_limit_sign_in = "1/minute"
    app = assemble_app(settings)
    sign_in = {"grant_type": "password", "username": world.specialist.email, "password": PASSWORD}

    configure_app(app, settings, Database(engine, sessions))
    with TestClient(app, base_url="https://testserver") as client:
        assert client.post(TOKEN, data=sign_in).status_code == 200
        assert client.post(TOKEN, data=sign_in).status_code == 429
    database = app.state.database
    # A broker made on first use by a request served without the lifespan.
    app.state.alert_broker = object()

    configure_app(app, settings, Database(engine, sessions))
    assert app.state.database is not database
    assert app.state.alert_broker is None
    with TestClient(app, base_url="https://testserver") as client:
        assert client.post(TOKEN, data=sign_in).status_code == 200


def test_settings_that_change_the_assembly_change_the_shape(settings, tmp_path):
    shape = shape_of(settings)
    assert shape_of(settings.model_copy(update={"data_dir": tmp_path / "other"})) == shape
    assert shape_of(settings.model_copy(update={"env": "production"})) != shape
    assert shape_of(settings.model_copy(update={"cors_origins": ["https://a.example"]})) != shape
    assert shape_of(settings.model_copy(update={"max_body_bytes": 1024})) != shape

    # Without a build, where the web UI would be makes no difference; with one, it does.
    assert shape_of(settings.model_copy(update={"web_dist": tmp_path / "elsewhere"})) == shape
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>UI</title>")
    assert shape_of(settings.model_copy(update={"web_dist": dist})) != shape
