"""Score analyze() against the hand-annotated gold set and guard against regressions.

Floors sit a little below the scores measured when they were set; raise them as quality improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold.loader import load_gold

from newsreader.analysis import analyze

GOLD_FILES = sorted((Path(__file__).parent / "gold").glob("*.gold.txt"))
NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "NORP"))


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _scores() -> dict[str, float]:
    c = dict.fromkeys(("ent_tp", "ent_pred", "ent_gold", "key_ok", "q_tp", "q_pred", "q_gold", "spk_ok",
                       "cit_tp", "cit_pred", "cit_gold"), 0)
    for path in GOLD_FILES:
        gold = load_gold(path)
        result = analyze(gold.text)
        pred_ents = {(e.start, e.end, e.label): e.key for e in result.entities if e.label in NAME_LABELS}
        gold_ents = {(s, e, lab): key for s, e, lab, key in gold.entities if lab in NAME_LABELS}
        hits = pred_ents.keys() & gold_ents.keys()
        c["ent_tp"] += len(hits)
        c["key_ok"] += sum(pred_ents[h].lower() == gold_ents[h].lower() for h in hits)
        c["ent_pred"] += len(pred_ents)
        c["ent_gold"] += len(gold_ents)
        used: set[int] = set()
        for gs, ge, gkey in gold.quotes:
            for k, q in enumerate(result.quotes):
                if k not in used and _iou((gs, ge), (q.start, q.end)) >= 0.5:
                    used.add(k)
                    c["q_tp"] += 1
                    c["spk_ok"] += (q.speaker_key or "").lower() == (gkey or "").lower()
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
    }


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not GOLD_FILES:
        pytest.skip("no gold files")
    return _scores()


FLOORS = {
    "entity_f1": 0.73,
    "entity_key_acc": 0.95,
    "quote_f1": 0.97,
    "quote_speaker_f1": 0.67,
    "citation_f1": 0.45,
}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_gold_score_floor(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], f"{metric} fell to {scores[metric]:.3f}"


if __name__ == "__main__":
    for name, value in _scores().items():
        print(f"{name:18s} {100 * value:6.2f}")
