"""Measure the site's build on synthetic sites of growing size, against stock Material + static-i18n.

    python bench/run.py --sizes 100 1000 [--repeat 3] [--serve 100]      (make bench: all three)

For each size N it generates N conferences × 6 workshops and N/2 organisations in both languages
(bench/generate.py) into a temporary directory together with this repository's configuration, hooks and
templates, and builds them three ways:

- stock:      the same pages and configuration without the project's hooks and templates (`mkdocs build`,
              static-i18n building both languages in one process);
- sequential: the project's `scripts/build.py --sequential` (each language's `mkdocs build --strict` in turn,
              in one process);
- parallel:   the project's `scripts/build.py` (one process per language, forked once the content is read),
              which `make build` runs.

It prints wall time, peak memory (the proportional set size of the build's whole process tree, sampled every 200
ms: memory the forked builds share counts once), pages per second, HTML bytes per page (median and largest), search
bytes per language (stock Material's index; the site's search index) and the total size of the site, then the
ratios the targets are stated in. It also checks that the parallel build wrote the same bytes as the sequential
one. With --repeat R it builds each size R times, the three ways in turn (so that a passing load on the machine
falls on all three alike), each build into a folder of its own that stays until every build is measured and after
the earlier builds' output is synced to disk (main() and measure() say why), and prints the median of each figure
and the ratios round by round. With --serve N it measures how long `mkdocs serve` takes, after one page is saved,
to serve the rebuilt page.

Then what a visitor gets from the parallel build (bench/visitor.py), served gzip-compressed as GitHub Pages
serves it, in Chromium with the CPU slowed 4×: the bytes of a first view of each kind of page, and for a few
Arabic and English queries the time from the last key press to the first result and the bytes a first query
fetches; and how varied the generated text is: the gzip ratios of its pages and search records beside the real
site's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(BENCH))

import visitor  # noqa: E402
from conference_site.search_index import INDEX_FOLDER  # noqa: E402
from generate import generate  # noqa: E402
from serve_reload import free_port, served  # noqa: E402
from site_builder import TEST_EPOCH, build, copy_machinery  # noqa: E402

STOCK_CONFIG = "mkdocs.stock.yml"


def build_environment() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": TEST_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return env


def write_stock_config(project: Path) -> None:
    """The project's configuration without what the project adds to stock Material: hooks and templates."""
    # Settings are merged into the inherited ones: an empty templates folder takes the place of overrides/.
    (project / "stock-overrides").mkdir()
    (project / STOCK_CONFIG).write_text(
        "INHERIT: mkdocs.yml\nstrict: false\nhooks: []\ntheme:\n  custom_dir: stock-overrides\n", encoding="utf-8")


def _process_tree_memory(root: int) -> int:
    """The memory, in bytes, of `root` and all its descendants now: their proportional set sizes, in which a page
    the forked builds share with the process they were forked from counts once, not once in each."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                    parents[int(entry.name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:")) * 1024
        except (OSError, IndexError, ValueError, StopIteration):
            continue
    return total


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_memory: int
    stolen_seconds: float = 0.0   # of the machine's CPUs, taken by the host while the build ran


def stolen_so_far() -> float:
    """The CPU time the virtual machine's host has taken from its CPUs since it started (/proc/stat's `steal`):
    a round whose build lost some to it is slower for a reason that is not the build's."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = stat.readline().split()
    return int(fields[8]) / os.sysconf("SC_CLK_TCK") if len(fields) > 8 else 0.0


def measure(command: list[str], cwd: Path) -> Run:
    """Run `command`, failing loudly with its output; its wall time and the peak memory of its process tree."""
    # The earlier builds' output written to disk first: the kernel would otherwise write it back during this
    # build, on the core a one-process build leaves free and a parallel build needs.
    os.sync()
    stolen_before = stolen_so_far()
    start = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, cwd=cwd, env=build_environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()
    peaks = [0]
    finished = threading.Event()

    def sample_memory() -> None:
        # Every 200 ms: each sample reads all of /proc (4 ms), which the build's own processes would otherwise lose.
        while not finished.wait(0.2):
            peaks.append(_process_tree_memory(process.pid))

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    process.wait()
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finished.set()
    sampler.join()
    reader.join()
    peak = max(peaks)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{b''.join(output).decode('utf-8', 'replace')}")
    # Of the command and every process it waited for (the workers of a parallel build).
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    return Run(seconds, cpu, peak, stolen_so_far() - stolen_before)


