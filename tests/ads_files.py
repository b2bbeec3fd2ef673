"""Hand-made ads reports in Amazon's headers, written for a test: summary or daily, 7- or 14-day, SP/SB, targeting."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

SP_TERMS = ["Start Date", "End Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Targeting",
            "Match Type", "Customer Search Term", "Impressions", "Clicks", "Click-Thru Rate (CTR)",
            "Cost Per Click (CPC)", "Spend", "{d} Day Total Sales ", "Total Advertising Cost of Sales (ACOS) ",
            "Total Return on Advertising Spend (ROAS)", "{d} Day Total Orders (#)", "{d} Day Total Units (#)",
            "{d} Day Conversion Rate"]
SP_TARGETING = ["Start Date", "End Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Targeting",
                "Match Type", "Impressions", "Top-of-search Impression Share", "Clicks", "Click-Thru Rate (CTR)",
                "Cost Per Click (CPC)", "Spend", "Total Advertising Cost of Sales (ACOS) ",
                "Total Return on Advertising Spend (ROAS)", "7 Day Total Sales ", "7 Day Total Orders (#)",
                "7 Day Total Units (#)", "7 Day Conversion Rate"]
SB_TERMS = ["Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Targeting", "Match Type",
            "Customer Search Term", "Cost type", "Impressions", "Viewable Impressions", "Clicks",
            "Click-Thru Rate (CTR)", "Spend", "Cost Per Click (CPC)", "Cost per 1,000 viewable impressions (VCPM)",
            "Total Advertising Cost of Sales (ACOS) ", "Total Return on Advertising Spend (ROAS)",
            "14 Day Total Sales ", "14 Day Total Orders (#)", "14 Day Total Units (#)", "14 Day Conversion Rate"]


def _day(value: str) -> str:
    return date.fromisoformat(value).strftime("%b %d, %Y")


def _money(minor: int) -> str:
    return f"${minor // 100:,}.{minor % 100:02d}"


def _write(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def sp_summary(path: Path, first: str, last: str, terms: dict[str, int], attribution: int = 7,
               campaign: str = "SP | Auto | BCB", sales: int = 0) -> Path:
    """A Sponsored Products search term report over first..last: term -> spend (minor units)."""
    header = [h.format(d=attribution) for h in SP_TERMS]
    rows = [[_day(first), _day(last), "", "USD", campaign, "Auto", "close-match", "-", term, "1,000", "10", "1.00%",
             "$0.50", _money(spend), _money(sales), "", "0.00", "0", "0", "0.00%"] for term, spend in terms.items()]
    return _write(path, header, rows)


def sp_daily(path: Path, days: dict[str, dict[str, int]], campaign: str = "SP | Auto | BCB") -> Path:
    """A daily Sponsored Products search term report: day -> term -> spend."""
    header = [h.format(d=7) for h in SP_TERMS]
    header[0:2] = ["Date"]
    rows = [[_day(day), "", "USD", campaign, "Auto", "close-match", "-", term, "100", "2", "2.00%", "$0.50",
             _money(spend), "$0.00", "", "0.00", "0", "0", "0.00%"] for day, terms in days.items()
            for term, spend in terms.items()]
    return _write(path, header, rows)


def sp_targeting(path: Path, first: str, last: str, targets: dict[str, int], campaign: str = "SP | Auto | BCB") -> Path:
    rows = [[_day(first), _day(last), "", "USD", campaign, "Auto", target, "-", "1,000", "", "10", "1.00%", "$0.50",
             _money(spend), "", "0.00", "$0.00", "0", "0", "0.00%"] for target, spend in targets.items()]
    return _write(path, SP_TARGETING, rows)


def sb_daily(path: Path, days: dict[str, dict[str, int]], campaign: str = "SB | Brand") -> Path:
    rows = [[_day(day), "", "USD", campaign, "Ad group 1", "maple moss", "EXACT", term, "CPC", "100", "", "2",
             "2.00%", _money(spend), "$0.50", "", "", "0.00", "$0.00", "0", "0", "0.00%"]
            for day, terms in days.items() for term, spend in terms.items()]
    return _write(path, SB_TERMS, rows)


def each_day(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
