"""A method an API path does not answer gets 405 with every method it does answer."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.core.db import Database
from app.main import create_app


@pytest.fixture
def client_with_web_ui(settings, engine, sessions, tmp_path):
    """With a built web UI its catch-all route is present: it must not turn 405 into 404."""
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>UI</title>")
    settings.web_dist = dist
    app = create_app(settings=settings, database=Database(engine, sessions))
    with TestClient(app, base_url="https://testserver") as client:
        yield client


@pytest.mark.parametrize("web_ui", [False, True])
def test_405_lists_every_method_of_the_path(request, client, world, web_ui):
    http = request.getfixturevalue("client_with_web_ui") if web_ui else client
    contact = f"/api/v1/crisis-contacts/{world.matched.id}"
    response = http.put(contact, json={}, headers=world.headers(world.me))
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["allow"] == "DELETE, GET, PATCH"
    ticket = http.put("/api/v1/alerts/stream-ticket", headers=world.headers(world.specialist))
    assert ticket.status_code == 405
    assert ticket.headers["allow"] == "POST"


def test_an_unknown_api_path_is_still_404(client_with_web_ui):
    response = client_with_web_ui.put("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert client_with_web_ui.get("/some/page").status_code == 200  # the web UI's routes


def test_a_fixed_path_is_not_read_as_an_id_of_its_neighbour(client, world):
    # GET /alerts/stream-ticket is not "the alert whose id is stream-ticket".
    response = client.get("/api/v1/alerts/stream-ticket", headers=world.headers(world.specialist))
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
