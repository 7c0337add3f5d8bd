"""Every route refuses a request without a token, unless it is on the public list."""

from __future__ import annotations

import re
import uuid

from fastapi.routing import iter_route_contexts

PUBLIC = {
    ("GET", "/"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/ready"),
    ("POST", "/api/v1/auth/token"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/logout"),
}


def _operations(app):
    for route in iter_route_contexts(app.routes):
        for method in sorted((route.methods or set()) - {"HEAD", "OPTIONS"}):
            yield method, route.path_format


def test_the_public_list_names_real_routes(app):
    assert set(_operations(app)) >= PUBLIC


def test_every_other_route_refuses_a_request_without_a_token(app, client):
    checked = 0
    for method, path in _operations(app):
        if (method, path) in PUBLIC:
            continue
        concrete = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
        response = client.request(method, concrete, json={})
        assert response.status_code == 401, f"{method} {path} answered {response.status_code}"
        assert response.headers["content-type"] == "application/problem+json"
        checked += 1
    assert checked >= 10
