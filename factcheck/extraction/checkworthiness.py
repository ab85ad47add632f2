"""Check-worthiness: a calibrated logistic model over readable hand features, the sentence's mean
WordLlama embedding and (if the training run chose them) hashed TF-IDF n-grams.

The model file (model.npz, written by `python -m factcheck.extraction.train`) holds only numbers: no
pickle is ever loaded. Inference needs numpy, plus the `tokenizers` library and the installed
`wordllama` wheel's own files for the embedding (read from disk; nothing is downloaded).
"""

from __future__ import annotations

import math
import os
import re
from functools import lru_cache

import numpy as np

from .examples import load_default
from .features import EMBED_DIM, HAND_FEATURES, N_BUCKETS, default_embedding, hand_features, term_ids

_UNSET = object()
MODEL_PATH = os.path.join(os.path.dirname(__file__), "model.npz")
# Used only if model.npz is missing (e.g. before the first training run).
_FALLBACK_HAND = [1.6, 0.6, 0.4, 0.4, 0.3, -0.8, -0.8, -0.9, -0.3, 0.5, 0.1, 0.3, 0.2, -0.6, -0.6]


class Model:
    def __init__(self, path: str = MODEL_PATH):
        self.path = path
        if os.path.exists(path):
            with np.load(path, allow_pickle=False) as z:
                self.idf = z["idf"].astype(np.float64) if z["idf"].size else None
                self.coef = z["coef"].astype(np.float64)
                self.emb_coef = z["emb_coef"].astype(np.float64) if "emb_coef" in z.files else np.zeros(EMBED_DIM)
                self.platt_a = float(z["platt_a"]) if "platt_a" in z.files else 1.0
                self.platt_b = float(z["platt_b"]) if "platt_b" in z.files else 0.0
                self.strict_threshold = float(
                    z["strict_threshold"] if "strict_threshold" in z.files else z["news_threshold"]
                )
                self.hand_coef = z["hand_coef"].astype(np.float64)
                self.hand_mean = z["hand_mean"].astype(np.float64)
                self.hand_scale = z["hand_scale"].astype(np.float64)
                # the largest value each hand feature took in training: a value beyond it (a 13,000-word
                # "sentence" of an unpunctuated paste) is read as that value, not extrapolated to a certainty
                self.hand_max = (
                    z["hand_max"].astype(np.float64) if "hand_max" in z.files else np.full(len(HAND_FEATURES), np.inf)
                )
                self.bias = float(z["bias"])
                self.news_threshold = float(z["news_threshold"])
                self.debate_threshold = float(z["debate_threshold"])
                self.version = str(z["version"])
                self.cv_f1 = float(z["cv_f1"]) if "cv_f1" in z.files else None
                self.cv_pr_auc = float(z["cv_pr_auc"]) if "cv_pr_auc" in z.files else None
        else:
            self.idf = None
            self.emb_coef = np.zeros(EMBED_DIM)
            self.platt_a, self.platt_b = 1.0, 0.0
            self.strict_threshold = 0.5
            self.hand_coef = np.array(_FALLBACK_HAND)
            self.hand_mean = np.zeros(len(HAND_FEATURES))
            self.hand_scale = np.ones(len(HAND_FEATURES))
            self.hand_max = np.full(len(HAND_FEATURES), np.inf)
            self.bias = -1.5
            self.news_threshold = 0.5
            self.debate_threshold = 0.5
            self.version = "fallback"
            self.cv_f1 = self.cv_pr_auc = None
        self.embedding = default_embedding() if np.any(self.emb_coef) else None
        # nearest known examples (ClaimBuster, CC BY 4.0; see examples.py), shown with the reasons
        self.examples = load_default() if self.embedding is not None else None
        self._emb_coef32 = self.emb_coef.astype(np.float32)
        # the hand part as plain floats: 15 values, where numpy's per-call cost would dominate
        self._hand = list(
            zip(
                self.hand_mean.tolist(),
                self.hand_scale.tolist(),
                self.hand_coef.tolist(),
                self.hand_max.tolist(),
                strict=True,
            )
        )

    def score(self, text: str, raw_quantities=None, *, explain: bool = True) -> tuple[float, list[tuple[str, float]]]:
        """(calibrated probability, reasons). Reasons are (label, contribution to the calibrated
        log-odds), largest first, at most 6 and never empty, then the nearest known examples' reason."""
        prob, reasons, vector = self._score(text, raw_quantities, explain)
        if explain and self._shows_examples(text, vector):
            reasons.extend(example_reasons(self.examples.nearest(vector)))
        return prob, reasons

    def score_many(self, items, *, explain: bool = True) -> list[tuple[float, list[tuple[str, float]]]]:
        """[self.score(text, raw_quantities, explain=explain) for text, raw_quantities in items], the same
        results, computed stage by stage over all the texts (the tokenizer for all, the word pieces for all,
        then the nearest examples of all of them with one matrix product, see NearestExamples.nearest_many)."""
        texts = [text for text, _ in items]
        vectors = self.embedding.vectors_of(texts) if self.embedding is not None else [None] * len(texts)
        wordings = self._wording_many(texts, explain)
        parts = [
            self._score(text, raw, explain, vector, wording)
            for (text, raw), vector, wording in zip(items, vectors, wordings, strict=True)
        ]
        shown = [i for i, text in enumerate(texts) if explain and self._shows_examples(text, parts[i][2])]
        if shown:
            for i, nearest in zip(shown, self.examples.nearest_many([parts[i][2] for i in shown]), strict=True):
                parts[i][1].extend(example_reasons(nearest))
        return [(prob, reasons) for prob, reasons, _ in parts]

    def _shows_examples(self, text: str, vector) -> bool:
        return self.examples is not None and vector is not None and _has_words(text, EXAMPLE_MIN_WORDS)

    def _score(self, text: str, raw_quantities, explain: bool, vector=None, wording=_UNSET):
        """score() without the nearest examples: (probability, reasons, the embedding vector or None).
        vector and wording: the text's embedding vector and its _wording_many result, if already computed."""
        a = self.platt_a
        raw = hand_features(text, raw_quantities)
        hand_contrib = [c * (min(v, hi) - m) / sc for v, (m, sc, c, hi) in zip(raw, self._hand, strict=True)]
        logit = self.bias + math.fsum(hand_contrib)
        reasons: list[tuple[str, float]] = []
        word_contribs: dict[str, float] = {}
        if self.embedding is not None:
            if vector is None:
                vector = self.embedding.vector(text)
            meaning = float(vector @ self._emb_coef32)
            logit += meaning
            if explain:
                label = "meaning close to check-worthy claims" if meaning > 0 else "meaning close to talk, not claims"
                reasons.append((label, a * meaning))
        if self.idf is not None:
            if wording is _UNSET:
                wording = self._wording_many([text], explain)[0]
            if wording is not None:
                total, word_contribs = wording
                logit += total
                if explain:
                    rest = a * total - sum(word_contribs.values())
                    reasons.append((REST_OF_WORDING, rest))
        z = a * logit + self.platt_b
        prob = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        if explain:
            reasons = self._explain(reasons, hand_contrib, raw, word_contribs)
        return prob, reasons, vector

    def _wording_many(self, texts: list[str], explain: bool) -> list[tuple[float, dict[str, float]] | None]:
        """For each text, the word pieces' part of the logit and (explain) each readable term's part of the
        calibrated log-odds; None for a text without word pieces (or for all, when the model has none).
        All the texts at once: one sort of (text, bucket) keys counts every text's terms, and the TF-IDF
        norms and dot products are sums by text (numpy's per-call cost, paid text by text, was most of it)."""
        if self.idf is None:
            return [None] * len(texts)
        terms = [term_ids(text) for text in texts]
        lens = [len(ids) for ids, _ in terms]
        n = len(texts)
        flat: list[int] = []
        for ids, _ in terms:
            flat += ids
        rows = np.repeat(np.arange(n, dtype=np.int64), lens)
        keys, counts = np.unique(rows * N_BUCKETS + np.array(flat, dtype=np.int64), return_counts=True)
        row, bucket = np.divmod(keys, N_BUCKETS)
        x = (1.0 + np.log(counts)) * self.idf[bucket]
        norm = np.sqrt(np.bincount(row, weights=x * x, minlength=n))
        norm[norm == 0.0] = 1.0
        contrib = x / norm[row] * self.coef[bucket]
        totals = np.bincount(row, weights=contrib, minlength=n).tolist()
        contribs: list[dict[str, float]] = [{} for _ in range(n)]
        if explain:
            r_buckets = [h for _, readable in terms for h, _ in readable]
            r_rows = np.repeat(np.arange(n, dtype=np.int64), [len(readable) for _, readable in terms])
            r_keys = r_rows * N_BUCKETS + np.array(r_buckets, dtype=np.int64)
            r_vals = (self.platt_a * contrib[np.searchsorted(keys, r_keys)]).tolist()
            it = iter(r_vals)
            for (_, readable), out in zip(terms, contribs, strict=True):
                for (_, term), v in zip(readable, it, strict=False):  # `it` runs on into the next text
                    out[term] = v
        return [(totals[i], contribs[i]) if lens[i] else None for i in range(n)]

    def _explain(self, reasons, hand_contrib, raw, word_contribs) -> list[tuple[str, float]]:
        a = self.platt_a
        for (key, label), c, value in zip(HAND_FEATURES, hand_contrib, raw, strict=True):
            c = a * float(c)
            if key == "length":
                reasons.append(("long sentence" if c > 0 else "short sentence", c))
            elif value:
                reasons.append((label, c))
            elif key == "num":
                reasons.append(("no specific number", c))
        named = [(term, c) for term, c in word_contribs.items() if _readable_term(term)]
        top = sorted(named, key=lambda kv: -abs(kv[1]))[:3]
        reasons.extend((f"wording “{term}”", c) for term, c in top)
        reasons.sort(key=lambda r: -abs(r[1]))
        # the strongest reason always stays, however small; the rest only if they matter
        reasons = [reasons[0]] + [r for r in reasons[1:6] if abs(r[1]) >= 0.05] if reasons else []
        return [(label, round(w, 3)) for label, w in reasons]


