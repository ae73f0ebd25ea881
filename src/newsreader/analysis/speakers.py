"""Find who is speaking: the noun phrase next to a reporting verb.

Shared by quote attribution and citation finding. Works on raw text with small regexes and a
backward word scan, so it costs nothing for sentences without a reporting verb.
"""

from __future__ import annotations

import re

from newsreader.analysis import words
from newsreader.analysis.roles import PERSON_ROLES
from newsreader.analysis.scan import last_word
from newsreader.analysis.tokens import word_alternation

# A plain alternation compiles faster than a trie; the trie is worth it only where a pattern is searched
# for across the whole text (CUE_RE), not where it is matched at one place.
_VERBS = VERB_ALT = "|".join(sorted(words.REPORT_VERBS, key=len, reverse=True))
CUE_RE = re.compile(rf"\b(?:{word_alternation(words.REPORT_VERBS)})\b|\b[Aa]ccording to\b|\bSa(?:id|ys)\b")
_ADVERBS = r"(?:also|later|then|again|previously|earlier|recently|once|further|separately|simply|quickly|flatly|publicly|privately|repeatedly|bluntly)"
_NAME = r"(?:[A-Z][\w.'’-]*|(?:of|the|de|al|bin|van|von|and)(?= [A-Z]))"
# A speaker phrase: pronoun, a capitalised name (with title), or a short determiner-led noun phrase.
SPEAKER = (rf"(?:he|she|they|we|I|it|He|She|They|We|It"
           rf"|(?:[Tt]he |[Aa]n? |[Hh]is |[Hh]er |[Tt]heir |[Ii]ts )?(?:[A-Z][\w.'’-]*|[a-z][\w'’-]*)(?:'s)?"
           rf"(?: (?:{_NAME}|[a-z][\w-]*(?=(?: [\w-]+){{0,3}} (?:{_VERBS})\b)))*?(?:(?<=[A-Za-z])|(?<=\.)))")
# lowercase role words that may stand between a cue and the name: "said lead researcher Haruto Mori", also after
# up to two other lowercase words, as long as a role word ends them: "said festival director Aisha Bello"
_ROLE_WORDS = "|".join(sorted(PERSON_ROLES | {w for w in words.TITLE_HEADS | words.TITLE_MODIFIERS if w.isalpha()}
                              - {"the", "then", "us", "white", "top"}, key=len, reverse=True))
_CUE_THEN_SPEAKER = re.compile(
    rf"[\s,]*(?P<cue>(?:{_VERBS})(?: {_ADVERBS})?|according to) (?P<spk>(?:he|she|they|we|I|it)\b|"
    rf"(?:[Tt]he |[Aa]n? )?(?:(?:[a-z][\w'’-]* ){{0,2}}(?:(?:{_ROLE_WORDS}) ){{1,3}}(?=[A-Z]){_NAME}(?: {_NAME})*"
    rf"|{_NAME}(?: {_NAME})*"
    rf"|[a-z][\w-]*(?: [a-z][\w-]*){{0,2}}?(?= *[,.;]|$)))")
# '," said the station's coxswain, Euan Stroud.': a description, then the name in apposition: the name speaks
_CUE_THEN_ROLE_NAME = re.compile(
    rf"[\s,]*(?P<cue>(?:{_VERBS})(?: {_ADVERBS})?) (?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) "
    rf"[^,\"“”.;:!?\n]{{2,60}}?, (?P<spk>[A-Z][\w.'’-]*(?: {_NAME}){{0,3}})(?=[,.;]|$)")
# after a name: a party or place tag "(D-Ore.)" or an age ", 34," that is not part of the speaker span
_TAG = r"(?: \([^()\n]{1,40}\)|, \d{1,3},)?"
_SPEAKER_THEN_CUE = re.compile(
    rf"[\s,]*(?P<spk>{SPEAKER}){_TAG}(?: {_ADVERBS})? (?P<cue>(?:{_VERBS})(?: (?:reporters|journalists|the press))?)\b")
