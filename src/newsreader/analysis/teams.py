"""Sports teams named after places: "Lakeport beat Ridgeford 3-1" names two clubs, not two towns.

Only in a sports report (several sports words in the text) does a place name become a team, and only when
one of its mentions stands where teams stand: next to a score, before or after "beat", "against", "v",
before "coach" or "captain". Every mention of that place in the document then becomes an ORG, except
after "in" (the town itself) and in a dateline.
"""

from __future__ import annotations

import re

from newsreader.analysis.entities import Mention
from newsreader.analysis.scan import initial_alternation

_SPORT_WORDS = frozenset("""innings wicket wickets goal goals halftime half-time soccer football cricket baseball
rugby hockey basketball league championship match beat defeated scored standings tournament striker midfielder
goalkeeper playoff playoffs homered pitcher batsman bowler tries semifinal quarterfinal division seeded set sets runs
touchdown touchdowns penalty penalties draw drew inning""".split())
# matched on the lowercased text, one branch per first letter so that re skips at C speed to where a word
# can start (scan.initial_alternation); the word boundary before a match is checked in Python
_SPORT_RE = re.compile(initial_alternation(_SPORT_WORDS) + r"\b")
# after a team: a score or points total (never a year or a date), a result verb, a role in the club
_AFTER_RE = re.compile(
    r"(?:'s|’s)?[ \t]+(?:\d{1,3}(?![\d/:.-]\d)(?:[ \t]+(?:points|pts)\b|[ \t]*[,;\n(]|[ \t]+[A-Z]|[ \t]*$|"
    r"[ \t]+\d)|(?:beat|beats|defeated|drew|draw|lost|won|win|edged|routed|thrashed|trounced|held|v|vs\.?|AT)\b"
    r"|(?:coach|captain|manager|skipper|striker|midfielder|defender|goalkeeper|batsman|bowler|pitcher|"
    r"fly-half|forward|winger|fans|supporters)\b)")
_BEFORE_RE = re.compile(
    r"(?:\bbeat|\bbeats|\bdefeated|\bagainst|\bv|\bvs\.?|\bAT|\bover|\bto|\bwith|\bfor|\bjoined|\bjoin|"
    r"\bhost|\bhosts|\bvisiting|\bvisit)[ \t]+(?:the[ \t]+)?$")
_PLACE_LABELS = frozenset(("GPE", "LOC"))
_VERB_AFTER_RE = re.compile(r"[ \t]+(?:beat|defeated|edged|routed|thrashed|trounced|drew with|v|vs\.?)[ \t]+[A-Z]")
_VERB_BEFORE_RE = re.compile(r"[a-z][ \t]+(?:beat|defeated|edged|routed|thrashed|trounced|drew with|v|vs\.?)[ \t]+$")
_NICKNAME_RE = re.compile(r"[ \t]+[A-Z][a-z]")  # "Lakeport Herons": the place only qualifies the club name


def is_sports_report(text: str) -> bool:
    """True when at least four different sports words occur."""
    seen: set[str] = set()
    low = text.lower()
    for m in _SPORT_RE.finditer(low):
        start = m.start()
        if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
            continue  # inside a longer word ("assets"): it ends where that word ends, hiding no word after it
        seen.add(m.group())
        if len(seen) >= 4:
            return True
    return False


def _team_context(text: str, m: Mention) -> bool:
    if _AFTER_RE.match(text, m.end):
        return True
    before = text[max(0, m.start - 24):m.start]
    if _BEFORE_RE.search(before):
        word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        # "to", "with", "for", "over" only count in a result ("lost to X", "drew with X", "played for X")
        if word in ("to", "with", "for", "over"):
            return bool(re.search(r"\b(?:lost|losing|loss|defeat|draw|drew|drawn|played|playing|plays|win|"
                                  r"victory|scored|signed|moved)\b[^.]{0,20}$", text[max(0, m.start - 40):m.start]))
        return True
    return False


def relabel_teams(text: str, mentions: list[Mention]) -> None:
    """Turn place mentions into ORG mentions where the place plays as a team (in place)."""
    if not is_sports_report(text):
        return
    # national sides keep the country's label, as the usual news annotation does
    places = [m for m in mentions if m.label in _PLACE_LABELS and m.cls != "country"
              and not _NICKNAME_RE.match(text, m.end)]
    teams = {m.key for m in places if _team_context(text, m)}
    # an unknown name is a team only beside a result verb ("Lakeport beat ..."), never beside a bare number,
    # which could be a player's score
    for m in mentions:
        if m.label is None and m.how != "caps" and (_VERB_AFTER_RE.match(text, m.end)
                                                    or _VERB_BEFORE_RE.search(text, max(0, m.start - 16), m.start)):
            m.label = "ORG"
            teams.add(m.key)
    if not teams:
        return
    for m in places:
        if m.key in teams:
            prev = text[max(0, m.start - 4):m.start]
            if prev.endswith(("in ", "In ")) or re.match(r"[ \t]+\d{4}-\d\d", text[m.end:m.end + 12]):
                continue
            m.label = "ORG"
