"""Benchmark: the CPU one request costs, in process, without a load tool or a network.

Loads the same data as ``bench/load.py`` into a throwaway PostgreSQL database, builds the
app as ``app.main`` serves it (production settings, the garbage collector settled), and
drives it through ASGI directly: requests one after another, then several at once, as a
specialist. Reports the CPU per request (of this process: the app, its threads and the
driver, which is a few microseconds), the CPU PostgreSQL's processes spent meanwhile, and
requests per second. The load benchmark says
what the whole machine does; this one says what a change to the request path buys, with
far less noise.

    .venv/bin/python bench/request_cost.py
    .venv/bin/python bench/request_cost.py --requests 4000 --at-once 10
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench import load
from tests import database
from tests.factories import token_for

PATHS = ("/api/v1/health", "/api/v1/participants", "/api/v1/caseload")


def drive(app: Any, token: str) -> Callable[[str], Awaitable[None]]:
    """One GET through the ASGI app, as an HTTP server would make it."""
    headers = [
        (b"host", b"127.0.0.1:8000"),
        (b"authorization", f"Bearer {token}".encode()),
        (b"accept", b"application/json"),
    ]

    async def get(path: str) -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
            "state": {},
        }
        status: list[int] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        await app(scope, receive, send)
        if status != [200]:
            raise RuntimeError(f"GET {path} answered {status}")

    return get


async def measure(
    get: Callable[[str], Awaitable[None]], path: str, count: int, at_once: int
) -> str:
    async def client(requests: int) -> None:
        for _ in range(requests):
            await get(path)

    for _ in range(50):  # warm-up: pools, caches, prepared statements
        await get(path)
    database = load.postgres_cpu_seconds()
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(client(count // at_once) for _ in range(at_once)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    database = load.postgres_cpu_seconds() - database
    done = count // at_once * at_once
    return (
        f"{path:24} {at_once:>3} at once  {done:>6,} requests  "
        f"{1e6 * cpu / done:>6,.0f} µs CPU each  (PostgreSQL {1e6 * database / done:>5,.0f} µs)  "
        f"{done / wall:>6,.0f} req/s"
    )


async def run(app: Any, token: str, paths: list[str], count: int, at_once: int) -> None:
    get = drive(app, token)
    async with app.router.lifespan_context(app):
        for path in paths:
            for concurrency in sorted({1, at_once}):
                print(await measure(get, path, count, concurrency))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="per path and concurrency")
    parser.add_argument("--at-once", type=int, default=10, help="requests in flight at once")
    parser.add_argument(
        "--paths", default=",".join(PATHS), help="comma-separated paths to measure, in order"
    )
    args = parser.parse_args()
    if not database.on_postgres():
        sys.exit("set DATABASE_URL to a PostgreSQL server (make bench does)")
    with tempfile.TemporaryDirectory() as tmp, database.throwaway_database(Path(tmp)) as url:
        env, _, plan = load.prepare(Path(tmp), url, token_minutes=60)
        os.environ.update(env)
        from app import main as served
        from app.core.config import get_settings
        from app.users.models import User

        get_settings.cache_clear()
        app = served.app  # built as uvicorn would build it
        # The app's access log goes to a file, as in the load benchmark, not to this output.
        log = (Path(tmp) / "server.log").open("a")
        for handler in logging.getLogger("prss").handlers:
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(log)
        settings = get_settings()
        email: str = random.Random(7).choice(plan["specialists"])["email"]
        with Session(app.state.database.engine) as session:
            user = session.scalars(select(User).where(User.email == email)).one()
        token = token_for(user, settings)
        try:
            asyncio.run(run(app, token, args.paths.split(","), args.requests, args.at_once))
        finally:
            app.state.database.engine.dispose()


if __name__ == "__main__":
    main()