_DETERMINERS = frozenset("the a an his her their its this that these those our".split())
_STOPS = frozenset("""and but or that which who whom when where while as if because after before than said says
told is was are were has have had be been not also to in on at for with by from it would could will can
should may might must did does do""".split()) | words.REPORT_VERBS | frozenset(words.WEEKDAYS + words.MONTHS)
_CALENDAR = frozenset(words.WEEKDAYS + words.MONTHS)
_NOT_SUBJECT = _STOPS | frozenset("there this these those what how why so yet still even such whatever contrary "
                                   "when following it".split())
_NOT_SUBJECT_AFTER = _NOT_SUBJECT - {"it"}  # '," it added.' names a document or body
_NAME_STOP_RE = re.compile(r"\b([A-Za-z][a-z]+)\. (?=[A-Z])")
_TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr gov sen rep gen col capt sgt lt prof rev adm maj st jr sr cmdr supt "
                                 "insp det amb pres sec atty messrs mme del hon cpl pvt msgr fr esq".split())
_ABBREV_END_RE = re.compile(r"(?:\b[A-Z]|Jr|Sr|Inc|Co|Corp)\.$")
_APPOSITIVE_THEN_CUE = re.compile(
    rf"[\s,]*(?P<spk>[A-Z][\w.'’-]*(?: {_NAME})*){_TAG}, [^,\"“”]{{3,120}}(?:, [^,\"“”]{{3,80}})?, "
    rf"(?:{_ADVERBS} )?(?P<cue>(?:{_VERBS}))\b")
# '..." — Ana Ruiz' closing a paragraph: a signed reader comment or epigraph
_DASH_SIGNATURE = re.compile(r"\s*(?P<cue>[―—–]|--)\s*(?P<spk>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|van|von|da|y)){0,5})"
                             r"[.\s]*$")
# '"..." of the proposals, Mr. Smith said.' : the attribution closes the sentence the quote sits in
_FINAL_ATTRIBUTION = re.compile(
    rf"[^.!?\"“”\n]{{0,120}}?, (?P<spk>(?:he|she|they|[A-Z][\w.'’-]*(?: {_NAME}){{0,4}}|(?:the|an?) [a-z]+(?: [a-z]+)?)) "
    rf"(?P<cue>(?:{_VERBS}))(?=[.,]| (?:on|in|at|during|after|of|to)\b)")
_INTRO_RE = re.compile(r"[\"“]?(?:(?:In|At|On|After|Before|During|Following|Since|Asked|Speaking|Earlier|Later|According|"
                       r"Meanwhile|However|But|And|Still|Yet|Also|Instead|When|While|As|Last|This|Although|Though|Once|If|"
                       r"Because|Since|Until|Unless|Despite|Amid|With|For|From|Under|Over|Through|Like|Unlike)\b[^,.;:\"“”]{0,80}, "
                       r"|(?:But|And|Yet|Still|Meanwhile|Instead|So) )")
_SUBJECT_RE = re.compile(
    r"((?:he|she|they|we|He|She|They|We|I)\b(?!['’](?!s\b))"
    r"|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) [a-z][\w-]*(?: (?!(?:has|had|is|was|have|are|were)\b)[a-z][\w-]*)?"
    r"(?= (?:has |had |is |was |have )?[a-z]+(?:s|ed)\b)"
    r"|(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) )?(?:[a-z][\w-]* ){0,2}"
    r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|(?:of|the|and|de|al|bin|van)\b))*(?<![’'])(?:['’]s [a-z]+)?)")
_INTRO_CHUNK_RE = re.compile(r"[^,.;:\"“”]{1,60}, ")
_WORD_RUN_RE = re.compile(r"[\w.'’-]+")  # a word, read backwards by scan.last_word


