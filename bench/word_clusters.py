"""Word clusters from unlabelled text: words that occur between the same neighbours share a class.

A feature for the entity recogniser (extract/entity_features.py) that reaches words no name
list holds: an unseen foreign surname stands where other surnames stand (after الرئيس، قال,
before ان), an unseen club where other clubs stand. Brown clusters do this with a bigram
class model; this is a cheaper cousin that needs only numpy:

1. every word (its stem without proclitics, extract/entity_features.py ``view``) seen at least
   ``min_count`` times gets a vector of the words just before and just after it (the
   ``contexts`` most frequent words on each side), weighted by positive pointwise mutual
   information;
2. the vectors are reduced to ``dims`` dimensions (truncated SVD) and normalised;
3. k-means (k-means++ start, a fixed seed) groups them at several sizes (``sizes``: 64, 256 and
   1024 classes by default), the coarse sizes standing in for the short prefixes of a Brown
   bit string.

The result maps a stem to one class id per size. Which text it is built from is the caller's
choice and must be said where figures are reported (bench/bench_entities.py ``--clusters``):
labels are never read, only tokens. It lives in bench/ (numpy is a test-time package here, not
one the app needs) because on ANERcorp's 122k tokens, the only unlabelled Arabic text at hand,
the clusters did not help the recogniser (docs/benchmarks-entities.md, history).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

SIZES = (64, 256, 1024)


def build_clusters(sentences: Iterable[Sequence[str]], sizes: Sequence[int] = SIZES, min_count: int = 2,
                   contexts: int = 1000, dims: int = 100, iterations: int = 15,
                   seed: int = 0) -> dict[str, tuple[int, ...]]:
    """Stem -> class id per size, from tokenised sentences (no labels)."""
    import numpy as np

    from tadqiq.extract.entity_features import view

    stems = [[view(t)[3] for t in s] for s in sentences]
    freq = Counter(w for s in stems for w in s)
    vocab = sorted((w for w, n in freq.items() if n >= min_count), key=lambda w: (-freq[w], w))
    if len(vocab) < 2:
        return {}
    index = {w: i for i, w in enumerate(vocab)}
    ctx = [w for w, _ in freq.most_common(contexts)]
    cindex = {w: i for i, w in enumerate(ctx)}
    m = np.zeros((len(vocab), 2 * len(ctx) + 2), dtype=np.float32)
    edge_left, edge_right = 2 * len(ctx), 2 * len(ctx) + 1  # a sentence's start and end
    for s in stems:
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            if i == 0:
                m[row, edge_left] += 1
            elif (left := cindex.get(s[i - 1])) is not None:
                m[row, left] += 1
            if i + 1 == len(s):
                m[row, edge_right] += 1
            elif (right := cindex.get(s[i + 1])) is not None:
                m[row, len(ctx) + right] += 1
    total = m.sum()
    if total == 0:
        return {}
    pw = m.sum(axis=1, keepdims=True) / total
    pc = m.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pw * pc))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    rng = np.random.default_rng(seed)
    x = _truncated_svd(ppmi.astype(np.float32), min(dims, min(ppmi.shape) - 1), rng)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / np.where(norms > 0, norms, 1.0)
    labels = [_kmeans(x, min(size, len(vocab)), iterations, rng) for size in sizes]
    return {w: tuple(int(lab[i]) for lab in labels) for w, i in index.items()}


def _truncated_svd(a, k: int, rng):
    """The rows of ``a`` in its top k singular directions (randomised SVD, two power steps)."""
    import numpy as np

    y = a @ rng.standard_normal((a.shape[1], k + 20)).astype(a.dtype)
    for _ in range(2):
        y, _ = np.linalg.qr(y)
        y = a @ (a.T @ y)
    q, _ = np.linalg.qr(y)
    ub, sv, _ = np.linalg.svd(q.T @ a, full_matrices=False)
    return (q @ ub[:, :k]) * sv[:k]


def _kmeans(x, k: int, iterations: int, rng):
    """Labels of the rows of x (unit vectors) in k clusters: k-means++ start, cosine distance."""
    import numpy as np

    n = x.shape[0]
    centres = np.empty((k, x.shape[1]))
    centres[0] = x[rng.integers(n)]
    best = 1.0 - x @ centres[0]
    for c in range(1, k):
        weights = np.clip(best, 0, None) ** 2
        total = weights.sum()
        pick = rng.choice(n, p=weights / total) if total > 0 else rng.integers(n)
        centres[c] = x[pick]
        best = np.minimum(best, 1.0 - x @ centres[c])
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / (np.linalg.norm(v) or 1.0)
    return labels
