"""Links to GitHub's web editor for an entity's page and data file ("edit this page").

The repository's address is one setting, `extra.repository` in mkdocs.yml (the workflows give the repository
they run in through SITE_REPOSITORY). Material's own `repo_url` is not used: with it, Material's script fetches the
repository's stars and forks from api.github.com on every page, which the site's Content-Security-Policy and its
rule of asking no other host forbid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

BRANCH = "main"
_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")


def repository(extra: Mapping[str, object]) -> str:
    """The `extra.repository` setting of mkdocs.yml: the address of the site's repository on GitHub."""
    address = str(extra.get("repository", "")).rstrip("/")
    if not _REPOSITORY.fullmatch(address):
        raise ValueError(f"mkdocs.yml: 'extra.repository' is {address!r}; expected the repository's address on "
                         "GitHub, such as https://github.com/owner/name (or SITE_REPOSITORY set to it)")
    return address


def edit_url(repository_address: str, path: str) -> str:
    """GitHub's web editor for `path` (from the repository's root) on the default branch."""
    return f"{repository_address}/edit/{BRANCH}/{path}"