def _word_back(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    r"""(start, word) of group 1 of ``re.search(r"([\w.'’-]+)\s*$", text[lo:hi])`` (offset into ``text``):
    the word ending the window before any white space, or None. Read from the window's end
    (:func:`scan.last_word`): that regex search backtracked through every start, tens of microseconds
    on a window that ends in no word (after a closing quote mark)."""
    return last_word(text, lo, hi, _WORD_RUN_RE)


def sentence_cut(phrase: str) -> int:
    """Length of ``phrase`` up to the end of its first sentence ("Pavel Hruby. Critics" -> 11); titles such as
    "Gov." and initials do not end a sentence."""
    for stop in _NAME_STOP_RE.finditer(phrase):
        if stop.group(1).lower() not in _TITLE_ABBREVIATIONS:
            return stop.end(1)
    return len(phrase)


def after_quote(text: str, pos: int, limit: int) -> tuple[int, int, str] | None:
    """Speaker span and cue right after a closing quote mark: '," he said' or '," said X'."""
    window = text[pos:limit]
    for regex in (_SPEAKER_THEN_CUE, _CUE_THEN_ROLE_NAME, _CUE_THEN_SPEAKER, _APPOSITIVE_THEN_CUE, _FINAL_ATTRIBUTION,
                  _DASH_SIGNATURE):
        m = regex.match(window)
        # (the first word read without a sentence's full stop: "Tuesday." is a weekday too)
        if m is not None and m.group("spk").split(" ", 1)[0].rstrip(".").lower() not in _NOT_SUBJECT_AFTER:
            s, e = m.span("spk")
            e = s + sentence_cut(m.group("spk"))
            if text[pos + e - 1] == "." and not _ABBREV_END_RE.search(text, pos + s, pos + e):
                e -= 1
            return pos + s, pos + e, m.group("cue")
    return None


def sentence_subject(text: str, sent: int, limit: int) -> tuple[int, int] | None:
    """The grammatical subject opening a sentence, after any introductory phrase ("At the debate, ...")."""
    while sent < limit and text[sent] in " \t\n":
        sent += 1
    starts = [sent]
    m = _INTRO_RE.match(text, sent, limit)
    if m:
        starts = [m.end()]
        m2 = _INTRO_CHUNK_RE.match(text, m.end(), limit)  # "Following a hastily called, late meeting, ..."
        if m2 and m.group().endswith(", "):
            starts.append(m2.end())
    for start in starts:
        m = _SUBJECT_RE.match(text, start, limit)
        if m is None or m.group(1).split(" ", 1)[0].lower() in _NOT_SUBJECT or m.group(1).lower() in _DETERMINERS:
            continue
        return apposed_name(text, m.start(1), m.end(1), limit) or m.span(1)
    return None


def apposed_name(text: str, start: int, end: int, limit: int) -> tuple[int, int] | None:
    """The span of a name set off by commas right after the subject ``text[start:end]`` when that
    subject is a description ("The harbour master, Siri Holm, wrote") or the object in one ("The mayor
    of Vila Serrana, Joaquim Brandão, said"): the name, not the description, is who speaks. None
    otherwise ("Smith, a spokesman, said")."""
    prev = _PREV_WORD_RE.search(text, max(0, start - 30), start)
    describes = text[start:end].split(" ", 1)[0].lower() in _DETERMINERS or (
        prev is not None and prev.group(1).lower() in _PREPOSITIONS)
    if not describes or not text.startswith(",", end):
        return None
    closing = text.find(",", end + 1, min(limit, end + 60))
    name = _APPOSED_NAME_RE.fullmatch(text, end + 1, closing) if closing > 0 else None
    return name.span("name") if name is not None else None


_ADVERB_WORDS = frozenset(_ADVERBS[3:-1].split("|")) | {"now", "still", "had", "has", "have", "also", "always",
                                                          "often", "never", "usually", "sometimes", "long"}


def _skip_back(text: str, k: int, floor: int) -> int:
    """Move k back over spaces and a party or place tag "(D-Ore.)" right before it."""
    while k > floor and text[k - 1] == " ":
        k -= 1
    if k > floor and text[k - 1] == ")":
        opening = text.rfind("(", max(floor, k - 45), k)
        if opening > floor:
            k = opening
            while k > floor and text[k - 1] == " ":
                k -= 1
    return k


def subject_before(text: str, verb_start: int, floor: int) -> tuple[int, int] | None:
    """The subject phrase ending right before a reporting verb, skipping an appositive ", a ...,"."""
    k = _skip_back(text, verb_start, floor)
    for _ in range(2):  # "She then repeatedly says"
        back = _word_back(text, max(floor, k - 14), k)
        if back is None or not (back[1].lower() in _ADVERB_WORDS or back[1].endswith("ly")):
            break
        k = _skip_back(text, back[0], floor)
    if k > floor and text[k - 1] == ",":
        # "Smith, a spokesman for the ministry, said": the subject is before the first comma
        comma = text.rfind(",", floor, k - 1)
        if comma > floor and k - comma < 130:
            while True:  # "Ayrault, the foreign minister of France, a permanent member of the Council, said"
                before = text.rfind(",", floor, comma)
                word = _word_back(text, max(floor, before - 40), before) if before > floor else None
                if word is None or verb_start - before > 220 or not text[before + 1:comma].lstrip()[:1].islower() \
                        or not word[1][:1].isupper():
                    break
                comma = before
            k = _skip_back(text, comma, floor)
        else:
            return None
    end = k
    tokens: list[tuple[int, str]] = []
    while k > floor and len(tokens) < 7:
        back = _word_back(text, max(floor, k - 60), k)  # a window, not the whole clause: one word back
        if back is None:
            break
        tokens.append(back)
        k = back[0]
        while k > floor and text[k - 1] == " ":
            k -= 1
        if k > floor and not (text[k - 1].isalnum() or text[k - 1] in ".'’-"):
            break
    start = None
    for i, (s, w) in enumerate(tokens):
        lw = w.lower()
        if i == 0 and lw in ("he", "she", "they", "we", "i", "it"):
            return s, s + len(w)
        if lw in _DETERMINERS:
            start = s
            break
        if i and w.endswith(".") and len(w) > 3 and lw[:-1] not in _TITLE_ABBREVIATIONS and "." not in w[:-1]:
            break  # "... above Loch Varrach. Ewan Rossie said": the subject starts with its sentence
        if w[0].isupper() or w[0].isdigit():
            start = s
            continue
        if lw in _STOPS or (w.endswith(".") and len(w) > 3 and lw not in words.TITLE_HEADS):
            break
        if i > 3 or (i and tokens[i - 1][1][0].isupper()):
            break
        start = s
    if start is None:
        return None
    while text[end - 1] in ".,":
        end -= 1
    lead = text[start:end].split(" ", 1)
    if len(lead) == 2 and lead[0].lower() in _SUBORDINATORS and lead[0][0].isupper():
        start += len(lead[0]) + 1  # "After campaign aides said": the subject follows the conjunction
    if end <= start or not plausible_subject(text, start, end):
        return None
    if _NOUNLIKE_VERB_RE.match(text, end):
        # "claims", "reports" after "of Republican" are nouns, not verbs
        prev = _PREV_WORD_RE.search(text, max(0, start - 30), start)
        if prev is not None and prev.group(1).lower() in _PREPOSITIONS:
            return None
    return start, end


_PREPOSITIONS = frozenset("of in on at for with by about from to into against over under than".split())
# A person's name set off by commas after a description: " Joaquim Brandão" (two to five name words)
_APPOSED_NAME_RE = re.compile(r" (?P<name>[A-Z][\w'’-]+(?: (?:[A-Z][\w.'’-]*|de|da|do|dos|van|von|al|bin|del|la)){1,4})")
_NOUNLIKE_VERB_RE = re.compile(r"[\s,]*(?!says\b)[a-z]+s\b")
_SUBORDINATORS = frozenset("when after although though once meanwhile however while if because since before "
                           "until unless whether so-called as".split())
_PREV_WORD_RE = re.compile(r"([\w'’-]+)[ \t]*$")


def plausible_subject(text: str, start: int, end: int) -> bool:
    """False for phrases that only look like the subject of a verb: "of Republican claims", "the so-called",
    "early Friday saying", "that Smith said", "When Smith noted"."""
    phrase = text[start:end]
    first = phrase.split(" ", 1)[0].lower()
    if phrase.lower() in _DETERMINERS:
        return False
    if phrase.endswith("-") or first in _SUBORDINATORS or first in ("that", "what", "which", "whom"):
        return False
    if phrase.isupper() and phrase.count(" ") > 1:
        return False  # a headline in capitals
    if " " not in phrase:
        low = phrase.lower()
        if low in _CALENDAR or low.endswith("ly") or phrase[:1].isdigit():
            return False
    return True
