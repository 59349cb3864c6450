"""The site's languages, in one place: adding a language is an entry here, its labels (data/labels.yml), its
pages (docs/<code>/) and its entry in mkdocs.yml's i18n languages (tests/test_registries.py compares the two)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Language:
    code: str
    """The folder of its pages (docs/<code>/), the `lang` of its HTML and static-i18n's locale."""
    name: str
    """Its own name, as the language switcher shows it."""
    english_name: str
    """Its name in English, as messages to editors give it."""
    direction: str
    """`rtl` or `ltr`: of its pages, share images and the texts the build shows for it."""
    babel_locale: str
    """The Babel locale of its dates, times, country and time-zone names."""
    og_locale: str
    """Its Open Graph locale (`og:locale`)."""
    root: str
    """Where its pages start, relative to the site's root: '' for the default language, 'en/' for English."""
    shows_hijri: bool
    """Whether its pages give the Hijri date beside the Gregorian one."""
    may_use_arabic_indic_digits: bool
    """Whether `extra.arabic_digits: arabic-indic` sets its digits (mkdocs.yml)."""
    arabic_search_keys: bool
    """Whether its search index holds the Arabic search key of each word beside the word (search_keys.py)."""


ARABIC = Language(code="ar", name="العربية", english_name="Arabic", direction="rtl", babel_locale="ar",
                  og_locale="ar_AR", root="", shows_hijri=True, may_use_arabic_indic_digits=True,
                  arabic_search_keys=True)
ENGLISH = Language(code="en", name="English", english_name="English", direction="ltr", babel_locale="en_GB",
                   og_locale="en_US", root="en/", shows_hijri=False, may_use_arabic_indic_digits=False,
                   arabic_search_keys=False)

# The default language first: it is the source of translations and is served at the site's root.
REGISTRY: tuple[Language, ...] = (ARABIC, ENGLISH)
DEFAULT = REGISTRY[0]
# The language translations are made into (conference_site/translations.py tracks them against the default).
TRANSLATED = ENGLISH
BY_CODE: dict[str, Language] = {language.code: language for language in REGISTRY}
CODES: tuple[str, ...] = tuple(BY_CODE)


def language(code: str) -> Language:
    """The language of `code`; a ValueError naming the site's languages for any other code."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"'{code}' is not one of the site's languages {', '.join(CODES)}") from None


def site_path(site_url: str, code: str, url: str) -> str:
    """The absolute path of `url` of language `code` (an address from that language's root, as MkDocs gives a
    page's), on the site at `site_url`: `/en/conferences/` (`/<repository>/en/…` on a project's GitHub Pages)."""
    base = urlsplit(site_url).path or "/"
    return f"{base}{BY_CODE[code].root}{url.removeprefix('./')}"


def site_root_url(language_site_url: str, code: str) -> str:
    """The site's address from the address of one language's root (its build's `site_url`)."""
    root = BY_CODE[code].root
    if root and not language_site_url.endswith(root):
        raise ValueError(f"the {code} build's site_url {language_site_url} does not end with '{root}'")
    return language_site_url[:len(language_site_url) - len(root)]
