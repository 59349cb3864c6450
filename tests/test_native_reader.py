"""What a native reader of each language reads on a page: the programme each session once, times in the page's
direction and by the venue's city, labels agreeing with what they name, sources as readers know them, Arabic
pages without Material's English, the table of contents with the generated sections, and the metadata search
engines read (robots.txt, the sitemap's dates, the feed's dates, descriptions).

The sample fixture site: exact texts. The real site: what holds for any content."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from email.utils import format_datetime
from pathlib import Path

import pytest

from conference_site.catalog import Catalog
from conference_site.content_dates import ContentDates
from conference_site.page_head import page_description
from conftest import BuiltSite, serving
from site_builder import TEST_EPOCH
from site_pages import (DIRECTION, LANGUAGE_PREFIX, LANGUAGES, SITE_URL, as_read, entity_url, hrefs, source_pages,
                        url_of)

HARBOUR = "conferences/harbour-conference-2023/"
SPRING = "conferences/spring-forum-2030/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
TEST_MOMENT = dt.datetime.fromtimestamp(int(TEST_EPOCH), dt.timezone.utc)


def article(site: BuiltSite, url: str):
    return site.html(url).select_one("article")


# The programme.
def test_a_timed_session_is_in_the_timetable_only(sample_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        page = article(sample_site, f"{prefix}{SPRING}")
        assert hrefs(page.select_one(".cs-timetable")) == ["../../workshops/spring-forum-2030-opening/"]
        assert page.select_one(".cs-programme") is None


def test_untimed_sessions_are_listed_under_their_format_named_once(sample_site: BuiltSite) -> None:
    for prefix, formats in (("", ["جلسة\u00a0حوارية", "ورش\u00a0عمل"]),
                            ("en/", ["Panel\u00a0discussion", "Workshops"])):
        programme = article(sample_site, f"{prefix}{HARBOUR}").select_one(".cs-programme")
        assert [run.get_text() for run in programme.select(".cs-format-run")] == formats
        assert [hrefs(run) for run in programme.select("ul")] == [
            ["../../workshops/harbour-2023-opening-panel/"],
            ["../../workshops/harbour-2023-family-workshop/", "../../workshops/harbour-2023-youth-workshop/",
             "../../workshops/harbour-2023-volunteering-workshops/"]]


@pytest.mark.parametrize("language,caption", [("ar", "10 أبريل 2030، توقيت الدوحة (UTC+3)"),
                                              ("en", "10 April 2030, Doha time (UTC+3)")])
def test_the_timetable_names_the_day_and_the_venue_time_by_its_city(sample_site: BuiltSite, language: str,
                                                                   caption: str) -> None:
    table = article(sample_site, f"{LANGUAGE_PREFIX[language]}{SPRING}").select_one(".cs-timetable table")
    assert as_read(table.caption.get_text()) == caption
    time = table.select_one("tbody td bdi.cs-time-range")
    assert (time.get_text(), time["dir"]) == ("09:00–10:30", DIRECTION[language])


@pytest.mark.parametrize("language,dates", [
    ("ar", "لم يُعلن؛ موعد المؤتمر: 26–27 أبريل 2023، 09:00–14:00 يوميًا، توقيت عجمان (UTC+4)."),
    ("en", "Not announced; conference dates: 26–27 April 2023, 09:00–14:00 daily, Ajman time (UTC+4).")])
def test_an_untimed_session_gives_its_conferences_days_and_daily_hours(sample_site: BuiltSite, language: str,
                                                                       dates: str) -> None:
    facts = article(sample_site, f"{LANGUAGE_PREFIX[language]}workshops/harbour-2023-family-workshop/")
    assert " ".join(as_read(facts.select_one(".cs-dates").get_text()).split()) == dates


@pytest.mark.parametrize("language,labels", [("ar", ["النوع", "ورش\u00a0عمل", "موعد الجلسات"]),
                                             ("en", ["Type", "Workshops", "Session times"])])
def test_an_entry_for_several_sessions_is_labelled_in_the_plural(sample_site: BuiltSite, language: str,
                                                                labels: list[str]) -> None:
    facts = article(sample_site, f"{LANGUAGE_PREFIX[language]}workshops/harbour-2023-volunteering-workshops/")
    terms = [element.get_text() for element in facts.select(".cs-facts dt, .cs-facts dd")]
    assert terms[:2] + terms[4:5] == labels


def test_a_format_name_does_not_break_across_lines(sample_site: BuiltSite) -> None:
    facts = article(sample_site, "workshops/harbour-2023-family-workshop/").select_one(".cs-facts dd")
    assert facts.get_text() == "ورشة\u00a0عمل"


@pytest.mark.parametrize("language,scope", [("ar", ["النطاق", "دولي"]), ("en", ["Scope", "International"])])
def test_an_international_body_has_a_scope_not_a_country(sample_site: BuiltSite, language: str,
                                                         scope: list[str]) -> None:
    facts = article(sample_site, f"{LANGUAGE_PREFIX[language]}organisations/world-federation/")
    terms = [element.get_text() for element in facts.select(".cs-facts dt, .cs-facts dd")]
    assert terms[-2:] == scope


def test_the_themes_note_comes_under_the_themes_heading(sample_site: BuiltSite) -> None:
    for prefix, note in (("", "قائمة المحاور كما يقرؤها هذا الموقع."), ("en/", "The themes as this site reads them.")):
        heading = article(sample_site, f"{prefix}{HARBOUR}").select_one("h2#themes")
        following = heading.find_next_sibling()
        assert ("cs-themes-note", following.get_text()) == (following["class"][0], note)
        assert following.find_next_sibling()["class"] == ["cs-themes"]


# Sources.
def test_sources_are_described_with_their_public_address(sample_site: BuiltSite) -> None:
    sources = article(sample_site, "en/organisations/prague-society/").select(".cs-sources li")
    assert [source.get_text(" ", strip=True) for source in sources] == [
        "A test notice. https://society.example.net/about"]
    lakeside = article(sample_site, "en/conferences/lakeside-congress-2023/").select_one(".cs-sources a")
    assert lakeside["href"] == "https://lakeside.example.net/programme"


def test_no_sources_section_names_a_file_of_the_data(site: BuiltSite, catalog: Catalog) -> None:
    entities = [*catalog.conferences.values(), *catalog.workshops.values(), *catalog.organisations.values()]
    file_names = {source.document for entity in entities for source in entity.data.sources
                  if not source.document.startswith("https://")}
    assert file_names
    for entity in entities:
        for language in LANGUAGES:
            sources = article(site, entity_url(entity, language)).select_one(".cs-sources")
            assert len(sources.select("li")) == len(entity.data.sources)
            text = sources.get_text()
            assert [name for name in file_names if name in text] == [], entity.id


# Material's interface in Arabic, and the footer.
def _material_strings(language: str) -> dict[str, str]:
    import material

    template = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{language}.html"
    return dict(re.findall(r'^\s*"([^"]+)": "([^"]*)",?$', template.read_text(encoding="utf-8"), re.MULTILINE))


# Keys whose English value is not a text a reader sees: codes and search configuration.
_NOT_TEXT = ("language", "direction", "search.config.")


def english_material_strings() -> set[str]:
    english = _material_strings("en")
    return {value for key, value in english.items() if not key.startswith(_NOT_TEXT) and len(value) > 2}


def english_strings_on(page) -> list[str]:
    """The texts of an Arabic page a reader sees or hears — its text, its labels, Material's translations in its
    configuration — that are Material's English."""
    english = english_material_strings()
    config = page.select_one("script#__config")
    seen = [*json.loads(config.string).get("translations", {}).values()] if config else []
    for script in page.select("script, style"):
        script.extract()
    seen += [text.strip() for text in page.find_all(string=True)]
    seen += [element[name] for name in ("aria-label", "title", "placeholder", "alt")
             for element in page.select(f"[{name}]")]
    found = [text for text in seen if text in english]
    return found + (["Material for MkDocs"] if "Material for MkDocs" in str(page) else [])


