"""Nearest known examples for a statement's reasons: how many of the statement's K nearest labelled
training sentences are check-worthy, from a small set of vectors shipped with the extractor (`examples.npz`).

The file holds no text: only ClaimBuster sentence ids, their labels and their WordLlama vectors (int8),
i.e. what was derived from the data, like the model's weights; the sentences themselves are research data
this repository does not redistribute (see ../shared/data/claimbuster/PROVENANCE.md). With the dataset at
hand, an id finds its sentence in `crowdsourced.csv`.

The examples are ClaimBuster sentences — Arslan, Hassan, Li and Tremayne, "A Benchmark Dataset of
Check-worthy Factual Claims", ICWSM 2020 (Zenodo record 3836810; released for research as CC BY 4.0,
shipped here with credit to its authors). Only sentences of the project's training data
(`claimbuster/crowdsourced.csv`, dev portion) that are also in the stricter-agreement subset
`2xNCS.json` are used: label 1 = check-worthy factual sentence (CFS), 0 = not check-worthy (NCS). No
sentence of `groundtruth.csv` (an untouched evaluation set) is in the file, not even one that a
crowdsourced row repeats word for word.

Lookup: the statement's L2-normalised WordLlama vector (already computed by the check-worthiness model)
dotted with the examples' normalised vectors (a few thousand x 256, float32 in memory); the K most
similar and their labels. No index, no pickle.

    python -m factcheck.extraction.tools.examples_build [--data-dir ../shared/data] [--out PATH]

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
    "0 = NCS. Vectors: WordLlama 0.4.0.post1 l2_supercat_256 mean token vectors (MIT), int8 per row. "
    "No sentence text is included: ids, labels and vectors only."
)
K = 10  # neighbours a reason counts
MIN_CHARS, MAX_CHARS = 30, 200


class NearestExamples:
    """The labelled examples' normalised vectors and labels."""

    def __init__(self, path: str = EXAMPLES_PATH):
        with np.load(path, allow_pickle=False) as z:
            q = z["vectors"].astype(np.float32) * z["scale"].astype(np.float32)[:, None]
            self.labels = z["label"].astype(np.int8)
            self.ids = z["ids"].astype(np.int64)
        norms = np.sqrt((q * q).sum(axis=1))
        norms[norms == 0] = 1.0
        self.vectors = np.ascontiguousarray(q / norms[:, None])

    def __len__(self) -> int:
        return len(self.labels)

    def nearest(self, vector: np.ndarray, k: int = K) -> list[tuple[int, int, float]]:
        """[(ClaimBuster sentence id, label, cosine similarity)] of the k nearest examples, most similar
        first; empty for a zero vector (a text with no token)."""
        if not np.any(vector):
            return []
        # einsum, not `@`: `@` goes to the BLAS gemv, which a multi-threaded OpenBLAS spreads over threads
        # that spin against each other on a busy machine (measured 1.2 ms of CPU instead of 0.05 ms); the
        # plain C loop costs about 0.1 ms for any thread setting.
        sims = np.einsum("ij,j->i", self.vectors, vector.astype(np.float32, copy=False))
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.lexsort((top, -sims[top]))]  # most similar first; ties by row, so the order is fixed
        return [(int(self.ids[i]), int(self.labels[i]), float(sims[i])) for i in top]

    def nearest_many(self, vectors: list[np.ndarray], k: int = K) -> list[list[tuple[int, int, float]]]:
        """[self.nearest(v, k) for v in vectors], the same lists, at about a quarter of the cost.

        One matrix product for all the vectors finds each one's candidates: the rows whose product is within
        CANDIDATE_MARGIN of a lower bound t of its k-th largest product (_kth_lower_bound). The products of the
        candidates are then computed again exactly as nearest() does (its einsum, row by row, so the same
        float32 values) and ranked the same way.
        Why the candidates always hold the k nearest: both products are float32 dot products of 256 terms
        of unit vectors, each within 256 x 2^-24 ~ 1.5e-5 of the exact value, so they differ by at most
        ~3.1e-5 and a true k-th nearest's product is at most ~6.2e-5 below the k-th largest product, hence at
        least t - 6.2e-5; the margin is 16 times that. A tie at the k-th place (argpartition would pick either)
        or an odd vector goes to nearest()."""
        if not len(vectors):
            return []
        n = len(self.labels)
        xs = np.stack([v.astype(np.float32, copy=False) for v in vectors])
        if n <= k or not np.isfinite(xs).all():
            return [self.nearest(v, k) for v in vectors]
        approx = self._products(xs)
        bound = _kth_lower_bound(approx, k)
        return [self._refine(x, row, float(t), k) for x, row, t in zip(xs, approx, bound, strict=True)]

    def _products(self, xs: np.ndarray) -> np.ndarray:
        """xs @ vectors.T, (len(xs), n) float32, in blocks of at most _BLAS_CELLS (m x n) products: OpenBLAS
        runs an m x n x k product on one thread up to m x n x k = 65536 x 4 (its gemm threshold; here k = 256,
        m x n = 1024; measured switching above 2048) and on all cores above, and its threads spinning on a
        shared machine measured 720-1250 us of CPU per statement for the whole product at once, against
        25-30 us in blocks (nearest()'s einsum: 135 us)."""
        m, n = len(xs), len(self.labels)
        out = np.empty((n, m), dtype=np.float32)
        xt = np.ascontiguousarray(xs.T)
        step = max(1, _BLAS_CELLS // m)
        for b in range(0, n, step):
            np.matmul(self.vectors[b : b + step], xt, out=out[b : b + step])
        return np.ascontiguousarray(out.T)

    def _refine(self, vector: np.ndarray, approx: np.ndarray, kth: float, k: int) -> list[tuple[int, int, float]]:
        if not np.any(vector):
            return []
        cand = np.flatnonzero(approx >= kth - CANDIDATE_MARGIN)
        sims = np.einsum("ij,j->i", self.vectors[cand], vector)
        order = np.lexsort((cand, -sims))
        if len(order) < k or (len(order) > k and sims[order[k - 1]] == sims[order[k]]):
            return self.nearest(vector, k)
        top = order[:k]
        rows = cand[top]
        return list(zip(self.ids[rows].tolist(), self.labels[rows].tolist(), sims[top].tolist(), strict=True))


def _kth_lower_bound(approx: np.ndarray, k: int) -> np.ndarray:
    """For each row, a value at most its k-th largest: the smallest of the maxima of k disjoint blocks of
    the row (k distinct entries, one per block, are at least that value). A few block maxima cost far less
    than a partition of every row (measured ~45 µs a statement for np.partition over 3,704 examples); the
    bound sits a little below the k-th largest, so _refine re-ranks a few more candidates, exactly."""
    width = approx.shape[1] // k
    return approx[:, : k * width].reshape(len(approx), k, width).max(axis=2).min(axis=1)


# nearest_many: rows per matrix-product block (see _products) and the candidates' margin (see nearest_many)
_BLAS_CELLS = 1024
CANDIDATE_MARGIN = 1e-3


def load_default() -> NearestExamples | None:
    return NearestExamples() if os.path.exists(EXAMPLES_PATH) else None
