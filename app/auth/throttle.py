"""Sign-in throttling: repeated failures per account and per client address answer 429.

Counters live in Redis when ``REDIS_URL`` is set, so every replica shares them, and in
memory otherwise. Account keys are digests: the store never holds an email address.
"""

from __future__ import annotations

import hashlib

from limits import RateLimitItemPerSecond
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from app.core.errors import TooManyRequests
from app.core.rate_limits import seconds_until_reset


class LoginThrottle:
    def __init__(
        self, *, storage_uri: str, per_account: int, per_ip: int, window_seconds: int
    ) -> None:
        self._storage = storage_from_string(storage_uri)
        self._limiter = MovingWindowRateLimiter(self._storage)
        self._account = RateLimitItemPerSecond(per_account, window_seconds, namespace="login-acct")
        self._ip = RateLimitItemPerSecond(per_ip, window_seconds, namespace="login-ip")

    @staticmethod
    def _account_key(username: str) -> str:
        return hashlib.sha256(username.strip().lower().encode()).hexdigest()

    def check(self, *, username: str, ip: str) -> None:
        """Refuse before any password work when either counter is exhausted."""
        for item, key in ((self._account, self._account_key(username)), (self._ip, ip)):
            if not self._limiter.test(item, key):
                raise TooManyRequests(
                    "Too many failed sign-in attempts; wait before trying again.",
                    retry_after=seconds_until_reset(self._limiter, item, key),
                )

    def failed(self, *, username: str, ip: str) -> None:
        self._limiter.hit(self._account, self._account_key(username))
        self._limiter.hit(self._ip, ip)

    def succeeded(self, *, username: str) -> None:
        self._limiter.clear(self._account, self._account_key(username))

    def reset(self) -> None:
        self._storage.reset()