def test_no_english_string_from_material_on_an_arabic_page_of_any_kind(sample_site: BuiltSite) -> None:
    for url in ("", "conferences/", "conferences/years/2023/", "workshops/", "organisations/", HARBOUR,
                "workshops/harbour-2023-family-workshop/", "organisations/world-federation/", "404.html"):
        assert english_strings_on(sample_site.html(url)) == [], url


def test_no_english_string_from_material_on_any_arabic_page_of_the_site(site: BuiltSite, project: Path) -> None:
    for page_uri in source_pages(project):
        assert english_strings_on(site.html(url_of(page_uri, "ar"))) == [], page_uri


@pytest.mark.parametrize("url,footer", [
    ("", "مؤتمرات العمل الاجتماعي · المؤتمرات (RSS) · تقويم المؤتمرات والجلسات المعلنة مواعيدها (iCalendar) · "
         "الشيفرة المصدرية للموقع على GitHub"),
    ("en/workshops/", "Social Work Conferences · Conferences (RSS) · Calendar of conferences and of sessions with "
                      "announced times (iCalendar) · The site's source code on GitHub")])
def test_the_footer_is_the_sites_own_in_the_page_language(sample_site: BuiltSite, url: str, footer: str) -> None:
    line = sample_site.html(url).select_one("footer .md-copyright")
    assert " ".join(line.get_text().split()) == footer
    prefix = "../" if url else ""
    assert [link["href"] for link in line.select("a")] == [
        f"{prefix}feed.xml", f"{prefix}calendar.ics",
        "https://github.com/social-work-conferences/social-work-conferences"]