# What the TF-IDF part adds beyond the words it names (character pieces of words, and the words not named).
REST_OF_WORDING = "the rest of its wording (patterns learned from labelled sentences)"
# Words a reason never names: "wording “of the”" or "wording “000”" (every figure's digits read as 0) tells a
# checker nothing; their weight stays in the rest of the wording.
_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an the of to in on at by for from with about into over and or but nor as is are was were be been being "
        "am it its it's this that these those there here i we you he she they me us him her them my our your his "
        "their not no so if then than do does did have has had will would can could shall should may might must "
        "just very also what which who whom whose when where why how all any some",
    )
)


def _readable_term(term: str) -> bool:
    """A word or word pair a reason may name: one of its words is neither a function word nor a figure."""
    return any(len(w) > 1 and w not in _FUNCTION_WORDS and not any(ch.isdigit() for ch in w) for w in term.split())


# A statement of fewer words ("Yes.", "Thank you.") is shown no examples: its nearest sentence says
# nothing about it, and the lookup (about 0.1 ms) would be most of the cost of a text of tiny statements.
EXAMPLE_MIN_WORDS = 4
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _has_words(text: str, n: int) -> bool:
    it = _WORDS.finditer(text)
    return all(next(it, None) is not None for _ in range(n))


def example_reasons(nearest) -> list[tuple[str, float]]:
    """The nearest known examples as one reason, after the features: how many of the K nearest ClaimBuster
    training sentences are check-worthy. The number is that share minus one half (positive when most
    neighbours are check-worthy), so a "+"/"−" shown beside it reads as for/against."""
    if not nearest:
        return []
    worthy = sum(label for _, label, _ in nearest)
    verb = "is" if worthy == 1 else "are"
    label = (
        f"{worthy} of its {len(nearest)} nearest known examples {verb} check-worthy (ClaimBuster training sentences)"
    )
    return [(label, round(worthy / len(nearest) - 0.5, 3))]


@lru_cache(maxsize=1)
def default_model() -> Model:
    return Model()
