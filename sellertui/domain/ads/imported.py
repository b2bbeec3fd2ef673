"""The Reports view: every imported ads report, newest first, and how much of it newer reports cover.

For each report: its kind, ad product, marketplace, days, layout (daily or
summary), attribution, rows, spend, file and first import, and the days of
it that a newer report of the same kind, ad product and marketplace also
covers. On those days the newer report counts for every row key both hold
(``days.counted``); keys only this report holds still count from it.
"""

from __future__ import annotations

import pandas as pd

from sellertui.domain.ads.days import iso, merge, report_table

LABELS = {"search_terms": "search terms", "targeting": "targeting", "advertised_products": "advertised products"}


def reports_frame(docs: list[dict]) -> pd.DataFrame:
    table = report_table(docs)
    if not len(table):
        return table.assign(days=pd.Series(dtype="int64"), covered=pd.Series(dtype="int64"),
                            what=pd.Series(dtype=object), first=pd.Series(dtype=object), last=pd.Series(dtype=object))
    spend = {d["id"]: int(d.get("spend_minor") or 0) for d in docs}
    covered = []
    for row in table.itertuples():
        newer = table[(table["rank"] > row.rank).to_numpy() & (table["report"] == row.report).to_numpy()
                      & (table["ad_product"] == row.ad_product).to_numpy()
                      & (table["marketplace"] == row.marketplace).to_numpy()]
        runs = merge([(max(a, row.start), min(b, row.end)) for a, b in zip(newer["start"], newer["end"])
                      if a <= row.end and b >= row.start])
        covered.append(sum(b - a + 1 for a, b in runs))
    frame = table.assign(days=(table["end"] - table["start"] + 1).astype("int64"), covered=covered,
                         first=iso(table["start"]), last=iso(table["end"]),
                         spend_minor=[spend[i] for i in table["id"]],
                         what=[f"{p} {LABELS.get(r, r)}" for p, r in zip(table["ad_product"], table["report"])])
    return frame.sort_values("rank", ascending=False, kind="stable").reset_index(drop=True)
