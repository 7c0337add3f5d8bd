"""No request data reaches OpenTelemetry, even in a process where a tracer provider is
configured (as an APM agent configures one): FastAPI's own spans would carry each
request's path and query string, participant ids and searched-for names among them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

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
    if sys.argv[1] == "framework-defaults":
        main.TELEMETRY = {}

    settings = Settings(secret_key=TEST_SECRET, data_dir=sys.argv[2])
    with TestClient(create_app(settings=settings), base_url="https://testserver") as client:
        client.get("/api/v1/health?q=Zoe")
    print(len(started), [attributes.get("url.query") for _, attributes in started])
    """
)


def spans_started(config: str, tmp_path: Path) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and probe
        [sys.executable, "-c", PROBE, config, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    return result.stdout.strip()


def test_no_spans_with_a_tracer_provider_configured(tmp_path: Path) -> None:
    assert spans_started("app", tmp_path) == "0 []"


def test_the_probe_sees_the_spans_the_framework_would_start(tmp_path: Path) -> None:
    # Without the app's setting, the same probe sees the name searched for leave in a span.
    assert "q=Zoe" in spans_started("framework-defaults", tmp_path)
