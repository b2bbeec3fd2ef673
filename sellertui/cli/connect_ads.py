"""`sellertui connect ads [--profile ID] [--region R] [--check] [--forget]`: the Ads console's credentials.

Keyboard-only prompts (secrets with getpass, never echoed); the advertiser
profile is chosen from the list GET /v2/profiles gives (by itself when there
is one; by number or id when there are several; ``--profile`` for scripts).
Nothing is kept until Amazon accepted the credentials.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sellertui.cli.common import context
from sellertui.core.i18n import _


def cmd_connect_ads(args: argparse.Namespace) -> int:
    from sellertui.amazon.settings import ApiSettings
    from sellertui.core.errors import UserError
    from sellertui.domain.sync import ads_connect

    settings = context(args).settings
    if args.forget:
        from sellertui.cli.sync import forgot

        return forgot(ads_connect.forget(), "Ads credentials")
    section = settings.section("amazon")
    if args.check:
        found = ads_connect.check(ApiSettings.from_section(section, settings.marketplace))
        if not found.ok:
            raise UserError(_("the stored advertiser profile is not one these credentials reach; run "
                            "`sellertui connect ads` again to choose one"))
        print(_('connected to the Ads console: {label}').format(label=found.chosen.label))
        return 0
    from sellertui.cli.sync import ask

    region = (args.region or ask("Region (NA, EU or FE)", section.get("region") or "NA")).upper()
    api = ApiSettings.from_section({**section, "region": region}, settings.marketplace)  # a wrong region: say now
    print(_("Paste each value from your Ads API app's Login with Amazon security profile (nothing is shown)."))
    creds = ads_connect.typed(getpass.getpass("LWA client id: "), getpass.getpass("LWA client secret: "),
                              getpass.getpass("Refresh token (from the app's authorisation): "))
    found = ads_connect.connect(api, creds, args.profile)
    if not found.ok:
        profile = _pick(found.profiles)
        found.chosen, found.kept = profile, ads_connect.keep(creds, profile)
    ads_connect.keep_region(settings, region)
    print(_('connected to the Ads console: {label}').format(label=found.chosen.label))
    print(_('credentials kept in {kept}; `sellertui sync --only ads` pulls the reports').format(kept=found.kept))
    return 0


def _pick(profiles: list):
    """The profile the user picks from the numbered list (by number or id)."""
    from sellertui.core.errors import UserError

    lines = [f"  {n}. {p.label}" for n, p in enumerate(profiles, 1)]
    if not sys.stdin.isatty():
        raise UserError(_("these credentials reach several advertiser profiles; choose one with --profile ID:")
                        + "\n" + "\n".join(lines))
    print(_("These credentials reach several advertiser profiles:"))
    print("\n".join(lines))
    answer = input("Profile (number or id): ").strip()
    if answer.isdigit() and 1 <= int(answer) <= len(profiles):
        return profiles[int(answer) - 1]
    match = next((p for p in profiles if p.id == answer), None)
    if match is None:
        raise UserError(_('{answer!r} is neither a number from 1 to {len} nor one of the profile ids').format(answer=answer, len=len(profiles)))
    return match
