"""The GitHub workflows: zizmor finds nothing, and their structure is the one the project relies on.

Pull requests (also from forks) run the content check, then the tests and the strict build, with a read-only
token; a merge into main, and every day's scheduled run, publish to GitHub Pages from a separate deploy job that
alone may write Pages.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder import REPO, TEST_EPOCH, make_fixture_site

GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED_USES = re.compile(r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<comment>.*)$")


def load(name: str) -> dict[str, Any]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def all_steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def step_using(job: dict[str, Any], action: str) -> dict[str, Any]:
    found = [step for step in job["steps"] if step.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"expected one step using {action}, found {len(found)}"
    return found[0]


def workflow_files() -> list[Path]:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert {file.name for file in files} == {"pr-check.yml", "publish.yml"}
    return files


def test_zizmor_finds_nothing_even_pedantic() -> None:
    result = subprocess.run([str(ZIZMOR), "--offline", "--persona", "pedantic", "--no-progress", str(GITHUB)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


@pytest.mark.parametrize("file", workflow_files(), ids=lambda file: file.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(file: Path) -> None:
    uses_lines = [line for line in file.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses_lines
    for line in uses_lines:
        match = PINNED_USES.match(line)
        assert match, line
        assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"not pinned to a full commit SHA: {line}"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", match["comment"]), f"no '# vX.Y.Z' comment: {line}"


@pytest.mark.parametrize("file", workflow_files(), ids=lambda file: file.name)
def test_no_credentials_kept_and_no_expressions_in_scripts(file: Path) -> None:
    workflow = load(file.name)
    assert workflow["permissions"] == {}, "every workflow starts from no permissions at all"
    for step in all_steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        # Text from the event (a branch name, a title) pasted into a script is a script injection; values
        # reach scripts through `env:` only.
        assert "${{" not in step.get("run", ""), step["run"]
    # It would run a fork's code with this repository's write token and secrets.
    assert "pull_request_target" not in workflow["on"]


def test_pull_request_check_runs_the_content_check_first_then_the_tests_and_uploads_a_preview() -> None:
    workflow = load("pr-check.yml")
    assert workflow["on"] == {"pull_request": None}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert job["env"]["SITE_REPOSITORY"] == "${{ github.server_url }}/${{ github.repository }}"
    # The translation status of pages without a record reads the history (conference_site/translations.py).
    assert step_using(job, "actions/checkout")["with"]["fetch-depth"] == 0
    python = step_using(job, "actions/setup-python")["with"]
    assert (python["cache"], python["cache-dependency-path"]) == ("pip", "requirements*.txt")
    steps = [step for step in job["steps"] if "run" in step and "apt-get" not in step["run"]]
    runs = [step["run"].strip() for step in steps]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and runs[:4] == ["make .venv/installed", "make check", "make test", "make build"]
    # A content problem stops the job at its first step: no later step runs to fail again for it.
    assert not any("if" in step for step in steps)
    assert "make --no-print-directory translation-status" in runs[4] and '>> "$GITHUB_STEP_SUMMARY"' in runs[4]
    upload = step_using(job, "actions/upload-artifact")["with"]
    assert upload["path"] == "site/"
    assert [step.get("uses", step.get("run")) for step in job["steps"]][-1].startswith("actions/upload-artifact@")


def test_make_check_annotates_the_pull_request_on_github_actions_only() -> None:
    def commands(*variables: str) -> str:
        result = subprocess.run(["make", "--no-print-directory", "-n", "-o", ".venv/installed", "check", *variables],
                                cwd=REPO, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "-m conference_site check --github" in commands("GITHUB_ACTIONS=true")
    assert "--github" not in commands("GITHUB_ACTIONS=")


def test_publish_builds_then_deploys_from_a_separate_job() -> None:
    workflow = load("publish.yml")
    # Every day as well: the listings' upcoming and past move on without a commit.
    assert workflow["on"] == {"push": {"branches": ["main"]}, "schedule": [{"cron": "17 1 * * *"}],
                              "workflow_dispatch": None}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert set(workflow["jobs"]) == {"build", "deploy"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]

    assert build["permissions"] == {"contents": "read", "pages": "read"}
    pages = step_using(build, "actions/configure-pages")
    (build_step,) = [step for step in build["steps"] if "make build" in step.get("run", "")]
    assert build_step["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % pages["id"]
    assert build_step["env"]["SITE_REPOSITORY"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "export SOURCE_DATE_EPOCH" in build_step["run"]
    assert step_using(build, "actions/upload-pages-artifact")["with"]["path"] == "site/"

    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    deployment = step_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % deployment["id"]
    assert len(deploy["steps"]) == 1, "the job that may write Pages runs no code from the repository"


def test_publish_dates_the_build_by_the_day_it_runs() -> None:
    """The build's "today" is the run's day at 00:00 UTC: a scheduled run moves the listings on, and two builds of
    one commit on one day have the same SOURCE_DATE_EPOCH, hence the same bytes (tests/test_reproducible.py)."""
    (build_step,) = [step for step in all_steps(load("publish.yml")) if "make build" in step.get("run", "")]
    (line,) = [line for line in build_step["run"].splitlines() if line.startswith("SOURCE_DATE_EPOCH=")]
    before = dt.datetime.now(dt.timezone.utc).date()
    result = subprocess.run(["bash", "-c", f'{line}; echo "$SOURCE_DATE_EPOCH"'], capture_output=True, text=True,
                            timeout=10)
    after = dt.datetime.now(dt.timezone.utc).date()
    midnights = {int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp()) for day in (before, after)}
    assert int(result.stdout) in midnights, result.stdout + result.stderr


def test_dependabot_updates_python_and_npm_pins_and_actions() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert {(update["package-ecosystem"], update["directory"]) for update in config["updates"]} == {
        ("pip", "/"), ("github-actions", "/"), ("npm", "/")}


def test_the_pages_address_from_configure_pages_is_used_for_absolute_links(tmp_path: Path) -> None:
    """configure-pages' `base_url` has no trailing slash and, for a project site, a path: both must work."""
    base_url = "https://example.github.io/social-work-conferences"
    project = make_fixture_site(tmp_path / "project")
    env = {**os.environ, "SITE_URL": base_url, "SOURCE_DATE_EPOCH": TEST_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    sitemap = gzip.decompress((tmp_path / "site" / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(location.startswith(f"{base_url}/") for location in locations)
    assert f"{base_url}/en/" in locations
    # GitHub Pages serves 404.html for any missing path, so its links must not be relative.
    not_found = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', not_found)
    assert stylesheets and all(href.startswith("/social-work-conferences/assets/") for href in stylesheets)


def apt_packages(script: str) -> set[str]:
    """The packages every `apt-get install` line of a shell script installs."""
    packages = set()
    for line in script.splitlines():
        if "apt-get install" in line:
            words = line.split("apt-get install", 1)[1].split(">", 1)[0].split()
            packages |= {word for word in words if not word.startswith("-")}
    return packages


@pytest.mark.parametrize("name", ["pr-check.yml", "publish.yml"])
def test_the_workflows_install_the_system_packages_ci_run_installs(name: str) -> None:
    # On GitHub's Ubuntu image the browser tests use its Chrome instead of Debian's chromium.
    needed = apt_packages((REPO / ".ci" / "run").read_text(encoding="utf-8")) - {"chromium"}
    installed = set().union(*(apt_packages(step.get("run", "")) for step in all_steps(load(name))))
    assert needed and needed <= installed, f"add {sorted(needed - installed)} to the apt-get step of {name}"
