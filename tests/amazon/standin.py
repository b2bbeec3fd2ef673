"""A stand-in for Login with Amazon and the SP-API on 127.0.0.1, answering in the shapes of Amazon's models.

Started by the tests (``http.server`` in a thread, an ephemeral port). Each
behaviour a test needs is a field to set: reports and their status sequences,
settlements to list, orders, throttling, a token that expires, a dropped or
held download, confirmShipment answers. Nothing here waits on a clock: a
report moves one status per poll, and a held download waits for an event.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

from tests.amazon.serving import Served

from tests.amazon import standin_messaging, standin_products

CLIENT_ID = "amzn1.application-oa2-client.FAKEIDzq9x7"
CLIENT_SECRET = "amzn1.oa2-cs.v1.FAKESECRETk3j5h7g9"
REFRESH_TOKEN = "Atzr|FAKEREFRESHTOKENq1w2e3r4t5y6"
ENV = {"SELLERTUI_SP_CLIENT_ID": CLIENT_ID, "SELLERTUI_SP_CLIENT_SECRET": CLIENT_SECRET,
       "SELLERTUI_SP_REFRESH_TOKEN": REFRESH_TOKEN}
SECRETS = (CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
US = "ATVPDKIKX0DER"

UNAUTHORIZED = {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.",
                            "details": ""}]}
EXPIRED = {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.",
                       "details": "The access token you provided has expired."}]}
QUOTA = {"errors": [{"code": "QuotaExceeded", "message": "You exceeded your quota for the requested resource."}]}


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass
class FakeReport:
    id: str
    type: str
    statuses: list[str]  # one per getReport poll; the last one stays
    document: bytes = b""
    gzip: bool = False
    created: str = "2026-11-20T10:00:00+00:00"
    marketplace: str = US
    start: str = ""
    end: str = ""
    polls: int = 0

    @property
    def status(self) -> str:
        return self.statuses[min(self.polls, len(self.statuses) - 1)]

    def body(self) -> dict:
        body = {"reportId": self.id, "reportType": self.type, "processingStatus": self.status,
                "createdTime": self.created, "marketplaceIds": [self.marketplace]}
        if self.start:
            body["dataStartTime"] = self.start
        if self.end:
            body["dataEndTime"] = self.end
        if self.status in ("DONE", "FATAL") and self.document:
            body["reportDocumentId"] = f"doc-{self.id}"
        return body


@dataclass
class StandIn(standin_products.ProductsStandIn, standin_messaging.MessagingStandIn, Served):
    rate_limit: str = "100"
    page_size: int = 2  # getReports results per page (nextToken beyond)
    pii: bool = True  # createRestrictedDataToken granted
    marketplaces: list[str] = field(default_factory=lambda: [US])
    reports: dict[str, FakeReport] = field(default_factory=dict)
    # what createReport makes, by report type: (statuses, document, gzip)
    on_create: dict[str, tuple[list[str], bytes, bool]] = field(default_factory=dict)
    orders: list[dict] = field(default_factory=list)  # each with "OrderItems"
    orders_page: int = 100
    throttle: dict[str, int] = field(default_factory=dict)  # operation -> 429s to answer first
    fail: dict[str, int] = field(default_factory=dict)  # operation -> 503s to answer first
    expire_after_calls: int | None = None  # the access token expires after this many API calls
    drop_download: set[str] = field(default_factory=set)  # document ids whose first download is cut off
    hold_download: str | None = None  # a document id whose download stops half-way until ``release`` is set
    confirm: dict[str, tuple[int, dict]] = field(default_factory=dict)  # order id -> (status, body)
    # Solicitations: orders Amazon offers no review request for (outside the window, refunded…), and
    # the orders asked so far (Amazon allows one request per order: asked twice is refused)
    solicit_closed: set[str] = field(default_factory=set)
    solicit_refuse: set[str] = field(default_factory=set)  # offered, but the request itself is refused (a race)
    solicited: list[str] = field(default_factory=list)
    calls: list[tuple[str, str, dict]] = field(default_factory=list)  # (operation, path, headers)
    token_exchanges: int = 0

    def __post_init__(self) -> None:
        self.holding = threading.Event()
        self.release = threading.Event()
        self._ids = itertools.count(1)
        self._tokens: set[str] = set()
        self._expired: set[str] = set()
        self._api_calls = 0
        self.lock = threading.Lock()

    def stop(self) -> None:
        self.release.set()
        super().stop()

    # -- data helpers -----------------------------------------------------------------
    def add_report(self, report_type: str, document: bytes, statuses: list[str] | None = None, gzipped: bool = False,
                   created: str = "2026-11-20T10:00:00+00:00", report_id: str | None = None) -> FakeReport:
        report_id = report_id or f"{next(self._ids):011d}"
        report = FakeReport(report_id, report_type, statuses or ["DONE"], document, gzipped, created)
        self.reports[report_id] = report
        return report

    # -- dispatch ---------------------------------------------------------------------
    ROUTES = [
        ("POST", re.compile(r"^/auth/o2/token$"), "token"),
        ("GET", re.compile(r"^/sellers/v1/marketplaceParticipations$"), "getMarketplaceParticipations"),
        ("GET", re.compile(r"^/reports/2021-06-30/reports$"), "getReports"),
        ("POST", re.compile(r"^/reports/2021-06-30/reports$"), "createReport"),
        ("GET", re.compile(r"^/reports/2021-06-30/reports/(?P<id>[^/]+)$"), "getReport"),
        ("GET", re.compile(r"^/reports/2021-06-30/documents/(?P<id>[^/]+)$"), "getReportDocument"),
        ("GET", re.compile(r"^/download/(?P<id>[^/]+)$"), "download"),
        ("POST", re.compile(r"^/tokens/2021-03-01/restrictedDataToken$"), "createRestrictedDataToken"),
        ("GET", re.compile(r"^/orders/v0/orders$"), "getOrders"),
        ("GET", re.compile(r"^/orders/v0/orders/(?P<id>[^/]+)/orderItems$"), "getOrderItems"),
        ("POST", re.compile(r"^/orders/v0/orders/(?P<id>[^/]+)/shipmentConfirmation$"), "confirmShipment"),
        ("GET", re.compile(r"^/solicitations/v1/orders/(?P<id>[^/]+)$"), "getSolicitationActionsForOrder"),
        ("POST", re.compile(r"^/solicitations/v1/orders/(?P<id>[^/]+)/solicitations/productReviewAndSellerFeedback$"),
         "createProductReviewAndSellerFeedbackSolicitation"),
        *standin_products.ROUTES,
        *standin_messaging.ROUTES,
    ]

    NOT_FOUND = {"errors": [{"code": "NotFound", "message": "no such path"}]}

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        found = self.route(request, method)
        if found is None:
            return None
        operation, match, parts, body = found
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        with self.lock:
            self.calls.append((operation, parts.path, dict(request.headers)))
        if operation == "token":
            return self._token(request, body)
        if operation == "download":
            return self._download(request, match["id"])
        with self.lock:
            denied = self._denied(request, operation)
            if denied is None:
                denied = self._scripted(operation)
        if denied is not None:
            return self._send(request, *denied)
        handler = getattr(self, f"_{operation}")
        status, payload = handler(query, body, match.groupdict().get("id"))
        return self._send(request, status, payload)

    def _send(self, request, status: int, payload, headers: dict | None = None) -> None:
        data = b"" if payload is None else json.dumps(payload).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.send_header("x-amzn-RateLimit-Limit", self.rate_limit)
        request.send_header("x-amzn-RequestId", "standin-request")
        request.end_headers()
        request.wfile.write(data)

    def _denied(self, request, operation: str) -> tuple[int, dict] | None:
        token = request.headers.get("x-amz-access-token", "")
        if token.startswith("Atz.sprdt|"):
            return None if operation == "getOrders" else (403, UNAUTHORIZED)
        if token in self._expired:
            return 403, EXPIRED
        if token not in self._tokens:
            return 403, UNAUTHORIZED
        self._api_calls += 1
        if self.expire_after_calls is not None and self._api_calls > self.expire_after_calls:
            self.expire_after_calls = None
            self._tokens.discard(token)
            self._expired.add(token)
            return 403, EXPIRED
        return None

    def _scripted(self, operation: str) -> tuple[int, dict] | None:
        if self.throttle.get(operation):
            self.throttle[operation] -= 1
            return 429, QUOTA
        if self.fail.get(operation):
            self.fail[operation] -= 1
            return 503, {"errors": [{"code": "ServiceUnavailable", "message": "Service temporarily unavailable."}]}
        return None

    # -- Login with Amazon --------------------------------------------------------------
    def _token(self, request, body: bytes) -> None:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "refresh_token":
            return self._send(request, 400, {"error": "unsupported_grant_type"})
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return self._send(request, 401, {"error": "invalid_client",
                                             "error_description": "Client authentication failed"})
        if form.get("refresh_token") != REFRESH_TOKEN:
            return self._send(request, 400, {"error": "invalid_grant",
                                             "error_description": "The request has an invalid grant parameter"})
        with self.lock:
            self.token_exchanges += 1
            token = f"Atza|standin-access-{self.token_exchanges}"
            self._tokens.add(token)
        return self._send(request, 200, {"access_token": token, "refresh_token": REFRESH_TOKEN,
                                         "token_type": "bearer", "expires_in": 3600})

    # -- Sellers ------------------------------------------------------------------------
    def _getMarketplaceParticipations(self, query, body, _):
        return 200, {"payload": [{"marketplace": {"id": m, "countryCode": "US", "name": "Amazon.com",
                                                  "defaultCurrencyCode": "USD", "defaultLanguageCode": "en_US",
                                                  "domainName": "www.amazon.com"},
                                  "participation": {"isParticipating": True, "hasSuspendedListings": False}}
                                 for m in self.marketplaces]}

    # -- Reports ------------------------------------------------------------------------
    def _getReports(self, query, body, _):
        if "nextToken" in query:
            if set(query) != {"nextToken"}:
                return 400, {"errors": [{"code": "InvalidInput", "message": "nextToken must be the only parameter"}]}
            offset = int(query["nextToken"].removeprefix("page-"))
            wanted = json.loads(self._pending_query)
        else:
            offset, wanted = 0, query
            self._pending_query = json.dumps(query)
        types = set(wanted.get("reportTypes", "").split(","))
        statuses = set(wanted.get("processingStatuses", "DONE").split(","))
        since = _moment(wanted.get("createdSince") or "2000-01-01T00:00:00Z")
        found = [r for r in self.reports.values()
                 if r.type in types and r.status in statuses and _moment(r.created) >= since]
        found.sort(key=lambda r: r.created, reverse=True)  # Amazon lists the newest first
        page = found[offset:offset + self.page_size]
        answer = {"reports": [r.body() for r in page]}
        if offset + self.page_size < len(found):
            answer["nextToken"] = f"page-{offset + self.page_size}"
        return 200, answer

    def _createReport(self, query, body, _):
        spec = json.loads(body)
        if "reportType" not in spec or not spec.get("marketplaceIds"):
            return 400, {"errors": [{"code": "400", "message": "Invalid input", "details": "Invalid input"}]}
        statuses, document, gzipped = self.on_create.get(spec["reportType"], (["IN_QUEUE", "DONE"], b"", False))
        report = self.add_report(spec["reportType"], document, list(statuses), gzipped)
        report.start, report.end = spec.get("dataStartTime", ""), spec.get("dataEndTime", "")
        report.created = "2026-11-22T09:00:00+00:00"
        return 202, {"reportId": report.id}

    def _getReport(self, query, body, report_id):
        report = self.reports.get(report_id)
        if report is None:
            return 400, {"errors": [{"code": "400", "message": "Invalid input", "details": "Invalid input"}]}
        answer = report.body()
        report.polls += 1
        return 200, answer

    def _getReportDocument(self, query, body, document_id):
        report = self.reports.get(document_id.removeprefix("doc-"))
        if report is None:
            return 400, {"errors": [{"code": "400", "message": "Invalid input", "details": "Invalid input"}]}
        answer = {"reportDocumentId": document_id, "url": f"{self.url}/download/{document_id}"}
        if report.gzip:
            answer["compressionAlgorithm"] = "GZIP"
        return 200, answer

    def _download(self, request, document_id: str) -> None:
        report = self.reports[document_id.removeprefix("doc-")]
        data = gzip.compress(report.document, mtime=0) if report.gzip else report.document
        cut = document_id in self.drop_download
        held = document_id == self.hold_download
        request.send_response(200)
        request.send_header("Content-Type", "text/plain")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        if cut or held:
            request.wfile.write(data[: len(data) // 2])
            request.wfile.flush()
            if held:
                self.holding.set()
                self.release.wait(30)
            self.drop_download.discard(document_id)
            request.close_connection = True
            return
        request.wfile.write(data)

    # -- Tokens and Orders ----------------------------------------------------------------
    def _createRestrictedDataToken(self, query, body, _):
        if not self.pii:
            return 403, UNAUTHORIZED
        return 200, {"restrictedDataToken": "Atz.sprdt|standin-rdt", "expiresIn": 3600}

    def _getOrders(self, query, body, _):
        offset = int(query["NextToken"].removeprefix("orders-")) if "NextToken" in query else 0
        if "NextToken" not in query:
            self._orders_since = _moment(query.get("LastUpdatedAfter") or "2000-01-01T00:00:00Z")
        found = [o for o in self.orders if _moment(o["LastUpdateDate"]) >= self._orders_since]
        page = found[offset:offset + self.orders_page]
        orders = []
        for order in page:
            order = {k: v for k, v in order.items() if k != "OrderItems"}
            if not self.pii or "x-amz-access-token" not in self._last_headers():
                order.pop("BuyerInfo", None)
                address = order.get("ShippingAddress") or {}
                order["ShippingAddress"] = {k: address[k] for k in ("City", "StateOrRegion", "PostalCode",
                                                                    "CountryCode") if k in address}
            orders.append(order)
        payload = {"Orders": orders}
        if offset + self.orders_page < len(found):
            payload["NextToken"] = f"orders-{offset + self.orders_page}"
        return 200, {"payload": payload}

    def _last_headers(self) -> dict:
        headers = self.calls[-1][2]
        return {"x-amz-access-token": True} if headers.get("x-amz-access-token", "").startswith("Atz.sprdt|") else {}

    def _getOrderItems(self, query, body, order_id):
        order = next((o for o in self.orders if o["AmazonOrderId"] == order_id), None)
        if order is None:
            return 404, {"errors": [{"code": "NotFound", "message": "Order not found"}]}
        return 200, {"payload": {"AmazonOrderId": order_id, "OrderItems": order["OrderItems"]}}

    def _confirmShipment(self, query, body, order_id):
        self.confirmed = getattr(self, "confirmed", []) + [(order_id, json.loads(body))]
        status, answer = self.confirm.get(order_id, (204, None))
        return status, answer

    # -- Solicitations ----------------------------------------------------------------------
    def _offered(self, order_id: str) -> bool:
        return order_id not in self.solicit_closed and order_id not in self.solicited

    def _getSolicitationActionsForOrder(self, query, body, order_id):
        if not query.get("marketplaceIds"):
            return 400, {"errors": [{"code": "InvalidInput", "message": "marketplaceIds is required"}]}
        base = f"/solicitations/v1/orders/{order_id}"
        actions = [{"href": f"{base}/solicitations/productReviewAndSellerFeedback?marketplaceIds="
                            f"{query['marketplaceIds']}", "name": "productReviewAndSellerFeedback"}]
        return 200, {"_links": {"actions": actions if self._offered(order_id) else [],
                                "self": {"href": f"{base}?marketplaceIds={query['marketplaceIds']}"}}}

    def _createProductReviewAndSellerFeedbackSolicitation(self, query, body, order_id):
        if not query.get("marketplaceIds"):
            return 400, {"errors": [{"code": "InvalidInput", "message": "marketplaceIds is required"}]}
        if not self._offered(order_id) or order_id in self.solicit_refuse:
            return 400, {"errors": [{"code": "InvalidInput", "message": "The solicitation is not available "
                                     "for this order.", "details": "Only one request is allowed per order."}]}
        self.solicited.append(order_id)
        return 201, {}
