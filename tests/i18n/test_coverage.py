"""Under 简体中文 nothing the app or the CLI shows is left in English.

Two checks: every string marked in the code (``_``, ``N_``, ``ngettext``) has a
translation in the catalog, and the catalog is up to date with the code; and in
the modules already converted, no user-visible string is left unmarked (a
literal, or an f-string, handed straight to a place the user reads).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from sellertui.devtools.catalog import PACKAGE, ROOT, extract, po_files, read

# The modules whose every user-visible string is marked; a module joins when it is converted.
CONVERTED = [
    *[f"sellertui/cli/{name}.py" for name in (
        "__init__", "admin", "ads", "argparse_words", "common", "connect_ads", "demo", "export", "fx", "importing",
        "inventory", "notices", "output", "profit", "promotions", "reviews", "run_app", "serve", "serving", "shoplist",
        "stores", "sync", "tasks", "today", "watch")],
    *[f"sellertui/ui/shell/{name}.py" for name in (
        "ads_connect", "connect_screen", "header", "help_screen", "language", "live", "palette", "problem_screen",
        "keys", "shop_switcher", "sync", "welcome", "importing/screen", "importing/period_question",
        "importing/encoding_choice")],
    *[f"sellertui/ui/kit/{name}.py" for name in (
        "charts", "dialogs", "filterbar", "footer", "forms", "panel", "records_screen", "records_view",
        "settings_form", "table", "table_view", "views")],
    "sellertui/ui/app.py",
    *[f"sellertui/importers/{name}.py" for name in (
        "__init__", "companions", "dates", "encodings", "errors", "fast", "frame", "headers", "limits", "locale",
        "period", "pipeline", "rejects", "replacing", "scan", "source", "table", "totals_words", "values", "workbook", "zipcheck")],
    *[f"sellertui/importers/kinds/{name}.py" for name in (
        "__init__", "ad_report", "ads", "ads_api", "ads_products", "ads_sbsd", "ads_targeting", "base",
        "brand_analytics", "business", "feedback", "inventory", "inventory_age", "listings", "orders", "orders_api",
        "reimbursements", "returns", "reviews", "sales_traffic", "settlement", "transactions")],
    *[f"sellertui/store/{name}.py" for name in (
        "__init__", "access", "ad_rows", "backups", "columns", "commit", "copying", "core", "errors", "fsio", "health",
        "layout", "locking", "migrate", "opening", "schema", "splits", "transaction", "upsert", "urls", "views",
        "watching", "postgres/__init__", "postgres/changes", "postgres/connect", "postgres/ddl", "postgres/layout",
        "postgres/migrate", "postgres/rows", "postgres/store", "postgres/transaction")],
    *[f"sellertui/amazon/{name}.py" for name in (
        "__init__", "catalog", "client", "connection", "credentials", "errors", "lwa", "messaging", "orders",
        "pricing", "reports", "settings", "solicitations", "throttle", "ads/__init__", "ads/changes", "ads/client",
        "ads/entities", "ads/profiles", "ads/reporting")],
]

# call name → the arguments a user reads: positions, and keyword names
SINKS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "notify": ((0,), ("message", "title")),
    "print": ((0,), ()),
    "add_parser": ((), ("help", "description", "epilog")),
    "add_argument": ((), ("help",)),
    "add_argument_group": ((0, 1), ("title", "description")),
    "Binding": ((2,), ("description", "tooltip")),
    "SystemCommand": ((0, 1), ()),
    "Label": ((0,), ()),
    "Static": ((0,), ()),
    "Button": ((0,), ()),
    "Input": ((), ("placeholder",)),
    "Checkbox": ((0,), ()),
    "update": ((0,), ()),
    "UserError": ((0,), ()),
    "ConfigError": ((0,), ()),
    "SystemExit": ((0,), ()),
    "fail": ((0,), ()),
    "exit": ((), ("message",)),
    "Field": ((1,), ("help", "placeholder")),
    "FormScreen": ((0,), ("submit_label",)),
    "InfoScreen": ((0,), ()),
    "ConfirmScreen": ((0,), ()),
    "PickScreen": ((0,), ("hint", "lead")),
    "Column": ((1,), ()),
    "FieldError": ((0,), ()),
    "Text": ((0,), ()),
    "append": ((0,), ()),
    # the importers' problems: a whole file's, a cell's reason, a row's
    "FileProblem": ((1,), ()),
    "ReportError": ((0,), ()),
    "Bad": ((0,), ()),
    "problem": ((2,), ()),
    "file_problem": ((0,), ()),
    # the store's sentences (marked with N_ there, worded when shown: the store is below the language layer)
    "StoreError": ((0,), ()),
    "StoreBusy": ((0,), ()),
    "NewerStore": ((0,), ()),
    "StoreUnreachable": ((0,), ()),
    "InvalidRecord": ((0,), ()),
    "Words": ((0,), ()),
    # Amazon's layer: our sentence around Amazon's own words (those stay as Amazon wrote them)
    "AmazonError": ((0,), ()),
    "AuthError": ((0,), ()),
    "NotConnected": ((0,), ()),
    "Unreachable": ((0,), ()),
    "StillProcessing": ((0,), ()),
    "ItemOffers": ((2,), ()),
    "_wait": ((3, 4), ()),
    "panel_binding": ((0,), ("description",)),
}
ATTRIBUTES = ("border_title", "border_subtitle", "TITLE", "HELP_TITLE", "tooltip")
# words that are the same in every language: names and codes
SAME = {"sellertui", "json", "csv", "tsv", "xlsx", "sku", "skus", "asin", "asins", "fba", "fbm", "url", "api",
        "sp", "acos", "tacos", "roas", "ctr", "cpc", "usd", "eur", "gbp", "jpy", "cny", "utf", "esc", "ctrl",
        "tab", "enter", "shift", "id", "ok", "postgresql", "toml", "config"}
WORD = re.compile(r"[A-Za-z]{2,}")


def english(text: str) -> bool:
    return any(word.lower() not in SAME for word in WORD.findall(text))


def literal_text(node: ast.AST) -> str | None:
    """The text a literal or an f-string shows (its fixed parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return (literal_text(node.left) or "") + (literal_text(node.right) or "") or None
    return None


def branches(node: ast.AST) -> list[ast.AST]:
    """``a if c else b`` shows a or b; ``x or "default"`` may show the default."""
    if isinstance(node, ast.IfExp):
        return branches(node.body) + branches(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [leaf for value in node.values for leaf in branches(value)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [leaf for value in node.elts for leaf in branches(value)]
    return [node]


def call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def unmarked(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        shown: list[ast.AST] = []
        if isinstance(node, ast.Call) and call_name(node) in SINKS:
            positions, keywords = SINKS[call_name(node)]
            shown += [arg for i, arg in enumerate(node.args) if i in positions]
            shown += [kw.value for kw in node.keywords if kw.arg in keywords]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, (ast.Attribute, ast.Name)) and getattr(t, "attr", getattr(t, "id", "")) in ATTRIBUTES
                   for t in targets) and node.value is not None:
                shown.append(node.value)
        shown = [branch for value in shown for branch in branches(value)]
        for value in shown:
            text = literal_text(value)
            if text is not None and english(text):
                found.append((value.lineno, text))
    return sorted(found)


def test_the_unmarked_check_finds_literals_and_f_strings_and_passes_marked_ones():
    source = '''
self.notify("Saved the task")
self.notify(_("Saved the task"))
print(f"{n} orders imported")
print(_("{n} orders imported").format(n=n))
Binding("x", "go", "Go away")
Binding("x", "go", N_("Go away"))
print(f"sellertui: {exc}")
self.border_title = "Import a report"
raise UserError(f"no shop called {name!r}")
print("no open tasks" if mine else _("no tasks"))
'''
    assert [line for line, _text in unmarked(source)] == [2, 4, 6, 9, 10, 11]


@pytest.mark.parametrize("module", CONVERTED)
def test_converted_modules_mark_every_user_visible_string(module):
    path = ROOT / module
    problems = unmarked(path.read_text(encoding="utf-8"))
    assert not problems, f"{module}: unmarked user-visible strings (wrap them in _() or N_()):\n" + "\n".join(
        f"  line {line}: {text!r}" for line, text in problems)


def test_every_marked_string_is_translated_and_the_catalog_is_up_to_date():
    template = extract()
    marked = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    for po in po_files():
        catalog = read(po)
        strings = {(m.id if isinstance(m.id, str) else m.id[0]): m.string for m in catalog if m.id}
        missing = sorted(marked - set(strings))
        assert not missing, (f"{po.name}: marked in the code but not in the catalog "
                             f"(run python -m sellertui.devtools.catalog): {missing[:20]}")
        untranslated = sorted(msgid for msgid in marked if not all(
            strings[msgid] if isinstance(strings[msgid], tuple) else [strings[msgid]]))
        assert not untranslated, f"{po.parent.parent.name}: {len(untranslated)} untranslated: {untranslated[:30]}"


def test_placeholders_survive_translation():
    """A translation keeps every {name} and %(name)s of its English: .format() would fail otherwise."""
    fields = re.compile(r"\{[a-z_0-9]*(?:[:!][^}]*)?\}|%\([a-z_]+\)[sdr]|%[sdr]")
    problems = []
    for po in po_files():
        for m in read(po):
            if not m.id or not m.string:
                continue
            ids = m.id if isinstance(m.id, (list, tuple)) else (m.id,)
            strings = m.string if isinstance(m.string, (list, tuple)) else (m.string,)
            for msgstr in strings:
                if msgstr and sorted(fields.findall(ids[-1])) != sorted(fields.findall(msgstr)):
                    problems.append(f"{ids[0]!r} → {msgstr!r}")
    assert not problems, "\n".join(problems[:30])


def test_every_module_is_under_the_package():
    assert all((ROOT / m).is_file() and (ROOT / m).is_relative_to(PACKAGE) for m in CONVERTED)
