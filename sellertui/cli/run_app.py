"""Start the Textual app (imported only when no subcommand was given)."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context


def run_app(args: argparse.Namespace) -> int:
    """Run the app; when the user switches shop, close it and run it again on the chosen shop."""
    from sellertui.context import Context
    from sellertui.ui.app import SellerApp

    ctx = context(args)
    while True:
        app = SellerApp(ctx)
        try:
            app.run()
        finally:
            ctx.close()
        if not app.switch_to or app.return_code:
            return app.return_code or 0
        ctx = Context.create(config_file=ctx.main_config, shop=app.switch_to)
