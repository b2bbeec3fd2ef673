"""Helpers for the importer tests: the fixtures folder, the real samples, one-call imports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


def samples_dir() -> Path | None:
    """The real Amazon exports: $SELLERTUI_SAMPLES, or ../shared/samples beside the checkout."""
    configured = os.environ.get("SELLERTUI_SAMPLES")
    folder = Path(configured) if configured else REPO.parent / "shared" / "samples"
    return folder if folder.is_dir() else None


@pytest.fixture
def samples() -> Path:
    folder = samples_dir()
    if folder is None:
        pytest.skip("the real samples (../shared/samples or $SELLERTUI_SAMPLES) are not here")
    return folder


def fixture(name: str) -> Path:
    return FIXTURES / name


def parse(path: Path, **options):
    from sellertui.importers.pipeline import Options, parse_report

    return parse_report(path, Options(**options))


def run_import(store, path: Path, **options):
    from sellertui.importers.pipeline import Options, import_report

    return import_report(store, path, Options(**options))


def store_files(data_dir: Path) -> dict[str, bytes]:
    """Every committed store file and its bytes (to prove an import changed nothing)."""
    root = data_dir / "store"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.json")) if p.is_file()}
