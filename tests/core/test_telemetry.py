"""No request data reaches OpenTelemetry, even in a process where a tracer provider is
configured (as an APM agent configures one): FastAPI's own spans would carry each
request's path and query string, participant ids and searched-for names among them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run apart: a process's global tracer provider can be set only once.
PROBE = textwrap.dedent(
    """
    import sys
    from fastapi.testclient import TestClient
    from opentelemetry import trace
    from opentelemetry.trace import NonRecordingSpan, INVALID_SPAN_CONTEXT

    started = []

    class Tracer(trace.Tracer):
        def start_span(self, name, *args, **kwargs):
            started.append((name, dict(kwargs.get("attributes") or {})))
            return NonRecordingSpan(INVALID_SPAN_CONTEXT)

        def start_as_current_span(self, name, *args, **kwargs):
            return trace.use_span(self.start_span(name, *args, **kwargs))

    class Provider(trace.TracerProvider):
        def get_tracer(self, *args, **kwargs):
            return Tracer()

    trace.set_tracer_provider(Provider())

    from app.core.config import Settings
    from app.main import create_app
    from tests.conftest import TEST_SECRET

    import app.main as main

    settings = Settings(secret_key=TEST_SECRET, data_dir=sys.argv[1])
    for config, telemetry in (("app", main.TELEMETRY), ("framework-defaults", {})):
        main.TELEMETRY = telemetry
        started.clear()
        with TestClient(create_app(settings=settings), base_url="https://testserver") as client:
            client.get("/api/v1/health?q=Zoe")
        print(config, len(started), [attributes.get("url.query") for _, attributes in started])
    """
)


@pytest.fixture(scope="module")
def spans_started(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the probe saw, by configuration: the app's, and the framework's defaults.
    One process for both: starting one costs seconds."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and probe
        [sys.executable, "-c", PROBE, str(tmp_path_factory.mktemp("telemetry"))],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    seen = (line.split(" ", 1) for line in result.stdout.strip().splitlines())
    return {config: spans for config, spans in seen}  # noqa: C416 - pairs, not a mapping


def test_no_spans_with_a_tracer_provider_configured(spans_started: dict[str, str]) -> None:
    assert spans_started["app"] == "0 []"


def test_the_probe_sees_the_spans_the_framework_would_start(
    spans_started: dict[str, str],
) -> None:
    # Without the app's setting, the same probe sees the name searched for leave in a span.
    assert "q=Zoe" in spans_started["framework-defaults"]
