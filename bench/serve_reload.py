"""How long an editor waits between saving a data file and seeing the page rebuilt, with `make serve`.

    python bench/serve_reload.py [--sizes 0 100] [--repeat 3]

Size 0 is a copy of the real site; N > 0 a site of N conferences made by bench/generate.py. For each, it times
`make serve`'s server (scripts/serve.py: the parallel build of `make build`) and, for comparison, MkDocs's own
`mkdocs serve -w data` (one process, both languages): from writing a new address into a conference's data file
to the conference's page being served with it. `make serve` is timed both ways it builds: one `mkdocs build`
process (its default) and `--parallel` (one process per language, as `make build`). It also times the default
language's build alone (`scripts/build.py --language ar`, what `make serve LANG=ar` builds) beside the whole build.
Medians of `--repeat` saves; timings on a shared machine move, so compare the figures of one run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402
from site_builder import copy_content, copy_machinery  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_project(destination: Path, size: int) -> Path:
    copy_machinery(destination)
    shutil.copytree(REPO / "scripts", destination / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    if size:
        generate(destination, size)
    else:
        copy_content(REPO, destination)
    return destination


def served(url: str, marker: str | None, deadline: float) -> float:
    """The moment `url` is first served (containing `marker`, if given)."""
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if marker is None or marker in response.read().decode("utf-8"):
                    return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} was not served in time")


def time_reloads(project: Path, command: list[str], port: int, repeat: int) -> tuple[float, list[float]]:
    """Seconds to the first build served, and for each save of a data file until its page is served rebuilt."""
    data_file = min((project / "data" / "conferences").glob("*.yml"))
    url = f"http://127.0.0.1:{port}/en/conferences/{data_file.stem}/"
    original = data_file.read_text(encoding="utf-8")
    start = time.perf_counter()
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        ready = served(url, None, start + 900) - start
        reloads = []
        for _ in range(repeat):
            marker = f"Street {time.time_ns()}"
            time.sleep(1.0)  # let the watcher settle, and a modification time differ by a second at least
            text = re.sub(r"(?m)^address:.*\n", "", original)
            saved = time.perf_counter()
            data_file.write_text(f"{text.rstrip()}\naddress: \"{marker}\"\n", encoding="utf-8")
            reloads.append(served(url, marker, saved + 900) - saved)
        return ready, reloads
    finally:
        server.terminate()
        server.wait(timeout=60)
        data_file.write_text(original, encoding="utf-8")


def time_one_language(project: Path) -> float:
    """Seconds for the default language's build alone."""
    scratch = Path(tempfile.mkdtemp(dir=project))
    start = time.perf_counter()
    subprocess.run([sys.executable, "scripts/build.py", "--language", "ar", "-f", "mkdocs.yml", "-d",
                    str(scratch / "site")], cwd=project, check=True, capture_output=True)
    took = time.perf_counter() - start
    shutil.rmtree(scratch)
    return took


def time_full_build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "scripts/build.py", "-d", str(project / "site-full")], cwd=project, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100], help="0: the real site; N: generated")
    parser.add_argument("--repeat", type=int, default=3, help="saves timed per server")
    arguments = parser.parse_args()
    for size in arguments.sizes:
        name = "real site" if size == 0 else f"N={size}"
        with tempfile.TemporaryDirectory() as directory:
            project = make_project(Path(directory) / "project", size)
            port = free_port()
            ours = time_reloads(project, [sys.executable, "scripts/serve.py", "-a", f"127.0.0.1:{port}"], port,
                                arguments.repeat)
            port = free_port()
            ours_parallel = time_reloads(project, [sys.executable, "scripts/serve.py", "--parallel", "-a",
                                                   f"127.0.0.1:{port}"], port, arguments.repeat)
            port = free_port()
            theirs = time_reloads(project, [sys.executable, "-m", "mkdocs", "serve", "-w", "data", "-a",
                                            f"127.0.0.1:{port}"], port, arguments.repeat)
            full = statistics.median(time_full_build(project) for _ in range(arguments.repeat))
            one = statistics.median(time_one_language(project) for _ in range(arguments.repeat))
        for label, (ready, reloads) in (("make serve", ours), ("make serve PARALLEL=1", ours_parallel),
                                        ("mkdocs serve -w data", theirs)):
            print(f"{name}: {label}: first page after {ready:.1f} s; saved data file → rebuilt page "
                  f"{statistics.median(reloads):.1f} s (median of {', '.join(f'{r:.1f}' for r in reloads)})")
        print(f"{name}: make build {full:.1f} s; the Arabic build alone {one:.1f} s ({one / full:.2f} of the "
              "build: make serve LANG=ar)", flush=True)


if __name__ == "__main__":
    main()
