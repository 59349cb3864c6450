"""Generated files whose content is made when the build writes them, not when the hooks list them.

A hook lists its generated files in `on_files`; MkDocs writes them out later in the same build. Making the
content at that moment costs nothing more in a normal build, and nothing at all in a build that lists a
language's files without writing them: scripts/build.py renders each language in its own process, where the
other languages go through their files and navigation only.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class _LazyFile(File):
    _make: Callable[[], bytes] | None = None
    _made: bytes | str | None = None

    @property  # type: ignore[override]
    def _content(self) -> bytes | str | None:
        if self._made is None and self._make is not None:
            self._made, self._make = self._make(), None
        return self._made

    @_content.setter
    def _content(self, value: bytes | str | None) -> None:
        self._made = value


def generated_file(config: MkDocsConfig, src_uri: str, make: Callable[[], bytes]) -> File:
    """A generated file at `src_uri` whose content `make()` returns, called once, when it is first needed."""
    file = _LazyFile.generated(config, src_uri, content=b"")
    file._made = None
    file._make = make
    return file
