"""A stand-in for Login with Amazon and the Amazon Ads API on 127.0.0.1, in the shapes of Amazon's Postman collection.

What it answers (../shared/amazon-api/ads-api, with its example responses):
the token exchange; GET /v2/profiles; POST /reporting/reports → GET
/reporting/reports/{id} (PENDING, PROCESSING, then COMPLETED with a ``url``)
→ the GZIP JSON array of the rows whose date lies in the request, cut to the
requested columns; the Sponsored Products v3 list calls, paged by
``nextToken``; create, update and delete of keywords, negatives and targets
with 207 multi-status answers (``success``/``error`` by index). Behaviours a
test sets: 429s first (with Retry-After), a token that stops working (401)
after so many calls, items Amazon refuses. Nothing waits on a clock.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

from tests.amazon.serving import Served

CLIENT_ID = "amzn1.application-oa2-client.ADSFAKEIDp0o9i8"
CLIENT_SECRET = "amzn1.oa2-cs.v1.ADSFAKESECRETm1n2b3"
REFRESH_TOKEN = "Atzr|ADSFAKEREFRESHTOKENz9x8c7v6"
PROFILE_ID = "3232323232323232"
ENV = {"SELLERTUI_ADS_CLIENT_ID": CLIENT_ID, "SELLERTUI_ADS_CLIENT_SECRET": CLIENT_SECRET,
       "SELLERTUI_ADS_REFRESH_TOKEN": REFRESH_TOKEN, "SELLERTUI_ADS_PROFILE_ID": PROFILE_ID}
SECRETS = (CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
TOKEN_PREFIX = "Atza|ads-standin-access"
REPORT_MEDIA = "application/vnd.createasyncreportrequest.v3+json"
UNAUTHORIZED = {"code": "UNAUTHORIZED", "details": "Not authorized to access this advertiser"}


def profile(profile_id: str = PROFILE_ID, country: str = "US", name: str = "Bamboo & Co",
            kind: str = "seller") -> dict:
    """A profile as GET /v2/profiles lists it (its id a JSON number, as Amazon sends it)."""
    return {"profileId": int(profile_id), "countryCode": country, "currencyCode": "USD", "dailyBudget": 999999999,
            "timezone": "America/Los_Angeles",
            "accountInfo": {"marketplaceStringId": "ATVPDKIKX0DER", "id": "A3FAKESELLER", "type": kind,
                            "name": name, "validPaymentMethod": True}}


def refusal(error_type: str = "duplicateValueError", message: str = "Duplicate value in the request") -> list:
    """An item's errors in a v3 multi-status answer."""
    return [{"errorType": error_type, "errorValue": {error_type: {"reason": "DUPLICATE_VALUE", "message": message,
                                                                  "cause": {"location": "$[0].keywordText"}}}}]


