"""Thin Amazon API clients on httpx: one place that signs, paces, retries and explains.

Why not python-amazon-sp-api or python-amazon-ad-api: the endpoints and the
token URL must be settings (a proxy, a test's stand-in), the pacing must be
ours per operation (token buckets that honour ``x-amzn-RateLimit-Limit``) and
the sync must resume from its own checkpoints; and httpx brings no
boto/requests stack.

``PacedClient`` is what the SP-API (``SpApi``, here) and the Ads API
(``amazon.ads.client.AdsApi``) share. Every call: wait for the operation's
token bucket, send with the API's own headers, then
- 429: back off (exponential, jitter, at least one request interval, at least
  what ``Retry-After`` asks) and retry;
- a 401 (or the SP-API's 403 saying the token expired): exchange the refresh
  token again, retry once;
- 500/502/503/504 and dropped connections: back off and retry;
- other 4xx: ``ApiError`` with Amazon's error document;
all within a bounded budget (attempts and seconds) per call. Nothing here
logs: httpx's own loggers are held at WARNING so no header is ever written.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
import logging
import time
from dataclasses import dataclass
from typing import Any, Callable

from sellertui import __version__
from sellertui.amazon.credentials import SP, Credentials, Vault
from sellertui.amazon.errors import ApiError, Problem, Unreachable, problems_of
from sellertui.amazon.lwa import AccessTokens
from sellertui.amazon.settings import ApiSettings
from sellertui.amazon.throttle import PLANS, Budget, RateLimits, backoff
from sellertui.core.i18n import _

TRANSIENT = {500, 502, 503, 504}
USER_AGENT = f"sellertui/{__version__} (Language=Python)"


@dataclass
class Answer:
    status: int
    body: Any  # the parsed JSON ({} for an empty answer)
    headers: dict[str, str]


def _quiet_http_logs() -> None:
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


class PacedClient(ABC):
    """An Amazon API behind Login with Amazon: paced, retried, explained; subclasses say how to sign."""

    vault: Vault = SP
    plans: dict[str, tuple[float, int]] = PLANS  # operation -> (requests per second, burst)

    def __init__(self, settings: ApiSettings, credentials: Credentials, endpoint: str,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 transport: Any = None) -> None:
        import httpx

        _quiet_http_logs()
        self.settings = settings
        self.endpoint = endpoint
        self.credentials = credentials
        self._sleep = sleep
        self._clock = clock
        timeout = httpx.Timeout(settings.timeout_seconds, connect=min(10.0, settings.timeout_seconds))
        self._http = httpx.Client(timeout=timeout, transport=transport, follow_redirects=False,
                                  headers={"User-Agent": USER_AGENT})
        self.tokens = AccessTokens(credentials, settings.token_url, self._http.post, clock, self.vault)
        self.limits = RateLimits(clock, sleep, self.plans)
        self.retries = 0  # retried requests (throttled, transient or dropped), for the sync summary
        self._errors = (httpx.TransportError,)

    # -- what each API does its own way ------------------------------------------------------
    @abstractmethod
    def headers(self, access: str, operation: str, media: str | None) -> dict[str, str]:
        """The headers each API wants on a request (its token header, its own ids)."""

    def problems(self, body: Any) -> list[Problem]:
        return problems_of(body)

    def expired(self, status: int, body: Any) -> bool:
        return status == 401

    def close(self) -> None:
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _budget(self) -> Budget:
        return Budget(self.settings.retry_attempts, self.settings.retry_seconds, self._clock)

    def _wait(self, budget: Budget, attempt: int, operation: str, why: str, throttled: bool = False,
              at_least: float = 0.0) -> None:
        """Back off before the next try (after a 429, at least one request interval at the operation's rate
        and at least what Amazon's ``Retry-After`` asked)."""
        rate = self.limits.rate(operation) if throttled else None
        wait = max(backoff(attempt, self.settings.backoff_seconds, rate=rate), at_least)
        if not budget.allows(wait):
            raise Unreachable(_("{operation}: gave up after {tries} tries ({why}); the next sync resumes from where "
                                "this one stopped").format(operation=operation, tries=attempt, why=why))
        self.retries += 1
        self._sleep(wait)

    def call(self, operation: str, method: str, path: str, params: dict | None = None, json: Any = None,
             token: str | None = None, media: str | None = None) -> Answer:
        """One operation, paced and retried; ``token`` is a Restricted Data Token to use instead of the access
        token; ``media`` the vendor media type an operation sends and accepts (the Ads API's v3 endpoints)."""
        budget = self._budget()
        attempt = 0
        refreshed = False
        while True:
            attempt += 1
            self.limits.acquire(operation)
            access = token or self.tokens.token()
            headers = self.headers(access, operation, media)
            try:
                response = self._http.request(method, self.endpoint + path, params=_query(params),
                                              json=json, headers=headers)
            except self._errors as exc:
                self._wait(budget, attempt, operation, _("connection: {error}").format(error=type(exc).__name__))
                continue
            self.limits.observe(operation, response.headers.get("x-amzn-RateLimit-Limit"))
            status = response.status_code
            body = _json(response)
            if status == 429:
                self._wait(budget, attempt, operation, _("throttled by Amazon (429)"), throttled=True,
                           at_least=_seconds(response.headers.get("Retry-After")))
                continue
            if token is None and not refreshed and self.expired(status, body):
                refreshed = True
                self.tokens.expire(access)
                continue
            if status in TRANSIENT:
                self._wait(budget, attempt, operation, _("Amazon answered {status}").format(status=status))
                continue
            if status >= 400:
                raise ApiError(operation, status, self.problems(body))
            return Answer(status, body, dict(response.headers))

    def download(self, url: str) -> bytes:
        """A pre-signed document URL: no access token (the URL carries its own signature), retried whole."""
        budget = self._budget()
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._http.get(url)
                status = response.status_code
                if status in TRANSIENT:
                    self._wait(budget, attempt, _("report download"),
                               _("the document server answered {status}").format(status=status))
                    continue
                if status >= 400:
                    raise Unreachable(_("report download: the document URL answered {status} (it lasts 5 minutes; "
                                        "the next sync asks for a new one)").format(status=status))
                return response.content
            except self._errors as exc:
                self._wait(budget, attempt, _("report download"),
                           _("connection dropped: {error}").format(error=type(exc).__name__))


class SpApi(PacedClient):
    """The Selling Partner API: the access token in ``x-amz-access-token``."""

    def __init__(self, settings: ApiSettings, credentials: Credentials, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, transport: Any = None) -> None:
        super().__init__(settings, credentials, settings.endpoint, sleep, clock, transport)

    def headers(self, access: str, operation: str, media: str | None) -> dict[str, str]:
        return {"x-amz-access-token": access, "Accept": "application/json"}

    def expired(self, status: int, body: Any) -> bool:
        """401, or 403 whose error document says the access token expired."""
        if status == 401:
            return True
        if status != 403:
            return False
        return any("expired" in (p.message + p.details).lower() for p in problems_of(body))


def _seconds(header: str | None) -> float:
    """``Retry-After`` in seconds (a date there, or nonsense, counts as none), at most a minute."""
    try:
        return min(60.0, max(0.0, float(header))) if header else 0.0
    except ValueError:
        return 0.0


def _query(params: dict | None) -> dict | None:
    """SP-API arrays travel comma-separated; None values are left out."""
    if not params:
        return None
    out = {}
    for key, value in params.items():
        if value is None:
            continue
        out[key] = ",".join(value) if isinstance(value, (list, tuple)) else value
    return out


def _json(response) -> Any:
    if not response.content:
        return {}
    try:
        return response.json()
    except ValueError:
        return {}