@dataclass
class SiteStats:
    pages: int
    html_median: float
    html_max: int
    search_bytes: dict[str, int]
    total_bytes: int


def site_stats(site: Path, languages: list[str], default: str) -> SiteStats:
    sizes = [file.stat().st_size for file in site.rglob("index.html")]
    total = sum(file.stat().st_size for file in site.rglob("*") if file.is_file())
    search_bytes = {language: 0 for language in languages}
    for language in languages:
        index = site / ("" if language == default else language) / INDEX_FOLDER
        search_bytes[language] = sum(file.stat().st_size for file in index.rglob("*") if file.is_file())
    if any(search_bytes.values()):
        return SiteStats(len(sizes), statistics.median(sizes), max(sizes), search_bytes, total)
    for index_file in site.rglob("search_index.json"):
        folder = index_file.relative_to(site).parts[0]
        index_language = folder if folder in languages else default
        if index_language != default:
            search_bytes[index_language] += index_file.stat().st_size
            continue
        # The default language's index, or (static-i18n's own) one index of every language: each entry counts
        # for the language of its location.
        index = json.loads(index_file.read_text(encoding="utf-8"))
        entry_bytes = {language: 0 for language in languages}
        for entry in index["docs"]:
            prefix = entry["location"].split("/", 1)[0]
            language = prefix if prefix in languages else default
            entry_bytes[language] += len(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode())
        rest = index_file.stat().st_size - sum(entry_bytes.values())
        for language, size in entry_bytes.items():
            search_bytes[language] += size + (rest if language == default else 0)
    return SiteStats(len(sizes), statistics.median(sizes), max(sizes), search_bytes, total)


def different_files(first: Path, second: Path) -> list[str]:
    """The files that are in one tree and not the other, or differ."""
    def contents(root: Path) -> dict[str, bytes]:
        return {file.relative_to(root).as_posix(): file.read_bytes() for file in root.rglob("*") if file.is_file()}
    one, other = contents(first), contents(second)
    return sorted(path for path in one.keys() | other.keys() if one.get(path) != other.get(path))


def describe(file: Path) -> str:
    """A differing file as the table's reader can compare it: small text whole, anything else by its size."""
    if not file.is_file():
        return "(absent)"
    content = file.read_bytes()
    return content.decode("utf-8", "replace") if len(content) <= 2000 else f"({len(content)} bytes)"


def build_commands(project: Path, site: Path) -> dict[str, list[str]]:
    return {
        # Stock static-i18n builds every language in one build (BUILD_ONLY_LOCALE=null: the project's builds
        # take one language each).
        "stock": ["env", "BUILD_ONLY_LOCALE=null", sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                  str(project / STOCK_CONFIG), "-d", str(site / "stock")],
        "sequential": [sys.executable, str(REPO / "scripts" / "build.py"), "--sequential", "-f",
                       str(project / "mkdocs.yml"), "-d", str(site / "sequential")],
        "parallel": [sys.executable, str(REPO / "scripts" / "build.py"), "-f", str(project / "mkdocs.yml"),
                     "-d", str(site / "parallel")],
    }


def prepare(project: Path, conferences: int) -> int:
    copy_machinery(project)
    pages = generate(project, conferences)
    write_stock_config(project)
    return pages


