"""The byline of our users' text format: ``By <authors>, <role>. Media: <outlet>``."""

from __future__ import annotations

import re
from typing import NamedTuple


class Byline(NamedTuple):
    """What a byline says: who wrote it, in what role, for which outlet."""

    authors: tuple[str, ...]
    role: str | None
    outlet: str | None


_MAX_LENGTH = 400  # a longer line is prose, and capping it keeps a 1 MB line cheap
_START = re.compile(r"(?i)by:?\s+")
# The outlet is introduced by "Media:"; the full stop before it ends the role
# (or the last name when there is no role).
_MEDIA = re.compile(r"(?i)\bmedia\s*:")
_NAME_SPLIT = re.compile(r"\s*(?:,\s*)?\b(?:and|&)\s+|\s*&\s*|\s*;\s*", re.IGNORECASE)
# Tokens after which a full stop is part of the word, not the end of the clause.
_ABBREVIATION_END = re.compile(r"(?:\b(?:Jr|Sr|Dr|St|Inc|Co|Ltd|Ph\.D|[A-Z])|[A-Z]\.[A-Z])$")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."})
# Words that make a comma-separated part a job title rather than a name.
_ROLE_WORDS = frozenset(
    """reporter correspondent writer editor columnist contributor contributing staff
    analyst journalist producer chief bureau author commentator critic fellow intern
    host anchor photographer director manager head senior associate editorial team desk
    news politics political national international foreign business economics science
    health technology tech sports culture opinion investigative freelance special
    deputy assistant managing executive lead principal researcher reviewer blogger
    contributors writers reporters editors correspondents staffer wire services
    """.split()
)
# Lower-case words a name may contain ("Ursula von der Leyen", "Abu al-Hassan").
_PARTICLES = frozenset(
    "de da di do dos das del della der den van von la le du al el bin bint ibn ben ter ten y e".split()
)
_NAME_WORDS_MAX = 6


def parse_byline(line: str) -> Byline | None:
    """Read ``line`` as a byline, or return None if it is not one. Never raises.

    Handles several authors ("A and B", "A, B and C"), roles with full stops
    ("Sr. Correspondent"), initials ("J. R. Smith"), no role, and no "Media:" part.
    Without a "Media:" part the names must look like names, so prose that starts
    with "By the time ..." is not taken for a byline.
    """
    if len(line) > _MAX_LENGTH:
        return None
    line = line.strip()
    start = _START.match(line)
    if start is None:
        return None
    head = line[start.end() :]
    outlet: str | None = None
    found = list(_MEDIA.finditer(head))
    media = found[-1] if found else None  # the last "Media:" is the separator; names rarely contain the word
    if media is not None:
        outlet = head[media.end() :].strip().rstrip(".").strip() or None
        head = head[: media.start()]
    head = _restore_stop(head.rstrip().rstrip(".").rstrip())
    parts = [part.strip() for part in head.split(",")]
    role_at = next((i for i in range(1, len(parts)) if _is_role(parts[i])), len(parts))
    while role_at < len(parts) - 1 and _names_before_role(parts[role_at], parts[role_at + 1 :]):
        role_at = next((i for i in range(role_at + 1, len(parts)) if _is_role(parts[i])), len(parts))
    role = ", ".join(p for p in parts[role_at:] if p) or None
    authors = split_names(", ".join(parts[:role_at]))
    if not authors:
        return None
    if media is None and not all(_looks_like_name(name) for name in authors):
        return None
    return Byline(authors, role, outlet)


def split_names(text: str) -> tuple[str, ...]:
    """Split "A, B and C" (or "A & B", "A; B") into names; "Jr." stays with its name."""
    names: list[str] = []
    for part in text.split(","):
        for name in _NAME_SPLIT.split(part):
            name = " ".join(name.split())
            if not name:
                continue
            if names and name.lower() in _SUFFIXES:
                names[-1] = f"{names[-1]} {name}"
            else:
                names.append(name)
    return tuple(names)


def _restore_stop(text: str) -> str:
    # "By John Smith Jr. Media: X": the separator took the abbreviation's full stop.
    if _ABBREVIATION_END.search(text[-12:]):  # the tail is enough; "$" scans are slow
        return text + "."
    return text


def _is_role(part: str) -> bool:
    words = part.replace(".", " ").replace("-", " ").lower().split()
    if not words or part.lower() in _SUFFIXES:
        return False
    if any(word in _ROLE_WORDS for word in words):
        return True
    # A part with ordinary lower-case words ("special to the paper") is no name.
    return any(w.islower() and w not in _PARTICLES and w not in ("and",) for w in part.split())


# Roles in the plural say the byline names several people.
_PLURAL_ROLES = frozenset("writers reporters correspondents editors contributors staff journalists".split())


def _names_before_role(part: str, later: list[str]) -> bool:
    """Whether ``part``, taken for a role because a surname is a job word
    ("Jonah Head and Ana Ruiz", "Lena Chief"), is names: a role follows it, and
    either it joins name-shaped people with "and"/"&", one of them no job title,
    or the role that follows is plural and ``part`` itself is shaped like a name."""
    if not any(_is_role(p) for p in later):
        return False
    names = split_names(part)
    if not all(_looks_like_name(name) for name in names):
        return False
    if len(names) > 1:
        return any(not _only_role_words(name) for name in names)
    plural = any(w in _PLURAL_ROLES for p in later for w in p.lower().replace(".", " ").split())
    return plural and len(names[0].split()) >= 2 and not _only_role_words(names[0]) and not _is_role_start(names[0])


def _only_role_words(name: str) -> bool:
    return all(w in _ROLE_WORDS for w in name.replace(".", " ").replace("-", " ").lower().split())


def _is_role_start(name: str) -> bool:
    # "Senior Ferry Reporter", "Chief Harbour Correspondent": a job title opens with a role word.
    return name.split()[0].lower().strip(".") in _ROLE_WORDS


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= _NAME_WORDS_MAX:
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES or w.lower() in _SUFFIXES for w in words)
