"""How the generated lists group what they show, so that a reader is told each thing once: the sessions of a
programme by runs of one format, an organisation's roles by conference."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .catalog import Participation
from .kinds import Conference, Workshop


def format_runs(workshops: Iterable[Workshop]) -> list[list[Workshop]]:
    """The sessions in their order, cut where the format changes: the format is named once per run (in the
    plural for a run of several, or of an entry that stands for several)."""
    runs: list[list[Workshop]] = []
    for workshop in workshops:
        if runs and runs[-1][0].data.format == workshop.data.format:
            runs[-1].append(workshop)
        else:
            runs.append([workshop])
    return runs


@dataclass
class ConferenceRoles:
    """An organisation's part in one conference: its roles there in the data's order, each with the sessions it
    presented (a presenter's role once, however many sessions)."""

    conference: Conference
    roles: list[tuple[str, list[Workshop]]] = field(default_factory=list)


def roles_by_conference(participations: Iterable[Participation]) -> list[ConferenceRoles]:
    """One entry per conference, in the order of the participations; the roles of the conference's data before
    the sessions presented."""
    entries: dict[str, ConferenceRoles] = {}
    for participation in participations:
        entry = entries.setdefault(participation.conference.id, ConferenceRoles(participation.conference))
        sessions = next((workshops for role, workshops in entry.roles if role == participation.role), None)
        if sessions is None:
            sessions = []
            entry.roles.append((participation.role, sessions))
        if participation.workshop is not None:
            sessions.append(participation.workshop)
    for entry in entries.values():
        entry.roles.sort(key=lambda role: role[0] == "presenter")
        for _, sessions in entry.roles:
            sessions.sort(key=lambda workshop: (workshop.data.order, workshop.id))
    return list(entries.values())
