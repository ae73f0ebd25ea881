"""Roles the article gives its people, and the kinds of body a description can mean.

"Indiana Gov. Mike Pence", "Mayor Bill de Blasio", "Ana Ruiz, a spokeswoman for the port" give Pence the
role governor (with the modifier "indiana"), de Blasio mayor and Ruiz spokeswoman; a later "the Indiana
governor" or "the mayor" then means that person. "The newspaper" means the outlet the article named,
"the commission" the body with that word in its name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsreader.analysis.model import Entity

_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president",
                  "sec": "secretary", "gen": "general", "atty": "attorney", "lt": "lieutenant", "supt": "superintendent",
                  "insp": "inspector", "det": "detective", "amb": "ambassador", "prof": "professor", "dr": "doctor"}
PERSON_ROLES = frozenset("""
president senator governor mayor minister secretary nominee candidate chairman chairwoman chair spokesman
spokeswoman spokesperson official lawmaker congressman congresswoman representative leader director chief
executive ceo businessman businesswoman billionaire mogul actor actress singer rapper star host anchor judge
justice prosecutor attorney lawyer general commander premier chancellor king queen prince princess pope officer
sheriff coach manager founder author writer researcher scientist professor economist analyst doctor activist
owner pastor rabbi imam bishop priest ambassador envoy diplomat adviser advisor aide strategist pollster
commissioner superintendent inspector detective reporter journalist correspondent editor columnist historian
incumbent challenger contender councillor councilor councilman councilwoman harbourmaster harbormaster
economist engineer captain skipper striker midfielder goalkeeper teacher principal headteacher
""".split())
_OUTLET_WORDS = frozenset("newspaper paper network channel broadcaster magazine outlet publication site website "
                          "station tabloid daily newsroom show program programme".split())
_COMPANY_WORDS = frozenset("company firm business corporation carrier airline retailer automaker manufacturer maker "
                           "chain insurer lender startup developer operator giant conglomerate brand group".split())
_INSTITUTION_WORDS = frozenset("agency commission committee department ministry council court union party authority "
                               "university institute foundation board office bureau administration campaign "
                               "association federation league police army military government organization "
                               "organisation hospital school club team church coalition alliance movement "
                               "directorate service trust society cooperative parliament assembly senate watchdog "
                               "regulator inspectorate".split())
ORG_KINDS = _OUTLET_WORDS | _COMPANY_WORDS | _INSTITUTION_WORDS
# "the union" may be an association or federation of workers
_UNION_WORDS = frozenset("union association federation guild brotherhood".split())
# "the agency" may be a body whose name says inspectorate, directorate, authority or office
_AGENCY_WORDS = frozenset("agency inspectorate directorate authority office bureau service administration "
                          "regulator commission".split())
#: Last words that make an organisation's name a newspaper or broadcaster's.
OUTLET_TAILS = frozenset("times post journal news herald tribune gazette daily weekly magazine review observer "
                          "monitor chronicle globe telegraph guardian express mail star sun standard courier inquirer "
                          "examiner register bulletin dispatch wire press radio tv television network ledger sentinel "
                          "courant enquirer".split())

_WORD_BACK_RE = re.compile(r"([A-Za-z][\w.’'-]*)[ \t]+$")
_APPOSITIVE_RE = re.compile(r",[ \t]+(?:who is |who was )?(?:the |an? |[A-Z][\w.’'-]*['’]s )?((?:[\w.’'-]+[ \t]+){0,5}?)"
                            r"([a-z][\w-]*)(?=[ \t]*[,.;]|[ \t]+(?:of|for|at|in|with|on)\b)")
_STOP_BACK = frozenset("the a an and or but of for to in on at by with from said says told that who his her "
                       "their its as is was".split())


def _role(word: str) -> str:
    low = word.lower().rstrip(".")
    return _ABBREVIATIONS.get(low, low)


def org_matches(head: str, key: str, cls: str) -> bool:
    """True when an ORG with ``key`` (gazetteer class ``cls``) can be "the <head>"."""
    names = key.lower().replace("’s", "").split()
    if head in names or head in _AGENCY_WORDS and set(names) & _AGENCY_WORDS \
            or head == "union" and set(names) & _UNION_WORDS:
        return True
    if head in _OUTLET_WORDS:
        return cls == "outlet" or bool(names) and names[-1] in OUTLET_TAILS
    if head in _COMPANY_WORDS:
        return cls not in ("outlet", "gov", "intl") and not (set(names) & _INSTITUTION_WORDS) \
            and not (names and names[-1] in OUTLET_TAILS)
    return False


class RoleBook:
    """Roles and their modifiers per person key, read around every mention of ``people`` in ``text``."""

    def __init__(self, text: str, people: list[Entity]) -> None:
        self.people = people
        self.starts = [e.start for e in people]
        self.roles: dict[str, dict[str, set[str]]] = {}  # key -> role -> modifiers (lowercase)
        for e in people:
            for role, mods in self._read(text, e):
                self.roles.setdefault(e.key, {}).setdefault(role, set()).update(mods)

    @staticmethod
    def _read(text: str, e: Entity) -> list[tuple[str, set[str]]]:
        """(role, modifiers) written right before the mention and in an appositive after it."""
        found: list[tuple[str, set[str]]] = []
        words: list[str] = []
        k = e.start
        while len(words) < 6:
            m = _WORD_BACK_RE.search(text, max(0, k - 40), k)
            if m is None or m.group(1).lower() in _STOP_BACK:
                break
            words.insert(0, m.group(1))
            k = m.start(1)
        for i, w in enumerate(words):
            if _role(w) in PERSON_ROLES:
                found.append((_role(w), {x.lower().rstrip(".") for x in words[:i]} | {_role(x) for x in words[:i]}))
        m = _APPOSITIVE_RE.match(text, e.end)
        if m is not None and _role(m.group(2)) in PERSON_ROLES:
            found.append((_role(m.group(2)), {x.lower() for x in m.group(1).split()}))
        return found

    def held(self, role: str) -> bool:
        """True when some person of the article is given ``role``."""
        return any(role in r for r in self.roles.values())

    def holder(self, role: str, modifiers: list[str], pos: int, unique: bool = False) -> str | None:
        """Key of the person "the <modifiers> <role>" means at ``pos``: among those given the role (and every
        capitalised modifier), the one mentioned last before ``pos``. With ``unique``, only when exactly one
        person of the article holds the role."""
        wanted = {m.lower().rstrip(".") for m in modifiers if m[:1].isupper()}
        holders = {key for key, r in self.roles.items() if role in r}
        if unique:
            if len(holders) > 1:  # "deputy foreign minister" tells Ryabkov from Prime Minister Netanyahu
                narrow = {m.lower() for m in modifiers}
                holders = {key for key in holders if narrow <= self.roles[key][role]}
            return next(iter(holders)) if len(holders) == 1 else None
        keys = {key for key in holders if wanted <= self.roles[key][role]}
        if not keys:
            if len(holders) != 1:
                return None
            keys = holders  # "the mayor of Vila Serrana" when the article calls only one person mayor
        k = bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.people[k].key in keys:
                return self.people[k].key
            k -= 1
        return None
