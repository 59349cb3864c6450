"""Read YAML documents and Markdown front matter, remembering the line each key was written on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates and times as text, so the schema parses them and names the bad ones.

    PyYAML would turn `2023-04-31` into a crash and `14:00` into the number 840 (base-60 integers of
    YAML 1.1); the schema gives both a clear message instead.
    """


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastTextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml's parser, ten times faster; its error messages are worded differently, so
    a document it cannot read is read again by `_TextLoader` for the message."""

    yaml_implicit_resolvers = _TextLoader.yaml_implicit_resolvers

Location = tuple[str | int, ...]


@dataclass
class SourceDocument:
    """A parsed YAML mapping with the file line of every key, for messages that point at the right line."""

    path: str
    data: dict[str, Any]
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, location: Location) -> int:
        """The line of the deepest key of `location` that was written, else the document's first line."""
        for end in range(len(location), 0, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return self.first_line


def _record_lines(node: yaml.Node, location: Location, offset: int, lines: dict[Location, int],
                  path: str, problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + offset
            if key in seen:
                problems.append(Problem(path, line, f"the field '{key}' is written twice",
                                        "each field once"))
            seen.add(key)
            lines[(*location, key)] = line
            _record_lines(value_node, (*location, key), offset, lines, path, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*location, index)] = item.start_mark.line + offset
            _record_lines(item, (*location, index), offset, lines, path, problems)


def parse_mapping(text: str, path: str, first_line: int, problems: list[Problem]) -> SourceDocument | None:
    """Parse `text` (starting at file line `first_line`) as a YAML mapping; on failure add a problem."""
    loader = _FastTextLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError:
        node = None
    else:
        return _document(node, data, path, first_line, problems)
    finally:
        loader.dispose()
    try:
        loader = _TextLoader(text)
    except yaml.reader.ReaderError as error:
        character = error.character if isinstance(error.character, int) else ord(error.character)
        problems.append(Problem(path, first_line + text.count("\n", 0, error.position),
                                f"the text contains the invisible control character U+{character:04X}",
                                "only printable characters: delete the line's end and retype it"))
        return None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.append(Problem(path, line, f"the YAML cannot be read ({error.problem})",
                                "valid YAML: 'field: value' lines, lists as '- item', text with ':' in quotes"))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(path, first_line, f"the YAML cannot be read ({error})", "valid YAML"))
        return None
    finally:
        loader.dispose()
    return _document(node, data, path, first_line, problems)


def _document(node: yaml.Node | None, data: Any, path: str, first_line: int,
              problems: list[Problem]) -> SourceDocument | None:
    if not isinstance(data, dict):
        problems.append(Problem(path, first_line, "there are no fields here",
                                "'field: value' lines, as in the examples"))
        return None
    lines: dict[Location, int] = {}
    _record_lines(node, (), first_line, lines, path, problems)
    return SourceDocument(path=path, data=data, lines=lines, first_line=first_line)


def read_text(file: Path, path: str, problems: list[Problem]) -> str | None:
    """The file's text as UTF-8 without a byte-order mark; a problem instead of an exception."""
    raw = file.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(path, 1, "the file starts with a byte-order mark (BOM)",
                                "UTF-8 without BOM (in your editor: 'Save with encoding: UTF-8')"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(path, line, "the file is not valid UTF-8 text",
                                "the file saved as UTF-8"))
        return None
    if not text.strip():
        problems.append(Problem(path, 1, "the file is empty", "the fields of this kind, as in the examples"))
        return None
    return text


@dataclass
class MarkdownSource:
    front_matter: SourceDocument
    body: str
    body_first_line: int


def parse_markdown(text: str, path: str, problems: list[Problem]) -> MarkdownSource | None:
    """Split a page into its front matter (between the first two `---` lines) and its body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        problems.append(Problem(path, 1, "the page has no front matter",
                                "the page to start with a '---' line, its fields, and another '---' line"))
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            break
    else:
        problems.append(Problem(path, 1, "the front matter is not closed",
                                "a second '---' line after the fields"))
        return None
    front_matter = parse_mapping("".join(lines[1:index]), path, 2, problems)
    if front_matter is None:
        return None
    return MarkdownSource(front_matter=front_matter, body="".join(lines[index + 1:]),
                          body_first_line=index + 2)
