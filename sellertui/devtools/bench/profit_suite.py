"""Issue 19: the Profit tab's first open, in CPU seconds, with an empty cache dir and with a warm one.

A fresh process opens the large store and asks for what the Profit tab shows
first (the monthly statement, the tiles, the hiring gauge), as the tab's
workers do. "Nothing cached" starts from an empty cache dir and without the frames a
folder store keeps beside it: every frame from the store's JSON. "Empty cache
dir" is a new login (or a cleared cache) over a store whose frames some process
built: only the ledger is computed. "Warm" reuses the cache dir as well. CPU time is the
figure (the machine may be shared); the ledger's build is most of it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from sellertui.devtools.bench import Result, drop_store_frames

SCRIPT = """
import sys, time
start = time.process_time()
from sellertui.context import Context
from sellertui.domain.profit.service import ProfitService
service = ProfitService.for_shop(Context.create(sys.argv[1]).shop())
statement = service.statement("month")
service.tiles()
service.hiring(statement)
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
print(time.process_time() - start, peak)
"""


def first_open(store_dir: Path, cache: Path) -> tuple[float, float]:
    """CPU seconds (imports included) and peak MB of one process opening Profit."""
    env = {**os.environ, "SELLERTUI_CACHE_DIR": str(cache),
           "SELLERTUI_CONFIG_DIR": tempfile.mkdtemp(prefix="bench-config-")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(store_dir)], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark process failed: {proc.stderr[-2000:]}")
    cpu, peak = proc.stdout.split()[-2:]
    return float(cpu), float(peak)


def run(large: Path, work: Path, repeat: int = 3) -> list[Result]:
    nothing, cold, warm = [], [], []
    for _ in range(repeat):
        drop_store_frames(large)
        nothing.append(first_open(large, Path(tempfile.mkdtemp(prefix="bench-cache-"))))
        cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
        cold.append(first_open(large, cache))
        warm.append(first_open(large, cache))
    none_cpu, none_peak = statistics.median(c[0] for c in nothing), statistics.median(c[1] for c in nothing)
    cpu, peak = statistics.median(c[0] for c in cold), statistics.median(c[1] for c in cold)
    warm_cpu, warm_peak = statistics.median(w[0] for w in warm), statistics.median(w[1] for w in warm)
    return [
        Result("profit: first open with nothing cached (no frames beside the store either) (CPU)", none_cpu, None,
               "s", "≤ 2 s CPU", ok=none_cpu <= 2.0, note=f"peak memory {none_peak:.0f} MB; median of {repeat}"),
        Result("profit: first open with an empty cache dir, the store's frames built (CPU)", cpu, None, "s",
               "≤ 2 s CPU", ok=cpu <= 2.0, note=f"peak memory {peak:.0f} MB; median of {repeat}"),
        Result("profit: first open with the cache warm (CPU)", warm_cpu, None, "s", "≤ 2 s CPU", ok=warm_cpu <= 2.0,
               note=f"peak memory {warm_peak:.0f} MB"),
    ]
