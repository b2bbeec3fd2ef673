"""The app in a browser: textual-serve, with a token check in front of it when it listens beyond this machine.

textual-serve runs one `sellertui` process per browser tab and relays the
terminal over a websocket. Whoever reaches the page runs the shop, so:
127.0.0.1 by default (reach it through an SSH tunnel), and any other address
only with a token. Then every request needs a cookie proving the token was
given: the page asks for it once (a form), the cookie is HttpOnly and
SameSite=Strict, and the token is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import ipaddress

from aiohttp import web
from textual_serve.server import Server

COOKIE = "sellertui_token"
TOKEN_ENV = "SELLERTUI_SERVE_TOKEN"


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def proof(token: str) -> str:
    """What the cookie holds: a digest of the token, never the token itself."""
    return hashlib.sha256(f"sellertui serve:{token}".encode()).hexdigest()


LOGIN_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:monospace;background:#1e1e1e;color:#ddd;display:flex;justify-content:center;
margin-top:15vh}}form{{border:1px solid #555;padding:2em}}input{{font-family:monospace;margin:.5em 0}}
.problem{{color:#f66}}</style></head>
<body><form method="post" action="/login"><div><b>{title}</b></div>
<p>This shop asks for its access token.</p>{problem}
<div><input type="password" name="token" autofocus autocomplete="current-password" size="40"></div>
<div><button type="submit">Open</button></div></form></body></html>"""


class TokenServer(Server):
    """textual-serve's server, each request checked for the token's cookie first (when a token is set)."""

    def __init__(self, command: str, host: str, port: int, token: str | None, title: str,
                 public_url: str | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.token = token

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        if self.token:
            app.middlewares.append(self._check)
            app.router.add_post("/login", self._login)
        return app

    @web.middleware
    async def _check(self, request: web.Request, handler):
        if request.path == "/login" or hmac.compare_digest(request.cookies.get(COOKIE, ""), proof(self.token)):
            return await handler(request)
        if request.path == "/" and request.method == "GET":
            return self._page("")
        raise web.HTTPUnauthorized(text="give the shop's token on the page first")

    async def _login(self, request: web.Request) -> web.Response:
        form = await request.post()
        given = str(form.get("token", ""))
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return self._page("That is not this shop's token.")
        back = web.HTTPSeeOther("/")
        back.set_cookie(COOKIE, proof(self.token), httponly=True, samesite="Strict",
                        secure=self.public_url.startswith("https"))
        raise back

    def _page(self, problem: str) -> web.Response:
        shown = f'<p class="problem">{html.escape(problem)}</p>' if problem else ""
        return web.Response(text=LOGIN_PAGE.format(title=html.escape(self.title), problem=shown),
                            content_type="text/html", status=401)
