"""The kinds of entity, in one place: each kind's folder (data/<folder>/, docs/<language>/<folder>/), the models
of its data file and of its pages, and its entity type, whose `data` and `text()` are typed by those models.

Adding a kind is an entry here, its models (schema.py), its labels (data/labels.yml), its templates
(overrides/partials/site/<kind>.html) and, where the site treats kinds differently (search facets, JSON-LD,
the page's generated part), a case of its own: those places dispatch on the entity's type and end with
`assert_never`, so that mypy names each place a new kind still lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, Union, cast

from . import schema
from .yaml_source import SourceDocument

Fields = TypeVar("Fields", bound=schema.Strict)
Data = TypeVar("Data", bound=schema.Strict)


@dataclass(frozen=True)
class Translation(Generic[Fields]):
    """One language's page of an entity (or of a general page)."""

    language: str
    path: str
    fields: Fields
    front_matter: SourceDocument = field(compare=False, repr=False)
    body: str = field(default="", compare=False, repr=False)
    body_first_line: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class Entity(Generic[Data, Fields]):
    kind: str
    id: str
    data_path: str
    data: Data
    translations: dict[str, Translation[Fields]]
    data_source: SourceDocument = field(compare=False, repr=False)

    def line_of(self, *location: str | int) -> int:
        """The line of the data file where the field at `location` is written."""
        return self.data_source.line_of(location)

    def text(self, language: str) -> Fields:
        return self.translations[language].fields

    @property
    def page_uri(self) -> str:
        """The page's path inside a language folder, as MkDocs links name it."""
        return f"{BY_NAME[self.kind].folder}/{self.id}.md"


class Conference(Entity[schema.ConferenceData, schema.ConferencePage]):
    pass


class Workshop(Entity[schema.WorkshopData, schema.WorkshopPage]):
    pass


class Organisation(Entity[schema.OrganisationData, schema.OrganisationPage]):
    pass


AnyEntity = Union[Conference, Workshop, Organisation]


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    data_model: type[schema.Strict]
    page_model: type[schema.Strict]
    entity_type: type[AnyEntity]

    def entity(self, entity_id: str, data_path: str, data: schema.Strict,
               translations: dict[str, Translation[schema.Strict]], data_source: SourceDocument) -> AnyEntity:
        """An entity of this kind, from its data and pages as this kind's models validated them (the one place
        where the kind known at run time becomes the entity's type)."""
        return self.entity_type(self.name, entity_id, data_path, cast(Any, data), cast(Any, translations),
                                data_source)


REGISTRY: tuple[Kind, ...] = (
    Kind("conference", "conferences", schema.ConferenceData, schema.ConferencePage, Conference),
    Kind("workshop", "workshops", schema.WorkshopData, schema.WorkshopPage, Workshop),
    Kind("organisation", "organisations", schema.OrganisationData, schema.OrganisationPage, Organisation),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in REGISTRY}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in REGISTRY}
KINDS: tuple[str, ...] = tuple(BY_NAME)
KIND_FOLDERS: dict[str, str] = {kind.name: kind.folder for kind in REGISTRY}
DATA_MODELS: dict[str, type[schema.Strict]] = {kind.name: kind.data_model for kind in REGISTRY}
PAGE_MODELS: dict[str, type[schema.Strict]] = {kind.name: kind.page_model for kind in REGISTRY}


def fact_names(kind: str) -> frozenset[str]:
    """The fields a `sources[].facts` entry may name for this kind."""
    return (frozenset(DATA_MODELS[kind].model_fields) | frozenset(PAGE_MODELS[kind].model_fields) | {
        "body", "workshops", "venue", "dates"}) - {"sources", "translated_from"}
