"""`make screenshots`: every tab of the demo shop at 120×40, as screenshots/*.svg.

Deterministic: frozen clock, fixed seed, throwaway home and config, so the
pictures only change when a screen does.
"""

from __future__ import annotations

from sellertui.devtools.pilot import settle

import asyncio
import os
import sys
import tempfile
from pathlib import Path

FROZEN_NOW = "2026-11-22T09:00:00+00:00"
SIZE = (120, 40)


async def shoot(out: Path) -> list[Path]:
    from sellertui.context import Context
    from sellertui.demo import generate
    from sellertui.store import open_store
    from sellertui.ui.app import SellerApp
    from sellertui.ui.app import TABS

    shop = Path.home() / "shop"
    generate(open_store(shop, user="ana"), founder="ana")
    (Path(os.environ["SELLERTUI_CONFIG_DIR"]) / "config.toml").write_text('user = "ana"\n')
    app = SellerApp(Context.create(shop), watch_signals=False)
    written = []
    async with app.run_test(size=SIZE) as pilot:
        for number, area in enumerate(TABS, start=1):
            await pilot.press(area.KEY)
            await settle(pilot, app)
            await pilot.pause(0.3)
            path = out / f"{number}-{area.slug()}.svg"
            app.save_screenshot(filename=path.name, path=str(out))
            written.append(path)
        await pilot.press("question_mark")
        await pilot.pause(0.3)
        app.save_screenshot(filename="help.svg", path=str(out))
        written.append(out / "help.svg")
    return written


def main() -> int:
    out = Path("screenshots").resolve()
    out.mkdir(exist_ok=True)
    home = tempfile.mkdtemp(prefix="sellertui-shots-")
    os.environ.update(HOME=home, SELLERTUI_NOW=FROZEN_NOW, TZ="UTC",
                      SELLERTUI_CONFIG_DIR=str(Path(home) / "config"))
    os.environ.pop("SELLERTUI_DATA_DIR", None)
    (Path(home) / "config").mkdir()
    for path in asyncio.run(shoot(out)):
        print(path.relative_to(Path.cwd()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
