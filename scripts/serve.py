"""`make serve`: the site at http://127.0.0.1:8000/, rebuilt whenever a file is saved, with its problems on screen.

    python scripts/serve.py [-f mkdocs.yml] [-a 127.0.0.1:8000] [--parallel] [--language CODE]

MkDocs 1.6.1's `mkdocs serve` does not fit an editor's loop: it watches docs/ and mkdocs.yml but not data/; a
failed first build ends it; after a failed rebuild it logs "The server will appear stuck until build errors are
resolved" and holds every request (the browser's reload hangs) until a build succeeds; and it rebuilds both
languages in one process. This server instead:

- builds with scripts/build.py into a new folder — `mkdocs build --strict` in one process, or with
  `--parallel` (`make serve PARALLEL=1`) one process per language as `make build` does, which pays for its
  processes' start-up once a site has a few hundred pages; with `--language en` (`make serve LANG=en`) that
  language alone, at its published address (/en/) — and serves the last good build, as GitHub Pages serves it
  (404.html for an address that does not exist);
- watches docs/, data/ (the labels too), overrides/, hooks/ and mkdocs.yml, and builds again once the saving
  has stopped for a moment (a change saved during a build starts another after it);
- after a failed build, answers every page with the problems (`path:line: …`, as `make check` prints them), its
  headings in the language of the page asked for, until a build succeeds;
- adds to every page one script, /.serve/reload.js (allowed by the site's Content-Security-Policy: it is the
  site's own), that asks the server to tell it when the next build is done, then reloads the page.

The build's "today" is today (no SOURCE_DATE_EPOCH), as in the published site's daily build.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from conference_site import languages

WATCHED = ("docs", "data", "overrides", "hooks", "mkdocs.yml")
QUIET = 0.2  # seconds without a save before building: an editor's "save all" is one build
WAIT = 30.0  # seconds a reloading page's request is held before it asks again
RELOAD_SCRIPT = """// Reloads the page when `make serve` has finished its next build (scripts/serve.py).
(() => {
  const generation = document.currentScript.dataset.generation;
  const wait = async () => {
    for (;;) {
      try {
        const response = await fetch(`/.serve/wait?generation=${generation}`, { cache: "no-store" });
        if ((await response.text()) !== generation) {
          location.reload();
          return;
        }
      } catch {
        await new Promise(resolve => setTimeout(resolve, 1000));  // the server is restarting
      }
    }
  };
  wait();
})();
"""
# The problems page's own words (the site's labels may be what is broken), in each language of the site.
PROBLEMS_PAGE = {
    "ar": {"dir": "rtl", "title": "تعذّر بناء الموقع",
           "intro": "صحّح هذه الأسطر واحفظ الملف: تُعاد هذه الصفحة وحدها بعد البناء التالي الناجح. "
                    "يشرح القسم 5 من CONTRIBUTING.ar.md كل رسالة."},
    "en": {"dir": "ltr", "title": "The site cannot be built",
           "intro": "Fix these lines and save: this page reloads by itself after the next good build. "
                    "Section 5 of CONTRIBUTING.md explains each message."},
}
_PROBLEM_LINE = re.compile(r"^(?:ERROR\s+-\s+)?((?:data|docs)/\S+:\d+: .*|mkdocs\.yml: .*)$")


def problem_lines(output: str) -> list[str]:
    """What a failed build says is wrong: its `path:line: …` lines, or else the end of its output."""
    lines = [match[1] for line in output.splitlines() if (match := _PROBLEM_LINE.match(line))]
    return lines or [line for line in output.splitlines() if line.strip()][-15:]


def problems_page(language: str, problems: list[str], generation: int) -> bytes:
    words = PROBLEMS_PAGE[language]
    items = "\n".join(f'<li><code dir="ltr">{html.escape(line)}</code></li>' for line in problems)
    return f"""<!doctype html>
