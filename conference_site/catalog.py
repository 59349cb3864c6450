"""Load every entity of the site once, check it, and index it for the hooks and templates."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TypeVar, assert_never

from . import schema
from .deadline import DeadlineExceeded, deadline
from .examples import check_examples
from .files import check_layout
from .limits import MAX_DATA_BYTES, MAX_PAGE_BYTES, PAGE_SECONDS
from .links import PageBody, check_links
from .markdown_checks import check_body
from .problems import ContentError, Problem
from .kinds import (BY_FOLDER, BY_NAME, KIND_FOLDERS, KINDS, AnyEntity, Conference, Organisation, Translation, Workshop,
                    fact_names)
from .schema import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from .share_image import missing_characters
from .suggestions import did_you_mean
from .yaml_source import MarkdownSource, SourceDocument, parse_mapping, parse_markdown, read_text

T = TypeVar("T")
Model = TypeVar("Model", bound=schema.Strict)
LABELS_FILE = "data/labels.yml"


@dataclass(frozen=True)
class Participation:
    """An organisation's part in a conference: its role there, or the workshop it presented."""

    conference: Conference
    role: str
    workshop: Workshop | None = None


@dataclass
class Catalog:
    conferences: dict[str, Conference] = field(default_factory=dict)
    workshops: dict[str, Workshop] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    general_pages: dict[str, dict[str, Translation[schema.GeneralPage]]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    _workshops_by_conference: dict[str, list[Workshop]] = field(default_factory=dict)
    _participations: dict[str, list[Participation]] = field(default_factory=dict)

    @property
    def entities(self) -> dict[str, Mapping[str, AnyEntity]]:
        """The entities of each kind, by kind name (kinds.KINDS)."""
        return {"conference": self.conferences, "workshop": self.workshops, "organisation": self.organisations}

    def add(self, entity: AnyEntity) -> None:
        if isinstance(entity, Conference):
            self.conferences[entity.id] = entity
        elif isinstance(entity, Workshop):
            self.workshops[entity.id] = entity
        elif isinstance(entity, Organisation):
            self.organisations[entity.id] = entity
        else:
            assert_never(entity)

    def entity_for_page(self, page_uri: str) -> AnyEntity | None:
        """The entity whose page is `page_uri` (relative to a language folder), if any."""
        parts = PurePosixPath(page_uri).parts
        if len(parts) != 2 or parts[0] not in BY_FOLDER or not parts[1].endswith(".md"):
            return None
        return self.entities[BY_FOLDER[parts[0]].name].get(parts[1][:-3])

    def pages_read(self) -> dict[str, MarkdownSource]:
        """Every page of the site as it was read, by its path from the site's root."""
        translations = [*(t for pages in self.general_pages.values() for t in pages.values()),
                        *(t for entities in self.entities.values() for entity in entities.values()
                          for t in entity.translations.values())]
        return {t.path: MarkdownSource(t.front_matter, t.body, t.body_first_line) for t in translations}

    def workshops_of(self, conference_id: str) -> list[Workshop]:
        return self._workshops_by_conference.get(conference_id, [])

    def participations_of(self, organisation_id: str) -> list[Participation]:
        return self._participations.get(organisation_id, [])

    def label(self, key: str, language: str) -> str:
        try:
            return self.labels[key][language]
        except KeyError:
            raise KeyError(f"no label '{key}' in {LABELS_FILE} for language '{language}'") from None

    def build_indexes(self) -> None:
        by_conference: dict[str, list[Workshop]] = defaultdict(list)
        for workshop in self.workshops.values():
            by_conference[workshop.data.conference].append(workshop)
        self._workshops_by_conference = {
            conference_id: sorted(items, key=lambda w: (w.data.order, w.data.start or dt.datetime.min, w.id))
            for conference_id, items in by_conference.items()}

        participations: dict[str, list[Participation]] = defaultdict(list)
        for conference in self.conferences.values():
            for part in conference.data.organisations:
                participations[part.organisation].append(Participation(conference, part.role))
        for workshop in self.workshops.values():
            for presenter in workshop.data.presenters:
                participations[presenter].append(
                    Participation(self.conferences[workshop.data.conference], "presenter", workshop))
        self._participations = {
            organisation_id: sorted(items, key=lambda p: (p.conference.data.start, p.conference.id,
                                                          p.workshop.id if p.workshop else ""), reverse=True)
            for organisation_id, items in participations.items()}


class _Loader:
    def __init__(self, root: Path, docs_dir: Path) -> None:
        self.root = root
        self.root_prefix = os.path.join(str(root), "")
        self.docs_dir = docs_dir
        self.problems: list[Problem] = []
        self.catalog = Catalog()
        # Ids with a data file, valid or not: a reference to one of them is not dangling, even when the
        # file it names has problems of its own (those are reported on that file).
        self.existing_ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
        self.bodies: list[PageBody] = []

    def relative(self, file: Path) -> str:
        # The files are found under the root, so their path begins with it (relpath is ten times slower).
        text = str(file)
        if text.startswith(self.root_prefix):
            return text[len(self.root_prefix):].replace(os.sep, "/")
        return Path(os.path.relpath(file, self.root)).as_posix()

    def problem(self, file: Path | str, line: int, message: str, expected: str = "") -> None:
        path = file if isinstance(file, str) else self.relative(file)
        self.problems.append(Problem(path, line, message, expected))

    def load(self) -> Catalog:
        self.load_labels()
        check_layout(self.root, self.docs_dir, self.relative, self.problems)
        data_files = self.find_data_files()
        pages = self.find_pages()
        self.pair_general_pages(pages)
        self.load_entities(data_files, pages)
        self.check_references()
        self.check_links()
        if self.problems:
            raise ContentError(self.problems)
        self.catalog.build_indexes()
        return self.catalog

    def load_labels(self) -> None:
        file = self.root / LABELS_FILE
        if not file.is_file():
            self.problem(LABELS_FILE, 1, "the labels file is missing", "a mapping of label → ar/en texts")
            return
        text = read_text(file, LABELS_FILE, self.problems, MAX_DATA_BYTES)
        document = self.guarded(LABELS_FILE, lambda: parse_mapping(text, LABELS_FILE, 1, self.problems)) \
            if text is not None else None
        if document is None:
            return
        for key, value in document.data.items():
            line = document.line_of((key,))
            if not isinstance(value, dict) or set(value) != set(LANGUAGES) or not all(
                    isinstance(text, str) and text.strip() for text in value.values()):
                self.problem(LABELS_FILE, line, f"the label '{key}' is not translated into every language",
                             f"'{key}:' with one text for each of {', '.join(LANGUAGES)}")
                continue
            wrong = next(((language, reason) for language, text in value.items()
                          if (reason := schema.label_problem(text)) is not None), None)
            if wrong is not None:
                self.problem(LABELS_FILE, line, f"the {LANGUAGE_NAMES[wrong[0]]} text of the label '{key}' is "
                             f"refused ({wrong[1]})", "plain text, as in the other labels")
                continue
            self.catalog.labels[key] = value

    def find_data_files(self) -> dict[str, dict[str, Path]]:
        found: dict[str, dict[str, Path]] = {kind: {} for kind in KINDS}
        for kind in KINDS:
            folder = self.root / "data" / KIND_FOLDERS[kind]
            for file in sorted(folder.glob("*")) if folder.is_dir() and not folder.is_symlink() else []:
                # Links and hidden files are reported by check_layout, not read.
                if file.name.startswith(".") or file.is_symlink():
                    continue
                if file.suffix != ".yml" or not file.is_file():
                    self.problem(file, 1, f"'{file.name}' is not a data file",
                                 f"only <id>.yml files in data/{KIND_FOLDERS[kind]}/")
                    continue
                if self.check_id(file, file.stem):
                    found[kind][file.stem] = file
                    self.existing_ids[kind].add(file.stem)
        return found

    def check_id(self, file: Path, entity_id: str) -> bool:
        if re.fullmatch(schema.ID_PATTERN, entity_id):
            return True
        self.problem(file, 1, f"the file name '{file.name}' is not a valid id", schema.ID_EXPECTED)
        return False

    def find_pages(self) -> dict[str, dict[str, Path]]:
        """Every Markdown page per language, keyed by its path inside the language folder."""
        pages: dict[str, dict[str, Path]] = {}
        for language in LANGUAGES:
            folder = self.docs_dir / language
            # Pages in other folders are reported by check_layout, not read as pages.
            pages[language] = {
                file.relative_to(folder).as_posix(): file
                for file in sorted(folder.rglob("*.md")) if file.is_file() and not file.is_symlink() and (
                    file.parent == folder or (file.parent.parent == folder and file.parent.name in BY_FOLDER))
            } if folder.is_dir() and not folder.is_symlink() else {}
        return pages

    @staticmethod
    def is_entity_page(page_uri: str) -> bool:
        parts = PurePosixPath(page_uri).parts
        return len(parts) == 2 and parts[0] in BY_FOLDER and parts[1] != "index.md"

    def counterparts_exist(self, page_uri: str, pages: dict[str, dict[str, Path]]) -> bool:
        present = [language for language in LANGUAGES if page_uri in pages[language]]
        for language in LANGUAGES:
            if language in present:
                continue
            have = present[0]
            self.problem(pages[have][page_uri], 1,
                         f"this page has no {LANGUAGE_NAMES[language]} counterpart",
                         f"the {LANGUAGE_NAMES[language]} page "
                         f"{self.relative(self.docs_dir / language / page_uri)}")
        return len(present) == len(LANGUAGES)

    def pair_general_pages(self, pages: dict[str, dict[str, Path]]) -> None:
        uris = sorted({uri for by_uri in pages.values() for uri in by_uri if not self.is_entity_page(uri)})
        for uri in uris:
            if not self.counterparts_exist(uri, pages):
                continue
            translations = {language: self.read_page(pages[language][uri], schema.GeneralPage)
                            for language in LANGUAGES}
            read = {language: page for language, page in translations.items() if page is not None}
            if len(read) == len(translations):
                self.catalog.general_pages[uri] = read

    def guarded(self, path: str, read: Callable[[], T]) -> T | None:
        """What `read` returns, within the time bound; a problem naming the file, never an exception, if it
        fails or takes too long (the checks are meant never to raise: this keeps a mistake in them from
        becoming a traceback)."""
        try:
            with deadline(PAGE_SECONDS):
                return read()
        except DeadlineExceeded:
            self.problem(path, 1, f"checking this file took over {PAGE_SECONDS:.0f} seconds",
                         "a file within the limits of CONTRIBUTING.md (section 8, 'Limits')")
        except (Exception, RecursionError) as error:  # noqa: BLE001 - any failure becomes the editor's message
            self.problem(path, 1, f"this file could not be checked ({type(error).__name__}: {_shown(error)})",
                         "a file like the examples in conference_site/scaffold_templates/")
        return None

    def read_page(self, file: Path, model: type[Model]) -> Translation[Model] | None:
        """The page's validated front matter, in the language of the folder it is in."""
        path = self.relative(file)

        def read() -> Translation[Model] | None:
            text = read_text(file, path, self.problems, MAX_PAGE_BYTES)
            source = parse_markdown(text, path, self.problems) if text is not None else None
            if source is not None:
                check_body(source.body, path, source.body_first_line, self.problems)
                self.bodies.append(PageBody(path, source.body, source.body_first_line))
            if source is None:
                return None
            fields = schema.validate(model, source.front_matter, self.problems)
            if fields is None:
                return None
            return Translation(file.relative_to(self.docs_dir).parts[0], path, fields, source.front_matter,
                               source.body, source.body_first_line)
        return self.guarded(path, read)

    def read_data(self, file: Path, model: type[schema.Strict]) -> tuple[schema.Strict | None, SourceDocument | None]:
        path = self.relative(file)

        def read() -> tuple[schema.Strict | None, SourceDocument | None]:
            text = read_text(file, path, self.problems, MAX_DATA_BYTES)
            document = parse_mapping(text, path, 1, self.problems) if text is not None else None
            return (schema.validate(model, document, self.problems) if document else None), document
        return self.guarded(path, read) or (None, None)

    def load_entities(self, data_files: dict[str, dict[str, Path]], pages: dict[str, dict[str, Path]]) -> None:
        owners: dict[str, Path] = {}
        for kind in KINDS:
            folder = KIND_FOLDERS[kind]
            page_ids = {PurePosixPath(uri).stem for by_uri in pages.values() for uri in by_uri
                        if self.is_entity_page(uri) and uri.startswith(f"{folder}/")}
            for entity_id in sorted(page_ids - set(data_files[kind])):
                language = next(lang for lang in LANGUAGES if f"{folder}/{entity_id}.md" in pages[lang])
                self.problem(pages[language][f"{folder}/{entity_id}.md"], 1,
                             f"this {kind} has no data file", f"data/{folder}/{entity_id}.yml")
            for entity_id, data_file in data_files[kind].items():
                if entity_id in owners:
                    self.problem(data_file, 1, f"the id '{entity_id}' is already used by "
                                 f"{self.relative(owners[entity_id])}",
                                 "an id used by one conference, workshop or organisation only")
                    continue
                owners[entity_id] = data_file
                self.load_entity(kind, entity_id, data_file, pages)

    def load_entity(self, kind: str, entity_id: str, data_file: Path, pages: dict[str, dict[str, Path]]) -> None:
        uri = f"{KIND_FOLDERS[kind]}/{entity_id}.md"
        present = [language for language in LANGUAGES if uri in pages[language]]
        if not present:
            self.problem(data_file, 1, f"this {kind} has no pages",
                         " and ".join(self.relative(self.docs_dir / lang / uri) for lang in LANGUAGES))
            return
        data, document = self.read_data(data_file, BY_NAME[kind].data_model)
        if not self.counterparts_exist(uri, pages):
            return
        translations = {language: self.read_page(pages[language][uri], BY_NAME[kind].page_model)
                        for language in LANGUAGES}
        read = {language: page for language, page in translations.items() if page is not None}
        if data is None or document is None or len(read) != len(translations):
            return
        entity = BY_NAME[kind].entity(entity_id, self.relative(data_file), data, read, document)
        self.check_translations_agree(entity)
        check_examples(entity, self.problems)
        if isinstance(entity, Conference):
            self.check_share_image_text(entity)
        self.catalog.add(entity)

    def check_share_image_text(self, conference: Conference) -> None:
        """The share image draws the title and the city: its font must have their letters."""
        for translation in conference.translations.values():
            for name in ("title", "city"):
                missing = missing_characters(getattr(translation.fields, name))
                if missing:
                    self.problem(translation.path, translation.front_matter.line_of((name,)),
                                 f"the share image's font has no glyph for {', '.join(repr(c) for c in missing)} "
                                 f"in '{name}'", "Arabic or Latin letters")

    def check_translations_agree(self, entity: AnyEntity) -> None:
        source_ids = [source.id for source in entity.data.sources]
        allowed_facts = fact_names(entity.kind)
        for index, source in enumerate(entity.data.sources):
            for fact in source.facts:
                if fact not in allowed_facts:
                    self.problem(entity.data_path, entity.line_of("sources", index, "facts"),
                                 f"sources[{index}] names the unknown fact '{fact}'{did_you_mean(fact, allowed_facts)}",
                                 f"field names of a {entity.kind}: {', '.join(sorted(allowed_facts))}")
        if len(set(source_ids)) != len(source_ids):
            self.problem(entity.data_path, entity.line_of("sources"), "two sources have the same id", "a different id for each source")
        for translation in entity.translations.values():
            described = list(translation.fields.sources)
            if sorted(described) != sorted(source_ids):
                self.problem(translation.path, translation.front_matter.line_of(("sources",)),
                             f"'sources' describes {', '.join(described) or 'nothing'}",
                             f"one description for each source id of {entity.data_path}: {', '.join(source_ids)}")
            # Readers see the descriptions; the file names are the editors' (a file name in right-to-left text is
            # also shown reversed: «8ef96eab551f5210.txt_003»).
            file_names = [source.document for source in entity.data.sources
                          if not source.document.startswith("https://")]
            for source_id, description in translation.fields.sources.items():
                named = next((name for name in file_names if name.casefold() in description.casefold()), None)
                if named is not None:
                    self.problem(translation.path, translation.front_matter.line_of(("sources", source_id)),
                                 f"the description of source '{source_id}' names the file {named}, which readers "
                                 "do not see", f"the source described as a reader knows it (a news article, a "
                                 f"public page); the file name stays in {entity.data_path}")
        if isinstance(entity, Conference):
            counts = {lang: len(t.fields.themes) for lang, t in entity.translations.items()}
            if len(set(counts.values())) > 1:
                for code, other in entity.translations.items():
                    if counts[code] != counts[DEFAULT_LANGUAGE]:
                        self.problem(other.path, other.front_matter.line_of(("themes",)),
                                     f"'themes' has {counts[code]} items but the "
                                     f"{LANGUAGE_NAMES[DEFAULT_LANGUAGE]} page has {counts[DEFAULT_LANGUAGE]}",
                                     "the same themes, in the same order, in every language")

    def check_references(self) -> None:
        """References between the entities that loaded; an id whose file exists counts as existing."""
        catalog = self.catalog
        organisations = self.existing_ids["organisation"]
        for conference in catalog.conferences.values():
            seen: set[str] = set()
            for index, part in enumerate(conference.data.organisations):
                line = conference.line_of("organisations", index, "organisation")
                if part.organisation not in organisations:
                    self.problem(conference.data_path, line, f"the organisation '{part.organisation}' does not "
                                 f"exist{did_you_mean(part.organisation, organisations)}",
                                 "the id of a file in data/organisations/")
                if part.organisation in seen:
                    self.problem(conference.data_path, line, f"the organisation '{part.organisation}' is listed "
                                 "twice", "each organisation once, with its main role")
                seen.add(part.organisation)
        for workshop in catalog.workshops.values():
            host = catalog.conferences.get(workshop.data.conference)
            if workshop.data.conference not in self.existing_ids["conference"]:
                self.problem(workshop.data_path, workshop.line_of("conference"),
                             f"the conference '{workshop.data.conference}' does not exist"
                             f"{did_you_mean(workshop.data.conference, self.existing_ids['conference'])}",
                             "the id of a file in data/conferences/")
            for index, presenter in enumerate(workshop.data.presenters):
                if presenter not in organisations:
                    self.problem(workshop.data_path, workshop.line_of("presenters", index),
                                 f"the organisation '{presenter}' does not exist"
                                 f"{did_you_mean(presenter, organisations)}",
                                 "the id of a file in data/organisations/")
            if host and workshop.data.start and not (
                    host.data.start <= workshop.data.start.date() <= host.data.end):
                self.problem(workshop.data_path, workshop.line_of("start"),
                             f"the session starts on {workshop.data.start.date()}, outside its conference",
                             f"a day from {host.data.start} to {host.data.end}")

    def check_links(self) -> None:
        docs = {self.relative(file) for file in self.docs_dir.rglob("*") if file.is_file()}
        check_links(self.bodies, frozenset(docs), self.problems)


def _shown(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= 120 else text[:117] + "…"


def _fingerprint(root: Path, docs_dir: Path) -> tuple[tuple[str, str, int, int], ...]:
    entries = []
    for folder in (root / "data", docs_dir):
        for directory, _, names in os.walk(folder):
            for name in names:
                stat = os.lstat(os.path.join(directory, name))
                entries.append((directory, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


# The sequential build runs one build per language in one process, and `mkdocs serve` rebuilds on every save:
# reading the content once per change, not once per language build, keeps both fast. The cache is keyed by the
# content's fingerprint (every file's path, modification time and size), so a change is always read.
_cached: tuple[tuple[str, str, tuple[tuple[str, str, int, int], ...]], Catalog] | None = None


def load_catalog(root: Path, docs_dir: Path) -> Catalog:
    """The checked catalog of the site at `root`; raises ContentError listing every problem found."""
    global _cached
    fingerprint = (str(root), str(docs_dir), _fingerprint(root, docs_dir))
    if _cached is not None and _cached[0] == fingerprint:
        return _cached[1]
    catalog = _Loader(root, docs_dir).load()
    _cached = (fingerprint, catalog)
    return catalog
