"""Direct quotations and their speakers.

Quote marks are paired per paragraph (curly, straight and the ``''`` convention); an opening mark with
no closing one runs to the paragraph end and the quotation continues in the next paragraph. Each
quotation is attributed from, in order: the words after it ('," he said'), the words before it in
its sentence ('X said: "'), the previous sentence ('X said in a statement. "...'), or the quotation
just before it (the paragraph-after-paragraph convention).
"""

from __future__ import annotations

import re

from newsreader.analysis import gazetteer
from newsreader.analysis.marks import segments as segments  # re-exported: callers and tests import it here
from newsreader.analysis.model import Quote
from newsreader.analysis.referents import Resolver
from newsreader.analysis.roles import ORG_KINDS, PERSON_ROLES
from newsreader.analysis.speakers import CUE_RE, after_quote, apposed_name, sentence_subject, subject_before
from newsreader.analysis.speakers import VERB_ALT as _VERB_ALT

_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it"))
# Pronouns worth showing unresolved ("— they"); a bare "I" or "we" tells the reader nothing.
_DETERMINERS = frozenset("the a an this that these those his her its their our my".split())
_DOCUMENTS = frozenset("report letter statement study survey poll memo filing complaint lawsuit ruling book ad "
                       "article piece story editorial column readout".split())
_SHOWN_PRONOUNS = frozenset(("he", "she", "they", "it"))
_TRANSCRIPT_RE = re.compile(r"[\"“]?([A-Z][A-Z .'’-]{1,40}[A-Z]):\s")
_AFTER_NP_RE = re.compile(r"\s+((?:the |an? )?[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|of|the))*|(?:the|an?|his|her|their) [^,.;\"“”]{1,120})")


# what comes right before the subject of a clause reported by the sentence's subject: "said (that) she"
_CLAUSE_OPENER_RE = re.compile(rf"\b(?:{_VERB_ALT}|what)(?: that)? $")


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence containing pos (not before floor)."""
    k = pos
    while k > floor:
        ch = text[k - 1]
        if ch in ".!?" and k < len(text) and text[k] in " \"”" and (k - 2 < floor or not text[k - 2].isupper()):
            return k
        k -= 1
    return floor


def _before(text: str, start: int, floor: int) -> tuple[int, int, str] | None:
    """Speaker of a quote from a reporting verb earlier in its sentence.

    The nearest verb with a plausible subject wins; a participle ("..., saying") and a pronoun subject of a
    clause inside the sentence ("Lina Berg said she ...") give way to the sentence's own subject.
    """
    sent = _sentence_start(text, start, floor)
    cues = list(CUE_RE.finditer(text, sent, start))
    main: tuple[int, int] | None = None
    main_known = False
    for cue in reversed(cues):
        word = cue.group()
        if word.lower() == "according to":
            np = _AFTER_NP_RE.match(text, cue.end())
            if np:
                return np.start(1), np.end(1), word
            continue
        if word[0].isupper() and text[sent:cue.start()].strip(" \"“'‘") == "":
            np = _AFTER_NP_RE.match(text, cue.end())  # "Said Ortiz: ..."
            if np:
                return np.start(1), np.end(1), word
            continue
        if not main_known:
            main, main_known = sentence_subject(text, sent, cue.start()), True
        if word.endswith("ing"):
            if main:
                return main[0], main[1], word
            continue
        span = subject_before(text, cue.start(), sent)
        if span is None:
            continue
        span = apposed_name(text, span[0], span[1], cue.start()) or span
        if main and main[1] <= span[0] and text[span[0]:span[1]].lower() in _PRONOUNS \
                and text[main[0]:main[1]].lower() not in _PRONOUNS and _CLAUSE_OPENER_RE.search(text, sent, span[0]):
            return main[0], main[1], word
        return span[0], span[1], word
    return None


def _can_speak(subject: str) -> bool:
    """True for a subject that can have said the words quoted in its sentence when no verb of saying links
    them: a name, a pronoun, or a person's or a body's description ("the mayor", "the agency"); not "The
    viaduct has since been rated “poor”"."""
    ws = subject.split()
    if any(w[:1].isupper() for w in ws[1:]) or ws and ws[0][:1].isupper() and ws[0].lower() not in _DETERMINERS:
        return True
    head = ws[-1].lower().strip("’'s") if ws else ""
    return subject.lower() in _PRONOUNS or head in PERSON_ROLES or head in ORG_KINDS or head in _DOCUMENTS


def _previous_paragraph(text: str, para_start: int) -> int:
    """Start of the nearest non-blank paragraph before the one starting at para_start, or -1."""
    k = para_start - 1
    while k > 0 and text[k - 1] in "\n \t":
        k -= 1
    return text.rfind("\n", 0, k) + 1 if k > 0 else -1


def _attribute(text: str, start: int, end: int, closed: bool, para_start: int,
               para_end: int, prev: Quote | None) -> tuple[int, int, str] | None:
    """Speaker span and cue for one quotation, or None."""
    transcript = _TRANSCRIPT_RE.match(text, start)
    if transcript:
        return transcript.start(1), transcript.end(1), ":"
    found = after_quote(text, end, min(para_end, end + 150)) if closed else None
    if found is None:
        found = _before(text, start, para_start)
    if found is None and text[para_start:start].strip() == "":
        prev_start = _previous_paragraph(text, para_start)
        tail = text[prev_start:para_start].rstrip() if prev_start >= 0 else ""
        # "X said:" or "X said in a statement." closing the previous paragraph introduces this one
        if tail and CUE_RE.search(tail) and (tail.endswith(":") or prev is None or prev.end < prev_start):
            found = _before(text, prev_start + len(tail), prev_start)
    if found is None:
        sent = _sentence_start(text, start, para_start)
        if text[sent:start].strip(" \t\"“”'‘’-—–("):
            # a partial quotation inside a sentence: its subject ("Vega dismissed the plan as "a stunt."")
            span = sentence_subject(text, sent, start)
            if span and _can_speak(text[span[0]:span[1]]):
                found = span[0], span[1], ""
    return found