def measure_serve(project: Path) -> tuple[float, float]:
    """Seconds until `mkdocs serve` first serves the site, and from saving one page to serving it rebuilt.
    Plain `mkdocs serve` builds the default language only (scripts/build.py gives each build one language;
    `make serve` serves both, bench/serve_reload.py times it): an Arabic page is saved and asked for."""
    port = free_port()
    page = project / "docs" / "ar" / "conferences" / "forum-0001.md"
    url = f"http://127.0.0.1:{port}/conferences/forum-0001/"
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=build_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ready = served(url, None, start + 600) - start
        marker = f"Edited at {time.time_ns()}."
        # mkdocs serve compares modification times: let a second pass so the save is seen as a change.
        time.sleep(1.0)
        saved = time.perf_counter()
        page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        return ready, served(url, marker, saved + 600) - saved
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="numbers of conferences")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build each size R times, the three ways in turn, and give the medians")
    parser.add_argument("--serve", type=int, metavar="N", help="also time a `mkdocs serve` reload at this size")
    arguments = parser.parse_args()
    if arguments.repeat < 1:
        parser.error("--repeat must be at least 1")

    with (REPO / "mkdocs.yml").open(encoding="utf-8") as stream:
        from mkdocs.utils import yaml_load
        i18n = next(p["i18n"] for p in yaml_load(stream)["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = [language["locale"] for language in i18n["languages"]]
    default = next(language["locale"] for language in i18n["languages"] if language.get("default"))

    header = (f"| N | build | pages | wall s | CPU s | pages/s | peak memory (PSS) MB | HTML/page median KB | "
              "HTML/page max KB | "
              + " | ".join(f"search {language} KB" for language in languages) + " | site MB | × stock |")
    rows = [header, "|" + "---|" * (header.count("|") - 1)]
    results: dict[tuple[int, str], tuple[Run, SiteStats]] = {}
    visits: dict[int, tuple[dict[str, int], list[visitor.SearchRun]]] = {}
    varieties: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="site-bench-") as scratch:
        real_site = Path(scratch) / "real-site"
        if build(REPO, real_site).returncode != 0:
            raise SystemExit("the real site does not build")
        built: dict[int, tuple[Path, Path]] = {}
        for size in arguments.sizes:
            project = Path(scratch) / f"n{size}"
            pages = prepare(project, size)
            print(f"N={size}: {pages} pages generated in {project}", file=sys.stderr, flush=True)
            runs: dict[str, list[Run]] = defaultdict(list)   # by build, in build_commands' order
            # Each build into a folder of its own, nothing deleted until every build is measured: this machine's
            # ext4 has no journal, and without one it gives each new file an inode only after passing over every
            # free inode deleted in the last minutes (fs/ext4/ialloc.c, recently_deleted), so a build made just
            # after another's output was deleted is slowed in proportion to the files it writes.
            for round_number in range(arguments.repeat):
                sites = Path(scratch) / f"n{size}-sites-{round_number + 1}"
                for name, command in build_commands(project, sites).items():
                    runs[name].append(measure(command, project))
                    print(f"N={size}: {name} built in {runs[name][-1].seconds:.1f} s", file=sys.stderr, flush=True)
            built[size] = project, sites
            for name in runs:
                run = Run(*(statistics.median(getattr(each, field) for each in runs[name])
                            for field in ("seconds", "cpu_seconds", "peak_memory")))
                stats = site_stats(sites / name, languages, default)
                results[size, name] = (run, stats)
                stock_seconds = results[size, "stock"][0].seconds
                rows.append(
                    f"| {size} | {name} | {stats.pages} | {run.seconds:.1f} | {run.cpu_seconds:.1f} | "
                    f"{stats.pages / run.seconds:.0f} | "
                    f"{run.peak_memory / 2**20:.0f} | {stats.html_median / 1024:.1f} | {stats.html_max / 1024:.0f} | "
                    + " | ".join(f"{stats.search_bytes[language] / 1024:.0f}" for language in languages)
                    + f" | {stats.total_bytes / 2**20:.1f} | {run.seconds / stock_seconds:.2f} |")
                print(rows[-1], file=sys.stderr, flush=True)
            # The machine's speed drifts within minutes: the ratio of the builds of one round, made one after the
            # other, is the steadier figure beside the ratio of the medians.
            for name in ("sequential", "parallel"):
                ratios = [mine.seconds / theirs.seconds for mine, theirs in zip(runs[name], runs["stock"])]
                print(f"N={size}: {name} × stock, round by round: {', '.join(f'{r:.2f}' for r in ratios)} "
                      f"(median {statistics.median(ratios):.2f})", file=sys.stderr, flush=True)
            print(f"N={size}: CPU seconds the host took during each build, round by round: "
                  + "; ".join(f"{name} " + ", ".join(f"{run.stolen_seconds:.1f}" for run in each)
                              for name, each in runs.items()), file=sys.stderr, flush=True)
            different = different_files(sites / "sequential", sites / "parallel")
            print(f"N={size}: parallel build byte-identical to the sequential one: {'NO' if different else 'yes'}",
                  file=sys.stderr, flush=True)
            for path in different[:5]:
                shown = [describe(sites / name / path) for name in ("sequential", "parallel")]
                print(f"N={size}: {path} differs:", *shown, sep="\n  ", file=sys.stderr, flush=True)
        # Then, on each size's last builds, what deletes files as it goes (Chromium's profiles, mkdocs serve's site).
        for size, (project, sites) in built.items():
            visits[size] = visitor.measure(sites / "parallel")
            varieties[size] = visitor.variety(real_site, sites / "parallel")
            print(f"N={size}: first views and searches measured", file=sys.stderr, flush=True)
            if arguments.serve == size:
                ready, reload = measure_serve(project)
                print(f"N={size}: mkdocs serve ready after {ready:.1f} s; a saved page is served rebuilt after "
                      f"{reload:.1f} s", file=sys.stderr, flush=True)

    print("\n".join(rows))
    small, large = min(arguments.sizes), max(arguments.sizes)
    for size in arguments.sizes:
        stock = results[size, "stock"][0]
        print(f"N={size}: wall time sequential {results[size, 'sequential'][0].seconds / stock.seconds:.2f}× stock, "
              f"parallel {results[size, 'parallel'][0].seconds / stock.seconds:.2f}× stock; CPU time sequential "
              f"{results[size, 'sequential'][0].cpu_seconds / stock.cpu_seconds:.2f}× stock, parallel "
              f"{results[size, 'parallel'][0].cpu_seconds / stock.cpu_seconds:.2f}× stock")
    if large != small:
        for name in ("sequential", "parallel"):
            (run_s, stats_s), (run_l, stats_l) = results[small, name], results[large, name]
            print(f"{name}: N={large} takes {run_l.seconds / run_s.seconds:.1f}× the wall time and "
                  f"{run_l.cpu_seconds / run_s.cpu_seconds:.1f}× the CPU time of N={small} "
                  f"(pages ×{stats_l.pages / stats_s.pages:.1f}); HTML/page median "
                  f"{stats_l.html_median / stats_s.html_median:.3f}× ; peak memory {run_l.peak_memory / 2**20:.0f} MB")


    print_visits(visits, varieties, results)


def print_visits(visits: dict[int, tuple[dict[str, int], list[visitor.SearchRun]]],
                 varieties: dict[int, dict[str, tuple[float, float]]],
                 results: dict[tuple[int, str], tuple[Run, SiteStats]]) -> None:
    sizes = sorted(visits)
    print("\nVariety of the generated text: gzip ratio (bytes before / after), real site beside generated one")
    for size in sizes:
        for measure, (real, generated) in varieties[size].items():
            print(f"N={size}: {measure}: real {real:.2f}, generated {generated:.2f} "
                  f"({(generated / real - 1) * 100:+.0f} %)")
    print(f"\nSearch in Chromium, CPU ×{visitor.CPU_SLOWDOWN}, a first query on the home page "
          f"(served gzip-compressed)\n")
    print("| N | language | query | last key press → first result s | KB fetched for the query | files |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        for run in visits[size][1]:
            print(f"| {size} | {run.language} | {run.query} | {run.seconds:.2f} | {run.bytes / 1024:.1f} | "
                  f"{run.requests} |")
    print("\nFirst view (Arabic, cold cache, fonts included), KB transferred\n")
    print("| page kind | " + " | ".join(f"N = {size}" for size in sizes) + " | × smallest N |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for kind in visitor.PAGE_KINDS:
        figures = [visits[size][0][kind] for size in sizes]
        print(f"| {kind} | " + " | ".join(f"{figure / 1024:.1f}" for figure in figures)
              + f" | {figures[-1] / figures[0]:.3f} |")
    for size in sizes:
        print(f"N={size}: largest page {results[size, 'parallel'][1].html_max / 1024:.1f} KB")


if __name__ == "__main__":
    main()
