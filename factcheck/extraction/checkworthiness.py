"""Check-worthiness: a logistic model over hashed TF-IDF n-grams plus readable hand features.

The model file (model.npz, written by `python -m factcheck.extraction.train`) holds only numbers:
inference needs numpy and nothing else, and no pickle is ever loaded.
"""

from __future__ import annotations

import math
import os
from functools import lru_cache

import numpy as np

from .features import HAND_FEATURES, hand_features, hashed_terms

MODEL_PATH = os.path.join(os.path.dirname(__file__), "model.npz")
# Used only if model.npz is missing (e.g. before the first training run).
_FALLBACK_HAND = [1.6, 0.6, 0.4, 0.4, 0.3, -0.8, -0.8, -0.9, -0.3, 0.5, 0.1, 0.3, 0.2, -0.6, -0.6]


class Model:
    def __init__(self, path: str = MODEL_PATH):
        self.path = path
        if os.path.exists(path):
            with np.load(path, allow_pickle=False) as z:
                self.idf = z["idf"].astype(np.float64)
                self.coef = z["coef"].astype(np.float64)
                self.hand_coef = z["hand_coef"].astype(np.float64)
                self.hand_mean = z["hand_mean"].astype(np.float64)
                self.hand_scale = z["hand_scale"].astype(np.float64)
                self.bias = float(z["bias"])
                self.news_threshold = float(z["news_threshold"])
                self.debate_threshold = float(z["debate_threshold"])
                self.version = str(z["version"])
        else:
            self.idf = None
            self.hand_coef = np.array(_FALLBACK_HAND)
            self.hand_mean = np.zeros(len(HAND_FEATURES))
            self.hand_scale = np.ones(len(HAND_FEATURES))
            self.bias = -1.5
            self.news_threshold = 0.5
            self.debate_threshold = 0.5
            self.version = "fallback"

    def score(self, text: str, raw_quantities=None, *, explain: bool = True) -> tuple[float, list[tuple[str, float]]]:
        raw = hand_features(text, raw_quantities)
        hx = (np.array(raw) - self.hand_mean) / self.hand_scale
        hand_contrib = self.hand_coef * hx
        logit = self.bias + float(hand_contrib.sum())
        reasons: list[tuple[str, float]] = []
        word_contribs: dict[str, float] = {}
        if self.idf is not None:
            counts, readable = hashed_terms(text)
            if counts:
                idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
                tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
                x = tf * self.idf[idx]
                norm = math.sqrt(float(x @ x)) or 1.0
                contrib = x / norm * self.coef[idx]
                total = float(contrib.sum())
                logit += total
                if explain:
                    pos = dict(zip(idx.tolist(), contrib.tolist(), strict=True))
                    for h, term in readable:
                        word_contribs[term] = pos[h]
                    words_total = sum(word_contribs.values())
                    rest = total - words_total
                    if abs(rest) >= 0.05:
                        reasons.append(("overall wording (learned word pieces)", rest))
        prob = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
        if explain:
            for (key, label), c, value in zip(HAND_FEATURES, hand_contrib, raw, strict=True):
                if abs(c) < 0.05:
                    continue
                if key == "length":
                    reasons.append(("long sentence" if c > 0 else "short sentence", float(c)))
                elif value:
                    reasons.append((label, float(c)))
                elif key == "num":
                    reasons.append(("no specific number", float(c)))
            top = sorted(word_contribs.items(), key=lambda kv: -abs(kv[1]))[:3]
            for term, c in top:
                if abs(c) >= 0.05:
                    reasons.append((f"wording “{term}”", c))
            reasons.sort(key=lambda r: -abs(r[1]))
            reasons = [(label, round(w, 3)) for label, w in reasons[:6]]
        return prob, reasons


@lru_cache(maxsize=1)
def default_model() -> Model:
    return Model()
