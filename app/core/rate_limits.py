"""Request rate limits on the expensive or guessable routes: sign-in, token refresh and the
outcome export. Over the limit a caller gets 429 with ``Retry-After``.

Counters use the ``limits`` library's moving window, in Redis when ``REDIS_URL`` is set (so
every replica shares them) and in memory otherwise. Failed sign-ins have their own, stricter
counters (``app.auth.throttle``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping

from fastapi import Request
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter, RateLimiter

from app.core.errors import TooManyRequests


class RateLimits:
    def __init__(self, *, storage_uri: str, rules: Mapping[str, str]) -> None:
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))
        self._rules: dict[str, RateLimitItem] = {name: parse(rule) for name, rule in rules.items()}

    def hit(self, name: str, key: str) -> None:
        """Count one request of ``key`` against rule ``name``; 429 when over the limit."""
        item = self._rules[name]
        if not self._limiter.hit(item, name, key):
            raise TooManyRequests(
                "Too many requests; wait before trying again.",
                retry_after=seconds_until_reset(self._limiter, item, name, key),
            )


def seconds_until_reset(limiter: RateLimiter, item: RateLimitItem, *identifiers: str) -> int:
    """How long until ``identifiers`` may try again: the ``Retry-After`` of a 429."""
    reset_at = limiter.get_window_stats(item, *identifiers).reset_time
    return math.ceil(reset_at - time.time())


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limit(name: str, key: Callable[[Request], str] = client_address) -> Callable[[Request], None]:
    """A route dependency counting each request against rule ``name``, by ``key``."""

    def dependency(request: Request) -> None:
        request.app.state.rate_limits.hit(name, key(request))

    return dependency
