"""Write a `sitemap.xml` into every page's folder, listing the pages under that folder.

Material's script (setupAlternate) fetches `sitemap.xml` beside the address of every `<link rel="alternate">`
of a page. Material expects those to be language roots, but static-i18n points them at the same page in each
language, so each visit asked for `<page>/sitemap.xml` twice and logged two 404s in the visitor's console
(and on GitHub Pages downloaded the 404 page twice). A sitemap may list only addresses under its own folder,
so each folder gets the part of the site-wide sitemap that lies under it; the site-wide one stays as it is.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _locations(root: ElementTree.Element, source: Path) -> list[tuple[str, ElementTree.Element]]:
    entries = []
    for url in root.findall(f"{{{SITEMAP}}}url"):
        location = url.findtext(f"{{{SITEMAP}}}loc")
        if location is None:
            raise ValueError(f"{source}: a <url> without <loc>: {ElementTree.tostring(url, 'unicode')}")
        entries.append((location, url))
    return entries


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n builds every language into the same site_dir, and each build rewrites /sitemap.xml with
    # every language's pages; writing after each build leaves the last build's result.
    site_dir = Path(config.site_dir)
    source = site_dir / "sitemap.xml"
    if not source.is_file():
        raise FileNotFoundError(f"{source}: no sitemap was written; expected MkDocs' sitemap.xml")
    site_url = config.site_url or ""
    if not site_url.endswith("/"):
        raise ValueError(f"mkdocs.yml: site_url is '{site_url}'; expected an address ending with '/'")
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    root = ElementTree.parse(source).getroot()
    # Each entry goes to the folders above it (`a/`, `a/b/`, `a/b/c/` for `a/b/c/`), in the sitemap's order: one
    # pass over the entries, not one per folder (which at 15,000 pages is 225 million comparisons).
    entries_under: dict[str, list[ElementTree.Element]] = {}
    for location, url in _locations(root, source):
        if not location.startswith(site_url):
            raise ValueError(f"{source}: '{location}' is not under site_url '{site_url}'")
        path = location.removeprefix(site_url)
        end = path.find("/")
        while end != -1:
            entries_under.setdefault(path[:end + 1], []).append(url)
            end = path.find("/", end + 1)
    for folder_path, urls in entries_under.items():
        folder = site_dir / folder_path
        if not (folder / "index.html").is_file():
            continue
        selected = ElementTree.Element(root.tag, root.attrib)
        selected.extend(urls)
        ElementTree.ElementTree(selected).write(folder / "sitemap.xml", encoding="UTF-8", xml_declaration=True)
