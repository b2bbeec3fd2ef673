"""`sellertui store copy --to URL|DIR [--force]`: move a shop between the folder store and PostgreSQL."""

from __future__ import annotations

import argparse
import sys

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _


def register(sub, common) -> None:
    store = sub.add_parser("store", help=_("manage where the shop's store is"), parents=[common])
    actions = store.add_subparsers(dest="action", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy", parents=[common],
        help=_("copy every record to another store (a postgresql:// URL or a data directory) and check the copy"),
        description=_("Copies every record with its id and history fields, then compares both stores collection by "
                    "collection (count and SHA-256 digest). The shop keeps using its store until you point "
                    "--store, $SELLERTUI_STORE or config.toml at the copy."))
    copy.add_argument("--to", required=True, metavar="URL|DIR", help=_("the target store"))
    copy.add_argument("--force", action="store_true", help=_("replace whatever the target holds"))
    copy.add_argument("--json", action="store_true", help=_("print the check per collection as JSON"))
    copy.set_defaults(handler=cmd_copy)


def cmd_copy(args: argparse.Namespace) -> int:
    from sellertui.store import open_store
    from sellertui.store.copying import compare, copy_store
    from sellertui.store.urls import is_database_url

    ctx = context(args)
    source = ctx.store()
    target_at = args.to if is_database_url(args.to) else _folder(args.to)
    if str(target_at) in (ctx.store_url, str(ctx.data_dir)):
        from sellertui.core.errors import UserError

        raise UserError(_("{where} is the shop's own store; copy to another one").format(where=ctx.where))
    target = open_store(target_at, user=ctx.user)
    try:
        copy_store(source, target, force=args.force,
                   progress=None if args.json else lambda name: print(_('copying {name}…').format(name=name), file=sys.stderr))
        target.close()
        target = open_store(target_at, user=ctx.user)  # read back from scratch, not from what was just written
        tallies = compare(source, target)
    finally:
        target.close()
    bad = [t for t in tallies if not t.same]
    if args.json:
        print_json({"from": ctx.where, "to": target.location, "same": not bad,
                    "collections": {t.collection: {"records": t.source_count, "copied": t.target_count,
                                                   "digest": t.source_digest, "copy_digest": t.target_digest}
                                    for t in tallies}})
    else:
        for t in tallies:
            if t.source_count or not t.same:
                mark = "ok" if t.same else "DIFFERENT"
                print(f"{t.collection:<22} {t.source_count:>9,} → {t.target_count:>9,}  {t.target_digest[:12]}  {mark}")
        total = sum(t.source_count for t in tallies)
        verdict = "every record arrived unchanged" if not bad else \
            f"{len(bad)} collection(s) differ: {', '.join(t.collection for t in bad)}"
        print(_('copied {total:,} records from {where} to {location}: {verdict}').format(total=total, where=ctx.where, location=target.location, verdict=verdict))
    return 1 if bad else 0


def _folder(path: str):
    from pathlib import Path

    return Path(path).expanduser().resolve()