<html lang="{language}" dir="{words["dir"]}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{words["title"]}</title>
<style>body {{ font: 1rem/1.6 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
h1 {{ color: #b00020; }} li {{ margin-block: 0.5rem; }} code {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
</style></head>
<body><h1>{words["title"]}</h1><p>{words["intro"]}</p>
<ol class="serve-problems">
{items}
</ol>
<script src="/.serve/reload.js" data-generation="{generation}"></script>
</body></html>
""".encode("utf-8")


class Site:
    """The last build: its folder when it succeeded, its problems when it failed, and its generation number."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.generation = 0
        self.root: Path | None = None
        self.problems: list[str] = []

    def publish(self, root: Path | None, problems: list[str]) -> None:
        with self.changed:
            if root is not None:
                self.root = root
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()

    def wait_for_change(self, generation: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.generation != generation, timeout=timeout)
            return self.generation

    def wait_for_first_build(self) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.generation > 0)


class Builder:
    """Builds the project whenever a watched file changes, one build at a time, into a new folder each time."""

    def __init__(self, config_file: Path, site_url: str, site: Site, scratch: Path, parallel: bool,
                 language: str | None) -> None:
        self.config_file = config_file
        self.parallel = parallel
        self.language = language
        self.site_url = site_url
        self.site = site
        self.scratch = scratch
        self.saved = threading.Event()
        self.last_save = 0.0
        self.count = 0

    def note_save(self) -> None:
        self.last_save = time.monotonic()
        self.saved.set()

    def build(self) -> None:
        self.count += 1
        target = self.scratch / f"site-{self.count}"
        env = {**os.environ, "SITE_URL": self.site_url, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("SOURCE_DATE_EPOCH", None)
        started = time.monotonic()
        command = [sys.executable, str(Path(__file__).with_name("build.py")), "-f", str(self.config_file), "-d",
                   str(target), *([] if self.parallel else ["--sequential"]),
                   *(["--language", self.language] if self.language else [])]
        result = subprocess.run(command, cwd=self.config_file.parent, env=env, capture_output=True, text=True)
        took = time.monotonic() - started
        previous = self.site.root
        if result.returncode == 0:
            self.site.publish(target, [])
            home = self.site_url + (languages.language(self.language).root if self.language else "")
            print(f"Built in {took:.1f} s: {home}", flush=True)
            if previous is not None:
                shutil.rmtree(previous, ignore_errors=True)
        else:
            problems = problem_lines(result.stdout + result.stderr)
            self.site.publish(None, problems)
            print(f"The build failed in {took:.1f} s; the browser shows:", *problems, sep="\n", flush=True)

    def run(self) -> None:
        self.build()
        while True:
            self.saved.wait()
            while time.monotonic() - self.last_save < QUIET:
                time.sleep(QUIET / 4)
            self.saved.clear()
            self.build()


class ChangeHandler(FileSystemEventHandler):
    def __init__(self, project: Path, builder: Builder) -> None:
        self.project = project
        self.builder = builder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for path in (event.src_path, getattr(event, "dest_path", "") or ""):
            if path and self.watched(Path(os.fsdecode(path))):
                self.builder.note_save()
                return

    def watched(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self.project).parts
        except ValueError:
            return False
        if not parts or parts[0] not in WATCHED:
            return False
        name = parts[-1]
        # Editors' and Python's scratch files are not the site's.
        return not (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".pyc")) or "__pycache__" in parts)


def handler_for(site: Site):
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:
            address = urlsplit(self.path)
            if address.path == "/.serve/reload.js":
                self.reply(HTTPStatus.OK, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode("utf-8"))
            elif address.path == "/.serve/wait":
                asked = parse_qs(address.query).get("generation", ["0"])[0]
                generation = site.wait_for_change(int(asked) if asked.isdigit() else -1, WAIT)
                self.reply(HTTPStatus.OK, "text/plain; charset=utf-8", str(generation).encode("ascii"))
            else:
                self.serve_site(address.path)

        def serve_site(self, path: str) -> None:
            site.wait_for_first_build()
            with site.changed:
                root, problems, generation = site.root, site.problems, site.generation
            language = next((language.code for language in languages.REGISTRY if language.root and
                             f"{path}/".startswith(f"/{language.root}")), languages.DEFAULT.code)
            is_page = path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]
            if problems and is_page:
                self.reply(HTTPStatus.OK, "text/html; charset=utf-8", problems_page(language, problems, generation))
                return
            if root is None:
                self.reply(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", b"no build yet")
                return
            file = (root / path.lstrip("/")).resolve()
            if root.resolve() not in (file, *file.parents):
                self.reply(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", b"outside the site")
                return
            if file.is_dir():
                if not path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                file = file / "index.html"
            status = HTTPStatus.OK
            if not file.is_file():
                status, file = HTTPStatus.NOT_FOUND, root / "404.html"
            body = file.read_bytes() if file.is_file() else b"not found"
            content_type = self.guess_type(str(file))
            if file.suffix == ".html":
                script = f'<script src="/.serve/reload.js" data-generation="{generation}"></script>'.encode()
                end = body.rfind(b"</body>")
                body = body[:end] + script + body[end:] if end >= 0 else body + script
                content_type = "text/html; charset=utf-8"
            self.reply(status, content_type, body)

        def reply(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    parser.add_argument("--parallel", action="store_true", help="one build process per language, as make build")
    parser.add_argument("--language", choices=languages.CODES, help="build and serve this language alone")
    arguments = parser.parse_args()
    config_file = arguments.config_file.resolve()
    project = config_file.parent
    host, _, port = arguments.dev_addr.rpartition(":")
    server = ThreadingHTTPServer((host, int(port)), handler_for(site := Site()))
    server.daemon_threads = True
    site_url = f"http://{host}:{server.server_port}/"
    scratch = Path(tempfile.mkdtemp(prefix="serve-"))
    builder = Builder(config_file, site_url, site, scratch, arguments.parallel, arguments.language)
    observer = Observer()
    handler = ChangeHandler(project, builder)
    for name in WATCHED:
        if (project / name).is_dir():
            observer.schedule(handler, str(project / name), recursive=True)
    observer.schedule(handler, str(project), recursive=False)  # mkdocs.yml
    observer.start()
    threading.Thread(target=builder.run, daemon=True).start()
    print(f"Serving on {site_url} (first build under way); Ctrl-C stops.", flush=True)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped by its parent: clean up as after Ctrl-C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
