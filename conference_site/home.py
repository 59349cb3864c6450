"""What the home page presents: one conference as its hero, then a few others as cards, a bounded number
whatever the size of the site (the listings hold the rest)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .kinds import Conference
from .listings import upcoming_and_past

# The cards under the hero: the next upcoming conferences after the featured one, then the most recent past ones.
UPCOMING_CARDS = 4
RECENT_CARDS = 3


@dataclass(frozen=True)
class HomeConferences:
    featured: Conference | None  # the next conference, or else the most recent one; None on a site with none
    featured_is_upcoming: bool
    upcoming: list[Conference]  # after the featured one, soonest first
    recent: list[Conference]  # past ones (but the featured), most recent first


def home_conferences(conferences: list[Conference], today: dt.date) -> HomeConferences:
    upcoming, past = upcoming_and_past(conferences, today)
    shown = upcoming or past
    featured = shown[0] if shown else None
    return HomeConferences(featured=featured, featured_is_upcoming=bool(upcoming),
                           upcoming=upcoming[1:UPCOMING_CARDS + 1],
                           recent=[conference for conference in past if conference is not featured][:RECENT_CARDS])