def test_arabic_interface_strings_are_spelt_right(sample_site: BuiltSite) -> None:
    page = sample_site.path(HARBOUR).read_text(encoding="utf-8")
    for misspelt in ("إبحث", "إختر اللغة", "عنوان العارضة", "بدء البحث", "مسح كلي"):
        assert misspelt not in page
    for right in ('aria-label="ابحث"', 'aria-label="اختر اللغة"', 'aria-label="رأس الصفحة"'):
        assert right in page


# The table of contents.
@pytest.mark.parametrize("url,entries", [
    (HARBOUR, ["أهداف-المؤتمر", "themes", "programme", "organisations", "sources"]),
    (f"en/{HARBOUR}", ["aims-of-the-conference", "themes", "programme", "organisations", "sources"]),
    ("organisations/host-org/", ["participations", "sources"]),
    ("en/conferences/", ["upcoming", "past", "years"])])
def test_the_table_of_contents_lists_the_generated_sections(sample_site: BuiltSite, url: str,
                                                            entries: list[str]) -> None:
    toc = sample_site.html(url).select_one("nav.md-nav--secondary[aria-label]")
    assert [link["href"] for link in toc.select("a.md-nav__link")] == [f"#{entry}" for entry in entries]
    titles = {h2["id"]: h2.get_text(strip=True).removesuffix("¶") for h2 in sample_site.html(url).select("article h2")}
    assert [link.get_text(strip=True) for link in toc.select("a.md-nav__link")] == [titles[entry] for entry in entries]


def test_every_entity_pages_table_of_contents_lists_its_sections(site: BuiltSite, catalog: Catalog) -> None:
    for entity in [*catalog.conferences.values(), *catalog.workshops.values(), *catalog.organisations.values()]:
        for language in LANGUAGES:
            page = site.html(entity_url(entity, language))
            toc = page.select_one("nav.md-nav--secondary[aria-label]")
            sections = [f"#{h2['id']}" for h2 in page.select("article h2")]
            assert [link["href"] for link in toc.select("a.md-nav__link")] == sections, entity.id
            assert "#sources" in sections


# What search engines read.
def test_robots_txt_gives_the_sitemaps_address(sample_site: BuiltSite) -> None:
    assert sample_site.path("robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n")
    assert not sample_site.path("en/robots.txt").exists()


def test_without_history_every_page_is_dated_by_the_build(sample_site: BuiltSite) -> None:
    sitemap = ElementTree.parse(sample_site.path("sitemap.xml")).getroot()
    urls = sitemap.findall(f"{SITEMAP}url")
    assert len(urls) > 20
    assert {url.findtext(f"{SITEMAP}lastmod") for url in urls} == {f"{TEST_MOMENT:%Y-%m-%d}"}
    feed = ElementTree.parse(sample_site.path("en/feed.xml")).getroot()
    assert [item.findtext("pubDate") for item in feed.iter("item")] == [format_datetime(TEST_MOMENT, usegmt=True)] * 3


def test_every_sitemap_entry_and_feed_item_has_a_date(site: BuiltSite) -> None:
    for url in ElementTree.parse(site.path("sitemap.xml")).getroot().findall(f"{SITEMAP}url"):
        dt.date.fromisoformat(url.findtext(f"{SITEMAP}lastmod"))
    for prefix in ("", "en/"):
        for item in ElementTree.parse(site.path(f"{prefix}feed.xml")).getroot().iter("item"):
            assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT", item.findtext("pubDate"))


