"""Build the site with one process per language, into a new directory that replaces the site only on success.

    python scripts/build.py [-f mkdocs.yml] [-d site] [--sequential]

`mkdocs build` with mkdocs-static-i18n builds the languages one after another in one process: the default
language first, then each other language from the plugin's `on_post_build`, every language overwriting the
theme's assets and static templates (404.html, sitemap.xml) of the one before. Here each language has its own
worker process that runs that same sequence — the real `mkdocs build --strict` command — but renders only its
own language's pages: the other languages still go through configuration, files, navigation and static
templates, so the sitemap, the language links and whatever hooks gather per language are what the sequential
build has; each language's search bundle is written by the worker rendering it (hooks/search_index.py), and
Material's own search index, which static-i18n merges, holds no page. The workers' outputs are laid over each
other in build order (the last language's files win, as in the sequential build): the result is byte for byte
the site `mkdocs build --strict` writes, and the tests check it.

Either way the build goes to a temporary directory beside the site directory, which replaces the site
directory only when every worker succeeded: a failed build leaves the last good site in place.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def i18n_settings(config_file: Path) -> dict:
    """The configuration of the static-i18n plugin."""
    from mkdocs.utils import yaml_load

    with config_file.open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise SystemExit(f"{config_file}: no i18n plugin with languages; this build runs one process per language")


def build_languages(i18n: dict) -> list[str]:
    """The languages static-i18n builds, in its build order: the default language first."""
    built = [language for language in i18n["languages"] if language.get("build", True)]
    default = [language["locale"] for language in built if language.get("default")]
    return default + [language["locale"] for language in built if not language.get("default")]


def mkdocs_command(config_file: Path, site_dir: Path) -> list[str]:
    return ["build", "--strict", "-f", str(config_file), "-d", str(site_dir)]


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


def run_worker(language: str, config_file: Path, site_dir: Path) -> int:
    """Run `mkdocs build --strict`, rendering only the pages of `language` (in this process)."""
    from mkdocs.commands import build as build_module
    from mkdocs.structure.files import Files

    populate_page, build_page, build_site = build_module._populate_page, build_module._build_page, build_module.build
    get_navigation = build_module.get_navigation
    navigation_pages: set[int] = set()
    i18n_plugin = []  # the static-i18n plugin, once the command has loaded the configuration

    def renders() -> bool:
        """Whether the language static-i18n is building now is this worker's."""
        return i18n_plugin[0].current_language == language

    def navigation_noting_its_pages(files, config):
        navigation = get_navigation(files, config)
        navigation_pages.clear()
        navigation_pages.update(id(page) for page in navigation.pages)
        return navigation

    def populate_only_this_language(page, config, files, dirty=False):
        if renders():
            populate_page(page, config, files, dirty)
        elif id(page) in navigation_pages:
            # The navigation shows the titles of its pages, also on the static templates (404.html) that each
            # language's build writes: read them as the page's own build does, from its front matter.
            page.read_source(config)

    copy_static_files = Files.copy_static_files

    def copy_only_this_language(files, *args, **kwargs):
        # The theme's assets and the generated files of a language are written by the worker rendering it (the
        # same bytes): the others need not make them (conference_site/generated_files.py).
        if renders():
            copy_static_files(files, *args, **kwargs)

    def build_only_this_language(page, config, doc_files, nav, *args, **kwargs):
        if renders():
            build_page(page, config, doc_files, nav, *args, **kwargs)
        else:
            # static-i18n's page event leaves the language links of the last page built in the configuration,
            # where the next language's static templates (404.html) read them: leave them as it does.
            config.plugins["i18n"].on_page_context({}, page=page, config=config, nav=nav)

    def reported_by_this_worker(record: logging.LogRecord) -> bool:
        # Going through another language's build, a worker would say again what that language's worker says (the
        # translation summary, where it builds to); its warnings still count, for strict mode.
        return renders() or record.levelno >= logging.WARNING

    def build_from_this_language(config, **kwargs):
        i18n = config.plugins["i18n"]
        i18n_plugin[:] = [i18n]
        for handler in logging.getLogger("mkdocs").handlers:
            handler.addFilter(reported_by_this_worker)
        if i18n.building:
            # static-i18n building another language from within the first one's build.
            build_site(config, **kwargs)
            return
        if language == i18n.default_language:
            # The default language is built first: the languages after it are the other workers' business.
            i18n.building = True
        build_site(config, **kwargs)

    build_module.get_navigation = navigation_noting_its_pages
    build_module._populate_page = populate_only_this_language
    Files.copy_static_files = copy_only_this_language
    build_module._build_page = build_only_this_language
    # The command calls `build.build`, and so does static-i18n for the languages after the first.
    build_module.build = build_from_this_language
    return run_mkdocs(mkdocs_command(config_file, site_dir))


def lay_over(source: Path, destination: Path) -> None:
    """Move every file of `source` into `destination`, replacing what is there."""
    for directory, _, names in os.walk(source):
        target = destination / Path(directory).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(directory) / name, target / name)


def build_parallel(config_file: Path, output: Path, scratch: Path) -> int:
    languages = build_languages(i18n_settings(config_file))
    worker_dirs = [scratch / f"worker-{language}" for language in languages]
    logs = [scratch / f"worker-{language}.log" for language in languages]
    workers = []
    for language, directory, log in zip(languages, worker_dirs, logs):
        with log.open("wb") as stream:
            workers.append(subprocess.Popen(
                [sys.executable, __file__, "--worker", language, "-f", str(config_file), "-d", str(directory)],
                stdout=stream, stderr=subprocess.STDOUT, cwd=config_file.parent))
    # As the sequential build does, report the languages in build order and stop at the first that fails.
    for index, (worker, log) in enumerate(zip(workers, logs)):
        worker.wait()
        sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
        if worker.returncode != 0:
            for later in workers[index + 1:]:
                later.kill()
                later.wait()
            return worker.returncode
    # The first language's tree becomes the site as it is (one rename, not one per file); the others are laid over it.
    first, *later = worker_dirs
    os.replace(first, output)
    for directory in later:
        lay_over(directory, output)
    return 0


def build_sequential(config_file: Path, output: Path) -> int:
    return subprocess.run([sys.executable, __file__, "--in-process", "-f", str(config_file), "-d", str(output)],
                          cwd=config_file.parent).returncode


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
    parser.add_argument("--sequential", action="store_true", help="one process, as `mkdocs build --strict`")
    parser.add_argument("--worker", metavar="LANGUAGE", help=argparse.SUPPRESS)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    config_file = arguments.config_file.resolve()
    site_dir = (arguments.site_dir or config_file.parent / "site").resolve()
    if arguments.worker:
        return run_worker(arguments.worker, config_file, site_dir)
    if arguments.in_process:
        return run_mkdocs(mkdocs_command(config_file, site_dir))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site directory, so that the finished site is moved into place, not copied.
    scratch = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        output = scratch / "site"
        status = build_sequential(config_file, output) if arguments.sequential else \
            build_parallel(config_file, output, scratch)
        if status == 0:
            replace_directory(output, site_dir, scratch)
        return status
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
