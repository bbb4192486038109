"""Article-level features for a second recogniser pass: the class a word had elsewhere nearby.

A CRF tags one sentence at a time; a name it knows in one sentence of an article it may miss in
the next, where the context says less. :func:`article_context` gives every token a feature
from the *other* sentences within ``window`` sentences of its own: the class its stem (without
proclitics) was tagged there most often (``ctx=PERS:all`` when every other occurrence was a
person, ``ctx=PERS:some`` when some were, ``ctx=O`` when it never was in a name, nothing when
it does not recur). For training sentences the tags are the gold ones of their neighbours; for
the sentences being tagged they are the first pass's output (extract/entities.py
``cross_validate(two_pass=True)``), never their gold tags.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from tadqiq.extract.entity_features import view

WINDOW = 20


def _classes(tags: Sequence[str]) -> list[str]:
    return [t.partition("-")[2] or "O" if t != "O" else "O" for t in tags]


def article_context(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                    window: int = WINDOW) -> list[list[list[str]]]:
    """Per sentence, per token, the article-context feature strings (see the module text)."""
    stems = [[view(t)[3] for t in s] for s in sentences]
    own = []
    for st, tg in zip(stems, tags, strict=True):
        c: dict[str, Counter] = defaultdict(Counter)
        for w, cls in zip(st, _classes(tg), strict=True):
            if len(w) >= 3:
                c[w][cls] += 1
        own.append(c)
    total: dict[str, Counter] = defaultdict(Counter)
    out: list[list[list[str]]] = []
    lo = hi = 0  # the sentences [lo, hi) are counted in total
    for si, st in enumerate(stems):
        while hi < len(stems) and hi <= si + window:
            for w, c in own[hi].items():
                total[w].update(c)
            hi += 1
        while lo < si - window:
            for w, c in own[lo].items():
                total[w].subtract(c)
            lo += 1
        feats = []
        for w in st:
            seen = total.get(w)
            if seen is None or len(w) < 3:
                feats.append([])
                continue
            rest = seen - own[si].get(w, Counter())  # the other sentences only; drops zeros
            if not rest:
                feats.append([])
                continue
            names = Counter({k: v for k, v in rest.items() if k != "O"})
            if not names:
                feats.append(["ctx=O"])
                continue
            cls, n = names.most_common(1)[0]
            feats.append([f"ctx={cls}:{'all' if n == sum(rest.values()) else 'some'}"])
        out.append(feats)
    return out
