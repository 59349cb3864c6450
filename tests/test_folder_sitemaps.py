"""Every page's folder has a sitemap of the pages under it (Material's script fetches one beside each
alternate-language address; see hooks/folder_sitemaps.py)."""

from __future__ import annotations

from xml.etree import ElementTree

from pathlib import Path

from conftest import BuiltSite
from site_pages import source_pages

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "http://127.0.0.1:8000/"


def locations(site: BuiltSite, url_path: str) -> list[str]:
    root = ElementTree.parse(site.path(url_path)).getroot()
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def test_each_page_folder_has_a_sitemap_of_the_pages_under_it(site: BuiltSite, project: Path) -> None:
    everything = locations(site, "sitemap.xml")
    page_folders = sorted(page.parent for page in site.root.rglob("index.html"))
    assert len(page_folders) == len(everything) == 2 * len(source_pages(project))
    for folder in page_folders:
        url_path = "".join(f"{part}/" for part in folder.relative_to(site.root).parts)
        folder_url = SITE_URL + url_path
        listed = locations(site, f"{url_path}sitemap.xml")
        assert listed == [location for location in everything if location.startswith(folder_url)]
        assert listed[0] == folder_url


def test_english_sitemap_lists_the_english_pages_alone(site: BuiltSite) -> None:
    english = locations(site, "en/sitemap.xml")
    assert len(english) * 2 == len(locations(site, "sitemap.xml"))
    assert all(location.startswith(f"{SITE_URL}en/") for location in english)
