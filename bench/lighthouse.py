"""Measure what a visitor on a phone gets: Lighthouse (mobile) on every kind of page, in both languages.

    make lighthouse          # installs Lighthouse from bench/lighthouse/package-lock.json, builds, measures

Builds the real site for a loopback address, serves it as GitHub Pages does (gzip for text, a ten-minute
cache), and runs Lighthouse 13.5.0 with Debian's Chromium (CHROME_PATH) on each page, one cold visit at a
time. Prints Lighthouse's four scores and the bytes transferred on that first visit (fonts included). It is a
measurement, not a test: the numbers depend on this machine's speed, so nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGE_KINDS = {
    "home": "",
    "conferences": "conferences/",
    "workshops": "workshops/",
    "organisations": "organisations/",
    "conference": "conferences/sharjah-social-service-conference-14/",
    "workshop": "workshops/sharjah-14-ai-chatgpt-for-social-work-students/",
    "organisation": "organisations/qatar-foundation-for-social-work/",
    # Lighthouse stops at a 404 status: the page GitHub Pages sends for a missing address, fetched by name.
    "404": "404.html",
}
LANGUAGE_PREFIX = {"ar": "", "en": "en/"}
# What GitHub Pages compresses (it serves every text type with gzip).
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics"}


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: gzip for text, `Cache-Control: max-age=600`, /404.html when missing."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self):  # noqa: ANN201 - the base class's signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.endswith("/"):
                return super().send_head()  # the redirect to the address with a final slash
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        compress = path.suffix in COMPRESSED
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return _Body(body)


class _Body:
    """The already-read body, as the file object `SimpleHTTPRequestHandler.do_GET` copies from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


def lighthouse(url: str, report: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def failing_audits(result: dict) -> list[str]:
    """The audits that cost points in one of the four categories."""
    names = []
    for category in CATEGORIES:
        for reference in result["categories"][category]["auditRefs"]:
            audit = result["audits"][reference["id"]]
            if reference["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                names.append(f"{audit['id']} ({audit.get('displayValue') or audit['score']})")
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", choices=[f"{language}/{kind}" for language in LANGUAGE_PREFIX
                                                       for kind in PAGE_KINDS],
                        help="measure only these pages (default: every kind in both languages)")
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports in this folder")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE}: missing; run `make lighthouse`, which installs it", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        site_dir, reports = Path(work) / "site", arguments.reports or Path(work) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        site_dir.mkdir()
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLikeHandler,
                                                                         directory=str(site_dir)))
        address = f"http://127.0.0.1:{server.server_port}/"
        build = subprocess.run([sys.executable, str(REPO / "scripts" / "build.py"), "-d", str(site_dir)],
                               cwd=REPO, capture_output=True, text=True,
                               env={**os.environ, "SITE_URL": address, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode != 0:
            print(build.stdout + build.stderr, file=sys.stderr)
            return 1
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Lighthouse (mobile) on {address}, Chromium {CHROME}\n")
        print(f"{'page':<18} {'perf':>4} {'a11y':>4} {'best':>4} {'seo':>4} {'KB sent':>8}  audits below 100")
        pages = arguments.pages or [f"{language}/{kind}" for kind in PAGE_KINDS for language in LANGUAGE_PREFIX]
        for name in pages:
            language, kind = name.split("/")
            result = lighthouse(f"{address}{LANGUAGE_PREFIX[language]}{PAGE_KINDS[kind]}",
                                reports / f"{language}-{kind}.json")
            scores = [round(result["categories"][category]["score"] * 100) for category in CATEGORIES]
            sent = result["audits"]["total-byte-weight"]["numericValue"] / 1000
            print(f"{name:<18} {scores[0]:>4} {scores[1]:>4} {scores[2]:>4} {scores[3]:>4} {sent:>8.1f}  "
                  f"{', '.join(failing_audits(result)) or '-'}", flush=True)
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
