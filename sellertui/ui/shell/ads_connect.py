"""Connect the Ads console from the app: the same check as `sellertui connect ads`, keyboard only.

The three secrets are typed hidden and never shown again; Amazon's list of
advertiser profiles decides the rest: one is taken by itself, several are
offered to choose from. Nothing is kept until Amazon accepted the secrets
and a profile is chosen.
"""

from __future__ import annotations

from textual.message import Message

from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.workers import work
from sellertui.ui.shell.connect_screen import REGIONS, secret_fields
from sellertui.core.i18n import _


class AdsConnected(Message):
    def __init__(self, ok: bool, lines: list[str]) -> None:
        self.ok, self.lines = ok, lines
        super().__init__()


class AdsProfilesFound(Message):
    """The credentials reach several advertiser profiles: the user picks one."""

    def __init__(self, creds, profiles: list, region: str) -> None:
        self.creds, self.profiles, self.region = creds, profiles, region
        super().__init__()


def ads_connect_form(section: dict) -> FormScreen:
    return FormScreen(_("Connect to the Ads console"), [
        *secret_fields(_("your Ads API app's Login with Amazon security profile (amzn1.application-oa2-client…)"),
                       _("from authorising the app with your Ads account; starts Atzr|")),
        Field("region", _("Region"), kind="choice", choices=REGIONS, value=section.get("region") or "NA"),
    ], submit_label=_("Check and connect"))


class AdsConnectShell:
    """The App's part that connects the Ads console (a mixin of ``SellerApp``)."""

    def action_connect_ads(self) -> None:
        section = self.ctx.settings.section("amazon")

        def done(values: dict | None) -> None:
            if values:
                self.notify(_("Checking with Amazon…"), timeout=3)
                self.check_ads(values)

        self.push_screen(ads_connect_form(section), done)

    @work(thread=True, exclusive=True, group="connect-ads", exit_on_error=False)
    def check_ads(self, values: dict) -> None:
        from sellertui.amazon.errors import AmazonError
        from sellertui.amazon.settings import ApiSettings
        from sellertui.domain.sync import ads_connect

        settings = self.ctx.settings
        api = ApiSettings.from_section({**settings.section("amazon"), "region": values["region"]},
                                       settings.marketplace)
        creds = ads_connect.typed(values["client_id"], values["client_secret"], values["refresh_token"])
        try:
            found = ads_connect.connect(api, creds)
        except AmazonError as exc:  # refused or unreachable: the sentence says which, and nothing is kept
            self.post_message(AdsConnected(False, [str(exc), _("Nothing was kept.")]))
            return
        if found.ok:
            ads_connect.keep_region(settings, values["region"])
            self.post_message(AdsConnected(True, self._ads_lines(found.chosen, found.kept)))
        else:
            self.post_message(AdsProfilesFound(creds, found.profiles, values["region"]))

    @staticmethod
    def _ads_lines(profile, kept: str) -> list[str]:
        return [_("Advertiser profile: {profile}.").format(profile=profile.label),
                _("Credentials kept in {where}. R syncs the Ads console too; A in the Ads tab sends approved "
                  "changes.").format(where=kept)]

    def on_ads_profiles_found(self, message: AdsProfilesFound) -> None:
        choices = [(p.label, p.id) for p in message.profiles]
        form = FormScreen(_("Choose the advertiser profile"), [
            Field("profile", _("Profile"), kind="choice", choices=choices, value=choices[0][1],
                  help=_("one per account and marketplace: the one whose ads sellertui should read and change")),
        ], submit_label=_("Connect"))
        by_id = {p.id: p for p in message.profiles}
        self.push_screen(form, lambda values: values and self.keep_ads(message.creds, by_id[values["profile"]],
                                                                       message.region))

    @work(thread=True, exclusive=True, group="connect-ads", exit_on_error=False)
    def keep_ads(self, creds, profile, region: str) -> None:
        from sellertui.domain.sync import ads_connect

        ads_connect.keep_region(self.ctx.settings, region)
        self.post_message(AdsConnected(True, self._ads_lines(profile, ads_connect.keep(creds, profile))))

    def on_ads_connected(self, message: AdsConnected) -> None:
        self.notify("\n".join(message.lines), title=_("Ads console connected") if message.ok else _("Not connected"),
                    severity="information" if message.ok else "error", timeout=15)
        self.read_sync_status()
