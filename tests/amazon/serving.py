"""What the stand-ins for Amazon share: an HTTP server on 127.0.0.1, on a free port, answering through ``handle``."""

from __future__ import annotations

from abc import ABC, abstractmethod
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import SplitResult, urlsplit


class Served(ABC):
    """A mixin: ``start()`` serves ``self.handle(request, method)`` on 127.0.0.1; ``stop()`` ends it.

    ``calls`` holds (operation, ...) tuples, the operation's body last where the stand-in keeps bodies.
    """

    _server: ThreadingHTTPServer | None = None
    calls: list
    ROUTES: list[tuple[str, re.Pattern, str]] = []  # (method, path pattern, operation)
    NOT_FOUND: dict = {}  # the answer to a path no route has, in the API's error shape

    def start(self) -> str:
        served = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                served.handle(self, "GET")

            def do_POST(self) -> None:
                served.handle(self, "POST")

            def do_PUT(self) -> None:
                served.handle(self, "PUT")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self.url

    @abstractmethod
    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        """Answer one request as the stand-in's API would."""

    def route(self, request: BaseHTTPRequestHandler, method: str) -> tuple[str, re.Match, SplitResult, bytes] | None:
        """The operation a request is for, its path's match, the parsed URL and the body read; None once a path
        no route has is answered 404."""
        parts = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        for verb, pattern, operation in self.ROUTES:
            match = pattern.match(parts.path)
            if verb == method and match:
                return operation, match, parts, body
        self._send(request, 404, self.NOT_FOUND)
        return None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def operations(self) -> list[str]:
        return [call[0] for call in self.calls]
