"""Nearest known examples for a statement's reasons: the most similar check-worthy and not check-worthy
sentences of a small labelled set shipped with the extractor (`examples.npz`).

The examples are ClaimBuster sentences — Arslan, Hassan, Li and Tremayne, "A Benchmark Dataset of
Check-worthy Factual Claims", ICWSM 2020 (Zenodo record 3836810; released for research as CC BY 4.0,
shipped here with credit to its authors). Only sentences of the project's training data
(`claimbuster/crowdsourced.csv`, dev portion) that are also in the stricter-agreement subset
`2xNCS.json` are used: label 1 = check-worthy factual sentence (CFS), 0 = not check-worthy (NCS). No
sentence of `groundtruth.csv` (an untouched evaluation set) is in the file, not even one that a
crowdsourced row repeats word for word.

Lookup: the statement's L2-normalised WordLlama vector (already computed by the check-worthiness model)
dotted with the examples' normalised vectors (a few thousand x 256, float32 in memory); the best of each
label. No index, no pickle.

    python -m factcheck.extraction.examples_build [--data-dir ../shared/data] [--out factcheck/extraction/examples.npz]

rebuilds the file (deterministic: same data, same file).
"""

from __future__ import annotations

import os

import numpy as np

EXAMPLES_PATH = os.path.join(os.path.dirname(__file__), "examples.npz")
CREDIT = (
    "Examples from the ClaimBuster dataset: Fatma Arslan, Naeemul Hassan, Chengkai Li, Mark Tremayne, "
    "'A Benchmark Dataset of Check-worthy Factual Claims', ICWSM 2020; https://doi.org/10.5281/zenodo.3609356 "
    "(record 3836810). Licence: CC BY 4.0 (as reported for the Zenodo release); credit to the authors. "
    "Subset: sentences of crowdsourced.csv (dev debates) in 2xNCS.json, 30-200 characters; label 1 = CFS, "
    "0 = NCS. Vectors: WordLlama 0.4.0.post1 l2_supercat_256 mean token vectors (MIT), int8 per row."
)
MIN_CHARS, MAX_CHARS = 30, 200


class NearestExamples:
    """The labelled examples and their normalised vectors."""

    def __init__(self, path: str = EXAMPLES_PATH):
        with np.load(path, allow_pickle=False) as z:
            q = z["vectors"].astype(np.float32) * z["scale"].astype(np.float32)[:, None]
            labels = z["label"].astype(np.int8)
            raw = z["text_utf8"].tobytes()
            ends = z["text_ends"].astype(np.int64)
        norms = np.sqrt((q * q).sum(axis=1))
        norms[norms == 0] = 1.0
        q /= norms[:, None]
        # check-worthy rows first, so each label is one contiguous block of the matrix
        order = np.argsort(-labels, kind="stable")
        self.vectors = np.ascontiguousarray(q[order])
        self.n_pos = int((labels == 1).sum())
        starts = np.concatenate([[0], ends[:-1]])
        self._spans = [(int(starts[i]), int(ends[i])) for i in order]
        self._raw = raw

    def __len__(self) -> int:
        return len(self._spans)

    def text(self, i: int) -> str:
        a, b = self._spans[i]
        return self._raw[a:b].decode("utf-8")

    def nearest(self, vector: np.ndarray) -> list[tuple[int, str, float]]:
        """[(label, text, cosine similarity)] of the nearest check-worthy and the nearest not check-worthy
        example; empty for a zero vector (a text with no token)."""
        if not np.any(vector):
            return []
        # einsum, not `@`: `@` goes to the BLAS gemv, which a multi-threaded OpenBLAS spreads over threads
        # that spin against each other on a busy machine (measured 1.2 ms of CPU instead of 0.05 ms); the
        # plain C loop costs about 0.1 ms for any thread setting.
        sims = np.einsum("ij,j->i", self.vectors, vector.astype(np.float32, copy=False))
        out = []
        for label, lo, hi in ((1, 0, self.n_pos), (0, self.n_pos, len(self._spans))):
            if hi > lo:
                i = lo + int(np.argmax(sims[lo:hi]))
                out.append((label, self.text(i), float(sims[i])))
        return out


def load_default() -> NearestExamples | None:
    return NearestExamples() if os.path.exists(EXAMPLES_PATH) else None
