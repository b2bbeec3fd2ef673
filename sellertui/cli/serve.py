"""`sellertui serve`: the app in a browser (textual-serve), on 127.0.0.1 unless given a token."""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from sellertui.cli.common import context
from sellertui.core.errors import UserError
from sellertui.core.i18n import _


def register(sub, common) -> None:
    serve = sub.add_parser(
        "serve", parents=[common],
        help=_("run the app for a web browser (127.0.0.1 by default: reach it through an SSH tunnel)"),
        description=_("Each browser tab runs its own sellertui on this shop. Anywhere but this machine's loopback "
                    "address needs a token, which the page asks for (README, \"In a browser\")."))
    serve.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default: 127.0.0.1)"))
    serve.add_argument("--port", type=int, default=8000, help=_("port (default: 8000)"))
    serve.add_argument("--token", default=None,
                       help=_("the access token the page asks for (better: $SELLERTUI_SERVE_TOKEN, which `ps` "
                            "does not show); needed for any address but 127.0.0.1"))
    serve.add_argument("--public-url", metavar="URL",
                       help=_("the address browsers use, when it is not http://HOST:PORT (a proxy, a tunnel)"))
    serve.set_defaults(handler=cmd_serve)


def app_command(args: argparse.Namespace) -> str:
    """The command each browser tab runs: this sellertui, on the same shop."""
    argv = [sys.executable, "-m", "sellertui"]
    for flag in ("data_dir", "store", "shop"):
        value = getattr(args, flag, None)
        if value:
            argv += [f"--{flag.replace('_', '-')}", str(value)]
    return shlex.join(argv)


def server_for(args: argparse.Namespace):
    from sellertui.cli.serving import TOKEN_ENV, TokenServer, loopback

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if not loopback(args.host) and not token:
        raise UserError(_('refusing to serve on {host} without a token: whoever reaches it could run the shop; set ${token_env} (or --token), or keep 127.0.0.1 and use an SSH tunnel').format(host=args.host, token_env=TOKEN_ENV))
    if token is not None and len(token) < 12:
        raise UserError(_("the token must be at least 12 characters (e.g. `openssl rand -hex 16`)"))
    title = f"sellertui · {context(args).settings.shop_name}"
    return TokenServer(app_command(args), args.host, args.port, token, title, args.public_url)


def cmd_serve(args: argparse.Namespace) -> int:
    server = server_for(args)
    said = _("serving {title} on {url} (the page asks for the token)") if server.token else \
        _("serving {title} on {url} (this machine only)")
    print(said.format(title=server.title, url=server.public_url))
    server.serve()
    return 0
