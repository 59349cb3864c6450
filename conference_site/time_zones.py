"""Which time zones a country's clocks follow, from the tz database the `tzdata` wheel ships.

`zone1970.tab` gives each zone the countries that have followed it since 1970 (Asia/Dubai: AE, OM, …), `zone.tab`
one zone per country and region (Asia/Muscat for OM), and `tzdata.zi`'s `L` lines the links between names
(Asia/Muscat is a link to Asia/Dubai). A zone belongs to a country when it, or the zone it links to, is listed
for that country in either table.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources

_TZDATA = resources.files("tzdata").joinpath("zoneinfo")


def _table_lines(name: str) -> list[list[str]]:
    text = _TZDATA.joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _links() -> dict[str, str]:
    """Each linked name → the zone it names."""
    links = {}
    for line in _TZDATA.joinpath("tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            _, target, name = line.split()
            links[name] = target
    return links


def canonical(zone: str) -> str:
    links = _links()
    while zone in links:
        zone = links[zone]
    return zone


@cache
def _zones_by_country() -> dict[str, frozenset[str]]:
    zones: dict[str, set[str]] = defaultdict(set)
    for codes, _, zone, *_ in _table_lines("zone1970.tab"):
        for code in codes.split(","):
            zones[code].add(zone)
    for code, _, zone, *_ in _table_lines("zone.tab"):
        zones[code].add(zone)
    return {code: frozenset(names) for code, names in zones.items()}


def zones_of(country: str) -> list[str]:
    """The zone names the tables list for `country`, sorted; empty for a code they do not know."""
    return sorted(_zones_by_country().get(country, ()))


def belongs_to(zone: str, country: str) -> bool:
    """Whether clocks set to `zone` show the time of `country` (True when the tables know no zone for it)."""
    listed = _zones_by_country().get(country)
    return not listed or canonical(zone) in {canonical(name) for name in listed}
