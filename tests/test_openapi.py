"""The committed openapi.json is what the code generates (mobile clients build on it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.core.config import Settings
from app.main import create_app

ROOT = Path(__file__).resolve().parent.parent


def test_committed_openapi_matches_the_code(tmp_path):
    generated = create_app(Settings(secret_key="x" * 40, data_dir=tmp_path)).openapi()
    committed = json.loads((ROOT / "openapi.json").read_text())
    assert committed == generated, "openapi.json is stale: run `make openapi` and commit it"


def test_every_operation_documents_its_problem_answers(app):
    document = app.openapi()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            if path not in ("/api/v1/health",):
                assert "422" in codes, f"{method} {path}"
            for code, answer in operation["responses"].items():
                if int(code) >= 400:
                    assert "application/problem+json" in answer["content"], (
                        f"{method} {path} {code}"
                    )


def test_every_conditional_write_declares_its_if_match_header(app):
    declared = 0
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            headers = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"}
            if "412" in codes:
                assert "If-Match" in headers, f"{method} {path}"
                declared += 1
            if headers.get("If-Match", {}).get("required"):
                assert "428" in codes, f"{method} {path}"
    assert declared >= 12


def test_no_request_could_be_answered_by_two_routes(app):
    """app.main orders the routers for speed, which is safe only while no request could
    reach routes of two of them. Within one router a literal path declared before a
    templated one is intended (``/alerts/stream`` before ``/alerts/{alert_id}``)."""

    def pattern(path: str) -> re.Pattern[str]:
        return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")

    paths = {path: set(operations) for path, operations in app.openapi()["paths"].items()}
    overlaps = set()
    for path, methods in paths.items():
        for request_path in (path, re.sub(r"\{[^}]+\}", "x", path)):
            for other, other_methods in paths.items():
                if other != path and methods & other_methods and pattern(other).match(request_path):
                    overlaps.add((path, other))
    assert overlaps == {("/api/v1/alerts/stream", "/api/v1/alerts/{alert_id}")}
