"""A hostile corpus: what an attacker (or a careless editor) could put into `docs/` and `data/` by pull request.

Each refused case changes the small valid site of tests/fixtures/base/ and names the problems the checks must
report (`path`, `line`, a fragment of the message). Each published case is hostile-looking content the checks
accept: the fixture site that holds all of them together must publish nothing dangerous
(tests/test_hostile_input.py). Line numbers: a case's body starts on line 12 of the English conference page
(PAGE), after its ten lines of front matter and a blank line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from site_builder import copy_content, copy_machinery

PAGE = "docs/en/conferences/spring-forum-2030.md"
ARABIC_PAGE = "docs/ar/conferences/spring-forum-2030.md"
ORGANISATION_PAGE = "docs/en/organisations/host-org.md"
CONFERENCE_DATA = "data/conferences/spring-forum-2030.yml"
WORKSHOP_DATA = "data/workshops/spring-forum-2030-opening.yml"
ORGANISATION_DATA = "data/organisations/host-org.yml"
LABELS = "data/labels.yml"
BODY_LINE = 12

FRONT_MATTER = """---
title: Spring Forum 2030
summary: A test forum.
venue_name: Test Hall
city: Doha
themes:
  - The first theme
sources:
  notice: A test notice.
---
"""
CONFERENCE = """start: 2030-04-10
end: 2030-04-11
daily_start: "09:00"
daily_end: "13:00"
timezone: Asia/Qatar
country: QA
public: true
organisations:
  - organisation: host-org
    role: organiser
sources:
  - id: notice
    document: fixture.txt
    facts: [title, start, end]
