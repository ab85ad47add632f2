"""Precision and recall of known fact-check matching on the pairs of pairs.py (no database).

    python -m factcheck.factchecks.evaluate

Prints, for the embedding score and the trigram-only fallback: the threshold in use, the tuning pairs'
figures at it, the threshold the tuning pairs alone would pick, and the held-out TEST and FRESH figures.
"""

from factcheck.factchecks import matching
from factcheck.factchecks.pairs import FRESH, TEST, TUNING


def precision_recall(scores, labels, threshold):
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def best_threshold(scores, labels):
    """Halfway between the tuning score with the best F1 (ties: the higher, fewer false matches) and the
    next lower tuning score: a margin on both sides instead of a cut on a pair's exact score."""
    ordered = sorted(set(scores), reverse=True)
    best = max(ordered, key=lambda t: f1(*precision_recall(scores, labels, t)))
    lower = [s for s in ordered if s < best]
    return (best + lower[0]) / 2 if lower else best


def evaluate(use_embedding):
    scorer = matching.Scorer(use_embedding=use_embedding)
    result = {"method": scorer.method, "threshold": scorer.threshold}
    for name, pairs in (("tuning", TUNING), ("test", TEST), ("fresh", FRESH)):
        scores = [scorer.score(statement, known) for statement, known, _ in pairs]
        labels = [same for *_, same in pairs]
        result[name] = precision_recall(scores, labels, scorer.threshold) + (len(pairs), sum(labels))
        if name == "tuning":
            result["tuning_best"] = best_threshold(scores, labels)
    return result


def main():
    for use_embedding in (True, False):
        r = evaluate(use_embedding)
        print(f"{r['method']}: threshold in use {r['threshold']:.3f} (tuning pairs pick {r['tuning_best']:.3f})")
        for name in ("tuning", "test", "fresh"):
            p, rec, n, pos = r[name]
            figures = f"precision {p:.2f}  recall {rec:.2f}  F1 {f1(p, rec):.2f}"
            print(f"  {name:7} {n:3} pairs ({pos} same claim): {figures}")


if __name__ == "__main__":
    main()
