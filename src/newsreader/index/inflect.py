"""English word forms for search: "flood" finds "floods", "flooded", "flooding".

The full-text index keeps words as written (``unicode61``), so exact phrases stay
exact and snippets mark what the text says. A plain search word is widened at
query time instead: to the regular inflections of its base (plural, third
person, past, present participle), OR-ed together. Forms that are not words
simply match nothing, so the rules may over-generate; they never reach a
different base ("flood" never finds "floodgate", as a stemmed prefix would).

Only lower-case ASCII words of three letters or more are widened; names,
numbers, other scripts and quoted words are searched as written. Irregular
forms ("ran", "mice") are not known.
"""

from __future__ import annotations

MIN_LENGTH = 3
MAX_FORMS = 16
_STEM_MIN = 4
_VOWELS = frozenset("aeiou")
_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def word_forms(word: str) -> tuple[str, ...]:
    """``word`` (first) and the other regular forms of its possible bases, at most
    ``MAX_FORMS``. A word that is not widened (see the module docstring; "Berg",
    "AND" and "2024" are not) gives ``(word,)``."""
    if len(word) < MIN_LENGTH or not word.isascii() or not word.isalpha() or not word.islower():
        return (word,)
    lowered = word
    forms: dict[str, None] = {lowered: None}
    # An inflected word ("floods") widens from its base; a base ("flood") from itself.
    for base in _bases(lowered) or [lowered]:
        for form in _inflections(base):
            forms.setdefault(form, None)
    return tuple(forms)[:MAX_FORMS]


def _bases(word: str) -> list[str]:
    """The bases ``word`` may be an inflection of (none when it looks like a base).

    A stem must keep four letters: "news" is not "new", "need" not "ne"."""
    bases: list[str] = []
    if word.endswith("ies") and len(word) > 4:
        bases.append(word[:-3] + "y")
    elif word.endswith("es") and word[:-2].endswith(_SIBILANT_ENDS) and len(word) > 4:
        bases.append(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        bases.append(word[:-1])
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _STEM_MIN:
            stem = word[: -len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                bases.append(stem[:-1] + "y")  # ferried -> ferry
                continue
            bases.append(stem)  # flooded -> flood
            bases.append(stem + "e")  # closed -> close
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                bases.append(stem[:-1])  # stopped -> stop
    return [base for base in bases if len(base) >= MIN_LENGTH]


def _inflections(base: str) -> list[str]:
    """The base and its regular inflections."""
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        root = base[:-1]
        return [base, root + "ies", root + "ied", base + "ing"]
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    plural = base + "es" if base.endswith(_SIBILANT_ENDS) else base + "s"
    forms = [base, plural, base + "ed", base + "ing"]
    if _short_closed(base):
        forms += [base + base[-1] + "ed", base + base[-1] + "ing"]
    return forms


def _short_closed(base: str) -> bool:
    """Consonant-vowel-consonant at the end of a short word: "stop" -> "stopped"."""
    return (len(base) <= 5 and base[-1] not in _VOWELS and base[-1] not in "wxy"
            and base[-2] in _VOWELS and base[-3] not in _VOWELS)
