"""Compiles the translation catalogs (locale/*/LC_MESSAGES/*.po → .mo) whenever the package is built.

pyproject.toml holds the metadata; this file only adds the step, which runs for
a wheel, an sdist install and ``pip install -e .`` alike (setuptools runs
build_py for editable installs too, and the .mo lands beside its .po, where the
editable package reads it). Babel comes from the build requirements.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def compile_catalogs(root: Path) -> list[Path]:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / "sellertui" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as fp:
            catalog = read_po(fp, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as fp:
            write_mo(fp, catalog)
        written.append(mo)
    return written


class BuildWithCatalogs(build_py):
    def run(self):
        compile_catalogs(Path(__file__).resolve().parent)
        super().run()  # then copies the .mo files with the package data (a wheel, a regular install)


setup(cmdclass={"build_py": BuildWithCatalogs})
