"""Headers every answer carries, body limits, problem+json errors, and the probes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.db import Database
from app.main import create_app
from tests.conftest import TEST_NOTE_KEY, TEST_SECRET


def test_api_answers_carry_security_headers_and_no_store(client, world):
    response = client.get("/api/v1/me", headers=world.headers(world.specialist))
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "max-age=" in response.headers["strict-transport-security"]
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_the_web_page_has_a_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy  # no inline or remote scripts
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "max-age=" in response.headers["strict-transport-security"]


def test_a_request_id_is_returned_and_a_sane_one_is_kept(client):
    assert len(client.get("/api/v1/health").headers["x-request-id"]) >= 8
    kept = client.get("/api/v1/health", headers={"X-Request-ID": "abc12345-trace"})
    assert kept.headers["x-request-id"] == "abc12345-trace"
    replaced = client.get("/api/v1/health", headers={"X-Request-ID": "<script>"})
    assert replaced.headers["x-request-id"] != "<script>"


def test_an_oversized_body_is_413(client, world):
    big = {"preferred_name": "x" * (1024 * 1024 + 10)}
    response = client.post(
        "/api/v1/participants", json=big, headers=world.headers(world.specialist)
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_an_oversized_streamed_body_is_413(client, world):
    def chunks():
        for _ in range(20):
            yield b"x" * 65536

    response = client.post(
        "/api/v1/participants",
        content=chunks(),
        headers={**world.headers(world.specialist), "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_unknown_paths_and_methods_are_problem_json(client):
    missing = client.get("/api/v1/nowhere")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["status"] == 404
    wrong = client.delete("/api/v1/health")
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == "application/problem+json"


def test_malformed_json_is_a_clear_4xx(client, world):
    response = client.post(
        "/api/v1/participants",
        content=b"{not json",
        headers={**world.headers(world.specialist), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_a_body_that_is_not_utf8_is_invalid_input_too(client, world):
    response = client.post(
        "/api/v1/participants",
        content=b"\xd5\xe2\x45\xff",
        headers={**world.headers(world.specialist), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [
        {"loc": ["body"], "msg": "unreadable body", "type": "body_unreadable"}
    ]


def test_health_and_ready_need_no_token(client):
    assert client.get("/api/v1/health").json() == {"status": "ok"}
    assert client.get("/api/v1/ready").json() == {"status": "ready"}


def test_ready_is_503_when_the_database_is_unreachable(tmp_path):
    from sqlalchemy import create_engine

    unreachable = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path)
    with TestClient(create_app(settings=settings, database=Database(unreachable))) as client:
        response = client.get("/api/v1/ready")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/docs", "/openapi.json"])
def test_docs_are_served_outside_production(client, path):
    assert client.get(path).status_code == 200


def test_production_turns_the_docs_off(tmp_path):
    settings = Settings(
        env="production",
        secret_key="k" * 20 + "abcdefghijklmnopqrstuvwxyz",
        note_key=TEST_NOTE_KEY,
        data_dir=tmp_path,
        web_dist=tmp_path / "none",
    )
    with TestClient(create_app(settings=settings)) as client:
        assert client.get("/docs").status_code == 404


def test_the_access_log_never_holds_query_strings(client, world, caplog):
    with caplog.at_level("INFO", logger="prss.access"):
        client.get(
            "/api/v1/participants",
            params={"q": "Martínez"},
            headers=world.headers(world.supervisor),
        )
    lines = [r.getMessage() for r in caplog.records if r.name == "prss.access"]
    assert any("/api/v1/participants 200" in line for line in lines)
    assert not any("Mart" in line for line in lines)


class TestWebUi:
    @pytest.fixture
    def web_client(self, tmp_path, engine):
        dist = tmp_path / "dist"
        (dist / "assets").mkdir(parents=True)
        (dist / "index.html").write_text("<!doctype html><title>app</title><div id=root></div>")
        (dist / "assets" / "index-abc123.js").write_text("console.log('app')")
        (dist / "favicon.svg").write_text("<svg/>")
        settings = Settings(secret_key=TEST_SECRET, data_dir=tmp_path, web_dist=dist)
        with TestClient(create_app(settings=settings, database=Database(engine))) as client:
            yield client

    def test_client_side_routes_fall_back_to_index_html(self, web_client):
        for path in ("/", "/caseload", "/participants/123/plan"):
            response = web_client.get(path)
            assert response.status_code == 200
            assert "<div id=root>" in response.text
            assert response.headers["cache-control"] == "no-cache"
            assert "script-src 'self'" in response.headers["content-security-policy"]

    def test_built_files_are_served_and_cached_for_good(self, web_client):
        asset = web_client.get("/assets/index-abc123.js")
        assert asset.status_code == 200
        assert "immutable" in asset.headers["cache-control"]
        assert web_client.get("/favicon.svg").text == "<svg/>"

    def test_unknown_api_paths_are_still_problem_json_404(self, web_client):
        for method in ("GET", "POST", "DELETE"):
            response = web_client.request(method, "/api/v1/nowhere")
            assert response.status_code == 404
            assert response.headers["content-type"] == "application/problem+json"

    def test_paths_cannot_escape_the_build_folder(self, web_client):
        response = web_client.get("/..%2f..%2fetc/passwd")
        assert "root:" not in response.text


def test_text_holding_nul_is_refused_before_the_database(client, world):
    response = client.put(
        f"/api/v1/participants/{world.matched.id}/matching-preferences",
        json={"gender_preference": "\x00"},
        headers=world.headers(world.me),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == "text_nul"


@pytest.mark.postgres
def test_a_search_holding_nul_is_422_not_500(client, world):
    # PostgreSQL refuses U+0000 in text even to compare with it.
    response = client.get(
        "/api/v1/participants", params={"q": "a\x00"}, headers=world.headers(world.specialist)
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_a_repeated_query_parameter_is_refused_unless_it_takes_a_list(client, world):
    headers = world.headers(world.specialist)
    repeated = client.get("/api/v1/participants?q=Zo&q=Jordan", headers=headers)
    assert repeated.status_code == 422
    assert "q" in repeated.json()["detail"]
    listed = client.get("/api/v1/alerts?status=open&status=acknowledged", headers=headers)
    assert listed.status_code == 200
