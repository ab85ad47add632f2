"""Train the check-worthiness model on ClaimBuster crowdsourced.csv and write model.npz.

    python -m factcheck.extraction.train [--data-dir ../shared/data] [--out factcheck/extraction/model.npz]

Deterministic: a fixed split by debate (every 4th debate, sorted by name, is held back to choose the
regularisation and the thresholds), then a refit on all of crowdsourced.csv.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import math
import time

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve

from . import data
from .checkworthiness import MODEL_PATH
from .features import HAND_FEATURES, N_BUCKETS, hand_features, hashed_terms

log = logging.getLogger(__name__)
C_GRID = (1.0, 2.0, 4.0, 8.0, 16.0)


def featurise(texts: list[str]):
    rows, cols, vals, hands = [], [], [], []
    for i, t in enumerate(texts):
        counts, _ = hashed_terms(t)
        for h, c in counts.items():
            rows.append(i)
            cols.append(h)
            vals.append(1.0 + math.log(c))
        hands.append(hand_features(t))
    tf = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), N_BUCKETS), dtype=np.float64)
    return tf, np.array(hands, dtype=np.float64)


def fit_idf(tf) -> np.ndarray:
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=N_BUCKETS)
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def design(tf, hands, idf, mean, scale):
    x = tf.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    h = (hands - mean) / scale
    return sparse.hstack([x, sparse.csr_matrix(h)]).tocsr()


def fit(tf, hands, y, c):
    idf = fit_idf(tf)
    mean = hands.mean(axis=0)
    scale = hands.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=0)
    clf.fit(design(tf, hands, idf, mean, scale), y)
    return clf, idf, mean, scale


def best_threshold(y, p, beta: float) -> float:
    prec, rec, thr = precision_recall_curve(y, p)
    b2 = beta * beta
    f = (1 + b2) * prec * rec / np.maximum(b2 * prec + rec, 1e-12)
    i = int(np.nanargmax(f[:-1]))
    return float(thr[i])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.extraction.train", description=__doc__)
    ap.add_argument("--data-dir", help="folder holding claimbuster/ (default: ../shared/data beside the repo)")
    ap.add_argument("--out", default=MODEL_PATH)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    path = data.data_dir(args.data_dir) / "claimbuster" / "crowdsourced.csv"
    raw = path.read_bytes()
    rows = data.claimbuster(path)
    t0 = time.perf_counter()
    tf, hands = featurise([r["text"] for r in rows])
    y = np.array([r["label"] for r in rows])
    log.info("featurised %s sentences in %.1fs (%s positive)", len(rows), time.perf_counter() - t0, int(y.sum()))

    debates = sorted({r["debate"] for r in rows})
    held = set(debates[1::4])
    hmask = np.array([r["debate"] in held for r in rows])
    tmask = ~hmask
    log.info("held-back debates for choosing C and thresholds: %s", ", ".join(sorted(held)))
    best = None
    for c in C_GRID:
        clf, idf, mean, scale = fit(tf[tmask], hands[tmask], y[tmask], c)
        p = clf.predict_proba(design(tf[hmask], hands[hmask], idf, mean, scale))[:, 1]
        ap_score = average_precision_score(y[hmask], p)
        log.info("C=%s held-back PR-AUC %.4f", c, ap_score)
        if best is None or ap_score > best[0]:
            best = (ap_score, c, p)
    _, c, p = best
    debate_threshold = best_threshold(y[hmask], p, 1.0)
    # News articles are denser in figures than debates: favour precision (F0.5) for the default.
    news_threshold = max(debate_threshold, best_threshold(y[hmask], p, 0.5))
    log.info("chosen C=%s; thresholds: debate (F1) %.3f, news (F0.5) %.3f", c, debate_threshold, news_threshold)

    clf, idf, mean, scale = fit(tf, hands, y, c)
    coef = clf.coef_.ravel()
    n_text = N_BUCKETS
    used = np.bincount(tf.indices, minlength=N_BUCKETS) > 0
    idf_out = np.where(used, idf, 0.0).astype(np.float32)
    coef_out = np.where(used, coef[:n_text], 0.0).astype(np.float32)
    digest = hashlib.sha256(coef_out.tobytes() + idf_out.tobytes()).hexdigest()[:8]
    np.savez_compressed(
        args.out,
        idf=idf_out,
        coef=coef_out,
        hand_coef=coef[n_text:].astype(np.float64),
        hand_mean=mean,
        hand_scale=scale,
        bias=np.float64(clf.intercept_[0]),
        debate_threshold=np.float64(debate_threshold),
        news_threshold=np.float64(news_threshold),
        version=np.str_(f"cw-{digest}"),
        hand_names=np.array([k for k, _ in HAND_FEATURES]),
        trained_on=np.str_(f"claimbuster/crowdsourced.csv sha256:{hashlib.sha256(raw).hexdigest()} rows:{len(rows)}"),
        C=np.float64(c),
    )
    log.info("wrote %s (model cw-%s)", args.out, digest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
