"""`make build` (scripts/build.py): one `mkdocs build --strict` per language, in parallel processes or one after
the other in one process (the same bytes either way), and the site directory replaced only by a build that
succeeded. The benchmark's generator is checked here at N=5."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conference_site.catalog import load_catalog
from conference_site.listings import generated_pages
from conftest import BuiltSite
from generate import WORKSHOPS_PER_CONFERENCE, generate
from site_builder import build, copy_machinery
from test_broken_content import FIXTURES, make_site, problem_lines


def sequential_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """The languages' builds one after the other, in one process."""
    return build(project, site_dir, "--sequential")


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by its relative path, with its bytes."""
    return {file.relative_to(root).as_posix(): file.read_bytes() for file in sorted(root.rglob("*")) if file.is_file()}


def assert_same_tree(actual: Path, expected: Path) -> None:
    actual_files, expected_files = tree(actual), tree(expected)
    assert sorted(actual_files) == sorted(expected_files)
    different = [path for path in expected_files if actual_files[path] != expected_files[path]]
    assert different == [], f"files that differ from the sequential build: {different[:10]}"


def test_real_site_is_the_same_built_sequentially(site: BuiltSite, project: Path, tmp_path: Path) -> None:
    result = sequential_build(project, tmp_path / "sequential")
    assert result.returncode == 0, result.stderr
    assert (site.root / "en" / "index.html").is_file() and (site.root / "sitemap.xml").is_file()
    assert_same_tree(site.root, tmp_path / "sequential")


def test_benchmark_site_validates_and_builds_the_same_in_parallel(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_machinery(project)
    pages = generate(project, 5)

    catalog = load_catalog(project, project / "docs")
    assert (len(catalog.conferences), len(catalog.workshops), len(catalog.organisations)) == (
        5, 5 * WORKSHOPS_PER_CONFERENCE, 2)
    assert all(catalog.participations_of(organisation) for organisation in catalog.organisations)
    assert all(len(catalog.workshops_of(conference)) == WORKSHOPS_PER_CONFERENCE for conference in catalog.conferences)

    parallel = build(project, tmp_path / "parallel")
    assert parallel.returncode == 0, parallel.stderr
    assert "Traceback" not in parallel.stderr
    sequential = sequential_build(project, tmp_path / "sequential")
    assert sequential.returncode == 0, sequential.stderr
    built_pages = [path for path in tree(tmp_path / "parallel") if path.endswith("index.html")]
    assert len(built_pages) == pages + 2 * len(generated_pages(catalog))
    assert_same_tree(tmp_path / "parallel", tmp_path / "sequential")
    # Only the English build (of the translations) reports the translation status.
    summary = [line for line in sequential.stderr.splitlines() if "Translation status:" in line]
    assert len(summary) == 1
    assert [line for line in parallel.stderr.splitlines() if "Translation status:" in line] == summary


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    assert build(make_site(tmp_path / "good"), site_dir).returncode == 0
    before = tree(site_dir)

    result = build(make_site(tmp_path / "broken", "dangling-references"), site_dir)

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    expected = (FIXTURES / "broken" / "dangling-references" / "expected.txt").read_text(encoding="utf-8")
    assert problem_lines(output) == expected.splitlines(), "each problem once, as the sequential build reports it"
    assert tree(site_dir) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["broken", "good", "site"], "the build left scratch"


def test_a_warning_in_the_second_language_fails_the_build_as_in_strict_mode(tmp_path: Path) -> None:
    # The content check leaves MkDocs nothing to warn about in the content: a hook of this copy warns instead,
    # on one English page only.
    project = make_site(tmp_path / "project")
    (project / "hooks" / "warn_once.py").write_text(
        "import logging\n\n\ndef on_page_markdown(markdown, *, page, config, files):\n"
        "    if page.file.src_uri == 'en/organisations/host-org.md':\n"
        "        logging.getLogger('mkdocs.hooks.warn_once').warning('a warning in the English build')\n"
        "    return markdown\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/warn_once.py\n", 1),
                      encoding="utf-8")

    result = build(project, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "a warning in the English build" in output and "Aborted with 1 warnings in strict mode!" in output
    assert not (tmp_path / "site").exists()
