"""Settings from config.toml: read with the stdlib, rewritten keeping the user's comments.

The file is optional; every value has a default. Later areas add their
thresholds as sections in ``SECTION_DEFAULTS`` (one place, so ``sellertui locate``
and the settings screens can show the whole set).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sellertui import paths

# Thresholds and rules, by area: the trade's usual defaults, each one the user's to change.
SECTION_DEFAULTS: dict[str, dict[str, Any]] = {
    "inventory": {
        # velocity = weighted units per day in stock over the last 7/30/90 days
        "weight_7": 0.5,
        "weight_30": 0.3,
        "weight_90": 0.2,
        "order_soon_days": 14,  # order soon: cover < lead time + safety days + this
        "overstock_days": 180,  # overstock: more days of cover than this
        "low_inventory_days": 28,  # low-inventory-level fee: 30- and 90-day supply both under this
        "aged_days": 181,  # aged-inventory surcharge from this age
        "default_lead_days": 60,  # for SKUs without their own lead time (e.g. imported)
        "default_safety_days": 14,
        "default_hold_days": 60,
        "seasonal_months": "",  # shop-wide factors, e.g. "11:1.8 12:1.6"
    },
}

# Ads: windows, targets and the thresholds of the negate, harvest and bid rules.
SECTION_DEFAULTS["ads"] = {
    "window_days": 30,  # the window the tab and `sellertui ads` start with (7, 14, 30, 60 or 90)
    "margin_to_keep_pct": 10.0,  # target ACoS = break-even ACoS − this
    "fallback_target_acos_pct": 25.0,  # when no product's break-even is known
    "negate_min_clicks": 10,  # negate: no orders after max(this, factor × clicks per order) clicks
    "negate_clicks_per_order_factor": 1.5,
    "low_ctr_min_impressions": 1000,  # negate: this many impressions, no orders and CTR at or under…
    "low_ctr_max_pct": 0.15,
    "harvest_min_orders": 2,  # harvest: this many orders at or under the target ACoS
    "bid_min_clicks": 10,  # bids change only on targets with this many clicks
    "bid_max_step_pct": 25.0,  # a bid moves at most this much per step
    "bid_min_change_pct": 5.0,  # smaller changes are not worth a proposal
    "bid_floor": 0.20,  # in the shop's currency
    "bid_ceiling": 5.00,
    "overview_weeks": 12,
}

# Profit and hiring readiness: when the shop can afford its next hire.
SECTION_DEFAULTS["profit"] = {
    "window_months": 3,  # ready when each of the last N complete months made the role's cost + buffer
    "buffer_pct": 20.0,  # the margin of safety on top of the role's full monthly cost
    "overhead_pct": 25.0,  # a new role's overhead on its salary (taxes, benefits, tools: 20–30%)
    "reserve_months": 3,  # cash in reserve must cover this many months of the role's cost
    "trend_months": 6,  # complete months the profit trend is fitted over
    "horizon_months": 36,  # how far ahead the projection looks
    "chart_months": 12,  # the Overview's chart: the last 6, 12 or 24 months, or 0 for all (g cycles them)
    # estimated where no settlement covers a month (the fees Amazon charges every month)
    # in the currency Amazon charges them in, the shop's marketplace's (USD for US), converted into the home currency
    "subscription_monthly": 39.99,  # the Professional selling plan
    "storage_rate": 0.78,  # FBA storage per cubic foot a month, January–September (standard size)
    "storage_rate_peak": 2.40,  # ... October–December
    "default_cubic_feet": 0.1,  # per unit, for SKUs whose size no FBA inventory report gave
}

# Promotions: lead times, the margin floor, stock in place, event minimum discounts, results.
SECTION_DEFAULTS["promotions"] = {
    "deadline_warn_days": 14,  # a submission deadline this close is on Today
    "event_lead_days": 42,  # event deals: submit at least 6 weeks ahead (when Amazon gave no deadline)
    "event_lead_days_ideal": 70,  # ... ideally 10 weeks
    "deal_lead_days": 14,  # ordinary deals: at least 2 weeks ahead
    "deal_lead_days_ideal": 21,  # ... ideally 3 weeks
    "min_margin_pct": 10.0,  # the discounted price must leave this margin after fees and landed cost
    "fba_days_before": 7,  # deal stock must be at FBA this many days before the start
    "min_discount_lightning_deal": 20.0,  # minimum discounts in marketplace events
    "min_discount_best_deal": 15.0,
    "min_discount_prime_exclusive": 15.0,
    "min_discount_coupon": 5.0,
    "baseline_days": 28,  # results: compared with the same SKUs over this many days before the start
    "upcoming_days": 30,  # `sellertui promotions upcoming` looks this far ahead
}

# Competitor watch: what a change between two snapshots must reach to be on Today.
SECTION_DEFAULTS["watch"] = {
    "price_cut_pct": 5.0,  # a competitor's price this much below its previous snapshot
    "rank_jump_pct": 30.0,  # a sales rank this much better or worse than in the previous snapshot
    "alert_days": 2,  # changes in snapshots of the last N days are alerts (older ones are history)
}

# Feedback, reviews and review requests: the negative-feedback clock and Amazon's Request a Review window.
SECTION_DEFAULTS["reviews"] = {
    "respond_days": 2,  # a 1–2 star feedback or review is due an answer this many days after it was left
    "removal_days": 90,  # Amazon takes feedback removal requests up to 90 days after the feedback
    "request_from_days": 5,  # Request a Review opens this many days after delivery ...
    "request_until_days": 30,  # ... and closes after this many
    "transit_days": 3,  # FBM: delivery assumed this many days after the ship date (when no delivery date is known)
    "fba_transit_days": 2,  # FBA: delivery assumed this many days after the purchase
    "daily_rule": False,  # true: each sync asks for a review on every order that has become a candidate
}

# Seller Central (SP-API) and the Ads console (Ads API): where to connect and how patiently. Secrets never
# live here (amazon/credentials.py).
SECTION_DEFAULTS["amazon"] = {
    "region": "NA",  # NA, EU or FE: the SP-API endpoint and the Login with Amazon app region
    "marketplaces": [],  # codes like ["US", "CA"]; empty: the shop's marketplace
    "sp_api_endpoint": "",  # empty: Amazon's endpoint for the region; a proxy or a stand-in otherwise
    "lwa_token_url": "https://api.amazon.com/auth/o2/token",
    "ads_api_endpoint": "",  # the Ads API; empty: Amazon's endpoint for the region (advertising-api[-eu|-fe])
    "ads_attribution_days": 14,  # Sponsored Products sales and orders of the Ads sync: 14-day or 7-day (1, 30 too)
    "first_sync_days": 30,  # how far back a stream's first sync reaches (--since overrides)
    "report_poll_seconds": 15.0,  # first wait between getReport polls (doubles, up to a minute)
    "report_wait_minutes": 10.0,  # a requested report not DONE by then is picked up by the next sync
    "retry_attempts": 5,  # per call: throttling, 5xx and dropped connections
    "retry_seconds": 120.0,  # per call: the most time spent retrying
    "backoff_seconds": 1.0,  # the first back-off (doubles, with jitter)
    "timeout_seconds": 30.0,
}

# Exchange rates: where `sellertui fx update` fetches the ECB's reference rates (the only place they go online).
SECTION_DEFAULTS["fx"] = {
    "ecb_url": "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip",
    "timeout_seconds": 30.0,
}

DEFAULT_SHOP_NAME = "My shop"  # shown in the user's language while they keep it (domain.shop.shown_shop_name)

TOP_DEFAULTS: dict[str, Any] = {
    "shop_name": DEFAULT_SHOP_NAME,
    "user": "",
    "home_currency": "USD",
    "marketplace": "US",
    "theme": "textual-dark",
    "shared": False,
    "data_dir": "",
    "store": "",  # a postgresql:// URL; empty: the folder store in data_dir
    "language": "",  # "zh-CN" or "en"; empty: from LC_ALL / LC_MESSAGES / LANG
}


class ConfigError(ValueError):
    pass


@dataclass
class Settings:
    path: Path
    shop_name: str = DEFAULT_SHOP_NAME
    user: str = ""
    home_currency: str = "USD"
    marketplace: str = "US"
    theme: str = "textual-dark"
    shared: bool = False
    data_dir: str = ""
    store: str = ""
    language: str = ""
    keymap: dict[str, str] = field(default_factory=dict)
    shops: dict[str, dict[str, str]] = field(default_factory=dict)  # [shops.NAME]: where each other shop lives
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        """A section's settings: the user's values over the defaults."""
        return {**SECTION_DEFAULTS.get(name, {}), **self.sections.get(name, {})}

    @property
    def display_user(self) -> str:
        if self.user:
            return self.user
        import getpass

        try:
            return getpass.getuser()
        except Exception:
            return "me"


def _check(path: Path, key: str, value: Any, expected: type) -> Any:
    if expected is bool and not isinstance(value, bool) or not isinstance(value, expected):
        raise ConfigError(f"{path}: '{key}' must be {expected.__name__}, not {type(value).__name__} ({value!r})")
    return value


def load(path: Path | None = None) -> Settings:
    path = path or paths.config_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(path=path)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    settings = Settings(path=path)
    for key, default in TOP_DEFAULTS.items():
        if key in raw:
            setattr(settings, key, _check(path, key, raw[key], type(default)))
    if "keymap" in raw:
        keymap = _check(path, "keymap", raw["keymap"], dict)
        for binding_id, keys in keymap.items():
            _check(path, f"keymap.{binding_id}", keys, str)
        settings.keymap = dict(keymap)
    if "shops" in raw:
        settings.shops = listed_shops(path, raw["shops"])
    for name, values in raw.items():
        if name in TOP_DEFAULTS or name in ("keymap", "shops"):
            continue
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: unknown setting '{name}'")
        defaults = SECTION_DEFAULTS.get(name, {})
        for key, value in values.items():
            if key in defaults and isinstance(defaults[key], list):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{path}: '{name}.{key}' must be a list of strings like [\"US\", \"CA\"], "
                                      f"not {value!r}")
            elif key in defaults and not isinstance(value, type(defaults[key])):
                # ints are fine where floats are expected
                if not (isinstance(defaults[key], float) and isinstance(value, int) and not isinstance(value, bool)):
                    raise ConfigError(
                        f"{path}: '{name}.{key}' must be {type(defaults[key]).__name__}, not {value!r}"
                    )
        settings.sections[name] = dict(values)
    from sellertui.core.markets import market

    try:
        market(settings.marketplace)
    except ValueError as exc:
        raise ConfigError(f"{path}: 'marketplace': {exc}") from None
    from sellertui.core.i18n import LANGUAGES, normalise

    if settings.language and normalise(settings.language) is None:
        raise ConfigError(f"{path}: 'language' must be one of {', '.join(LANGUAGES)}, not {settings.language!r}")
    if len(settings.home_currency) != 3 or not settings.home_currency.isalpha():
        raise ConfigError(f"{path}: 'home_currency' must be a 3-letter ISO code like USD, not {settings.home_currency!r}")
    return settings


MAIN_SHOP = "main"  # the shop config.toml itself describes (sellertui.shops)
SHOP_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def listed_shops(path: Path, table: Any) -> dict[str, dict[str, str]]:
    """Check config.toml's ``[shops]`` table: each entry a table with a ``store`` URL or a ``data_dir``."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'shops' must be a table of [shops.NAME] entries")
    found = {}
    for name, entry in table.items():
        if not SHOP_NAME.match(name) or name == MAIN_SHOP:
            raise ConfigError(f"{path}: shop name {name!r} must be letters, digits, '.', '_' or '-' (and not "
                              f"'{MAIN_SHOP}', the shop config.toml itself describes)")
        if not isinstance(entry, dict) or set(entry) - {"store", "data_dir"}:
            raise ConfigError(f'{path}: [shops.{name}] takes only store = "postgresql://…" or data_dir = "…"')
        for key, value in entry.items():
            if not isinstance(value, str):
                raise ConfigError(f"{path}: 'shops.{name}.{key}' must be a string, not {value!r}")
        found[name] = dict(entry)
    return found


def save_value(path: Path, dotted_key: str, value: Any) -> None:
    """Set one value in config.toml, keeping everything else (comments too)."""
    import tomlkit

    from sellertui.store.fsio import atomic_write

    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    *sections, key = dotted_key.split(".")
    table = document
    for name in sections:
        if name not in table:
            table[name] = tomlkit.table()
        table = table[name]
    table[key] = value
    paths.ensure_dir(path.parent)
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"))
