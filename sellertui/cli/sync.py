"""`sellertui sync` and `sellertui connect`: Seller Central through the SP-API.

``sync [--only STREAM,...] [--since DATE] [--json] [--dry-run] [--status]``:
one line per stream and marketplace (``--json``: one object, see
``SyncResult.as_json``); exit 0 when every stream succeeded, 1 otherwise, 75
when another sync holds the lock (cron tries again next time).
``connect``: keyboard-only prompts (secrets with getpass, never echoed),
checked with one cheap call before anything is kept; ``--check`` re-checks
what is stored; ``--forget`` removes it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _


def register(sub, common) -> None:
    cmd = sub.add_parser("sync", parents=[common], help=_("pull from Seller Central and the Ads console"),
                         description=_("Pull from Seller Central (SP-API) and the Ads console (Ads API), and send the "
                                     "ship confirmations you approved. Exit 0 when every stream succeeded, 1 "
                                     "otherwise, 75 when another sync is running."))
    cmd.add_argument("--only", metavar="STREAM,...", help=_("orders, settlements, inventory, returns, transactions, "
                                                          "business, confirmations, ads (default: all that are "
                                                          "connected)"))
    cmd.add_argument("--since", metavar="YYYY-MM-DD", help=_("start here this time, whatever the checkpoints say"))
    cmd.add_argument("--json", action="store_true", help=_("print one JSON object"))
    cmd.add_argument("--dry-run", action="store_true", help=_("show what would be fetched and sent; do nothing"))
    cmd.add_argument("--status", action="store_true", help=_("when the last sync ran, what it pulled, what failed"))
    cmd.set_defaults(handler=cmd_sync)

    con = sub.add_parser("connect", parents=[common], help=_("connect sellertui to your SP-API app (or: connect ads)"),
                         description=_("Set up the SP-API app's credentials (LWA client id and secret, the refresh "
                                     "token of its self-authorisation), region and marketplaces; or, with `ads`, "
                                     "the Ads API's credentials and advertiser profile. Checked with one call to "
                                     "Amazon before anything is kept."))
    con.add_argument("api", nargs="?", choices=("ads",), metavar="ads",
                     help=_("connect the Ads console (Amazon Ads API) instead of Seller Central"))
    con.add_argument("--profile", metavar="ID", help=_("with ads: the advertiser profile to use (skips the question)"))
    con.add_argument("--region", choices=("NA", "EU", "FE"), help=_("skip the region question"))
    con.add_argument("--marketplaces", metavar="US,CA,...", help=_("skip the marketplaces question"))
    con.add_argument("--check", action="store_true", help=_("check the stored credentials and settings"))
    con.add_argument("--forget", action="store_true", help=_("remove the stored credentials"))
    con.set_defaults(handler=cmd_connect)


def _since(text: str | None) -> date | None:
    from sellertui.core.errors import UserError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(_('--since {text!r} is not a date like 2026-11-01').format(text=text)) from None


def cmd_sync(args: argparse.Namespace) -> int:
    from sellertui.domain.sync.lock import SyncBusy
    from sellertui.domain.sync.runner import sync
    from sellertui.domain.sync.status import sync_status

    ctx = context(args)
    shop = ctx.shop()
    if args.status:
        status = sync_status(shop)
        if args.json:
            print_json(status.as_json())
        else:
            print(status.header() or _("not connected to Seller Central (sellertui connect)"))
            for s in status.failing:
                print(_('  {stream} {marketplace} failed: {error}').format(stream=s.stream, marketplace=s.marketplace, error=s.error))
            for c in status.failed_confirmations:
                print(_('  order {order_id}: Amazon refused the confirmation: {reason}').format(order_id=c.order_id, reason=c.reason))
        return 0
    only = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else None
    progress = _progress() if sys.stderr.isatty() and not args.json else None
    try:
        result = sync(shop, only, _since(args.since), args.dry_run, progress)
    except SyncBusy as exc:
        print(f"sellertui: {exc}", file=sys.stderr)
        return exc.exit_code
    if progress is not None:
        sys.stderr.write("\r" + " " * 70 + "\r")
    if args.json:
        print_json(result.as_json())
    else:
        print("\n".join(result.lines()))
    return 0 if result.ok else 1


def _progress():
    def show(step) -> None:
        sys.stderr.write(f"\r[{int(step.fraction * 100):3d}%] {step.what[:60]:<60}")
        sys.stderr.flush()

    return show


def forgot(removed: list[str], what: str) -> int:
    """``connect --forget``'s answer: what was removed, or that there was nothing."""
    print(_("removed {what}").format(what=", ".join(removed)) if removed else
          _("no stored {what} to remove").format(what=what))
    return 0


def ask(prompt: str, default: str = "") -> str:
    shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
    answer = input(shown).strip()
    return answer or default


def cmd_connect(args: argparse.Namespace) -> int:
    import getpass

    from sellertui.amazon.settings import ApiSettings
    from sellertui.domain.sync import connect

    if args.api == "ads":
        from sellertui.cli.connect_ads import cmd_connect_ads

        return cmd_connect_ads(args)
    ctx = context(args)
    settings = ctx.settings
    if args.forget:
        return forgot(connect.forget(), "credentials")
    section = settings.section("amazon")
    if args.check:
        found = connect.check(ApiSettings.from_section(section, settings.marketplace))
        return _report(found, None)
    region = args.region or ask("Region (NA, EU or FE)", section.get("region") or "NA").upper()
    default_markets = ",".join(section.get("marketplaces") or []) or settings.marketplace
    markets = args.marketplaces or ask("Marketplaces (codes, e.g. US,CA,MX)", default_markets)
    codes = [c.strip().upper() for c in markets.split(",") if c.strip()]
    ApiSettings.from_section({**section, "region": region, "marketplaces": codes}, settings.marketplace)  # say now
    print(_("Paste each value from Developer Central (nothing is shown as you type)."))
    client_id = getpass.getpass("LWA client id: ")
    client_secret = getpass.getpass("LWA client secret: ")
    refresh_token = getpass.getpass("Refresh token (from the app's self-authorisation): ")
    return _report(*connect.setup(settings, region, codes, client_id, client_secret, refresh_token))


def _report(found, kept: str | None) -> int:
    if not found.ok:
        for problem in found.problems:
            print(f"sellertui: {problem}", file=sys.stderr)
        if kept is None:
            print(_("nothing was saved"), file=sys.stderr)
        return 1
    print(_("connected: the account sells in {marketplaces}").format(
        marketplaces=", ".join(found.selling_in) or _("no marketplace")))
    if kept:
        print(_('credentials kept in {kept}').format(kept=kept))
    return 0
