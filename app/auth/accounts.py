"""Callers' accounts, kept in each serving process for a little while.

Every request checks its caller's account (active, same role and organisation, no password
change since the token was issued). Read from the database, that check costs a query and,
since it blocks, a trip to the thread pool: 12 to 16% of a participant list's CPU, the
more requests contend for the interpreter the more (bench/README.md, "Load"). So each
process keeps the accounts it read, and a request whose caller's account is kept resolves
its caller on the event loop.

A kept account must never outlive a change to it: a deactivation or a role change takes
effect at once. On PostgreSQL a trigger on ``users`` announces every change to an account
(``NOTIFY prss_accounts``, with its id, on commit; migration 0012), and each process's
``AccountListener`` drops that account. The cache is trusted only while its listener is
connected: from the moment the connection is lost it is emptied and takes nothing, until
the listener is back. An account read while a change is under way is not kept (the
``generation`` a reader takes before reading changes with every change heard). Entries
also expire (``PRSS_ACCOUNT_CACHE_SECONDS``), which bounds what a listener that is cut off
without noticing could miss. SQLite, where one process serves, keeps no cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request

from app.core.listen import ChannelListener, libpq_dsn

CHANNEL = "prss_accounts"
# Accounts kept at most, per process: the least recently kept go first.
MAX_ACCOUNTS = 10_000


class AccountCache:
    """Account rows by user id, each kept for ``ttl_seconds``, trusted only while told."""

    def __init__(self, *, ttl_seconds: float, size: int = MAX_ACCOUNTS) -> None:
        self._ttl = ttl_seconds
        self._size = size
        self._entries: OrderedDict[uuid.UUID, tuple[Any, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0
        self._trusted = False

    def get(self, user_id: uuid.UUID) -> Any | None:
        with self._lock:
            entry = self._entries.get(user_id)
            if entry is None:
                return None
            account, expires = entry
            if expires <= time.monotonic():
                del self._entries[user_id]
                return None
            return account

    def generation(self) -> int | None:
        """To take before reading an account from the database, and give to ``put``;
        None while the cache is not trusted (there is nothing to put then)."""
        with self._lock:
            return self._generation if self._trusted else None

    def put(self, user_id: uuid.UUID, account: Any, generation: int) -> None:
        """Keep ``account``, read after ``generation`` was taken, unless a change was
        heard since: the read may have missed it."""
        with self._lock:
            if not self._trusted or generation != self._generation:
                return
            self._entries[user_id] = (account, time.monotonic() + self._ttl)
            self._entries.move_to_end(user_id)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def forget(self, user_id: uuid.UUID | None) -> None:
        """An account changed (None: some account, which one unknown)."""
        with self._lock:
            self._generation += 1
            if user_id is None:
                self._entries.clear()
            else:
                self._entries.pop(user_id, None)

    def trust(self) -> None:
        """Changes reach the cache from now on: it may keep accounts (read from now)."""
        self._reset(trusted=True)

    def distrust(self) -> None:
        """Changes may no longer reach the cache: it empties and keeps nothing."""
        self._reset(trusted=False)

    def _reset(self, *, trusted: bool) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._trusted = trusted


class AccountListener(ChannelListener):
    """``LISTEN prss_accounts``: drops each changed account from ``cache``, which it
    trusts only while connected."""

    def __init__(self, *, dsn: str, cache: AccountCache) -> None:
        super().__init__(dsn=dsn, channel=CHANNEL, name="account listener")
        self.cache = cache

    def on_payload(self, payload: str) -> None:
        try:
            user_id: uuid.UUID | None = uuid.UUID(payload)
        except ValueError:
            user_id = None
        self.cache.forget(user_id)

    async def on_connected(self, lost_at: datetime | None) -> None:
        self.cache.trust()

    def on_lost(self) -> None:
        self.cache.distrust()


def cache_of(request: Request) -> AccountCache | None:
    cache: AccountCache | None = getattr(request.app.state, "accounts", None)
    return cache


@contextlib.asynccontextmanager
async def accounts_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The process's account cache and its listener, on PostgreSQL when the cache is on."""
    seconds = app.state.settings.account_cache_seconds
    engine = app.state.database.engine
    if seconds <= 0 or engine.dialect.name != "postgresql":
        app.state.accounts = None
        yield
        return
    cache = AccountCache(ttl_seconds=seconds)
    listener = AccountListener(dsn=libpq_dsn(engine), cache=cache)
    task = asyncio.create_task(listener.run(), name="accounts-listen")
    app.state.accounts = cache
    app.state.account_listener = listener
    await listener.wait_for_first_try(timeout=5)
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        app.state.accounts = None
