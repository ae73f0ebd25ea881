"""Score analyze() against the hand-annotated gold set and guard against regressions.

Floors sit a little below the scores measured when they were set; raise them as quality improves.

Besides span-level scores, four measures score what the reader is shown (issue 8):

* ``resolved_speaker_acc`` -- of gold quotes matched by a predicted quote (IoU >= 0.5) whose
  gold speaker is a name, the share whose shown speaker (``speaker_key``, else ``speaker``)
  names the same person or body (:func:`_same_speaker`).
* ``wrong_name_rate`` -- of matched quotes shown with a name (a capitalised word that is not a
  pronoun or determiner), the share where the name is wrong; any name is wrong for a ``-`` gold.
  Lower is better, so it has a ceiling, not a floor.
* ``doc_lists_f1`` -- per article, the (key, group) rows the sidebar lists (one per distinct
  entity key and group: PERSON, ORG, GPE+LOC, NORP) against the gold rows; keys compared
  case-insensitively; micro F1 over articles.
* ``entity_label_acc`` -- of predicted name entities whose span equals a gold entity's span,
  the share with the gold label.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gold.loader import Gold, load_gold

from newsreader.analysis import analyze

GOLD_FILES = sorted((Path(__file__).parent / "gold").glob("*.gold.txt"))
NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "NORP"))
#: The sidebar's lists: places (GPE and LOC) share one.
LIST_GROUP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "NORP": "NORP"}

#: Words that make a shown speaker not a name ("He", "The company").
NOT_NAMES = frozenset(
    "i me my we us our he him his she her hers they them their theirs it its you your one "
    "the a an this that these those".split()
)
#: Honorifics dropped from the front of any name before names are compared ("Mr. Aalders").
HONORIFICS = frozenset("mr mrs ms mx miss dr prof professor sir dame lord lady rev reverend fr".split())
#: Title and role words a shown speaker may carry in front of the gold name and still name
#: that person ("Mayor Renate Albers", "Council Member Raymond Tull", "the elder Mr. Hartig").
ROLE_WORDS = HONORIFICS | frozenset(
    "sr jr elder younger mayor deputy vice minister prime president senator sen rep representative "
    "gov governor judge justice chief superintendent trustee councillor councilor council member "
    "councilman councilwoman assistant city county state district attorney prosecutor sheriff police "
    "officer inspector detective commissioner director secretary chancellor premier ambassador "
    "spokesman spokeswoman spokesperson chairman chairwoman chair lead researcher harbour harbor "
    "master general manager executive coach labour labor democratic republican conservative "
    "maritime fisheries transport transportation foreign finance health interior defence defense".split()
)
#: Lowercase surname particles: "Pieter van der Berg" has the surname "van der Berg".
PARTICLES = frozenset("van von der den de del della di da du la le ter ten bin al el".split())
_EDGE_PUNCT = ".,;:!?\"“”‘’()[]"


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _name_tokens(name: str) -> list[str]:
    """Lowercased words of a name, without a leading "the", honorifics or possessives."""
    words = []
    for raw in name.replace("’", "'").split():
        word = raw.strip(_EDGE_PUNCT).lower()
        word = re.sub(r"'s?$", "", word)
        if word:
            words.append(word)
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return words


def _surname(tokens: list[str]) -> tuple[str, ...]:
    """The last name, with its particles: ("van", "der", "berg"); () for a one-word name."""
    if len(tokens) < 2:
        return ()
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1] in PARTICLES:
        i -= 1
    return tuple(tokens[i:])


def _same_speaker(shown: str | None, gold_key: str, persons: set[str]) -> bool:
    """Does the shown speaker name the gold speaker?

    Compared case-insensitively without titles and possessives; a surname alone matches a
    gold person when no other gold person of the article (``persons``: PERSON keys) shares it.
    """
    if not shown:
        return False
    pred, gold = _name_tokens(shown), _name_tokens(gold_key)
    while len(pred) > 1 and pred[0] in ROLE_WORDS and pred != gold:
        pred.pop(0)
    if pred == gold:
        return True
    if gold_key not in persons:
        return False
    surname = _surname(gold)
    if not surname or tuple(pred) != surname:
        return False
    return not any(_surname(_name_tokens(p)) == surname for p in persons if p != gold_key)


def _shows_a_name(shown: str | None) -> bool:
    """A capitalised word that is not a pronoun or determiner ("He" and "The company" are not names)."""
    for raw in (shown or "").replace("’", "'").split():
        word = raw.strip(_EDGE_PUNCT)
        if word[:1].isupper() and re.sub(r"'s?$", "", word.lower()) not in NOT_NAMES:
            return True
    return False


def _list_rows(entities: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """(key, group) rows the sidebar lists for one article's (label, key) entities."""
    return {(key.lower(), LIST_GROUP[label]) for label, key in entities if label in LIST_GROUP}


