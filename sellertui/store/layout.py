"""Where each store file lives inside the data directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sellertui.store.fsio import TMP_SUFFIX


@dataclass(frozen=True)
class Layout:
    data_dir: Path

    @property
    def root(self) -> Path:
        return self.data_dir / "store"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def meta(self) -> Path:
        return self.root / "meta.json"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    @property
    def intent(self) -> Path:
        """The commit record of a multi-file transaction (exists only mid-commit)."""
        return self.root / ".txn.json"

    def collection_dir(self, collection: str) -> Path:
        return self.root / collection

    def partition_path(self, collection: str, partition: str) -> Path:
        return self.root / collection / f"{partition}.json"

    def data_files(self, root: Path | None = None) -> list[Path]:
        """Every committed file of a store tree (meta and partitions), sorted."""
        base = root or self.root
        files = [base / "meta.json"] if (base / "meta.json").exists() else []
        for sub in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
            files.extend(sorted(f for f in sub.glob("*.json") if not f.name.startswith(".")))
        return files

    def temp_files(self) -> list[Path]:
        found = list(self.root.glob(f".*{TMP_SUFFIX}"))
        found += list(self.root.glob(f"*/.*{TMP_SUFFIX}"))
        return found
