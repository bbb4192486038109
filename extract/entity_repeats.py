"""Names repeated in an article: a name the recogniser found once is the same name elsewhere.

News repeats its names (a full name once, then the surname; a club or a place many times),
and a CRF tagging one sentence at a time misses the later mentions whose context says less.
:func:`propagate` tags, in each sentence, a run of untagged tokens whose stems form a name
that the recogniser tagged in the sentences around it (``window`` sentences either side, the
article when sentences come one article at a time), with that name's most frequent class;
the last word of a person's name of two or more words counts as the person too. A single
word is not propagated when it is short (under 3 letters), a cue word (a title, an
organisation or place head), or mostly outside names in the training sentences (the
recogniser's name lists, extract/entity_features.py). Only the recogniser's own output and the
training lists are used: never gold tags of the sentences being tagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from tadqiq.extract.entity_features import CUES, NameLists, view
from tadqiq.extract.bio import entity_spans

WINDOW = 40


def _may_spread(stem: str, lists: NameLists | None) -> bool:
    if len(stem) < 3 or any(stem in words for words in CUES.values()):
        return False
    seen = lists.stems.get(stem) if lists is not None else None
    return not (seen and seen["O"] > 1 and seen["O"] * 2 > sum(seen.values()))


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
              lists: NameLists | None = None, window: int = WINDOW) -> list[list[str]]:
    """``tags`` (one BIO list per sentence of ``sentences``) with repeated names tagged too."""
    stems = [[view(t)[3] for t in tokens] for tokens in sentences]
    found: list[list[tuple[tuple[str, ...], str]]] = []
    for st, tg in zip(stems, tags, strict=True):
        names = []
        for a, b, cls in entity_spans(tg):
            names.append((tuple(st[a:b]), cls))
            if cls == "PERS" and b - a >= 2:
                names.append(((st[b - 1],), cls))
        found.append(names)
    out: list[list[str]] = []
    for si, (st, tg) in enumerate(zip(stems, tags, strict=True)):
        near: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for sj in range(max(0, si - window), min(len(stems), si + window + 1)):
            for name, cls in found[sj]:
                near[name][cls] += 1
        new = list(tg)
        longest = max([1, *map(len, near)])
        i = 0
        while i < len(st):
            for n in range(min(longest, len(st) - i), 0, -1):
                name = tuple(st[i:i + n])
                if name not in near or any(t != "O" for t in new[i:i + n]):
                    continue
                if n == 1 and not _may_spread(name[0], lists):
                    break
                cls = near[name].most_common(1)[0][0]
                new[i:i + n] = [f"B-{cls}", *[f"I-{cls}"] * (n - 1)]
                i += n - 1
                break
            i += 1
        out.append(new)
    return out