def _scores(gold_files: list[Path] | None = None) -> dict[str, float]:
    c = dict.fromkeys(("ent_tp", "ent_pred", "ent_gold", "key_ok", "q_tp", "q_pred", "q_gold", "spk_ok",
                       "cit_tp", "cit_pred", "cit_gold", "named", "named_ok", "shown", "shown_wrong",
                       "list_tp", "list_pred", "list_gold", "lab_n", "lab_ok"), 0)
    for path in GOLD_FILES if gold_files is None else gold_files:
        gold: Gold = load_gold(path)
        result = analyze(gold.text)
        pred_ents = {(e.start, e.end, e.label): e.key for e in result.entities if e.label in NAME_LABELS}
        gold_ents = {(s, e, lab): key for s, e, lab, key in gold.entities if lab in NAME_LABELS}
        hits = pred_ents.keys() & gold_ents.keys()
        c["ent_tp"] += len(hits)
        c["key_ok"] += sum(pred_ents[h].lower() == gold_ents[h].lower() for h in hits)
        c["ent_pred"] += len(pred_ents)
        c["ent_gold"] += len(gold_ents)
        gold_labels = {(s, e): lab for s, e, lab, _key in gold.entities}
        for s, e, lab in pred_ents:
            if (s, e) in gold_labels:
                c["lab_n"] += 1
                c["lab_ok"] += gold_labels[(s, e)] == lab
        pred_rows = _list_rows([(e.label, e.key) for e in result.entities])
        gold_rows = _list_rows([(lab, key) for _s, _e, lab, key in gold.entities])
        c["list_tp"] += len(pred_rows & gold_rows)
        c["list_pred"] += len(pred_rows)
        c["list_gold"] += len(gold_rows)
        persons = {key for _s, _e, lab, key in gold.entities if lab == "PERSON"}
        used: set[int] = set()
        for gs, ge, gkey in gold.quotes:
            for k, q in enumerate(result.quotes):
                if k not in used and _iou((gs, ge), (q.start, q.end)) >= 0.5:
                    used.add(k)
                    c["q_tp"] += 1
                    c["spk_ok"] += (q.speaker_key or "").lower() == (gkey or "").lower()
                    shown = q.speaker_key or q.speaker
                    right = gkey is not None and _same_speaker(shown, gkey, persons)
                    if gkey is not None:
                        c["named"] += 1
                        c["named_ok"] += right
                    if _shows_a_name(shown):
                        c["shown"] += 1
                        c["shown_wrong"] += not right
                    break
        c["q_pred"] += len(result.quotes)
        c["q_gold"] += len(gold.quotes)
        cited = [(ci.start, ci.end) for ci in result.citations]
        c["cit_tp"] += sum(any(s < e2 and s2 < e for s2, e2 in cited) for s, e, _, _ in gold.citations)
        c["cit_pred"] += len(cited)
        c["cit_gold"] += len(gold.citations)
    return {
        "entity_f1": _f1(c["ent_tp"], c["ent_pred"], c["ent_gold"]),
        "entity_key_acc": c["key_ok"] / c["ent_tp"] if c["ent_tp"] else 0.0,
        "quote_f1": _f1(c["q_tp"], c["q_pred"], c["q_gold"]),
        "quote_speaker_f1": _f1(c["spk_ok"], c["q_pred"], c["q_gold"]),
        "citation_f1": _f1(c["cit_tp"], c["cit_pred"], c["cit_gold"]),
        "resolved_speaker_acc": c["named_ok"] / c["named"] if c["named"] else 0.0,
        "wrong_name_rate": c["shown_wrong"] / c["shown"] if c["shown"] else 0.0,
        "doc_lists_f1": _f1(c["list_tp"], c["list_pred"], c["list_gold"]),
        "entity_label_acc": c["lab_ok"] / c["lab_n"] if c["lab_n"] else 0.0,
    }


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not GOLD_FILES:
        pytest.skip("no gold files")
    return _scores()


