"""Issue 5: the Inventory tab is instant at 2k SKUs and 100k orders.

In a fresh process on the large store: the time from pressing 5 to the tab
showing its data (first open: reads the last 90 days of orders and builds the
plan), the same with pandas already imported (as it is once any other tab has
loaded data), and a reload after a change (``r``: the frame cache keeps the
unchanged order months).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from sellertui.devtools.bench import Result

SCRIPT = """
import asyncio, sys, time
if sys.argv[2] == "warm":
    import pandas  # another tab already paid for it
from sellertui.context import Context
from sellertui.devtools.pilot import settle
from sellertui.ui.app import SellerApp

class Bench(SellerApp):
    marks = []

    def on_area_ready(self, event):
        if event.area.slug() == "inventory":
            self.marks.append(time.perf_counter())

async def main():
    app = Bench(Context.create(sys.argv[1]), watch_signals=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        start = time.perf_counter()
        await pilot.press("5")
        while not app.marks:
            await asyncio.sleep(0.002)
        first = app.marks[-1] - start
        reloads = []
        for _ in range(5):
            seen, start = len(app.marks), time.perf_counter()
            await pilot.press("r")
            while len(app.marks) == seen:
                await asyncio.sleep(0.002)
            reloads.append(app.marks[-1] - start)
        print(first, sorted(reloads)[2])

asyncio.run(main())
"""


def _run(large: Path, mode: str, env: dict) -> tuple[float, float]:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(large), mode], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark process failed: {proc.stderr[-2000:]}")
    first, reload = proc.stdout.split()[-2:]
    return float(first), float(reload)


def run(large: Path, work: Path, repeat: int = 3) -> list[Result]:
    env = {**os.environ, "SELLERTUI_CONFIG_DIR": tempfile.mkdtemp(prefix="bench-config-")}
    cold = [_run(large, "cold", env) for _ in range(repeat)]
    warm = [_run(large, "warm", env) for _ in range(repeat)]
    first = statistics.median(c[0] for c in cold)
    first_warm = statistics.median(w[0] for w in warm)
    reload = statistics.median(r[1] for r in cold + warm)
    return [
        Result("inventory: first open of the tab, large store (pandas imported by it)", first, None, "s", "< 1.5 s",
               ok=first < 1.5),
        Result("inventory: first open, pandas already imported by another tab", first_warm, None, "s", "< 1 s",
               ok=first_warm < 1.0),
        Result("inventory: reload after a change (r)", reload, None, "s", "< 0.3 s", ok=reload < 0.3),
    ]
