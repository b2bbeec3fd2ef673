"""Today's "Team notices" section: each notice the user has not acknowledged (space acknowledges it)."""

from __future__ import annotations

from datetime import datetime

from sellertui.core.i18n import _
from sellertui.domain.team.notices import unread
from sellertui.domain.today.model import Item, Section

KEY_PREFIX = "notice:"


def notices_section(shop, now: datetime, user: str) -> Section:
    section = Section(_("Team notices"), "team")
    for notice in unread(shop.store, user):
        section.items.append(Item(
            key=f"{KEY_PREFIX}{notice['id']}", title=f"{notice['author']}: {notice['title']}",
            detail=_("notice {day}").format(day=notice["posted_at"][5:10]), urgency=0, area="team", view="noticesview",
            column="id",
            value=notice["id"], mine=True))
    return section