FLOORS = {
    "entity_f1": 0.82,
    "entity_key_acc": 0.96,
    "quote_f1": 0.97,
    "quote_speaker_f1": 0.83,
    "citation_f1": 0.45,
    # What the reader is shown (issue 8): the scores measured when speaker resolution was rebuilt,
    # less about 0.02 of headroom.
    "resolved_speaker_acc": 0.85,
    "doc_lists_f1": 0.83,
    "entity_label_acc": 0.86,
}
#: Lower is better: the wrong-name rate may not rise above the measured 6.5% plus 0.02.
CEILINGS = {
    "wrong_name_rate": 0.085,
}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_gold_score_floor(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], f"{metric} fell to {scores[metric]:.3f}"


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_gold_score_ceiling(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] <= CEILINGS[metric], f"{metric} rose to {scores[metric]:.3f}"


@pytest.mark.parametrize(
    ("shown", "gold", "persons", "same"),
    [
        ("Mr. Aalders", "Piet Aalders", {"Piet Aalders"}, True),
        ("Aalders", "Piet Aalders", {"Piet Aalders", "Greta Aalders"}, False),
        ("Greta Aalders", "Piet Aalders", {"Piet Aalders", "Greta Aalders"}, False),
        ("Mrs. Aalders’s", "Greta Aalders", {"Greta Aalders"}, True),
        ("van der Berg", "Pieter van der Berg", {"Pieter van der Berg"}, True),
        ("Berg", "Pieter van der Berg", {"Pieter van der Berg"}, False),
        ("Mayor Renate Albers", "Renate Albers", {"Renate Albers"}, True),
        ("Council Member Raymond Tull", "Raymond Tull", {"Raymond Tull", "Priya Vance"}, True),
        ("the elder Mr. Hartig", "Klaus Hartig", {"Klaus Hartig", "Jonas Hartig"}, False),
        ("Assistant City", "Monica Feeney", {"Monica Feeney"}, False),
        ("the Coastal Bulletin", "Coastal Bulletin", set(), True),
        ("Halloran", "Halloran Seafood", set(), False),
        ("Department", "State Department", set(), False),
        ("he", "Piet Aalders", {"Piet Aalders"}, False),
        (None, "Piet Aalders", {"Piet Aalders"}, False),
    ],
)
def test_same_speaker(shown: str | None, gold: str, persons: set[str], same: bool) -> None:
    assert _same_speaker(shown, gold, persons) is same


@pytest.mark.parametrize(
    ("shown", "is_name"),
    [("He", False), ("she", False), ("The company", False), ("They", False), (None, False),
     ("Whitlock", True), ("the Valley Herald", True), ("Mr. O’Dowd", True)],
)
def test_shows_a_name(shown: str | None, is_name: bool) -> None:
    assert _shows_a_name(shown) is is_name


if __name__ == "__main__":
    for name, value in _scores().items():
        print(f"{name:20s} {100 * value:6.2f}")
