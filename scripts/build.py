"""Build the site, one `mkdocs build --strict` per language, into a new directory that replaces the site only on
success.

    python scripts/build.py [-f mkdocs.yml] [-d site] [--sequential] [--language CODE]

Each language is an ordinary `mkdocs build --strict` of that language alone: static-i18n's public
`build_only_locale` option (mkdocs.yml reads it from BUILD_ONLY_LOCALE) makes the language the build's only one, at
the root of its output, and hooks/content.py gives the build the address of that language's root as its `site_url`.
The default language's output is the site; each other language's output becomes its folder (`en/`) by one rename.
Nothing passes from one build to another: what a page shows of the other languages (hreflang links, the language
switcher, the sitemap, the 404 pages) the hooks compute from the catalog and the language registry
(conference_site/languages.py). By default the builds run in parallel, one process each, forked from this one once
it has read the content (read and checked once either way); `--sequential` runs them one after the other in this
process. Theme assets are written by every language's build, so each language's folder has its own copy
(ARCHITECTURE.md, "Build").

Either way the build goes to a temporary directory beside the site directory, which replaces the site
directory only when every build succeeded: a failed build leaves the last good site in place.
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path

from conference_site import languages

LOCALE_VARIABLE = "BUILD_ONLY_LOCALE"


def run_mkdocs(arguments: list[str]) -> int:
    """`mkdocs <arguments>` in this process. An exception MkDocs does not turn into a message (input that no check
    foresaw, or a bug) ends the build with one line instead of a traceback; MkDocs has already logged the page it
    was building when it happened."""
    import mkdocs.__main__

    try:
        mkdocs.__main__.cli(arguments, prog_name="mkdocs")
    except SystemExit as exit_status:
        return exit_status.code if isinstance(exit_status.code, int) else 1
    except (Exception, RecursionError) as error:  # noqa: BLE001 - a message, never a traceback
        message = " ".join(str(error).split())[:300]
        sys.stderr.write(f"ERROR    -  The build stopped: {type(error).__name__}: {message}\n")
        return 1
    return 0


def build_language(code: str, config_file: Path, site_dir: Path) -> int:
    """`mkdocs build --strict` of the language `code` alone, into `site_dir`, in this process."""
    os.environ[LOCALE_VARIABLE] = code
    return run_mkdocs(["build", "--strict", "-f", str(config_file), "-d", str(site_dir)])


def output_of(code: str, scratch: Path) -> Path:
    return scratch / f"site-{code}"


def assemble(codes: list[str], scratch: Path, output: Path) -> None:
    """The default language's output becomes the site, each other language's output its folder."""
    for code in codes:
        root = languages.language(code).root
        os.replace(output_of(code, scratch), output / root if root else output)


def read_content(config_file: Path) -> None:
    """Import the build's packages and read the content into the catalog's cache (conference_site/catalog.py),
    so that every language's build forked from this process starts with both: they are the same for every
    language. A problem is left for the builds to report, each as it always does: nothing is logged here."""
    import mkdocs.__main__  # noqa: F401 - imported here once, for every build
    from mkdocs.config import load_config

    from conference_site.catalog import load_catalog

    logging.disable()
    # Python's recipe for a process that forks without exec (the `gc.freeze` documentation): no collection while
    # the shared objects are made, then frozen, so that the builds' collections neither go through them again nor
    # write to their pages (which would copy them into each build).
    gc.disable()
    try:
        config = load_config(config_file=str(config_file))
        load_catalog(config_file.parent, Path(config.docs_dir))
    except Exception:  # noqa: BLE001, S110 - each build reports it, with its message
        pass
    finally:
        logging.disable(logging.NOTSET)
        gc.freeze()


def build_logged(code: str, config_file: Path, site_dir: Path, log: Path) -> None:
    """The build of one language, its messages written to `log`; exits with the build's status."""
    gc.enable()
    with log.open("wb") as stream:
        os.dup2(stream.fileno(), sys.stdout.fileno())
        os.dup2(stream.fileno(), sys.stderr.fileno())
        sys.exit(build_language(code, config_file, site_dir))


def build_parallel(codes: list[str], config_file: Path, scratch: Path) -> int:
    """One process per language, each forked from this one once it has read the content: what the builds share
    is read once, and only what differs by language is built twice over."""
    read_content(config_file)
    logs = [scratch / f"build-{code}.log" for code in codes]
    fork = multiprocessing.get_context("fork")
    builds = [fork.Process(target=build_logged, args=(code, config_file, output_of(code, scratch), log))
              for code, log in zip(codes, logs)]
    for build in builds:
        build.start()
    # Report the languages in the registry's order and stop at the first that fails.
    for index, (build, log) in enumerate(zip(builds, logs)):
        build.join()
        sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
        if build.exitcode != 0:
            for later in builds[index + 1:]:
                later.kill()
                later.join()
            return build.exitcode if build.exitcode and build.exitcode > 0 else 1
    return 0


def build_sequential(codes: list[str], config_file: Path, scratch: Path) -> int:
    for code in codes:
        status = build_language(code, config_file, output_of(code, scratch))
        if status != 0:
            return status
    return 0


def replace_directory(new: Path, old: Path, scratch: Path) -> None:
    """Put `new` in the place of `old`, with no moment at which a reader finds neither."""
    if old.exists():
        retired = scratch / "previous"
        os.replace(old, retired)
    os.replace(new, old)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-d", "--site-dir", type=Path, help="where the site goes (default: site/ beside mkdocs.yml)")
    parser.add_argument("--sequential", action="store_true", help="the languages one after the other, in one process")
    parser.add_argument("--language", choices=languages.CODES,
                        help="this language alone (its folder of the site; `make serve LANG=…`)")
    arguments = parser.parse_args()
    config_file = arguments.config_file.resolve()
    site_dir = (arguments.site_dir or config_file.parent / "site").resolve()
    codes = [arguments.language] if arguments.language else list(languages.CODES)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site directory, so that the finished site is moved into place, not copied.
    scratch = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        status = (build_sequential if arguments.sequential or len(codes) == 1 else build_parallel)(
            codes, config_file, scratch)
        if status != 0:
            return status
        output = scratch / "site"
        output.mkdir()
        assemble(codes, scratch, output)
        replace_directory(output, site_dir, scratch)
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
