"""The editable word lists of the rule engine, read from resources/lexicons/.

``triggers-ar.txt`` (trigger forms per event type), ``actors-ar.txt`` (actor names with
aliases) and ``words-ar.txt`` (cue words, phrase heads, stop words), which a project may
replace by its own folder; ``engine-words-ar.txt`` holds the word classes the engine's code
refers to by name (``word_class``). Everything is
normalised on load with core's normaliser, so the files can be written as text is written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.resources import resource_path

PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم")


@dataclass(frozen=True)
class TriggerForm:
    """One lexicon line: a form of a trigger word for an event type."""

    type: str
    form: str  # as written in the file
    pos: str = "noun"  # noun | verb | modifier | bare
    confidence: float = 0.8
    absorb: bool = False
    not_after: frozenset[str] = frozenset()
    needs_next: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()
    line: int = 0


class LexiconError(ValueError):
    """A lexicon file line that cannot be read, with file and line number."""


@dataclass
class Lexicons:
    triggers: dict[str, list[TriggerForm]] = field(default_factory=dict)  # surface variant -> forms
    actors: dict[tuple[str, ...], str] = field(default_factory=dict)  # alias tokens -> canonical
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # section -> single words
    phrases: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)  # section -> multiword
    max_actor_words: int = 1

    def has(self, section: str, word: str) -> bool:
        return word in self.words.get(section, frozenset())

    def common_words(self) -> set[str]:
        out: set[str] = set(self.triggers)
        for section, ws in self.words.items():
            if section not in ("place_heads", "place_heads_plural", "place_adjectives", "place_relations"):
                out |= ws
        return out


def _norm(word: str) -> str:
    return normalize_text(word.strip())


def _variants(form: str, pos: str) -> set[str]:
    f = _norm(form)
    out = {f}
    stem = f[:-1] + "ت" if f.endswith("ه") else f
    if pos == "bare":
        return out  # only as written: أسرت (she captured), never أسرته (his family, mostly)
    if pos == "verb":
        out |= {f + p for p in ("ه", "ها", "هم", "هما", "هن")}
        return out
    out.add("ال" + f)
    if not f.endswith(("ه", "ا", "ي", "ات")):
        out.add(f + "ا")
    if pos == "noun":
        out |= {stem + p for p in PRONOUNS}
        if not f.endswith(("ات", "ا", "ي", "ى")) and len(f) >= 4:  # duals: تفجيرين، غارتين
            out |= {stem + d for d in ("ين", "ان")} | {"ال" + stem + d for d in ("ين", "ان")}
        if f.endswith("ات"):
            out |= {f + p for p in PRONOUNS}
    return out


def read_triggers(path: Path) -> dict[str, list[TriggerForm]]:
    out: dict[str, list[TriggerForm]] = defaultdict(list)
    current = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise LexiconError(f"{path}:{n}: a section is written [Type.Name]")
            current = line[1:-1].strip()
            continue
        if current is None:
            raise LexiconError(f"{path}:{n}: a form before any [Type] section")
        form, *opts = line.split()
        kw: dict = {}
        pos = "noun"
        for opt in opts:
            if opt in ("verb", "modifier", "bare"):
                pos = opt
            elif opt == "absorb":
                kw["absorb"] = True
            elif opt.startswith("conf="):
                kw["confidence"] = float(opt[5:])
            elif opt.startswith("not_after="):
                kw["not_after"] = frozenset(_norm(w) for w in opt[10:].split(","))
            elif opt.startswith("needs_next="):
                kw["needs_next"] = frozenset(_norm(w) for w in opt[11:].split(","))
            elif opt.startswith("not_next="):
                kw["not_next"] = frozenset(_norm(w) for w in opt[9:].split(","))
            else:
                raise LexiconError(f"{path}:{n}: unknown option {opt!r}")
        entry = TriggerForm(current, form, pos, line=n, **kw)
        for v in _variants(form, pos):
            if all(e.type != current for e in out[v]):
                out[v].append(entry)
    return dict(out)


def read_actors(path: Path) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        for name in names:
            out[tuple(_norm(name).split())] = names[0]
    return out


def read_words(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[tuple[str, ...]]]]:
    words: dict[str, set[str]] = defaultdict(set)
    phrases: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    section = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            section = line.strip("[] ")
            continue
        if section is None:
            raise LexiconError(f"{path}:{n}: words before any [section]")
        for w in line.split():
            parts = tuple(_norm(p) for p in w.split("_"))
            if len(parts) == 1:
                words[section].add(parts[0])
            else:
                phrases[section].add(parts)
    return ({k: frozenset(v) for k, v in words.items()}, {k: frozenset(v) for k, v in phrases.items()})


def load_lexicons(folder: Path | None = None) -> Lexicons:
    """Read the three lexicon files (from resources/lexicons/ unless ``folder`` is given)."""
    if folder is None:
        return _default()
    return _load(folder)


@lru_cache(maxsize=1)
def _default() -> Lexicons:
    return _load(resource_path("lexicons"))


@lru_cache(maxsize=1)
def _engine_words() -> dict[str, frozenset[str]]:
    words, _ = read_words(resource_path("lexicons") / "engine-words-ar.txt")
    return words


def word_class(name: str) -> frozenset[str]:
    """A word class the engine's code names (``resources/lexicons/engine-words-ar.txt``)."""
    try:
        return _engine_words()[name]
    except KeyError:
        raise LexiconError(f"engine-words-ar.txt has no [{name}] section") from None


def _load(folder: Path) -> Lexicons:
    words, phrases = read_words(folder / "words-ar.txt")
    actors = read_actors(folder / "actors-ar.txt")
    return Lexicons(
        triggers=read_triggers(folder / "triggers-ar.txt"),
        actors=actors,
        words=words,
        phrases=phrases,
        max_actor_words=max((len(a) for a in actors), default=1),
    )
