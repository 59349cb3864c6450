"""The nearest valid name to a misspelt one, for messages that say "did you mean …?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `value` (difflib's ratio, ignoring case), if any is close enough."""
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    found = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=0.8)
    return by_folded[found[0]] if found else None


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """` (did you mean X?)` for the nearest candidate, or nothing when none is near."""
    found = nearest(value, candidates)
    return f" (did you mean {found}?)" if found and found != value else ""
