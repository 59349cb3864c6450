"""Take the README's screenshots: the Arabic home page on a 360 px phone and a conference page at 1280 px.

    make screenshots        # builds the site, serves it on the loopback, shoots with Debian's Chromium

The site is built as `make build` builds it, into a temporary folder, and served there; the conference is the one
with the most sessions (as the browser tests choose it). Each PNG is reduced to a palette of 256 colours, which
keeps it small enough to commit (tens of kilobytes) and looks the same at the size the README shows it.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
from conference_site.catalog import load_catalog

OUTPUT = REPO / ".github" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def shots() -> list[tuple[str, str, dict[str, int]]]:
    """(file name, URL path, viewport) of each screenshot."""
    catalog = load_catalog(REPO, REPO / "docs")
    conference = max(catalog.conferences.values(), key=lambda c: (len(catalog.workshops_of(c.id)), c.id))
    return [("home-ar-360.png", "", {"width": 360, "height": 780}),
            ("conference-en-1280.png", f"en/conferences/{conference.id}/", {"width": 1280, "height": 800})]


def small_png(png: bytes) -> bytes:
    output = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").quantize(256).save(output, format="PNG", optimize=True)
    return output.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
        url = f"http://127.0.0.1:{server.server_port}/"
        build = subprocess.run([sys.executable, str(REPO / "scripts" / "build.py"), "-d", str(site)], cwd=REPO,
                               env={**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode != 0:
            return build.returncode
        threading.Thread(target=server.serve_forever, daemon=True).start()
        arguments.output.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for name, path, viewport in shots():
                context = browser.new_context(viewport=viewport, color_scheme="light")
                page = context.new_page()
                page.goto(f"{url}{path}", wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                target = arguments.output / name
                target.write_bytes(small_png(page.screenshot()))
                print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}: "
                      f"{target.stat().st_size // 1024} KB")
                context.close()
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
