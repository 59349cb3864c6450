"""Read YAML documents and Markdown front matter, remembering the line each key was written on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .limits import FILE_FORBIDDEN, MAX_INTEGER_DIGITS, MAX_YAML_DEPTH, character_name
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


# libyaml's loader where PyYAML was built with it: a base chosen at run time, which mypy cannot follow.
class _FastTextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same loader on libyaml's parser, ten times faster; its error messages are worded differently, so
    a document it cannot read is read again by `_TextLoader` for the message."""

    yaml_implicit_resolvers = _TextLoader.yaml_implicit_resolvers


def _bounded_integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """An integer of a few digits: Python refuses to read one of over 4,300 digits (with a ValueError, not a YAML
    error) and a long one is never an edition or a position."""
    if len(node.value.lstrip("+-").replace("_", "")) > MAX_INTEGER_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"the number {node.value[:20]}… has over {MAX_INTEGER_DIGITS} digits", node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


for _loader in (_TextLoader, _FastTextLoader):
    _loader.add_constructor("tag:yaml.org,2002:int", _bounded_integer)

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


def _refused_construct(text: str, path: str, first_line: int, problems: list[Problem]) -> bool:
    """Add a problem for the first anchor, alias or tag in `text`, which content never needs: an alias repeats
    a part of the document (a few lines of aliases of aliases stand for billions of values), a tag asks for
    another type than the text, number, list or mapping written. So for nesting deeper than any file needs (the
    reading of each level is a recursive call). True when there is one; False also when the text cannot be
    parsed (the parse that follows says why)."""
    loader = _FastTextLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = first_line + event.start_mark.line
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    problems.append(Problem(path, line, f"the YAML nests lists and fields over {MAX_YAML_DEPTH} "
                                            "levels deep", "the fields of the examples, nested as they are"))
                    return True
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.append(Problem(path, line, "the YAML uses an anchor or alias (& or *)",
                                        "each value written out where it is used"))
                return True
            tag = getattr(event, "tag", None)
            if tag is not None:
                problems.append(Problem(path, line, f"the YAML gives the tag '{tag}'",
                                        "plain values without YAML tags (!!…)"))
                return True
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return False


def parse_mapping(text: str, path: str, first_line: int, problems: list[Problem]) -> SourceDocument | None:
    """Parse `text` (starting at file line `first_line`) as a YAML mapping; on failure add a problem."""
    if _refused_construct(text, path, first_line, problems):
        return None
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
        text_loader = _TextLoader(text)
    except yaml.reader.ReaderError as error:
        character = error.character if isinstance(error.character, int) else ord(error.character)
        problems.append(Problem(path, first_line + text.count("\n", 0, error.position),
                                f"the text contains the invisible control character U+{character:04X}",
                                "only printable characters: delete the line's end and retype it"))
        return None
    try:
        node = text_loader.get_single_node()
        data = text_loader.construct_document(node) if node is not None else None
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
        text_loader.dispose()
    return _document(node, data, path, first_line, problems)


def _document(node: yaml.Node | None, data: Any, path: str, first_line: int,
              problems: list[Problem]) -> SourceDocument | None:
    if node is None or not isinstance(data, dict):
        problems.append(Problem(path, first_line, "there are no fields here",
                                "'field: value' lines, as in the examples"))
        return None
    lines: dict[Location, int] = {}
    _record_lines(node, (), first_line, lines, path, problems)
    return SourceDocument(path=path, data=data, lines=lines, first_line=first_line)


def read_text(file: Path, path: str, problems: list[Problem], max_bytes: int) -> str | None:
    """The file's text as UTF-8 without a byte-order mark, with its line ends read as MkDocs reads them (`\r\n`
    and `\r` are `\n`); a problem instead of an exception, and for a file over `max_bytes` or holding a character
    that hides or reorders text."""
    size = file.stat().st_size
    if size > max_bytes:
        problems.append(Problem(path, 1, f"the file is {size:,} bytes, over the limit of {max_bytes:,}",
                                f"a file of at most {max_bytes // 1024} KB"))
        return None
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    forbidden = FILE_FORBIDDEN.search(text)
    if forbidden:
        problems.append(Problem(path, text.count("\n", 0, forbidden.start()) + 1,
                                f"the text contains the invisible character {character_name(forbidden[0])}",
                                "only visible characters, tabs and line breaks: delete the character (retype the "
                                "words around it)"))
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


# MkDocs 1.6.1's own rule (mkdocs/utils/meta.py, YAML_RE): the front matter is the text between a first line of
# `---` and the next line of `---` or `...`, each followed by spaces or tabs only. Reading it by the same rule
# is what makes the body checked here the body MkDocs renders.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
# A line that looks like a delimiter but that MkDocs does not read as one (another kind of space after it).
_NEAR_DELIMITER = re.compile(r"^(?:-{3}|\.{3})(?![ \t]*$)\s+$")


def parse_markdown(text: str, path: str, problems: list[Problem]) -> MarkdownSource | None:
    """Split a page into its front matter and its body, where MkDocs splits it."""
    lines = text.split("\n")
    match = FRONT_MATTER.match(text)
    end_line = match[0].count("\n") if match else len(lines)
    for index, line in enumerate(lines[:end_line]):
        if _NEAR_DELIMITER.match(line):
            problems.append(Problem(path, index + 1, f"the line '{line.strip()}' has an invisible space after it, "
                                    "so it does not open or close the front matter",
                                    "'---' alone on the line: delete the spaces after it"))
            return None
    if match is None:
        if FRONT_MATTER.match(text + "\n"):
            problems.append(Problem(path, len(lines), "the file ends on the closing '---' without a line break",
                                    "a line break after the closing '---' (MkDocs needs it)"))
        elif lines[0].rstrip(" \t") == "---":
            problems.append(Problem(path, 1, "the front matter is not closed",
                                    "a second '---' line after the fields"))
        else:
            problems.append(Problem(path, 1, "the page has no front matter",
                                    "the page to start with a '---' line, its fields, and another '---' line"))
        return None
    front_matter = parse_mapping(match[1], path, 2, problems)
    if front_matter is None:
        return None
    return MarkdownSource(front_matter=front_matter, body=text[match.end():], body_first_line=end_line + 1)
