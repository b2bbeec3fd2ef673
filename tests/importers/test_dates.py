"""Dates and times in every form Amazon's reports use, to ISO 8601 (datetimes in UTC)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from sellertui.importers.dates import local_date, parse_date, parse_datetime, parse_period
from sellertui.importers.values import Bad

LA = "America/Los_Angeles"


@pytest.mark.parametrize("written, day_first, expected", [
    ("2020-02-18T05:05:21+00:00", False, "2020-02-18"),
    ("Feb 1, 2020", False, "2020-02-01"),
    ("Dec 01, 2019", True, "2019-12-01"),
    ("08/12/2026", True, "2026-12-08"),
    ("08/12/2026", False, "2026-08-12"),
    ("14/05/2024", False, "2024-05-14"),  # 14 cannot be a month, whatever the market says
    ("14.05.2024", True, "2024-05-14"),
    ("2024/05/14", True, "2024-05-14"),
    ("31 Jan 2024", True, "2024-01-31"),
    ("06-Jan-2026", True, "2026-01-06"),
    ("20260105", False, "2026-01-05"),
    (43862, False, "2020-02-01"),
    (43862.75, False, "2020-02-01"),
    ("43862", False, "2020-02-01"),
    (date(2023, 5, 20), True, "2023-05-20"),
    (datetime(2023, 5, 20, 13, 0), True, "2023-05-20"),
    ('="2024-05-14"', False, "2024-05-14"),
])
def test_dates(written, day_first, expected) -> None:
    assert parse_date(written, day_first) == expected


@pytest.mark.parametrize("written, expected", [
    ("2020-02-18T05:05:21+00:00", "2020-02-18T05:05:21+00:00"),
    ("2020-02-18T05:05:21Z", "2020-02-18T05:05:21+00:00"),
    ("2020-02-18 05:05:21 UTC", "2020-02-18T05:05:21+00:00"),
    ("2025-05-14T09:48:59+01:00", "2025-05-14T08:48:59+00:00"),
    ("14/05/2024 09:48:59 BST", "2024-05-14T08:48:59+00:00"),
    ("Jan 5, 2026 11:03:05 AM PST", "2026-01-05T19:03:05+00:00"),
    ("Jan 5, 2026 11:03:05 PM PST", "2026-01-06T07:03:05+00:00"),
    ("Jan 5, 2026 12:03:05 AM PST", "2026-01-05T08:03:05+00:00"),
    ("Jul 4, 2025 9:00:00 AM PDT", "2025-07-04T16:00:00+00:00"),
    ("31 Jan 2024 23:59:59 UTC", "2024-01-31T23:59:59+00:00"),
    ("02.03.2025 14:22:01 UTC", "2025-03-02T14:22:01+00:00"),
    ("2026-11-24T08:00:00-08:00", "2026-11-24T16:00:00+00:00"),
    ("Jan 5, 2026 11:03:05 AM", "2026-01-05T19:03:05+00:00"),  # no zone: the marketplace's (here LA)
    ("2026-01-05", "2026-01-05T00:00:00+00:00"),  # a bare date: that day, midnight UTC
    (43862.5, "2020-02-01T20:00:00+00:00"),  # 12:00 in Los Angeles
    ("2026-01-05 10:00:00 +0530", "2026-01-05T04:30:00+00:00"),
])
def test_datetimes_become_utc(written, expected) -> None:
    assert parse_datetime(written, False, LA) == expected


@pytest.mark.parametrize("written", ["", "soon", "2026-13-01", "31/31/2024", "Foo 1, 2020", "Feb 30, 2024",
                                     "2024-05-14 25:00:00", "Jan 5, 2026 13:03:05 PM", "1", 10**9, "2020-02-18 05:05 XYZ"])
def test_not_dates(written) -> None:
    with pytest.raises(Bad):
        parse_datetime(written, False, LA)


def test_periods_and_ship_by_days() -> None:
    assert parse_period("2026-01-01..2026-01-31") == ("2026-01-01", "2026-01-31")
    assert parse_period("2026-01-05") == ("2026-01-05", "2026-01-05")
    for bad in ("2026-01-31..2026-01-01", "last week", "2026-01-01.."):
        with pytest.raises(Bad):
            parse_period(bad)
    assert local_date("2026-11-24T07:59:59+00:00", LA) == "2026-11-23"
    assert local_date(None, LA) is None


# -- properties -------------------------------------------------------------------------
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31)).map(
    lambda d: d.replace(microsecond=0))
ZONES = {"UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "JST": 9, "IST": 5.5, "PST": -8, "PDT": -7, "EST": -5}


@given(moments, st.sampled_from(sorted(ZONES)), st.sampled_from(["iso", "us", "uk", "de", "named"]))
def test_any_written_datetime_reads_back(moment, zone, form) -> None:
    offset = timedelta(hours=ZONES[zone])
    hour12 = moment.strftime("%I:%M:%S %p")
    written = {
        "iso": moment.replace(tzinfo=timezone(offset)).isoformat(),
        "us": f"{moment:%b} {moment.day}, {moment.year} {hour12} {zone}",
        "uk": f"{moment:%d/%m/%Y %H:%M:%S} {zone}",
        "de": f"{moment:%d.%m.%Y %H:%M:%S} {zone}",
        "named": f"{moment.day} {moment:%b %Y %H:%M:%S} {zone}",
    }[form]
    expected = (moment - offset).replace(tzinfo=timezone.utc).isoformat()
    assert parse_datetime(written, form in ("uk", "de"), LA) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%b %d, %Y", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d %B %Y", "%Y%m%d", "serial"]))
def test_any_written_date_reads_back(day, form) -> None:
    if form == "serial":
        written: object = float((day - date(1899, 12, 30)).days)
    else:
        written = day.strftime(form)
    assert parse_date(written, day_first=form != "%m/%d/%Y") == day.isoformat()


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers()))
def test_any_cell_is_a_date_or_a_clear_no(cell) -> None:
    try:
        result = parse_datetime(cell, True, "Europe/London")
    except Bad as exc:
        assert exc.reason
    else:
        assert datetime.fromisoformat(result).utcoffset() == timedelta(0)
