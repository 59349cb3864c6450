"""Create the three files of a new conference, workshop or organisation, every field present and commented.

    python -m conference_site.scaffold conference ID              # make new-conference ID=…
    python -m conference_site.scaffold workshop ID --conference C  # make new-workshop CONFERENCE=… ID=…
    python -m conference_site.scaffold organisation ID            # make new-organisation ID=…

The files come from `scaffold_templates/`, every value an example: until the editor has replaced the examples
(titles, texts, the example source), the content check names each one at its line (examples.py). The pages
are written in both languages at once, so the English page needs no `translated_from` (translations.py). An id
already used, by any kind, is refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import jinja2
import yaml

from .problems import Problem
from .kinds import KIND_FOLDERS, KINDS
from .schema import ID_EXPECTED, ID_PATTERN, LANGUAGES

TEMPLATES = Path(__file__).parent / "scaffold_templates"
_environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                  keep_trailing_newline=True, autoescape=False)


class ScaffoldError(Exception):
    """The entity cannot be created; the message is a `path:line: …; expected …` problem."""


def entity_files(root: Path, kind: str, entity_id: str) -> dict[str, Path]:
    """The data file and the two pages of an entity: "data" and one key per language."""
    folder = KIND_FOLDERS[kind]
    return {"data": root / "data" / folder / f"{entity_id}.yml",
            **{language: root / "docs" / language / folder / f"{entity_id}.md" for language in LANGUAGES}}


def _relative(root: Path, file: Path) -> str:
    return file.relative_to(root).as_posix()


def check_new_id(root: Path, entity_id: str) -> None:
    """Raise unless `entity_id` is a valid id that no conference, workshop or organisation uses yet."""
    if not re.fullmatch(ID_PATTERN, entity_id):
        raise ScaffoldError(f"ID '{entity_id}' is not a valid id; expected {ID_EXPECTED}")
    for kind in KINDS:
        for file in entity_files(root, kind, entity_id).values():
            if file.exists():
                raise ScaffoldError(str(Problem(_relative(root, file), 1, f"the id '{entity_id}' is already used",
                                                "a new id that no conference, workshop or organisation has")))


def next_order(root: Path, conference_id: str) -> int:
    """The position after the last session of the conference's programme."""
    orders = []
    for file in sorted((root / "data" / "workshops").glob("*.yml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the build reports a broken file; it just cannot count here
        if isinstance(data, dict) and data.get("conference") == conference_id and isinstance(data.get("order"), int):
            orders.append(data["order"])
    return max(orders, default=-1) + 1


def create(root: Path, kind: str, entity_id: str, conference: str | None = None) -> list[Path]:
    """Write the entity's data file and its pages; the files written, data file first."""
    check_new_id(root, entity_id)
    context: dict[str, object] = {"id": entity_id, "today": dt.date.today().isoformat()}
    if kind == "workshop":
        conferences = root / "data" / "conferences"
        if not conference:
            raise ScaffoldError("a workshop needs its conference; expected CONFERENCE=<the id of a file in "
                                "data/conferences/>")
        if not (conferences / f"{conference}.yml").is_file():
            known = ", ".join(sorted(file.stem for file in conferences.glob("*.yml"))) or "none yet"
            raise ScaffoldError(str(Problem(f"data/conferences/{conference}.yml", 1,
                                            f"the conference '{conference}' does not exist",
                                            f"CONFERENCE= one of: {known}")))
        context.update(conference=conference, order=next_order(root, conference))
    files = entity_files(root, kind, entity_id)
    names = {"data": f"{kind}.yml", **{language: f"{kind}.{language}.md" for language in LANGUAGES}}
    for key, file in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(_environment.get_template(names[key]).render(context), encoding="utf-8")
    return list(files.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conference_site.scaffold", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the site's folder (default: here)")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("id", help=ID_EXPECTED)
    parser.add_argument("--conference", help="for a workshop: the id of its conference")
    arguments = parser.parse_args(argv)
    root = arguments.root.resolve()
    try:
        written = create(root, arguments.kind, arguments.id, arguments.conference)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    for file in written:
        print(f"created {_relative(root, file)}")
    print("Next: replace every example value in these files (CONTRIBUTING.md); `make serve` shows the site, and "
          "those still to replace")
    return 0


if __name__ == "__main__":
    sys.exit(main())
