"""The translation catalogs' upkeep: extract every marked string, merge it into each ``.po``.

``python -m sellertui.devtools.catalog`` after marking strings (``_``, ``N_``,
``ngettext``): new msgids arrive untranslated, msgids no longer in the code are
dropped (obsolete), translations are kept. Entries are written grouped by file
without line numbers, so two branches that mark different modules merge
without conflicts and a moved line changes nothing. The tests use ``extract``
to walk the marked strings against the catalog.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

from sellertui.core.i18n import DOMAIN, LOCALE_DIR

PACKAGE = LOCALE_DIR.parent
ROOT = PACKAGE.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
METHOD_MAP = [("**.py", "python")]
SKIPPED = ("devtools",)  # developer tools print for developers, in English


def _skipped(path: str) -> bool:
    return any(f"/{part}/" in f"/{path}" for part in SKIPPED)


def extract(paths: list[Path] | None = None) -> Catalog:
    """The marked strings of the package (or of ``paths``, files under it), each with the files it is in."""
    template = Catalog(project=DOMAIN, domain=DOMAIN)
    if paths is None:
        found = ((PACKAGE / name, lineno, message, comments)
                 for name, lineno, message, comments, _context in
                 extract_from_dir(PACKAGE, METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)))
    else:
        found = ((path, lineno, message, comments)
                 for path in paths
                 for lineno, message, comments, _context in
                 extract_from_file("python", path, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)))
    for path, lineno, message, comments in found:
        where = Path(path).resolve().relative_to(ROOT).as_posix()
        if _skipped(where):
            continue
        template.add(message, locations=[(where, lineno)], auto_comments=comments,
                     flags=("python-format",) if "%(" in (message if isinstance(message, str) else message[0]) else ())
    return template


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(po: Path) -> Catalog:
    with po.open("rb") as fp:
        return read_po(fp, locale=po.parent.parent.name)


def write(po: Path, catalog: Catalog) -> None:
    with po.open("wb") as fp:
        write_po(fp, catalog, sort_by_file=True, include_lineno=False, ignore_obsolete=True, width=110)


def update() -> dict[str, int]:
    template = extract()
    counts = {}
    for po in po_files():
        catalog = read(po)
        created = catalog.creation_date  # kept: a date rewritten on every run would conflict in every merge
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = created
        write(po, catalog)
        counts[po.parent.parent.name] = sum(1 for m in catalog if m.id and not m.string)
    return counts


def main() -> int:
    for code, missing in update().items():
        print(f"{code}: {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
