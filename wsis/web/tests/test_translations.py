"""The interface is complete in the six UN languages: no untranslated or fuzzy entry, compiled catalogues current."""

import gettext
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
DIRS = {"ar": "ar", "zh-hans": "zh_Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def catalogue(folder: str):
    path = LOCALE / folder / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing catalogue {path}"
    with path.open("rb") as fh:
        return path, read_po(fh, abort_invalid=True)


def problems(path, cat) -> list[str]:
    out = []
    for msg in cat:
        if not msg.id:
            continue
        label = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        where = f"{path}:{msg.lineno}"
        if msg.fuzzy:
            out.append(f"{where}: fuzzy: {label!r}")
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        if not all(s.strip() for s in strings):
            out.append(f"{where}: untranslated: {label!r}")
    return out


@pytest.mark.parametrize("lang", list(DIRS))
def test_catalogue_is_complete(lang):
    path, cat = catalogue(DIRS[lang])
    assert len(cat) > 100
    assert problems(path, cat) == []


@pytest.mark.parametrize("lang", list(DIRS))
def test_compiled_catalogue_matches(lang):
    path, cat = catalogue(DIRS[lang])
    mo = path.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `msgfmt -o {mo} {path}`"
    with mo.open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for msg in cat:
        if msg.id and not isinstance(msg.id, tuple):
            # An entry with a context (pgettext) is its own message beside the same words without one.
            found = compiled.pgettext(msg.context, msg.id) if msg.context else compiled.gettext(msg.id)
            assert found == msg.string, f"{mo} is stale for {msg.id!r} ({msg.context or 'no context'}): recompile it"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_every_interface_string_is_in_the_catalogues(tmp_path, settings):
    """Extract the strings again in a copy of the sources; any new one shows up as untranslated."""
    import os

    base = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns("tests", "__pycache__", "*.mo")
    for name in ("wsis", "config"):
        shutil.copytree(base / name, copy / name, ignore=ignore)
    shutil.copytree(LOCALE / "fr", copy / "locale" / "fr")
    settings.LOCALE_PATHS = [copy / "locale"]
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        call_command("makemessages", locale=["fr"], verbosity=0, no_obsolete=True)
    finally:
        os.chdir(cwd)
    path = copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    with path.open("rb") as fh:
        cat = read_po(fh)
    missing = problems(path, cat)
    assert missing == [], "strings missing from the catalogues (run makemessages for the six languages):\n" + "\n".join(missing)


def test_no_string_is_translated_when_a_module_is_imported():
    """gettext() at import time freezes one language for every page (the registry's facet titles were English
    on every translated page): module-level texts must use the lazy variants."""
    import ast

    eager_names = {"gettext", "ngettext", "pgettext", "npgettext"}

    def calls(node, eager):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue  # runs per request, in the request's language
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id in eager:
                yield child
            yield from calls(child, eager)

    found = []
    for path in sorted((Path(__file__).resolve().parents[2]).rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        eager = {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom)
                 and n.module == "django.utils.translation" for a in n.names if a.name in eager_names}
        found += [f"{path}:{c.lineno}: {ast.unparse(c)[:60]}" for c in calls(tree, eager)] if eager else []
    assert found == []