def _git(root: Path, *arguments: str, when: str) -> None:
    environment = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Editor",
                   "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
                   "GIT_COMMITTER_EMAIL": "editor@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True, env=environment)


def test_content_dates_come_from_the_commits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_EPOCH)
    for path in ("docs/ar/index.md", "data/conferences/x.yml", "hooks/x.py"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("first\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", when="2024-01-02T10:00:00+00:00")
    _git(tmp_path, "add", ".", when="2024-01-02T10:00:00+00:00")
    _git(tmp_path, "commit", "-q", "-m", "first", when="2024-01-02T10:00:00+00:00")
    (tmp_path / "data/conferences/x.yml").write_text("second\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "second", when="2024-03-04T10:00:00+00:00")
    (tmp_path / "docs/ar/new.md").write_text("not committed\n", encoding="utf-8")
    dates = ContentDates(tmp_path)
    first, second = (dt.datetime(2024, month, day, 10, tzinfo=dt.timezone.utc) for month, day in ((1, 2), (3, 4)))
    assert (dates.of("data/conferences/x.yml").first_published, dates.of("data/conferences/x.yml").last_changed) == (
        first, second)
    assert dates.of("docs/ar/index.md").last_changed == first
    # Not committed yet: the build's date; the same commit gives the same dates in every build.
    assert dates.of("docs/ar/new.md").last_changed == TEST_MOMENT
    assert ContentDates(tmp_path).of("data/conferences/x.yml") == dates.of("data/conferences/x.yml")


def test_a_copy_without_history_is_dated_by_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_EPOCH)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("text\n", encoding="utf-8")
    assert ContentDates(tmp_path).of("docs/index.md").last_changed == TEST_MOMENT
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    modified = dt.datetime.fromtimestamp(int((tmp_path / "docs" / "index.md").stat().st_mtime), dt.timezone.utc)
    assert ContentDates(tmp_path).of("docs/index.md").last_changed == modified


def test_the_sitemap_dates_each_conference_by_its_files(site: BuiltSite, project: Path, catalog: Catalog,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_EPOCH)  # as the site was built (tests/site_builder.py)
    dates = ContentDates(project)
    sitemap = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
               for url in ElementTree.parse(site.path("sitemap.xml")).getroot().findall(f"{SITEMAP}url")}
    for conference in catalog.conferences.values():
        for language in LANGUAGES:
            changed = dates.last_changed([conference.translations[language].path, conference.data_path])
            assert sitemap[SITE_URL + entity_url(conference, language)] == f"{changed:%Y-%m-%d}"


@pytest.mark.parametrize("summary,description", [
    ("A short summary.", "A short summary."),
    ("word " * 40, ("word " * 32).strip() + "…"),
    ("x" * 150 + " abcdefghijklmnopqrstuvwxyz", "x" * 150 + "…"),
    ("a" * 200, "a" * 159 + "…"),
    ("كلمة، " * 30, "، ".join(["كلمة"] * 26) + "…"),
])
def test_descriptions_are_cut_at_a_word_near_160_characters(summary: str, description: str) -> None:
    assert page_description(summary) == description
    assert len(page_description(summary)) <= 160


# In Chromium: the start of a time range is where the page's reader begins.
def test_a_time_range_reads_from_its_start_in_both_directions(sample_site: BuiltSite, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serving(sample_site.root) as url:
        for prefix, rtl in (("", True), ("en/", False)):
            page.goto(f"{url}{prefix}{HARBOUR}")
            starts, ends = page.evaluate("""() => {
                const text = document.querySelector('.cs-hours .cs-time-range').firstChild;
                const box = (from, to) => { const range = document.createRange();
                    range.setStart(text, from); range.setEnd(text, to); return range.getBoundingClientRect().x; };
                return [box(0, 5), box(6, 11)];
            }""")
            assert (starts > ends) == rtl, prefix
    context.close()


def test_the_timetable_is_set_at_the_bodys_size(sample_site: BuiltSite, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serving(sample_site.root) as url:
        for prefix in ("", "en/"):
            page.goto(f"{url}{prefix}{SPRING}")
            cell, body = page.evaluate("""() => [
                getComputedStyle(document.querySelector('.cs-timetable td')).fontSize,
                getComputedStyle(document.querySelector('article.md-typeset > p')).fontSize]""")
            assert cell == body, prefix
    context.close()
