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

Lookup: the first DIMS (128) of the statement's 256 WordLlama dimensions (the vector already computed by
the check-worthiness model), L2-normalised, dotted with the examples' first 128 dimensions, normalised (a few
thousand x 128, float32 in memory); the K most similar and their labels. No index, no pickle.
Why 128 of 256: WordLlama's embeddings are trained as Matryoshka representations, meant to be cut to their
leading dimensions, and the lookup on all 256 was the costliest step of the whole pipeline (about 290 us a
statement against 110 us, on one core here). The neighbours are not the same (6 of 10 on average: the
nearest-neighbour structure of these vectors is flat, and even 192 dimensions keep only 7 of 10), but the
reason tells as much: the share of check-worthy neighbours ranks the CheckThat! 2021 tweets (a tuning set)
with ROC-AUC 0.614 on 128 dimensions against 0.629 on 256.

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
DIMS = 128  # the leading (Matryoshka) dimensions the lookup compares
MIN_CHARS, MAX_CHARS = 30, 200


class NearestExamples:
    """The labelled examples' normalised vectors and labels."""

    def __init__(self, path: str = EXAMPLES_PATH):
        with np.load(path, allow_pickle=False) as z:
            q = z["vectors"].astype(np.float32) * z["scale"].astype(np.float32)[:, None]
            self.labels = z["label"].astype(np.int8)
            self.ids = z["ids"].astype(np.int64)
        q = q[:, :DIMS]
        norms = np.sqrt((q * q).sum(axis=1))
        norms[norms == 0] = 1.0
        self.vectors = np.ascontiguousarray(q / norms[:, None])

    def __len__(self) -> int:
        return len(self.labels)

    def nearest(self, vector: np.ndarray, k: int = K) -> list[tuple[int, int, float]]:
        """[(ClaimBuster sentence id, label, cosine similarity on the DIMS leading dimensions)] of the k
        nearest examples, most similar first, ties by row; empty for a zero vector (a text with no token)
        or a vector that is not finite."""
        return self.nearest_many([vector], k)[0]

    def nearest_many(self, vectors: list[np.ndarray], k: int = K) -> list[list[tuple[int, int, float]]]:
        """[self.nearest(v, k) for v in vectors], computed for all the vectors together.

        One matrix product (BLAS) for all the vectors finds each one's candidates: the rows whose product is
        within CANDIDATE_MARGIN of a lower bound t of its k-th largest product (_kth_lower_bound). The
        candidates' products are then computed again row by row (one einsum over every (vector, candidate)
        pair of the batch: each pair's value depends on its two rows only, so a vector gets the same values
        alone or in a batch) and ranked by them, most similar first, ties by row.
        Why the candidates always hold the k nearest: both products are float32 dot products of DIMS (128)
        terms of unit vectors, each within 128 x 2^-24 ~ 7.6e-6 of the exact value, so they differ by at most
        ~1.5e-5 and a true k-th nearest's product is at most ~3.1e-5 below the k-th largest product, hence at
        least t - 3.1e-5; the margin is 32 times that. Every row tied with the k-th nearest is a candidate too,
        so ties are broken by row among all of them."""
        if not len(vectors):
            return []
        xs = _queries(vectors)
        n = len(self.labels)
        if n <= k:
            mask = np.ones((len(xs), n), dtype=bool)
        else:
            approx = self._products(xs)
            mask = approx >= (_kth_lower_bound(approx, k) - CANDIDATE_MARGIN)[:, None]
        mask &= _usable(xs)[:, None]
        q, rows = np.nonzero(mask)
        sims = np.einsum("ij,ij->i", xs[q], self.vectors[rows])
        order = np.lexsort((rows, -sims, q))  # by vector, then most similar first, then by row
        q, rows, sims = q[order], rows[order], sims[order]
        starts = np.searchsorted(q, np.arange(len(xs) + 1))
        ids, labels, sims = self.ids[rows].tolist(), self.labels[rows].tolist(), sims.tolist()
        return [
            list(zip(ids[a : min(b, a + k)], labels[a : min(b, a + k)], sims[a : min(b, a + k)], strict=True))
            for a, b in zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True)
        ]

    def _products(self, xs: np.ndarray) -> np.ndarray:
        """xs @ vectors.T, (len(xs), n) float32, in blocks of at most _BLAS_CELLS (m x n) products: OpenBLAS
        runs an m x n x k product on one thread up to m x n x k = 65536 x 4 (its gemm threshold; for k = 256,
        m x n = 1024; measured switching above 2048) and on all cores above, and its threads spinning on a
        shared machine measured 720-1250 us of CPU per statement for the whole product at once, against
        25-30 us in blocks."""
        m, n = len(xs), len(self.labels)
        out = np.empty((n, m), dtype=np.float32)
        xt = np.ascontiguousarray(xs.T)
        step = max(1, _BLAS_CELLS // m)
        for b in range(0, n, step):
            np.matmul(self.vectors[b : b + step], xt, out=out[b : b + step])
        return np.ascontiguousarray(out.T)


def _queries(vectors: list[np.ndarray]) -> np.ndarray:
    """The vectors' DIMS leading dimensions, float32, each L2-normalised (a zero vector stays zero)."""
    xs = np.stack([np.asarray(v, dtype=np.float32)[:DIMS] for v in vectors])
    norms = np.sqrt(np.einsum("ij,ij->i", xs, xs))
    norms[~(norms > 0)] = 1.0
    return xs / norms[:, None]


def _usable(xs: np.ndarray) -> np.ndarray:
    """Rows that have neighbours: not zero (a text with no token) and finite."""
    return np.isfinite(xs).all(axis=1) & xs.any(axis=1)


def _kth_lower_bound(approx: np.ndarray, k: int) -> np.ndarray:
    """For each row, a value at most its k-th largest: the smallest of the maxima of k disjoint blocks of
    the row (k distinct entries, one per block, are at least that value). A few block maxima cost far less
    than a partition of every row (measured ~45 µs a statement for np.partition over 3,704 examples); the
    bound sits a little below the k-th largest, so nearest_many re-ranks a few more candidates, exactly."""
    width = approx.shape[1] // k
    return approx[:, : k * width].reshape(len(approx), k, width).max(axis=2).min(axis=1)


# nearest_many: rows per matrix-product block (see _products) and the candidates' margin (see nearest_many)
_BLAS_CELLS = 1024
CANDIDATE_MARGIN = 1e-3


def load_default() -> NearestExamples | None:
    return NearestExamples() if os.path.exists(EXAMPLES_PATH) else None
