"""Run the benchmarks: `python -m sellertui.devtools.bench [--json] [--only NAME ...]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from sellertui.devtools.bench import Result

SUITES = ("store", "startup", "import", "orders", "inventory", "profit", "tabs", "backends")
SEPARATE = ("huge",)  # the huge shop takes minutes to build and to bench: only with --only huge
BENCH_DIR = Path(".bench")


def large_store(seed: int = 7) -> Path:
    """The large demo shop, built once and reused (about 20 s to build)."""
    return demo_store("large", seed)


def demo_store(size: str, seed: int = 7) -> Path:
    """A demo shop of ``size``, built once into .bench/ and reused (huge: several minutes, a few GB)."""
    target = BENCH_DIR / f"{size}-{seed}"
    if not (target / "store" / "meta.json").exists():
        from sellertui.demo import generate
        from sellertui.store import open_store

        print(f"building the {size} demo store in {target} (once)…", file=sys.stderr)
        generate(open_store(target, user="bench"), size=size, seed=seed, founder="bench")
    return target


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def _suite(name: str, large: Path, work: Path) -> list[Result]:
    module = __import__(f"sellertui.devtools.bench.{name}_suite", fromlist=["run"])
    try:
        return module.run(large, work)
    except Exception as exc:  # one suite's failure must not lose the figures the others measured
        return [Result(f"{name}: the suite failed", 0.0, None, "s", "runs", ok=False,
                       note=f"{type(exc).__name__}: {exc}"[:300])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", nargs="+", choices=SUITES + SEPARATE,
                        help="run only these suites (huge: 1M orders, run only when named)")
    args = parser.parse_args(argv)
    os.environ.pop("SELLERTUI_NOW", None)
    large = large_store()
    work = BENCH_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    started = time.perf_counter()
    # every scratch folder of the run (empty cache dirs, configs) in one, on the store's disk, removed at the end:
    # each run made dozens, a few GB left behind after a few runs
    with tempfile.TemporaryDirectory(prefix="run-", dir=work.resolve(), ignore_cleanup_errors=True) as scratch:
        tempfile.tempdir = scratch
        try:
            for name in args.only or SUITES:
                results.extend(_suite(name, large, work))
        finally:
            tempfile.tempdir = None
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=2))
    else:
        width = max(len(r.name) for r in results)
        print(f"{'benchmark':<{width}}  {'measured':>10}  {'baseline':>10}  {'ratio':>8}  {'target':<14} ok")
        for r in results:
            ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "—"
            ok = {True: "✓", False: "✗", None: ""}[r.ok]
            print(f"{r.name:<{width}}  {fmt(r.value, r.unit):>10}  {fmt(r.baseline, r.unit):>10}  {ratio:>8}  {r.target:<14} {ok}")
            if r.note:
                print(f"{'':<{width}}    {r.note}")
        print(f"({time.perf_counter() - started:.0f} s)")
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