"""

Change = Callable[[Path], None]
BASE = Path(__file__).parent / "fixtures" / "base"


@dataclass(frozen=True)
class Refused:
    """A change to the base site, and the problems (path, line, fragment of the message) it must be refused with."""

    name: str
    category: str
    change: Change
    expected: tuple[tuple[str, int, str], ...]


@dataclass(frozen=True)
class Published:
    """Hostile-looking content the checks accept: a body for the English conference page, or front-matter fields."""

    name: str
    category: str
    body: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def write(path: str, text: str | bytes) -> Change:
    def change(root: Path) -> None:
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(text, encoding="utf-8")
    return change


def body(markdown: str) -> Change:
    return write(PAGE, FRONT_MATTER + "\n" + markdown + "\n")


def front_matter(line: str, replaces: str = "title: Spring Forum 2030") -> Change:
    return write(PAGE, FRONT_MATTER.replace(replaces, line) + "\nConference text.\n")


def conference(line: str, replaces: str) -> Change:
    assert replaces in CONFERENCE
    return write(CONFERENCE_DATA, CONFERENCE.replace(replaces, line))


def both(*changes: Change) -> Change:
    def change(root: Path) -> None:
        for each in changes:
            each(root)
    return change


def symlink(path: str, target: str) -> Change:
    def change(root: Path) -> None:
        link = root / path
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, link)
    return change


def fifo(path: str) -> Change:
    return lambda root: os.mkfifo(root / path)


def bad_body(name: str, category: str, markdown: str, fragment: str, line: int = BODY_LINE) -> Refused:
    return Refused(name, category, body(markdown), ((PAGE, line, fragment),))


def bad_title(name: str, category: str, value: str, fragment: str) -> Refused:
    return Refused(name, category, front_matter(f"title: {value}"), ((PAGE, 2, fragment),))


SCHEME = "uses '"
NOT_ALLOWED = "is not allowed"
TOOLTIP = "Material's tooltip"
ALIAS = "anchor or alias"

REFUSED: list[Refused] = [
    # URLs
    bad_body("javascript link", "urls", "[x](javascript:alert(1))", SCHEME),
    bad_body("upper-case javascript link", "urls", "[x](JaVaScRiPt:alert(1))", SCHEME),
    bad_body("entity-encoded javascript link", "urls", '<a href="java&#x73;cript:alert(1)">x</a>', SCHEME),
    bad_body("tab inside the scheme", "urls", '<a href="jav&#9;ascript:alert(1)">x</a>', SCHEME),
    bad_body("leading spaces before the scheme", "urls", '<a href="  javascript:alert(1)">x</a>', SCHEME),
    bad_body("data link", "urls", "[x](data:text/html;base64,PHNjcmlwdD4=)", SCHEME),
    bad_body("vbscript link", "urls", "[x](vbscript:msgbox)", SCHEME),
    bad_body("file link", "urls", "[x](file:///etc/passwd)", SCHEME),
    bad_body("reference definition", "urls", "[x][r]\n\n[r]: javascript:alert(1)", SCHEME, BODY_LINE + 2),
    bad_body("reference definition in a quote", "urls", "> [r]: javascript:alert(1)\n\n[x][r]", SCHEME),
    bad_body("reference definition in a list", "urls", "- [r]: javascript:alert(1)\n\n[x][r]", SCHEME),
    bad_body("reference definition with the address on the next line", "urls",
             "[r]:\n    javascript:alert(1)\n\n[x][r]", SCHEME, BODY_LINE + 1),
    bad_body("angle-bracketed reference definition", "urls", "[r]: <javascript:alert(1)>\n\n[x][r]", SCHEME),
    bad_body("autolink with a scheme", "urls", "<javascript:alert(1)>", SCHEME),
    bad_body("ftp autolink", "urls", "<ftp://example.org/file>", SCHEME),
    bad_body("credentials in a link", "urls", "[x](https://user:secret@example.org/)", "user name or password"),
    bad_body("credentials in an autolink", "urls", "<https://user:secret@example.org/>", "user name or password"),
    bad_body("image from another site", "urls", "![a hall](https://evil.example/x.png)", "is not in docs/en/images/"),
    bad_body("image by protocol-relative address", "urls", "![a hall](//evil.example/x.png)", "is not in"),
    bad_body("image outside the images folder", "urls", "![a hall](../../../secret.png)", "is not in"),
    bad_body("data image", "urls", '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', SCHEME),
    Refused("credentials in the website", "urls", conference("website: https://user:secret@example.org/",
                                                             "public: true"),
            ((CONFERENCE_DATA, 7, "user name or password"),)),
    Refused("website over http", "urls", conference("website: http://example.org/", "public: true"),
            ((CONFERENCE_DATA, 7, "not an https:// address"),)),
    Refused("website with a space", "urls", conference("website: https://example.org/a b", "public: true"),
            ((CONFERENCE_DATA, 7, "not an https:// address"),)),
    Refused("website with a control character", "urls", conference('website: "https://example.org/\\x00"',
                                                                    "public: true"),
            ((CONFERENCE_DATA, 7, "not an https:// address"),)),
    Refused("overlong website", "urls", conference("website: https://example.org/" + "a" * 2100, "public: true"),
            ((CONFERENCE_DATA, 7, "over the limit of 2,000"),)),
    Refused("javascript source document", "urls", write(
        CONFERENCE_DATA, CONFERENCE.replace("document: fixture.txt", "document: javascript:alert(1)")),
        ((CONFERENCE_DATA, 13, "neither a file name nor an https:// address"),)),
    # Markup
    bad_body("script element", "markup", "<script>alert(1)</script>", "<script>"),
    bad_body("upper-case script element", "markup", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<script>"),
    bad_body("iframe", "markup", '<iframe src="https://evil.example/"></iframe>', "<iframe>"),
    bad_body("object", "markup", '<object data="x.swf"></object>', "<object>"),
    bad_body("embed", "markup", '<embed src="x.swf">', "<embed>"),
    bad_body("style element", "markup", "<style>body{display:none}</style>", "<style>"),
    bad_body("form", "markup", '<form action="https://evil.example/"><input name="p"></form>', "<form>"),
    bad_body("input", "markup", '<input type="password">', "<input>"),
    bad_body("svg", "markup", "<svg onload=alert(1)></svg>", "<svg>"),
    bad_body("svg written with a slash", "markup", "<svg/onload=alert(1)>", "<svg>"),
    bad_body("math", "markup", "<math><mi>x</mi></math>", "<math>"),
    bad_body("base", "markup", '<base href="https://evil.example/">', "<base>"),
    bad_body("meta refresh", "markup", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta>"),
    bad_body("link element", "markup", '<link rel="stylesheet" href="https://evil.example/x.css">', "<link>"),
    bad_body("template", "markup", "<template><p>x</p></template>", "<template>"),
    bad_body("button", "markup", "<button>Pay</button>", "<button>"),
    bad_body("textarea", "markup", "<textarea>x</textarea>", "<textarea>"),
    bad_body("unknown element", "markup", "<blink>x</blink>", "<blink>"),
    bad_body("fake Material dialog", "markup", '<div class="md-dialog md-dialog--active">Your session expired</div>',
             "Material's own interface"),
    bad_body("fake Material banner by attr_list", "markup", "Log in again\n{: .md-banner }", "Material's own interface",
             BODY_LINE + 1),
    bad_body("fake Material search box", "markup", '<span class="md-search__input">x</span>',
             "Material's own interface"),
    bad_body("heading that is markup", "markup", "## &lt;img src=x onerror=alert(1)&gt;", "looks like HTML markup"),
    bad_body("heading with markup in code", "markup", "## The `<img src=x onerror=alert(1)>` trick",
             "looks like HTML markup"),
    bad_body("setext heading that is markup", "markup", "&lt;script&gt;\n===", "looks like HTML markup"),
    # Attributes
    bad_body("event handler", "attributes", '<img src="../images/x.png" alt="x" onerror="alert(1)">', "event-handler"),
    bad_body("event handler after a slash", "attributes", '<img/src="../images/x.png"/alt="x"/onerror=alert(1)>',
             "event-handler"),
    bad_body("event handler in upper case", "attributes", "<p ONMOUSEOVER=alert(1)>x</p>", "event-handler"),
    bad_body("event handler by attr_list", "attributes", "x\n{: onclick=alert(1) }", "event-handler", BODY_LINE + 1),
    bad_body("valueless event handler by attr_list", "attributes", "x\n{: onclick }", "event-handler",
             BODY_LINE + 1),
    bad_body("target by attr_list", "attributes", "[x](https://example.org/){: target=_blank }", "'target'"),
    bad_body("data-toc-label by attr_list", "attributes", "## x {: data-toc-label='<img src=x onerror=alert(1)>' }",
             "'data-toc-label'"),
    bad_body("style attribute", "attributes", '<p style="position:fixed;inset:0">x</p>', "'style'"),
    bad_body("style by attr_list", "attributes", "x\n{: style='position:fixed' }", "'style'", BODY_LINE + 1),
    bad_body("md_in_html id with a script", "attributes",
             '<div markdown="1">\n<h2 id="x&lt;script&gt;alert(1)&lt;/script&gt;">T</h2>\n</div>', NOT_ALLOWED,
             BODY_LINE + 1),
    bad_body("md_in_html id without spaces", "attributes", '<h2 markdown="1"id="a&quot;onfocus=alert(1)">T</h2>',
             NOT_ALLOWED),
    bad_body("attr_list id with a quote", "attributes", "## T {: id='a\"onmouseover=\"alert(1)' }", NOT_ALLOWED),
    bad_body("attr_list hash id with a quote", "attributes", '## T {: #a"b }', NOT_ALLOWED),
    bad_body("reserved id", "attributes", '<p id="__config">x</p>', "reserved"),
    bad_body("reserved id by attr_list", "attributes", "x\n{: #__search }", "reserved", BODY_LINE + 1),
    bad_body("link title with encoded markup", "attributes",
             '[x](https://example.org/ "&lt;img src=x onerror=alert(1)&gt;")', TOOLTIP),
    bad_body("link title in parentheses", "attributes", "[x](https://example.org/ (<b>x</b>))", TOOLTIP),
    bad_body("image title", "attributes", '![a hall](../images/x.png "<img src=x onerror=alert(1)>")', TOOLTIP),
    bad_body("reference title", "attributes", '[x][r]\n\n[r]: https://example.org/ "&lt;b&gt;"', TOOLTIP,
             BODY_LINE + 2),
    bad_body("HTML title", "attributes", '<span title="&lt;img src=x onerror=alert(1)&gt;">x</span>', TOOLTIP),
    bad_body("attr_list title", "attributes", "x\n{: title='<b>x</b>' }", TOOLTIP, BODY_LINE + 1),
    bad_body("abbreviation with markup", "attributes", "WHO\n\n*[WHO]: <img src=x onerror=alert(1)>", TOOLTIP,
             BODY_LINE + 2),
    bad_body("footnote label with markup", "attributes", "x[^<b>]\n\n[^<b>]: note", "footnote label"),
    bad_body("image without alt text", "attributes", "![](../images/x.png)", "no alt text"),
    # Front matter
    bad_title("title with a tag", "front matter", "<script>alert(1)</script>", "HTML markup"),
    bad_title("title closing the title element", "front matter", "'</title><script>alert(1)</script>'", "HTML markup"),
    bad_title("title with an entity", "front matter", "'&lt;script&gt;'", "HTML markup"),
    bad_title("title with a YAML-escaped tag", "front matter", '"\\u003cscript\\u003e"', "HTML markup"),
    Refused("summary with markup", "front matter", front_matter("summary: <b>x</b>", "summary: A test forum."),
            ((PAGE, 3, "HTML markup"),)),
    Refused("theme with markup", "front matter",
            front_matter("  - <img src=x onerror=alert(1)>", "  - The first theme"), ((PAGE, 7, "HTML markup"),)),
    Refused("delimiter followed by a no-break space", "front matter",
            write(PAGE, FRONT_MATTER.replace("---\ntitle", "---\u00a0\ntitle") + "\n<script>alert(1)</script>\n"),
            ((PAGE, 1, "invisible space"),)),
    Refused("closing delimiter followed by an ideographic space", "front matter",
            write(PAGE, FRONT_MATTER.replace("notice.\n---", "notice.\n---\u3000") + "\n---\n\ntext\n"),
            ((PAGE, 10, "invisible space"),)),
    Refused("no closing delimiter", "front matter", write(PAGE, FRONT_MATTER.rstrip("-\n") + "\n\ntext\n"),
            ((PAGE, 1, "not closed"),)),
    Refused("closing delimiter at the end of the file", "front matter", write(PAGE, FRONT_MATTER.rstrip("\n")),
            ((PAGE, 10, "without a line break"),)),
    Refused("carriage returns as line ends", "front matter",
            write(PAGE, (FRONT_MATTER + "\n<script>x</script>\n").replace("\n", "\r")),
            ((PAGE, BODY_LINE, "<script>"),)),
    Refused("unknown field", "front matter", front_matter("onload: alert(1)", "city: Doha"),
            ((PAGE, 5, "unknown field 'onload'"), (PAGE, 2, "'city' is missing"))),
    # YAML
    Refused("alias in front matter", "yaml", front_matter("title: &t Spring Forum 2030\nslogan: *t"),
            ((PAGE, 2, ALIAS),)),
    Refused("alias bomb", "yaml", write(CONFERENCE_DATA, "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20))), ((CONFERENCE_DATA, 1, ALIAS),)),
    Refused("merge key", "yaml", write(CONFERENCE_DATA, "base: &b {country: QA}\n<<: *b\n" + CONFERENCE),
            ((CONFERENCE_DATA, 1, ALIAS),)),
    Refused("python tag", "yaml", conference("public: !!python/object/apply:os.system [id]", "public: true"),
            ((CONFERENCE_DATA, 7, "tag"),)),
    Refused("binary tag", "yaml", conference("public: !!binary aGVsbG8=", "public: true"),
            ((CONFERENCE_DATA, 7, "tag"),)),
    Refused("impossible timestamp tag", "yaml", conference("start: !!timestamp 2030-13-45", "start: 2030-04-10"),
            ((CONFERENCE_DATA, 1, "tag"),)),
    Refused("huge integer", "yaml", conference("edition: " + "9" * 5000, "public: true"),
            ((CONFERENCE_DATA, 7, "digits"),)),
    Refused("edition over the limit", "yaml", conference("edition: 100000", "public: true"),
            ((CONFERENCE_DATA, 7, "'edition' is 100000"),)),
    Refused("order over the limit", "yaml", write(WORKSHOP_DATA, "conference: spring-forum-2030\nformat: workshop\n"
                                                  "order: 123456\nsources:\n  - id: notice\n    document: fixture.txt\n"
                                                  "    facts: [title]\n"), ((WORKSHOP_DATA, 3, "'order' is 123456"),)),
    # libyaml's composer (which MkDocs reads front matter with) crashes on nesting this deep.
    Refused("deep nesting", "yaml", write(CONFERENCE_DATA, "a: " + "[" * 30_000 + "]" * 30_000 + "\n"),
            ((CONFERENCE_DATA, 1, "levels deep"),)),
    Refused("not a mapping", "yaml", write(CONFERENCE_DATA, "- a\n- b\n"), ((CONFERENCE_DATA, 1, "no fields"),)),
    Refused("field written twice", "yaml", conference("public: true\npublic: false", "public: true"),
            ((CONFERENCE_DATA, 8, "written twice"),)),
    Refused("date before hijridate's range", "yaml", conference("start: 1900-01-01", "start: 2030-04-10"),
            ((CONFERENCE_DATA, 1, "1924-08-01 to 2077-11-16"),)),
    Refused("date after hijridate's range", "yaml",
            both(conference("start: 2100-01-01\nend: 2100-01-02", "start: 2030-04-10\nend: 2030-04-11")),
            ((CONFERENCE_DATA, 1, "1924-08-01 to 2077-11-16"), (CONFERENCE_DATA, 2, "1924-08-01 to 2077-11-16"))),
    Refused("year 9999", "yaml", write(WORKSHOP_DATA, "conference: spring-forum-2030\nformat: workshop\norder: 1\n"
                                       "start: 9999-12-31T09:00\nend: 9999-12-31T10:00\nsources:\n  - id: notice\n"
                                       "    document: fixture.txt\n    facts: [title]\n"),
            ((WORKSHOP_DATA, 4, "1924-08-01 to 2077-11-16"),)),
    Refused("label with markup", "yaml", lambda root: (root / LABELS).write_text(
        (root / LABELS).read_text(encoding="utf-8").replace('en: "Dates"}', 'en: "<img src=x onerror=alert(1)>"}'),
        encoding="utf-8"), ((LABELS, 2, "HTML markup"),)),
    Refused("label with an override", "yaml", lambda root: (root / LABELS).write_text(
        (root / LABELS).read_text(encoding="utf-8").replace('en: "Dates"}', 'en: "Da\\u202etes"}'), encoding="utf-8"),
        ((LABELS, 2, "U+202E"),)),
    # Files
    Refused("symlinked folder", "files", symlink("docs/en/images", "/etc"),
            (("docs/en/images", 1, "symbolic link"),)),
    Refused("symlinked page", "files", symlink("docs/en/conferences/passwd.md", "/etc/passwd"),
            (("docs/en/conferences/passwd.md", 1, "symbolic link"),)),
    Refused("symlinked data file", "files", symlink("data/organisations/other.yml", "/etc/hostname"),
            (("data/organisations/other.yml", 1, "symbolic link"),)),
    Refused("dangling symlink", "files", symlink("data/workshops/gone.yml", "/no/such/file"),
            (("data/workshops/gone.yml", 1, "symbolic link"),)),
    Refused("hidden symlink", "files", symlink("docs/.env", "/etc/hostname"), (("docs/.env", 1, "symbolic link"),)),
    Refused("symlinked language folder", "files", lambda root: (
        os.rename(root / "docs/en", root / "english"), os.symlink(root / "english", root / "docs/en")),
        (("docs/en", 1, "symbolic link"),)),
    Refused("named pipe", "files", fifo("docs/en/pipe.md"), (("docs/en/pipe.md", 1, "not a regular file"),)),
    Refused("script file", "files", write("docs/en/x.js", "alert(1)"), (("docs/en/x.js", 1, "outside the expected"),)),
    Refused("html file", "files", write("docs/en/x.html", "<script>alert(1)</script>"),
            (("docs/en/x.html", 1, "outside the expected"),)),
    Refused("svg image", "files", write("docs/en/images/x.svg", "<svg onload='alert(1)'/>"),
            (("docs/en/images/x.svg", 1, "SVG"),)),
    Refused("html disguised as an image", "files", write("docs/en/images/x.png", "<script>alert(1)</script>"),
            (("docs/en/images/x.png", 1, "not a PNG"),)),
    # Sizes
    Refused("page over the limit", "sizes", body("x " * 40_000), ((PAGE, 1, "over the limit of 65,536"),)),
    Refused("fifty-megabyte page", "sizes", body("x" * 50_000_000), ((PAGE, 1, "over the limit"),)),
    Refused("data file over the limit", "sizes", write(CONFERENCE_DATA, CONFERENCE + "#" * 70_000 + "\n"),
            ((CONFERENCE_DATA, 1, "over the limit of 65,536"),)),
    bad_title("title over the limit", "sizes", "x" * 201, "over the limit of 200"),
    bad_title("forty-kilobyte title", "sizes", "x " * 20_000, "over the limit of 200"),
    Refused("summary over the limit", "sizes", front_matter("summary: " + "word " * 130, "summary: A test forum."),
            ((PAGE, 3, "over the limit of 600"),)),
    bad_body("paragraph over the limit", "sizes", "intro\n\n" + "[a](b " * 1400, "over the limit of 8,000",
             BODY_LINE + 2),
    bad_body("unclosed tags over the limit", "sizes", "<a " * 3000, "over the limit of 8,000"),
    bad_body("deeply nested list", "sizes", "\n".join("    " * depth + "- x" for depth in range(40)), "nested over 8",
             BODY_LINE + 8),
    bad_body("deeply nested quote", "sizes", ">" * 1000 + " x", "nested over 8"),
    bad_body("deeply nested brackets", "sizes", "[" * 1000 + "x" + "]" * 1000, "nested over 10"),
    bad_body("deeply nested parentheses", "sizes", "(" * 5000, "nested over 10"),
    bad_body("deeply nested elements", "sizes", "<div>" * 100 + "x" + "</div>" * 100, "nested over 16"),
    # Unicode
    bad_title("right-to-left override in a title", "unicode", "Spring \u202eForum", "U+202E"),
    bad_title("isolate in a title", "unicode", "Spring \u2067Forum", "U+2067"),
    bad_title("zero-width space in a title", "unicode", "Spr\u200bing Forum", "U+200B"),
    bad_title("zero-width joiner in a title", "unicode", "Spr\u200ding Forum", "U+200D"),
    bad_title("escaped NUL in a title", "unicode", '"Spring\\0Forum"', "U+0000"),
    bad_title("escaped ESC in a title", "unicode", '"Spring\\eForum"', "U+001B"),
    bad_title("escaped form feed in a title", "unicode", '"Spring\\fForum"', "U+000C"),
    bad_title("newline in a title", "unicode", '"Spring\\nForum"', "U+000A"),
    bad_title("line separator in a title", "unicode", '"Spring\\LForum"', "U+2028"),
    bad_title("private-use character in a title", "unicode", '"Spring \\ue000"', "U+E000"),
    bad_title("tag character in a title", "unicode", '"Spring \\U000E0041"', "U+E0041"),
    bad_body("override in the body", "unicode", "Pay \u202eto the account", "U+202E"),
    bad_body("NUL in the body", "unicode", "x\x00y", "U+0000"),
    bad_body("escape character in the body", "unicode", "x\x1b[31my", "U+001B"),
    bad_body("zero-width space in the body", "unicode", "Shar\u200bjah", "U+200B"),
    Refused("override in a data file", "unicode", conference("address: Doha \u202e", "public: true"),
            ((CONFERENCE_DATA, 7, "U+202E"),)),
    Refused("escaped override in a data file", "unicode", conference('address: "Doha \\u202e"', "public: true"),
            ((CONFERENCE_DATA, 7, "U+202E"),)),
    Refused("not UTF-8", "unicode", write(PAGE, FRONT_MATTER.encode() + b"\n\xff\xfe\n"),
            ((PAGE, BODY_LINE, "not valid UTF-8"),)),
    Refused("byte-order mark", "unicode", write(PAGE, b"\xef\xbb\xbf" + FRONT_MATTER.encode() + b"\nx\n"),
            ((PAGE, 1, "byte-order mark"),)),
]

# Content that looks hostile but is allowed: published as text (escaped), never as markup or code.
PUBLISHED: list[Published] = [
    Published("escaped script as text", "markup", body="&lt;script&gt;alert('text')&lt;/script&gt;"),
    Published("script in a code block", "markup", body="```html\n<script>alert('code')</script>\n```"),
    Published("event handler in inline code", "markup", body="Write `<img src=x onerror=alert('code')>` in code."),
    Published("comparison signs", "markup", body="If a < b and b > c, then a < c; 3 <4 is text."),
    Published("heading with quotes and ampersands", "markup", body="## Say \"hi\" & 'bye' > later"),
    Published("heading named like Material's own ids", "attributes", body="## __search\n\n## __config"),
    Published("attr_list with safe attributes", "attributes", body="## Opening {: #opening .cs-note lang=en dir=ltr }"),
    Published("link with a quoted title", "attributes", body='[x](https://example.org/ "a \\"quoted\\" & bold title")'),
    Published("abbreviation with an ampersand", "attributes", body="R&D\n\n*[R&D]: Research & development"),
    Published("footnote", "attributes", body="Text[^note].\n\n[^note]: A note with a [link](https://example.org/)."),
    Published("md_in_html with safe attributes", "attributes",
              body='<div markdown="1" class="cs-note" lang="en">\n**Bold** inside.\n</div>'),
    Published("mailto and tel links", "urls", body="[mail](mailto:x@example.org) [phone](tel:+97400000000)"),
    Published("query with markup characters", "urls", body="[search](https://example.org/?q=%3Cscript%3E&a=1)"),
    Published("the word javascript", "urls", body="javascript: a language; data: facts."),
    Published("arabic with direction marks", "unicode", body="النص \u200fالعربي\u200e (2030)"),
    Published("emoji", "unicode", body="Conference 🎉 2030"),
    Published("paragraph just under the limit", "sizes", body=" ".join(["words"] * 1300)),
    Published("lists nested to the limit", "sizes", body="\n".join("    " * depth + "- level" for depth in range(8))),
    Published("brackets nested to the limit", "sizes", body="(" * 5 + "[" * 5 + "x" + "]" * 5 + ")" * 5),
    Published("title with quotes", "front matter", fields={"title": "'Forum \"2030\" & the > sign'"}),
    Published("city with an apostrophe", "front matter", fields={"city": "\"Doha's 'old' town\""}),
    Published("summary with a less-than sign", "front matter", fields={"summary": "'Budgets < 5% & ratios > 1.'"}),
    Published("title with a closing script lookalike", "front matter", fields={"slogan": "'script / title'"}),
    Published("venue with a backslash and braces", "front matter", fields={"venue_name": "'Hall \\ {1} [2]'"}),
]


def published_site(root: Path) -> Path:
    """The base site with every published case: the bodies on every page of both languages, the fields on the
    conference page of both."""
    copy_machinery(root)
    copy_content(BASE, root)
    bodies = "\n\n".join(case.body for case in PUBLISHED if case.body)
    fields = {name: value for case in PUBLISHED for name, value in case.fields.items()}
    for page in root.glob("docs/*/**/*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.rstrip("\n") + "\n\n" + bodies + "\n", encoding="utf-8")
    for path in (PAGE, ARABIC_PAGE):
        page = root / path
        text = page.read_text(encoding="utf-8")
        for name, value in fields.items():
            line = re.search(rf"(?m)^{name}: .*$", text)
            text = text.replace(line[0], f"{name}: {value}") if line else text.replace("---\n", f"---\n{name}: "
                                                                                      f"{value}\n", 1)
        page.write_text(text, encoding="utf-8")
    return root
