"""`sellertui ads proposals [--json]`, `sellertui ads reports [--json]`, `sellertui ads export PATH`, and the
approved changes by API: `sellertui ads apply [--dry-run] [--json]` and `sellertui ads revert ID... [--dry-run]
[--json]`.

``apply`` and ``revert`` exit 0 when Amazon took every change, 1 when it
refused one (each item's reason is in the ledger and the output), 75 when a
sync or another apply holds the lock.
"""

from __future__ import annotations

import argparse
import sys

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _, shown


def register(sub, common) -> None:
    ads = sub.add_parser("ads", help=_("search-term proposals and Amazon bulk files"), parents=[common])
    actions = ads.add_subparsers(dest="action", metavar="ACTION", required=True)

    proposals = actions.add_parser("proposals", help=_("list negate, harvest and bid proposals with their reasons"),
                                   parents=[common])
    proposals.add_argument("--days", type=int, metavar="N",
                           help=_("window length in days, ending on the last day of data (default: [ads] window_days)"))
    proposals.add_argument("--kind", choices=("negate", "harvest", "bid"), help=_("only this kind"))
    proposals.add_argument("--json", action="store_true", help=_("print JSON (with the working of each number)"))
    proposals.set_defaults(handler=cmd_proposals)

    reports = actions.add_parser("reports", help=_("the imported ads reports, newest first, and the days newer "
                                                 "ones also cover"), parents=[common])
    reports.add_argument("--json", action="store_true", help=_("print JSON"))
    reports.set_defaults(handler=cmd_reports)

    export = actions.add_parser("export", help=_("write approved changes as a bulk-operations file (.xlsx or .csv)"),
                                parents=[common])
    export.add_argument("path", metavar="PATH", help=_("where to write; the extension chooses XLSX or CSV"))
    export.set_defaults(handler=cmd_export)

    apply = actions.add_parser("apply", help=_("send the approved changes through the Ads API (see --dry-run first)"),
                               parents=[common])
    apply.add_argument("--dry-run", action="store_true", help=_("show exactly what would be sent; send nothing"))
    apply.add_argument("--json", action="store_true", help=_("print JSON"))
    apply.set_defaults(handler=cmd_apply)

    revert = actions.add_parser("revert", help=_("take applied changes back through the Ads API"), parents=[common])
    revert.add_argument("ids", nargs="+", metavar="ID", help=_("the changes' ids (the id column of "
                                                             "`sellertui export ads-ledger`)"))
    revert.add_argument("--dry-run", action="store_true", help=_("show what would be sent; send nothing"))
    revert.add_argument("--json", action="store_true", help=_("print JSON"))
    revert.set_defaults(handler=cmd_revert)


def _service(args: argparse.Namespace):
    from sellertui.domain.ads.service import AdsService

    return AdsService.for_shop(context(args).shop())


def cmd_proposals(args: argparse.Namespace) -> int:
    from sellertui.domain.ads.metrics import pct
    from sellertui.core.errors import UserError
    from sellertui.core.money import fmt

    if args.days is not None and not 1 <= args.days <= 730:
        raise UserError(_("--days wants a number of days from 1 to 730"))
    service = _service(args)
    window = service.default_window(args.days)
    found = [p for p in service.proposals(window).proposals if args.kind in (None, p.kind)]
    if args.json:
        print_json({"window": window.as_dict(), "proposals": [p.as_dict() for p in found]})
        return 0
    print(_('{label}: {len} proposal(s)').format(label=window.label, len=len(found)))
    for p in found:
        m = lambda v: fmt(v, p.currency)  # noqa: E731
        bid = _("  bid {old} → {new}").format(old=m(p.current_bid_minor), new=m(p.new_bid_minor)) \
            if p.kind == "bid" else ""
        mark = _("approved") if p.status == "approved" else _("new")
        print(_("[{mark}] {action}: '{term}' in {campaign} › {ad_group}  {clicks} clicks, {orders} orders, {m} "
                "spend, ACoS {value}{bid}").format(
            mark=mark, action=shown(p.action), term=p.term, campaign=p.campaign, ad_group=p.ad_group, clicks=p.clicks,
            orders=p.orders, m=m(p.spend_minor), value=pct(p.acos) or '—', bid=bid))
        print(f"    {p.reason}")
    return 0


def cmd_reports(args: argparse.Namespace) -> int:
    from sellertui.core.money import fmt

    frame = _service(args).reports()
    keys = ["id", "what", "marketplace", "first", "last", "days", "layout", "attribution_days", "rows", "spend_minor",
            "currency", "covered", "file", "imported_at"]
    records = [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
               for row in frame[keys].to_dict("records")] if len(frame) else []
    if args.json:
        print_json({"reports": [{**r, "covered_days": r.pop("covered")} for r in records]})
        return 0
    print(_('{len} ads report(s), newest first').format(len=len(records)))
    for r in records:
        newer = _(", {covered} of its days also in newer reports (they count there)").format(covered=r["covered"]) \
            if r["covered"] else ""
        print(_('{what} {marketplace} {first}..{last} ({layout}, {attribution_days}-day): {rows:,} rows, spend '
                '{fmt}{newer}  {file}').format(
            what=r['what'], marketplace=r['marketplace'], first=r['first'], last=r['last'], layout=shown(r['layout']),
            attribution_days=r['attribution_days'], rows=r['rows'],
            fmt=fmt(int(r['spend_minor']), r['currency'] or 'USD'), newer=newer, file=r['file']))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from sellertui.domain.ads.bulk import export_approved

    shop = context(args).shop()
    result = export_approved(shop.store, args.path, shop.user)
    print(result.message(), file=sys.stderr)
    return 1 if result.held else 0


def _send(send, args: argparse.Namespace) -> int:
    """Run ``send()`` (apply or revert) and print its dry run, its summary or its JSON."""
    from sellertui.domain.sync.lock import SyncBusy

    try:
        result = send()
    except SyncBusy as exc:
        print(f"sellertui: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        print_json(result.as_json())
    else:
        print("\n".join([*(result.lines() if args.dry_run else result.outcomes()), result.summary()]))
    return 0 if args.dry_run or result.ok else 1


def cmd_apply(args: argparse.Namespace) -> int:
    from sellertui.domain.ads.applying import apply_approved

    shop = context(args).shop()
    return _send(lambda: apply_approved(shop, args.dry_run), args)


def cmd_revert(args: argparse.Namespace) -> int:
    from sellertui.domain.ads.reverting import revert

    shop = context(args).shop()
    return _send(lambda: revert(shop, args.ids, args.dry_run), args)