def find_quotes(text: str, resolve: Resolver, spans: list[tuple[int, int, bool]]) -> list[Quote]:
    """Quotations with speakers, sorted by start; ``spans`` are the text's quoted stretches
    (:func:`marks.segments`) and ``resolve`` turns speaker phrases into the names shown."""
    out: list[Quote] = []
    prev: Quote | None = None
    prev_para_end = -1
    for start, end, closed in spans:
        if not any(c.isalpha() for c in text[start:end]):
            continue
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", end)
        para_end = len(text) if para_end < 0 else para_end
        found = _attribute(text, start, end, closed, para_start, para_end, prev)
        if found is None and prev is not None and prev.speaker is not None and (
                prev.end > para_start or text[prev_para_end:start].strip() == ""):
            out.append(Quote(start, end, prev.speaker, prev.speaker_key, prev.cue))
            prev, prev_para_end = out[-1], para_end
            continue
        if found is None:
            quote = Quote(start, end)
        else:
            s, e, cue = found
            last = (prev.speaker_key, prev.end) if prev is not None and prev.speaker_key else None
            key = resolve.key(s, e, last)
            if key is None and text[s:e].lower() not in _SHOWN_PRONOUNS:
                quote = Quote(start, end)  # the phrase found names nobody ("All", "A few"): unattributed
            else:
                quote = Quote(start, end, text[s:e], key, cue)
        out.append(quote)
        prev, prev_para_end = quote, para_end
    # a quotation running on into the next paragraph takes the speaker named at its end
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if q.speaker is None and nxt.speaker is not None and text[q.end:nxt.start].strip() == "":
            out[k] = Quote(q.start, q.end, nxt.speaker, nxt.speaker_key, nxt.cue)
    return [q for q in out if not _is_scare_quote(text[q.start:q.end], q.speaker is None, q.cue == "")
            and not _is_mention(text, q.start, q.end)]


_INNER_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")
_MINOR_WORDS = frozenset("a an the of and or in on at to for with by from vs".split())


# What stands before a quoted title or term rather than speech: a work noun or an outlet's possessive
# ("documentary “13th”", "MSNBC’s “Morning Joe”"), or a determiner ("The “sex tape”", "a "targeted area"").
_WORK_BEFORE_RE = re.compile(r"\b(?:show|program|programme|book|documentary|film|movie|anthem|nickname|album|series|"
                             r"episode|podcast|segment)[ \t,]*$")
_POSSESSOR_BEFORE_RE = re.compile(r"\b([A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)['’]s? ?$")
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w.'’-]*[ \t]+$")
_NAME_AFTER_RE = re.compile(r"[ \t]+[A-Z][\w'’-]+")
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hese|[Tt]hose|so-called|notorious)[ \t]+$")


def _is_mention(text: str, start: int, end: int) -> bool:
    """A quoted title ("Face the Nation") or term ("the ''carried interest'' loophole") that a sentence
    names rather than a statement someone made: short, inside a sentence, after a work noun, an
    outlet's possessive or a determiner."""
    quoted = text[start:end]
    ws = _INNER_WORD_RE.findall(quoted)
    if not ws or len(ws) > 6 or quoted.rstrip("\"'”’», .").endswith(("!", "?")):
        return False
    before = text[max(0, start - 30):start]
    if len(ws) == 1 and ws[0][:1].isupper() and _NAME_BEFORE_RE.search(before) and _NAME_AFTER_RE.match(text, end):
        return True  # a nickname inside a name: Rep. Robert C. "Bobby" Scott
    # a title takes the sentence's full stop inside its marks ("on CNN's "State of the Union.""); a term
    # or a statement that ends in one is a sentence of its own
    title_case = all(w[0].isupper() or w[0].isdigit() or w in _MINOR_WORDS for w in ws) and len(
        [w for w in ws if w not in _MINOR_WORDS]) <= 5
    if _WORK_BEFORE_RE.search(before):
        return title_case
    owner = _POSSESSOR_BEFORE_RE.search(before)
    if owner is not None:  # "MSNBC’s “Morning Joe”": a programme, where a singer's “American Skin” may be sung
        entry = gazetteer.get(owner.group(1))
        return title_case and entry is not None and entry.cls == "outlet"
    return len(ws) <= 3 and not quoted.rstrip("\"'”’», ").endswith(".") \
        and _DETERMINER_BEFORE_RE.search(before) is not None


def _is_scare_quote(quoted: str, unattributed: bool, verbless: bool) -> bool:
    """An unattributed single word ("rigged") or a short title ("Meet the Press") that no reporting verb
    introduces: not speech."""
    if not (unattributed or verbless):
        return False
    ws = _INNER_WORD_RE.findall(quoted)
    if len(ws) <= 1:
        return unattributed
    return len(ws) <= 5 and all(w[0].isupper() or w[0].isdigit() or w in _MINOR_WORDS for w in ws) \
        and not quoted.rstrip("\"'”’ ").endswith((".", "!", "?"))



