"""Start the Textual app (imported only when no subcommand was given)."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context


def run_app(args: argparse.Namespace) -> int:
    ctx = context(args)
    from sellertui.ui.app import SellerApp

    app = SellerApp(ctx)
    app.run()
    return app.return_code or 0
