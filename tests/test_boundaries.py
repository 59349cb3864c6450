"""The lines the code keeps to (issue 15): the core imports no MkDocs, nothing reads a private name of MkDocs or
static-i18n, the language registry and mkdocs.yml agree, and nothing a build keeps outlives it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import yaml

from conference_site import languages
from site_builder import REPO, TEST_EPOCH, make_fixture_site

CORE = REPO / "conference_site"
MKDOCS_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n"}
# The Python the project writes besides the core: every name it reads of MkDocs' or static-i18n's objects.
PROJECT_PYTHON = [*sorted((REPO / "hooks").glob("*.py")), *sorted((REPO / "scripts").glob("*.py"))]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def test_the_core_imports_no_mkdocs() -> None:
    importing = {path.relative_to(REPO).as_posix(): sorted(imported_modules(path) & MKDOCS_PACKAGES)
                 for path in sorted(CORE.rglob("*.py"))}
    assert {path: names for path, names in importing.items() if names} == {}


def test_the_whole_core_loads_without_mkdocs() -> None:
    modules = sorted(f"conference_site.{path.relative_to(CORE).with_suffix('').as_posix().replace('/', '.')}"
                     for path in CORE.rglob("*.py") if path.name != "__main__.py")
    script = (f"import importlib, sys; [importlib.import_module(name) for name in {modules!r}]; "
              f"print(sorted({{name.split('.')[0] for name in sys.modules}} & set({sorted(MKDOCS_PACKAGES)!r})))")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def private_names(node: ast.AST) -> list[str]:
    """The names `node` reads that start with one underscore (dunder names such as `__file__` are Python's)."""
    if isinstance(node, ast.Attribute):
        names = [node.attr]
    elif isinstance(node, ast.ImportFrom):
        names = [*(node.module or "").split("."), *(alias.name for alias in node.names)]
    elif isinstance(node, ast.Import):
        names = [part for alias in node.names for part in alias.name.split(".")]
    else:
        names = []
    return [name for name in names if name.startswith("_") and not name.startswith("__")]


def test_no_private_name_of_mkdocs_or_static_i18n_is_read() -> None:
    # The hooks and scripts are where MkDocs' and static-i18n's objects are handled (`_populate_page`,
    # `File._content`, …): they read no name of theirs, nor of anyone's, that starts with an underscore.
    found = [f"{path.relative_to(REPO)}:{node.lineno}: {name}" for path in PROJECT_PYTHON
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) for name in private_names(node)]
    assert found == []


def test_the_language_registry_is_mkdocs_yml_s() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (i18n,) = [plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin]
    configured = [(language["locale"], language["name"], language.get("default") == "true")
                  for language in i18n["languages"]]
    assert configured == [(language.code, language.name, language is languages.DEFAULT)
                          for language in languages.REGISTRY]
    assert config["theme"]["language"] == languages.DEFAULT.code
    assert sorted(path.name for path in (REPO / "docs").iterdir() if path.is_dir()) == sorted(languages.CODES)


def test_two_builds_in_one_process_each_see_their_own_content(tmp_path: Path) -> None:
    # The sequential build runs each language's `mkdocs build` in this one process: run it twice in one
    # process, with an organisation's short name removed between the two, and read the second site.
    project = make_fixture_site(tmp_path / "project", "sample")
    page = project / "docs" / "en" / "organisations" / "host-org.md"
    script = f"""
import os, runpy, sys
from pathlib import Path
sys.argv = ["build.py", "-f", {str(project / "mkdocs.yml")!r}, "-d", sys.argv[1], "--sequential"]
page = Path({str(page)!r})
for site in ("first", "second"):
    sys.argv[4] = {str(tmp_path)!r} + "/" + site
    try:
        runpy.run_path({str(REPO / "scripts" / "build.py")!r}, run_name="__main__")
    except SystemExit as status:
        assert not status.code, status.code
    page.write_text(page.read_text(encoding="utf-8").replace("Host organisation", "Renamed Host"), encoding="utf-8")
"""
    env = {**os.environ, "SOURCE_DATE_EPOCH": TEST_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    assert "Host organisation" in page.read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", script, ""], cwd=project, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    first = (tmp_path / "first" / "en" / "organisations" / "host-org" / "index.html").read_text(encoding="utf-8")
    second = (tmp_path / "second" / "en" / "organisations" / "host-org" / "index.html").read_text(encoding="utf-8")
    assert "Host organisation" in first and "Renamed Host" not in first
    assert "Renamed Host" in second and "Host organisation" not in second
    # The listing of the organisations, made from the catalog, has the new name too.
    listing = (tmp_path / "second" / "en" / "organisations" / "index.html").read_text(encoding="utf-8")
    assert "Renamed Host" in listing and "Host organisation" not in listing