@dataclass
class AdsStandIn(Served):
    profiles: list[dict] = field(default_factory=lambda: [profile()])
    rows: dict[str, list[dict]] = field(default_factory=dict)  # report type -> every row it can have (with "date")
    statuses: list[str] = field(default_factory=lambda: ["PENDING", "PROCESSING", "COMPLETED"])
    entities: dict[str, list[dict]] = field(default_factory=dict)  # "keywords", "campaigns"... -> listed items
    page_size: int = 2
    throttle: dict[str, int] = field(default_factory=dict)  # operation -> 429s to answer first
    expire_after_calls: int | None = None  # the access token answers 401 after this many API calls
    refuse: dict[str, str] = field(default_factory=dict)  # "text" or "entity:text" (keywords:…) -> Amazon's reason
    calls: list[tuple[str, str, dict, object]] = field(default_factory=list)  # (operation, path, headers, body)
    token_exchanges: int = 0
    clients: dict[str, tuple[str, str]] = field(default_factory=lambda: {CLIENT_ID: (CLIENT_SECRET, REFRESH_TOKEN)})

    def __post_init__(self) -> None:
        self._ids = itertools.count(900000000001)
        self._tokens: set[str] = set()
        self._api_calls = 0
        self.reports: dict[str, dict] = {}
        self.lock = threading.Lock()

    def bodies(self, operation: str) -> list:
        return [body for op, _, _, body in self.calls if op == operation]

    # -- dispatch --------------------------------------------------------------------------
    ENTITY = r"(?P<entity>keywords|negativeKeywords|campaignNegativeKeywords|targets|negativeTargets)"
    ROUTES = [
        ("POST", re.compile(r"^/auth/o2/token$"), "token"),
        ("GET", re.compile(r"^/v2/profiles$"), "listProfiles"),
        ("POST", re.compile(r"^/reporting/reports$"), "createReport"),
        ("GET", re.compile(r"^/reporting/reports/(?P<id>[^/]+)$"), "getReportStatus"),
        ("GET", re.compile(r"^/download/(?P<id>[^/]+)$"), "download"),
        ("POST", re.compile(r"^/sp/(?P<entity>\w+)/list$"), "list"),
        ("POST", re.compile(rf"^/sp/{ENTITY}/delete$"), "delete"),
        ("POST", re.compile(rf"^/sp/{ENTITY}$"), "create"),
        ("PUT", re.compile(rf"^/sp/{ENTITY}$"), "update"),
    ]

    NOT_FOUND = {"code": "NOT_FOUND", "details": "no such path"}

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        found = self.route(request, method)
        if found is None:
            return None
        operation, match, parts, raw = found
        body = json.loads(raw) if raw and operation not in ("token",) else raw
        groups = match.groupdict()
        named = operation + (_title(groups["entity"]) if "entity" in groups else "")
        with self.lock:
            self.calls.append((named, parts.path, dict(request.headers), body))
        if operation == "token":
            return self._token(request, raw)
        if operation == "download":
            return self._download(request, groups["id"])
        with self.lock:
            denied = self._denied(request, operation)
            if denied is None and self.throttle.get(named):
                self.throttle[named] -= 1
                return self._send(request, 429, {"code": "429", "details": "Too Many Requests"}, {"Retry-After": "1"})
        if denied is not None:
            return self._send(request, *denied)
        status, answer = getattr(self, f"_{operation}")(body, groups, request.headers)
        return self._send(request, status, answer)

    def _send(self, request, status: int, payload, headers: dict | None = None) -> None:
        data = json.dumps(payload).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)

    def _denied(self, request, operation: str) -> tuple[int, dict] | None:
        headers = request.headers
        token = (headers.get("Authorization") or "").removeprefix("Bearer ")
        if token not in self._tokens or headers.get("Amazon-Advertising-API-ClientId") not in self.clients:
            return 401, UNAUTHORIZED
        if operation != "listProfiles":
            scope = headers.get("Amazon-Advertising-API-Scope")
            if scope not in {str(p["profileId"]) for p in self.profiles}:
                return 401, {"code": "UNAUTHORIZED", "details": f"Not authorized to access scope {scope}"}
        self._api_calls += 1
        if self.expire_after_calls is not None and self._api_calls > self.expire_after_calls:
            self.expire_after_calls = None
            self._tokens.discard(token)
            return 401, UNAUTHORIZED
        return None

    # -- Login with Amazon -------------------------------------------------------------------
    def _token(self, request, raw: bytes) -> None:
        form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        known = self.clients.get(form.get("client_id", ""))
        if known is None or form.get("client_secret") != known[0]:
            return self._send(request, 401, {"error": "invalid_client", "error_description": "Client authentication failed"})
        if form.get("refresh_token") != known[1]:
            return self._send(request, 400, {"error": "invalid_grant", "error_description": "invalid grant"})
        with self.lock:
            self.token_exchanges += 1
            token = f"{TOKEN_PREFIX}-{self.token_exchanges}"
            self._tokens.add(token)
        return self._send(request, 200, {"access_token": token, "refresh_token": known[1], "token_type": "bearer",
                                         "expires_in": 3600})

    def _listProfiles(self, body, groups, headers):
        return 200, self.profiles

    # -- reporting ----------------------------------------------------------------------------
    def _createReport(self, body, groups, headers):
        if headers.get("Content-Type") != REPORT_MEDIA:
            return 415, {"code": "415", "details": "Unsupported media type"}
        config = body.get("configuration") or {}
        for key in ("adProduct", "reportTypeId", "columns", "groupBy", "timeUnit", "format"):
            if not config.get(key):
                return 400, {"code": "400", "details": f"configuration.{key} is required"}
        for old in self.reports.values():
            if old["request"] == body and self._status(old)["status"] != "COMPLETED":
                return 425, {"code": "425", "detail": f"The Request is a duplicate of : {old['id']}"}
        report_id = f"0034fb06-812c-4cad-ba88-{next(self._ids):012d}"
        self.reports[report_id] = {"id": report_id, "request": body, "polls": 0}
        return 200, self._status(self.reports[report_id])

    def _status(self, report: dict) -> dict:
        request = report["request"]
        status = self.statuses[min(report["polls"], len(self.statuses) - 1)]
        return {"reportId": report["id"], "name": request.get("name"), "status": status,
                "startDate": request["startDate"], "endDate": request["endDate"],
                "configuration": request["configuration"], "createdAt": "2026-11-22T09:00:00.000Z",
                "failureReason": None, "url": f"{self.url}/download/{report['id']}" if status == "COMPLETED" else None,
                "urlExpiresAt": None}

    def _getReportStatus(self, body, groups, headers):
        report = self.reports.get(groups["id"])
        if report is None:
            return 404, {"code": "404", "details": "Report not found"}
        answer = self._status(report)
        report["polls"] += 1
        return 200, answer

    def _download(self, request, report_id: str) -> None:
        report = self.reports[report_id]
        request_body = report["request"]
        config = request_body["configuration"]
        wanted = config["columns"]
        rows = [{k: row[k] for k in wanted if k in row} for row in self.rows.get(config["reportTypeId"], [])
                if request_body["startDate"] <= row["date"] <= request_body["endDate"]]
        data = gzip.compress(json.dumps(rows).encode(), mtime=0)
        request.send_response(200)
        request.send_header("Content-Type", "application/octet-stream")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    # -- campaign structure: list, create, update, delete --------------------------------------------
    def _list(self, body, groups, headers):
        entity = groups["entity"]
        states = set((body.get("stateFilter") or {}).get("include") or ["ENABLED", "PAUSED", "ARCHIVED"])
        found = [e for e in self.entities.get(entity, []) if e.get("state", "ENABLED") in states]
        offset = int(body.get("nextToken") or 0)
        page = found[offset:offset + self.page_size]
        answer = {KEYS[entity]: page, "totalResults": len(found)}
        if offset + self.page_size < len(found):
            answer["nextToken"] = str(offset + self.page_size)
        return 200, answer

    def _create(self, body, groups, headers):
        entity = groups["entity"]
        key = KEYS[entity]
        success, error = [], []
        for index, item in enumerate(body.get(key) or []):
            words = item.get("keywordText") or next((e.get("value") for e in item.get("expression") or []), "")
            reason = self.refuse.get(f"{entity}:{words}") or self.refuse.get(words)
            if reason:
                error.append({"index": index, "errors": refusal(message=reason)})
                continue
            new_id = str(next(self._ids))
            stored = {**item, ID_KEYS[entity]: new_id}
            self.entities.setdefault(entity, []).append(stored)
            success.append({"index": index, CREATED_KEYS.get(entity, ID_KEYS[entity]): new_id})
        return 207, {key: {"success": success, "error": error}}

    def _update(self, body, groups, headers):
        entity = groups["entity"]
        key = KEYS[entity]
        success, error = [], []
        by_id = {e[ID_KEYS[entity]]: e for e in self.entities.get(entity, [])}
        for index, item in enumerate(body.get(key) or []):
            current = by_id.get(str(item.get(ID_KEYS[entity])))
            if current is None:
                error.append({"index": index, "errors": refusal("entityNotFoundError", "Entity not found")})
                continue
            current.update(item)
            success.append({"index": index, ID_KEYS[entity]: current[ID_KEYS[entity]]})
        return 207, {key: {"success": success, "error": error}}

    def _delete(self, body, groups, headers):
        entity = groups["entity"]
        ids = next(iter(body.values()))["include"]
        by_id = {e[ID_KEYS[entity]]: e for e in self.entities.get(entity, [])}
        success, error = [], []
        for index, item_id in enumerate(ids):
            if item_id not in by_id:
                error.append({"index": index, "errors": refusal("entityNotFoundError", "Entity not found")})
                continue
            by_id[item_id]["state"] = "ARCHIVED"
            success.append({"index": index, CREATED_KEYS.get(entity, ID_KEYS[entity]): item_id})
        return 207, {KEYS[entity]: {"success": success, "error": error}}


KEYS = {"campaigns": "campaigns", "adGroups": "adGroups", "keywords": "keywords",
        "negativeKeywords": "negativeKeywords", "campaignNegativeKeywords": "campaignNegativeKeywords",
        "targets": "targetingClauses", "negativeTargets": "negativeTargetingClauses"}
ID_KEYS = {"campaigns": "campaignId", "adGroups": "adGroupId", "keywords": "keywordId",
           "negativeKeywords": "keywordId", "campaignNegativeKeywords": "keywordId", "targets": "targetId",
           "negativeTargets": "targetId"}
CREATED_KEYS = {"negativeKeywords": "negativeKeywordId", "campaignNegativeKeywords": "campaignNegativeKeywordId"}


def _title(entity: str) -> str:
    return entity[0].upper() + entity[1:]
