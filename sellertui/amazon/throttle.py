"""Being a good API citizen: a token bucket per operation, and back-off with jitter.

Each SP-API operation has its own usage plan (rate in requests per second,
burst). The bucket starts with Amazon's documented defaults and takes the
rate Amazon reports in ``x-amzn-RateLimit-Limit`` on every answer (a seller
with a higher plan gets it). Waiting is done through an injected ``sleep`` so
tests run at full speed and deterministic.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

# operation -> (requests per second, burst), from the models' usage plans
PLANS: dict[str, tuple[float, int]] = {
    "getReports": (0.0222, 10),
    "createReport": (0.0167, 15),
    "getReport": (2.0, 15),
    "getReportDocument": (0.0167, 15),
    "getOrders": (0.0167, 20),
    "getOrderItems": (0.5, 30),
    "confirmShipment": (2.0, 10),
    "createRestrictedDataToken": (1.0, 10),
    "getMarketplaceParticipations": (0.016, 15),
    "getItemOffersBatch": (0.1, 1),
    "getCatalogItem": (2.0, 2),
    "getMessagingActionsForOrder": (1.0, 5),
    "createConfirmDeliveryDetails": (1.0, 5),
    "createNegativeFeedbackRemoval": (1.0, 5),
}
DEFAULT_PLAN = (0.5, 5)


@dataclass
class Bucket:
    rate: float
    burst: int
    tokens: float
    stamp: float

    def wait_for_token(self, now: float) -> float:
        """Seconds to wait before a request may go (0: now), spending the token it will use."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        self.tokens -= 1
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


@dataclass
class RateLimits:
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    plans: dict[str, tuple[float, int]] = field(default_factory=lambda: PLANS)  # the API's usage plans
    buckets: dict[str, Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def acquire(self, operation: str) -> None:
        with self._lock:
            bucket = self._bucket(operation)
            wait = bucket.wait_for_token(self.clock())
        if wait > 0:
            self.sleep(wait)

    def observe(self, operation: str, header: str | None) -> None:
        """Take the rate Amazon applied (``x-amzn-RateLimit-Limit``) for the next requests."""
        try:
            rate = float(header) if header else 0.0
        except ValueError:
            return
        if rate > 0:
            with self._lock:
                self._bucket(operation).rate = rate

    def rate(self, operation: str) -> float:
        return self._bucket(operation).rate

    def _bucket(self, operation: str) -> Bucket:
        bucket = self.buckets.get(operation)
        if bucket is None:
            rate, burst = self.plans.get(operation, DEFAULT_PLAN)
            bucket = self.buckets[operation] = Bucket(rate, burst, float(burst), self.clock())
        return bucket


def backoff(attempt: int, base: float, cap: float = 60.0, rate: float | None = None,
            rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry ``attempt`` (1, 2, …): exponential, "full jitter", at least one
    request interval of the operation's rate when known (a 429 says we went too fast)."""
    ceiling = min(cap, base * 2 ** (attempt - 1))
    floor = min(cap, 1.0 / rate) if rate and base > 0 else 0.0
    return max(floor, ceiling * (0.5 + rng() / 2))


@dataclass
class Budget:
    """A bounded retry budget per call: so many attempts, so many seconds in all."""

    attempts: int
    seconds: float
    clock: Callable[[], float] = time.monotonic
    started: float = 0.0
    used: int = 0

    def __post_init__(self) -> None:
        self.started = self.clock()

    def allows(self, wait: float) -> bool:
        """Whether one more try after waiting ``wait`` seconds stays within the budget."""
        self.used += 1
        return self.used < self.attempts and self.clock() - self.started + wait <= self.seconds
