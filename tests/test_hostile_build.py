"""What only a real build shows: nothing from outside the repository is published, an unforeseen failure ends with
one line naming the page instead of a traceback, and a page that takes too long ends the build with its name; and
the generated files that stay whole whatever text reaches them (share images, feeds).

The last two add a small hook of their own to the fixture site (the site's hooks raise on nothing that passes the
checks): one that fails on a page, one that never finishes one.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image

from conference_site.limits import PAGE_SECONDS
from conference_site.news_feed import FeedItem, rss
from conference_site.share_image import HEIGHT, WIDTH, ShareText, png, render
from site_builder import build
from test_broken_content import make_site, problem_lines

PAGE = "docs/en/conferences/spring-forum-2030.md"


def _previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    return site


def test_a_symlinked_folder_fails_the_build_and_publishes_nothing(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project")
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\nnot for the public")
    os.symlink(secret, project / "docs" / "en" / "images")
    site = _previous_site(tmp_path)
    result = build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert problem_lines(output) == ["docs/en/images:1: this folder is a symbolic link; expected the file or folder "
                                     "itself, added to the repository, not a symbolic link to it"]
    assert [path.name for path in site.iterdir()] == ["index.html"]


def _with_hook(project: Path, code: str) -> None:
    (project / "hooks" / "test_hook.py").write_text(code, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/test_hook.py\n", 1),
                      encoding="utf-8")


def test_an_unforeseen_failure_is_one_line_naming_the_page(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project")
    _with_hook(project, "def on_page_content(html, page, config, files):\n"
                        "    if page.file.src_uri == 'en/conferences/spring-forum-2030.md':\n"
                        "        raise RecursionError('maximum recursion depth exceeded')\n"
                        "    return html\n")
    site = _previous_site(tmp_path)
    result = build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "Error reading page 'en/conferences/spring-forum-2030.md'" in output
    assert "The build stopped: RecursionError: maximum recursion depth exceeded" in output
    assert [path.name for path in site.iterdir()] == ["index.html"]


def test_a_page_that_takes_too_long_ends_the_build_with_its_name(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project")
    # Work without end, as a pathological page makes (the bound counts processor time, not sleep).
    _with_hook(project, "def on_page_content(html, page, config, files):\n"
                        "    if page.file.src_uri == 'en/conferences/spring-forum-2030.md':\n"
                        "        while True:\n"
                        "            pass\n"
                        "    return html\n")
    result = build(project, _previous_site(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"{PAGE}: the page took over {PAGE_SECONDS:.0f} seconds of processor time to build" in output


def test_a_share_image_of_an_endless_title_is_drawn_within_the_image() -> None:
    for language, word in (("en", "Forum "), ("ar", "ملتقى ")):
        image = Image.open(io.BytesIO(png(render(ShareText(word * 20_000, (word * 500,), word * 100), language))))
        assert image.size == (WIDTH, HEIGHT)


def test_a_feed_stays_well_formed_whatever_its_text_holds() -> None:
    feed = rss("Site\x00", "https://example.org/", "https://example.org/feed.xml", "About\x1b", "en",
               [FeedItem("Forum\x0c2030", "https://example.org/x/", "When\x00 and where",
                         dt.datetime(2023, 5, 1, tzinfo=dt.timezone.utc))])
    items = ElementTree.fromstring(feed).findall("channel/item")
    assert [item.findtext("title") for item in items] == ["Forum2030"]
