"""The thresholds of feedback and review requests, from config.toml's ``[reviews]`` section."""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.config import SECTION_DEFAULTS


@dataclass(frozen=True)
class ReviewSettings:
    respond_days: int = SECTION_DEFAULTS["reviews"]["respond_days"]
    removal_days: int = SECTION_DEFAULTS["reviews"]["removal_days"]
    request_from_days: int = SECTION_DEFAULTS["reviews"]["request_from_days"]
    request_until_days: int = SECTION_DEFAULTS["reviews"]["request_until_days"]
    transit_days: int = SECTION_DEFAULTS["reviews"]["transit_days"]
    fba_transit_days: int = SECTION_DEFAULTS["reviews"]["fba_transit_days"]
    daily_rule: bool = SECTION_DEFAULTS["reviews"]["daily_rule"]

    @classmethod
    def from_section(cls, section: dict) -> "ReviewSettings":
        return cls(**{k: section[k] for k in cls.__dataclass_fields__ if k in section})

    @classmethod
    def of(cls, shop) -> "ReviewSettings":
        return cls.from_section(shop.settings.section("reviews"))
