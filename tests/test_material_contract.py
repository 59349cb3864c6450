"""What the site takes from Material for MkDocs beyond its documented options, checked against the installed
Material: when an upgrade changes one of these, this file fails, in one place, naming what to look at again.

- the search worker's messages, which overrides/assets/javascripts/search/worker.js answers (Material's
  TypeScript source ships in its bundle's source map);
- the template blocks overrides/main.html and overrides/404.html extend;
- the partials overrides/partials/ replaces, derived from this version's (their notices name it);
- the script templates whose inline scripts hooks/content_security_policy.py hashes, and what they read.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import jinja2
import jinja2.meta
import material

from site_builder import REPO

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"


def material_source(suffix: str) -> str:
    """A TypeScript file of Material's, from the source map of its bundle."""
    (source_map,) = (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js.map")
    mapped = json.loads(source_map.read_text(encoding="utf-8"))
    (text,) = [content for name, content in zip(mapped["sources"], mapped["sourcesContent"]) if name.endswith(suffix)]
    return str(text)


def test_the_search_worker_answers_materials_messages() -> None:
    source = material_source("integrations/search/worker/message/index.ts")
    enum = re.search(r"export const enum SearchMessageType \{(?P<body>[^}]*)\}", source)
    assert enum is not None, "Material's search messages are no longer an enum SearchMessageType"
    types = re.findall(r"^\s*([A-Z]+),?", enum["body"], re.MULTILINE)
    assert types == ["SETUP", "READY", "QUERY", "RESULT"]
    # A query carries its text as `data`, a result its items as `data`.
    assert re.search(r"interface SearchQueryMessage \{[^}]*data: string", source)
    assert re.search(r"interface SearchResultMessage \{[^}]*data: SearchResult", source)
    worker = (OVERRIDES / "assets" / "javascripts" / "search" / "worker.js").read_text(encoding="utf-8")
    numbers = {name: int(number) for name, number in re.findall(r"^const ([A-Z]+) = (\d+)$", worker, re.MULTILINE)}
    assert {name: numbers.get(name) for name in types} == {name: index for index, name in enumerate(types)}


def test_the_blocks_the_overrides_extend_are_materials() -> None:
    material_blocks = set(re.findall(r"{%-?\s*block (\w+)", (MATERIAL / "base.html").read_text(encoding="utf-8")))
    for template in ("main.html", "404.html"):
        blocks = set(re.findall(r"{%-?\s*block (\w+)", (OVERRIDES / template).read_text(encoding="utf-8")))
        assert blocks and blocks <= material_blocks, f"{template}: {sorted(blocks - material_blocks)}"


def test_the_replaced_partials_are_derived_from_the_installed_material() -> None:
    installed = version("mkdocs-material")
    for name in ("alternate.html", "search.html"):
        assert (MATERIAL / "partials" / name).is_file(), f"Material has no partials/{name} any more"
        notice = (OVERRIDES / "partials" / name).read_text(encoding="utf-8")[:400]
        assert f"Material for MkDocs {installed}'s partials/{name}" in notice, (
            f"overrides/partials/{name} was derived from another Material: compare it with {installed}'s")
        assert "Martin Donath" in notice and "MIT License" in notice


def test_the_script_templates_read_what_the_policy_renders_them_with() -> None:
    # hooks/content_security_policy.py renders partials/javascripts/*.html with base_url, features and
    # config.extra.scope only, and takes their inline scripts for all of a page's: Material's page template
    # writes none of its own.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(MATERIAL))
    templates = sorted((MATERIAL / "partials" / "javascripts").glob("*.html"))
    assert templates
    for template in templates:
        read = jinja2.meta.find_undeclared_variables(env.parse(template.read_text(encoding="utf-8")))
        assert read <= {"base_url", "features", "config"}, f"{template.name} reads {sorted(read)}"
    for page_template in ("base.html", "main.html", "404.html"):
        text = (MATERIAL / page_template).read_text(encoding="utf-8")
        inline = re.findall(r"<script(?![^>]*\s(?:src|type)=)[^>]*>", text)
        assert inline == [], f"Material's {page_template} writes an inline script the policy does not hash"
