"""A named-entity recogniser for argument candidates: a linear-chain CRF over tokens.

Why a CRF (python-crfsuite): it is the method the published ANERcorp results use (Benajiba &
Rosso's CRF reached overall F1 about 0.80), trains on 100k tokens in well under a minute on
two CPU cores, needs no download, and its features say plainly what it looks at. The features
are clitic-aware: the normalised form, the form without attached proclitics (و ف ب ل ك س ال),
what was split off, character prefixes and suffixes of the stem, digits and Latin letters, and
the same for two neighbours on each side; optional hit lists (gazetteer places, actors) add a
feature where a token starts or continues a listed name.

Tags are BIO over the classes the training data uses (ANERcorp: LOC, PERS, ORG, MISC).
Scores are CoNLL-style: an entity counts when its class and both boundaries match.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from tadqiq.core.arabic.clitics import split_proclitics
from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.extract.bio import entity_spans
from tadqiq.extract.entity_context import article_context
from tadqiq.extract.entity_features import NameLists, token_features
from tadqiq.extract.entity_repeats import propagate

Sentence = list[tuple[str, str]]  # (token, BIO tag)

TRAINING = {"c1": 0.1, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True}


def _shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if any("a" <= c.lower() <= "z" for c in token):
        return "latin"
    if not any(c.isalpha() for c in token):
        return "punct"
    return "word"


def _word_features(token: str, prefix: str) -> list[str]:
    norm = normalize_text(token)
    cut, stem = split_proclitics(norm)
    feats = [f"{prefix}w={norm}", f"{prefix}stem={stem}", f"{prefix}shape={_shape(token)}"]
    if cut:
        feats.append(f"{prefix}pro={norm[:cut]}")
    if prefix == "":
        feats += [f"p{n}={stem[:n]}" for n in (2, 3) if len(stem) > n]
        feats += [f"s{n}={stem[-n:]}" for n in (1, 2, 3) if len(stem) > n]
        feats.append(f"len={min(len(stem), 8)}")
    return feats


def sentence_features(tokens: Sequence[str], hits: Sequence[Iterable[str]] | None = None) -> list[list[str]]:
    """The feature strings of every token; ``hits[i]`` names lists token i is part of."""
    words = [_word_features(t, "") for t in tokens]
    around = [_word_features(t, "n:") for t in tokens]
    out: list[list[str]] = []
    for i in range(len(tokens)):
        feats = ["bias", *words[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(tokens):
                feats += [f"{d}{f[1:]}" for f in around[j][:2]]  # the neighbour's form and stem
            else:
                feats.append(f"{d}:edge")
        if i > 0:
            feats.append(f"bigram={normalize_text(tokens[i - 1])}|{normalize_text(tokens[i])}")
        if hits is not None:
            feats += [f"hit={h}" for h in hits[i]]
        out.append(feats)
    return out


def list_hits(tokens: Sequence[str], names: Callable[[str], bool], max_words: int = 4,
              label: str = "list") -> list[list[str]]:
    """Mark tokens that form a listed name (longest first): ``B-label``/``I-label`` hits.

    ``names`` answers whether a space-joined normalised token run (proclitics off its first
    token) is listed, e.g. a gazetteer's lookup.
    """
    norms = [normalize_text(t) for t in tokens]
    out: list[list[str]] = [[] for _ in tokens]
    i = 0
    while i < len(tokens):
        for n in range(min(max_words, len(tokens) - i), 0, -1):
            first = split_proclitics(norms[i])[1]
            if names(" ".join([first, *norms[i + 1:i + n]])):
                out[i].append(f"B-{label}")
                for k in range(i + 1, i + n):
                    out[k].append(f"I-{label}")
                i += n
                break
        else:
            i += 1
    return out


class EntityTagger:
    """A trained model; ``tag(tokens)`` gives one BIO tag per token.

    ``lists``: the name lists of the training sentences (extract/entity_features.py), or None
    for a model trained without them.
    """

    def __init__(self, model_bytes: bytes, lists: NameLists | None = None,
                 clusters: Mapping[str, tuple[int, ...]] | None = None):
        self.model_bytes = model_bytes
        self.lists = lists
        self.clusters = clusters
        self._tagger = pycrfsuite.Tagger()
        with tempfile.NamedTemporaryFile(suffix=".crfsuite", delete=False) as f:
            f.write(model_bytes)
            self._path = Path(f.name)
        self._tagger.open(str(self._path))

    def tag(self, tokens: Sequence[str], hits: Sequence[Iterable[str]] | None = None,
            context: Sequence[Sequence[str]] | None = None) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(token_features(tokens, hits, self.lists, self.clusters, context)))

    def tag_article(self, sentences: Sequence[Sequence[str]],
                    hits: Callable[[list[str]], list[list[str]]] | None = None,
                    repeats: bool = True,
                    context: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[str]]:
        """Tag consecutive sentences (an article); with ``repeats``, a name tagged in one is
        tagged where it recurs nearby (extract/entity_repeats.py); ``context``: per sentence,
        the article-level features of a second pass (extract/entity_context.py)."""
        tags = [self.tag(list(s), hits(list(s)) if hits else None, context[n] if context is not None else None)
                for n, s in enumerate(sentences)]
        return propagate(sentences, tags, self.lists) if repeats else tags

    def close(self) -> None:
        self._tagger.close()
        self._path.unlink(missing_ok=True)


JACKKNIFE = 4  # training sentences see name lists built from the other quarters


def train(sentences: Iterable[Sentence], hits: Callable[[list[str]], list[list[str]]] | None = None,
          params: dict | None = None, lists: bool = True,
          clusters: Mapping[str, tuple[int, ...]] | None = None,
          context: Sequence[Sequence[Sequence[str]]] | None = None) -> EntityTagger:
    """Train a CRF on tagged sentences (in memory; the model comes back as bytes).

    With ``lists``, each training sentence gets name-list features from the other
    ``JACKKNIFE - 1`` contiguous parts of the training sentences only, and the tagger keeps the
    lists of all of them for the sentences it tags.
    """
    sentences = list(sentences)
    if not sentences:
        raise ValueError("no training sentences")
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**TRAINING, **(params or {})})
    parts = min(JACKKNIFE, len(sentences))
    bounds = [round(i * len(sentences) / parts) for i in range(parts + 1)]
    for p in range(parts):
        held = NameLists([*sentences[:bounds[p]], *sentences[bounds[p + 1]:]]) if lists else None
        for n in range(bounds[p], bounds[p + 1]):
            sent = sentences[n]
            tokens = [t for t, _ in sent]
            trainer.append(token_features(tokens, hits(tokens) if hits else None, held, clusters,
                                          context[n] if context is not None else None),
                           [tag for _, tag in sent])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return EntityTagger(path.read_bytes(), NameLists(sentences) if lists else None, clusters)


@dataclass
class Scores:
    correct: Counter
    predicted: Counter
    gold: Counter

    def prf(self, cls: str | None = None) -> tuple[float, float, float]:
        c = sum(self.correct.values()) if cls is None else self.correct[cls]
        p = sum(self.predicted.values()) if cls is None else self.predicted[cls]
        g = sum(self.gold.values()) if cls is None else self.gold[cls]
        precision = c / p if p else 0.0
        recall = c / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def add(self, other: Scores) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """CoNLL entity scores of predicted BIO tag sequences against gold ones."""
    s = Scores(Counter(), Counter(), Counter())
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(entity_spans(g)), set(entity_spans(p))
        s.gold.update(c for *_, c in gs)
        s.predicted.update(c for *_, c in ps)
        s.correct.update(c for *_, c in gs & ps)
    return s


def cross_validate(sentences: Sequence[Sentence], k: int = 5,
                   hits: Callable[[list[str]], list[list[str]]] | None = None,
                   params: dict | None = None, lists: bool = True,
                   repeats: bool = True, split: str = "blocks", seed: int = 0,
                   clusters: Callable[[list[Sentence], list[Sentence]], Mapping[str, tuple[int, ...]]] | None = None,
                   two_pass: bool = False) -> tuple[Scores, list[Scores]]:
    """Train on k-1 folds of sentences, test on the held-out fold, k times.

    ``split="blocks"``: each fold is a contiguous block, which keeps sentences of one article
    together, so a name repeated within an article is not seen in training and test at once
    (the honest figure). ``split="random"``: sentences are dealt to the folds at random
    (``seed``), the split most published ANERcorp figures use; a fold's sentences stay in corpus
    order, so repeated names still spread between neighbours. ``clusters(train, test)`` gives
    each fold its word clusters (bench/word_clusters.py) from the text the caller chooses.
    ``two_pass``: a second CRF with article-level features (extract/entity_context.py) tags
    the fold again from the first one's output. Returns the pooled and per-fold scores.
    """
    if k < 2 or len(sentences) < k:
        raise ValueError(f"cross-validation needs k >= 2 and at least k sentences (k={k}, {len(sentences)})")
    folds_of = fold_assignment(len(sentences), k, split, seed)
    total = Scores(Counter(), Counter(), Counter())
    folds = []
    for i in range(k):
        test = [s for s, f in zip(sentences, folds_of, strict=True) if f == i]
        rest = [s for s, f in zip(sentences, folds_of, strict=True) if f != i]
        words = clusters(rest, test) if clusters else None
        tagger = train(rest, hits, params, lists, words)
        tokens = [[t for t, _ in s] for s in test]
        try:
            predicted = tagger.tag_article(tokens, hits, repeats)
        finally:
            tagger.close()
        if two_pass:  # the same features plus the article context: gold of the neighbours in
            # training, the first pass's tags of the neighbours when tagging
            gold_context = article_context([[t for t, _ in s] for s in rest], [[g for _, g in s] for s in rest])
            second = train(rest, hits, params, lists, words, gold_context)
            try:
                predicted = second.tag_article(tokens, hits, repeats, article_context(tokens, predicted))
            finally:
                second.close()
        fold = score([[tag for _, tag in s] for s in test], predicted)
        folds.append(fold)
        total.add(fold)
    return total, folds


def fold_assignment(n: int, k: int, split: str = "blocks", seed: int = 0) -> list[int]:
    """The fold (0..k-1) of each of n sentences: contiguous blocks, or dealt at random."""
    if split == "blocks":
        bounds = [round(i * n / k) for i in range(k + 1)]
        return [i for i in range(k) for _ in range(bounds[i], bounds[i + 1])]
    if split == "random":
        import random

        order = list(range(n))
        random.Random(seed).shuffle(order)
        out = [0] * n
        for rank, idx in enumerate(order):
            out[idx] = rank % k
        return out
    raise ValueError(f"unknown split {split!r} (blocks or random)")


def read_conll(text: str) -> list[Sentence]:
    """Token<TAB>tag lines, a blank line between sentences (ANERcorp's layout)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, sep, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        if not sep or not token:
            raise ValueError(f"line {n}: expected 'token<TAB>tag', got {line[:60]!r}")
        current.append((token, tag.strip()))
    if current:
        sentences.append(current)
    return sentences
