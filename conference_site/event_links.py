"""The optional links of a conference (registration, call for papers, livestream, recordings, programme PDF):
which of those its data gives are of use to a visitor on the day the site is built.

A link is shown only while it can still be used: registration until it closes and never once the conference
is over, the call for papers until its deadline, the livestream until the last day. Recordings and the
programme stay useful after the event and are shown whenever given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .schema import ConferenceData

# The order a page lists them in: what a visitor can still do first, then what is there to watch or read.
LINK_KINDS = ("registration", "call_for_papers", "livestream", "recordings", "programme_pdf")


@dataclass(frozen=True)
class EventLink:
    kind: str  # one of LINK_KINDS; its label is `event_link_<kind>` (data/labels.yml)
    url: str
    until: dt.date | None = None  # the closing date or deadline, when the data gives one


def event_links(data: ConferenceData, today: dt.date) -> list[EventLink]:
    """The conference's links a visitor can use on `today`, in LINK_KINDS order."""
    links: list[EventLink] = []
    over = data.end < today
    if data.registration and not over and not (data.registration.closes and data.registration.closes < today):
        links.append(EventLink("registration", data.registration.url, data.registration.closes))
    cfp = data.call_for_papers
    if cfp and not over and not (cfp.deadline and cfp.deadline < today):
        links.append(EventLink("call_for_papers", cfp.url, cfp.deadline))
    if data.livestream and not over:
        links.append(EventLink("livestream", data.livestream))
    if data.recordings:
        links.append(EventLink("recordings", data.recordings))
    if data.programme_pdf:
        links.append(EventLink("programme_pdf", data.programme_pdf))
    return links
