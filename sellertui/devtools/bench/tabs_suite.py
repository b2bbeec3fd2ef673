"""Issue 19: every tab's first paint, cold (an empty cache dir) and warm (the cache a previous start left).

Each figure is a fresh process on the large store: the app starts, settles on
Today, then the tab's key is pressed; the time runs until that tab posts its
area-ready message (its data on screen). "Cold" gives each run an empty cache
dir and removes the frames the store keeps beside it (every frame from JSON); "warm" reuses the
cache the cold run of the same tab filled. The process's CPU time over the same
span is kept beside it (the machine may be shared).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from sellertui.devtools.bench import Result, drop_store_frames
from sellertui.devtools.bench.startup_suite import cached_bytecode

SCRIPT = """
import asyncio, sys, time
from sellertui.context import Context
from sellertui.devtools.pilot import settle
from sellertui.ui.app import SellerApp, TABS

slug = sys.argv[2]

class Bench(SellerApp):
    marks = []

    def on_area_ready(self, event):
        if event.area.slug() == slug:
            self.marks.append((time.perf_counter(), time.process_time()))

async def main():
    app = Bench(Context.create(sys.argv[1]), watch_signals=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.marks.clear()
        key = next(t.KEY for t in TABS if t.slug() == slug)
        wall, cpu = time.perf_counter(), time.process_time()
        if slug == "today":
            await pilot.press("r")  # Today is already shown: its reload is its paint
        else:
            await pilot.press(key)
        while not app.marks:
            await asyncio.sleep(0.002)
        print(app.marks[0][0] - wall, app.marks[0][1] - cpu)

asyncio.run(main())
"""

GOAL = 2.0  # seconds: the huge goals ask every tab within 2 s CPU warm; at 100k it is the same bar


def _run(large: Path, slug: str, cache: Path, config: str) -> tuple[float, float]:
    env = cached_bytecode({**os.environ, "SELLERTUI_CACHE_DIR": str(cache), "SELLERTUI_CONFIG_DIR": config,
                           "TEXTUAL_ANIMATIONS": "none"})
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(large), slug], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark process failed: {proc.stderr[-2000:]}")
    wall, cpu = proc.stdout.split()[-2:]
    return float(wall), float(cpu)


def tab_paints(store_dir: Path, work: Path, repeat: int = 1) -> dict[str, dict[str, tuple[float, float]]]:
    """slug -> {"cold": (wall, cpu), "warm": (wall, cpu)}, medians of ``repeat`` runs."""
    from sellertui.ui.app import TABS

    config = tempfile.mkdtemp(prefix="bench-config-")
    found = {}
    for tab in TABS:
        cold, warm = [], []
        for _ in range(repeat):
            cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
            drop_store_frames(store_dir)
            cold.append(_run(store_dir, tab.slug(), cache, config))
            warm.append(_run(store_dir, tab.slug(), cache, config))
        found[tab.slug()] = {name: (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
                             for name, runs in (("cold", cold), ("warm", warm))}
    return found


def run(large: Path, work: Path) -> list[Result]:
    results = []
    for slug, modes in tab_paints(large, work).items():
        for mode, (wall, cpu) in modes.items():
            label = "nothing cached" if mode == "cold" else "cache warm"
            results.append(Result(f"tabs: {slug} first paint, {mode} ({label})", wall, None, "s", f"≤ {GOAL:g} s",
                                  ok=wall <= GOAL, note=f"CPU {cpu:.2f} s over the same span"))
    return results
