"""Reading an article for the rule engine: tokens over the normalised shadow, clitics,
clauses, and a clause as a sequence of items (noun phrases, places, times, prepositions,
verbs, triggers) that the role rules walk over.

Everything is decided on the shadow text (core.arabic.normalize) and mapped back to the
original offsets at the end, so spans are exact slices of the article text.
"""

from __future__ import annotations

import re

from tadqiq.core.arabic.clitics import is_known_word
from tadqiq.core.arabic.normalize import normalize, normalize_text
from tadqiq.core.model import Span
from tadqiq.core.values.counts import QUALIFIER_WORDS as _QUALIFIERS
from tadqiq.core.values.counts import _dual_or_single
from tadqiq.core.values.counts import GROUP_HEADS, GROUP_LINKS, HUNDRED, HUNDREDS_WORDS, TENS, UNITS
from tadqiq.extract.gazetteer import Gazetteer
from tadqiq.extract.items import QUOTES, Item, Tok, Trig
from tadqiq.extract.lexicons import Lexicons, TriggerForm, word_class
from tadqiq.extract.places import PlaceReader
from tadqiq.extract.times import TimeReader

_TOKEN = re.compile(r"[وبلفك]?\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")
_SENT_END = set(".!?؟…")
PREPOSITIONS = {
    "بحق",
    "في",
    "علي",
    "عن",
    "من",
    "الي",
    "ضد",
    "قرب",
    "مع",
    "نحو",
    "باتجاه",
    "تجاه",
    "داخل",
    "عبر",
    "بالقرب",
    "قباله",
}
_DASHES = {"-", "–", "—"}
_NEAR_WORDS = word_class("near_words")
_ALL_OF = word_class("all_of")  # جميع أنحاء البلاد
_WITNESS_VERBS = word_class("witness_verbs")  # شهد العراق ...، تستضيفه إيطاليا: a verb before a place
_NOT_VERB_Y = word_class("not_verb_y")
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")
_COUNT_WORDS = set(UNITS) | set(TENS) | set(HUNDRED) | set(HUNDREDS_WORDS) | word_class("count_words")
_NUMBER_WORDS = word_class("number_words")


class Analysis(PlaceReader, TimeReader):
    #: first token -> end token of the LOC names an entity recogniser tagged (RuleEngine's
    #: optional ``recogniser``), read as places where the place grammar reads none
    ner_places: dict[int, int] = {}

    def __init__(self, text: str, lex: Lexicons, gaz: Gazetteer):
        self.text = text
        self.lex = lex
        self.gaz = gaz
        self._strip_cache: dict[str, tuple[int, str]] = {}
        self._trig_toks: set[int] | None = None
        self.generic_sentences: dict[int, bool] = {}  # sentence start -> holds a genericity cue
        self.gaz_cache: dict = {}  # PlaceReader.gaz_at per (token, offset, words)
        self.norm = normalize(text)
        sh = self.norm.text
        self.toks: list[Tok] = []
        prev_end = 0
        sent = clause = 0
        for m in _TOKEN.finditer(sh):
            w = m.group()
            nl = "\n" in sh[prev_end : m.start()]
            if nl and self.toks:
                sent += 1
                clause += 1
            t = Tok(len(self.toks), m.start(), m.end(), w, w[0].isalnum(), nl)
            self.toks.append(t)
            prev_end = m.end()
        self._stems = [self.stem(t.w) for t in self.toks]
        self._segment()

    # ---- words -------------------------------------------------------------------------
    def strip(self, w: str) -> tuple[int, str]:
        """(letters dropped, rest) of a word without its و/ف and ب/ل/ك proclitics."""
        got = self._strip_cache.get(w)
        if got is None:
            got = self._strip_cache[w] = self._strip(w)
        return got

    def _strip(self, w: str) -> tuple[int, str]:
        off = 0
        if w[:1] in ("و", "ف") and w[1:].isdigit():
            return 1, w[1:]  # و17 مقاتلا
        if w[:1] in ("و", "ف") and len(w) > 3 and not is_known_word(w) and not self._plain(w):
            off, w = 1, w[1:]
        if w.startswith("لل") and len(w) > 4:
            return off + 1, "ا" + w[1:]  # لل = ل + ال: keep the article's lam in the span
        if w[:1] in ("ب", "ل", "ك") and len(w) > 3 and not is_known_word(w) and not self._plain(w):
            off, w = off + 1, w[1:]
        elif w[:1] in ("ب", "و") and len(w) == 3 and self.lex.has("place_heads", w[1:]):
            off, w = off + 1, w[1:]  # بحي، وحي: a two-letter place head
        return off, w

    def _plain(self, w: str) -> bool:
        lex = self.lex
        return (
            w in lex.triggers
            or lex.has("actor_heads", w)
            or lex.has("place_heads", w)
            or lex.has("stop", w)
            or lex.has("support_verbs", w)
            or lex.has("speech_verbs", w)
        )

    def stem(self, w: str) -> str:
        return self.strip(w)[1]

    def bare(self, w: str) -> str:
        """A stem without the article and one pronoun suffix (for head-word lists)."""
        s = self.stem(w)
        if s.startswith("ال") and len(s) > 4:
            s = s[2:]
        return s

    def in_list(self, section: str, w: str) -> bool:
        s = self.stem(w)
        if self.lex.has(section, s) or self.lex.has(section, w):
            return True
        b = s[2:] if s.startswith("ال") and len(s) > 4 else s
        if self.lex.has(section, b) or self.lex.has(section, "ال" + b):
            return True
        for cand in (
            b[:-1] if b.endswith("ا") and len(b) > 3 else "",  # accusative: عنصرا
            b[:-3] + "ه" if b.endswith(("تين", "تان")) and len(b) > 5 else "",  # سيارتين
            b[:-2] if b.endswith(("ين", "ان")) and len(b) > 4 else "",
        ):
            if cand and self.lex.has(section, cand):
                return True
        for suf in _PRONOUN_SUFFIXES:
            if b.endswith(suf) and len(b) > len(suf) + 2:
                base = b[: -len(suf)]
                if self.lex.has(section, base) or (
                    base.endswith("ت") and self.lex.has(section, base[:-1] + "ه")
                ):
                    return True
        return False

    def is_verbish(self, w: str) -> bool:
        s = self.stem(w)
        if self.lex.has("support_verbs", s) or self.lex.has("speech_verbs", s):
            return True
        return s[:1] == "ي" and len(s) >= 4 and s not in _NOT_VERB_Y and not self.lex.has("actor_heads", s)

    # ---- sentences and clauses ---------------------------------------------------------
    def _segment(self) -> None:
        sent = clause = 0
        toks = self.toks
        breaks1 = self.lex.words.get("clause_breaks", frozenset())
        breaks2 = self.lex.phrases.get("clause_breaks", frozenset())
        for k, t in enumerate(toks):
            if t.nl_before and k:
                sent += 1
                clause += 1
            elif k and not toks[k - 1].word and toks[k - 1].w in _SENT_END:
                sent += 1
                clause += 1
            elif t.word and k:
                st = self._stems[k]
                if t.w in breaks1 or st in breaks1:
                    clause += 1
                else:
                    for ph in breaks2:
                        if ph[0] != st and ph[0] != t.w:
                            continue
                        n = len(ph)
                        got = tuple(self._stems[k : k + n])
                        if got == ph or (tuple([t.w] + [x.w for x in toks[k + 1 : k + n]]) == ph):
                            clause += 1
                            break
            t.sent, t.clause = sent, clause

    def clause_range(self, k: int) -> tuple[int, int]:
        c = self.toks[k].clause
        a = k
        while a > 0 and self.toks[a - 1].clause == c:
            a -= 1
        b = k
        while b < len(self.toks) and self.toks[b].clause == c:
            b += 1
        return a, b

    def sentence_range(self, k: int) -> tuple[int, int]:
        s = self.toks[k].sent
        a = k
        while a > 0 and self.toks[a - 1].sent == s:
            a -= 1
        b = k
        while b < len(self.toks) and self.toks[b].sent == s:
            b += 1
        return a, b

    # ---- spans -------------------------------------------------------------------------
    def span(self, a: int, b: int, off: int = 0) -> Span:
        """Original span of tokens [a, b), dropping ``off`` letters of token a."""
        s = self.toks[a].s + off
        e = self.toks[b - 1].e
        while b - 1 > a and not self.toks[b - 1].word and self.toks[b - 1].w not in QUOTES:
            b -= 1
            e = self.toks[b - 1].e
        os_, oe = self.norm.to_original(s, e)
        return Span(os_, oe, self.text[os_:oe])

    def shadow(self, a: int, b: int, off: int = 0) -> str:
        return self.norm.text[self.toks[a].s + off : self.toks[b - 1].e]

    # ---- triggers ----------------------------------------------------------------------
    def triggers(self) -> list[Trig]:
        out: list[Trig] = []
        toks = self.toks
        for k, t in enumerate(toks):
            if not t.word:
                continue
            found = self._trigger_at(k)
            if found is None:
                continue
            off, form = found
            if self._ta_marbuta_read_as_pronoun(k, off, form):
                continue  # أسرة (a family) is no أسر + ه (his capture)
            if self._inside_actor_name(k):
                continue  # هيئة تحرير الشام: a name, not a liberation
            prev = self._stems[k - 1] if k else ""
            if form.not_after and (prev in form.not_after or (k and toks[k - 1].w in form.not_after)):
                continue
            if form.needs_next and not any(st in form.needs_next for st in self._stems[k + 1 : k + 5]):
                continue
            if form.not_next and k + 1 < len(toks) and (self._stems[k + 1] in form.not_next or toks[k + 1].w in form.not_next):
                continue  # الإصابة بنوبة قلبية: an illness, not an injury
            if form.pos == "modifier" and out and out[-1].tok >= k - 2 and out[-1].type == form.type:
                continue
            out.append(Trig(k, off, form))
        self._trig_toks = {t.tok for t in out}
        return out

    def _ta_marbuta_read_as_pronoun(self, k: int, off: int, form: TriggerForm) -> bool:
        """Whether the trigger at token k was matched by reading a written ة as the pronoun ه
        (the shadow text has merged them): أسرة matches أسر + ه. A ta marbuta is never a pronoun."""
        written = self.span(k, k + 1).text
        base = normalize_text(form.form)
        return written.endswith("ة") and not base.endswith("ه") and self.toks[k].w[off:] != base

    def _inside_actor_name(self, k: int) -> bool:
        """True when token k is inside a multi-word name of the actor dictionary."""
        toks = self.toks
        n_max = self.lex.max_actor_words
        for n in range(2, n_max + 1):
            for a in range(max(0, k - n + 1), k + 1):
                b = a + n
                if b > len(toks) or not all(t.word for t in toks[a:b]):
                    continue
                words = [self._stems[a]] + [t.w for t in toks[a + 1 : b]]
                if tuple(words) in self.lex.actors or tuple(t.w for t in toks[a:b]) in self.lex.actors:
                    return True
        return False

    def _is_trigger(self, k: int) -> bool:
        """A trigger as found by :meth:`triggers` (its not_after/needs_next/modifier rules applied)."""
        if self._trig_toks is None:
            self.triggers()
        return k in self._trig_toks  # type: ignore[operator]

    def _trigger_at(self, k: int) -> tuple[int, TriggerForm] | None:
        w = self.toks[k].w
        cands = [(0, w)]
        if w[:1] in ("و", "ف"):
            cands.append((1, w[1:]))
        for off, rest in list(cands):
            if rest.startswith("لل"):
                cands.append((off + 1, "ا" + rest[1:]))
            if rest[:1] in ("ب", "ل", "ك"):
                cands.append((off + 1, rest[1:]))
        for off, c in cands:
            forms = self.lex.triggers.get(c)
            if forms and len(c) >= 3:
                return off, forms[0]
        return None

    # ---- noun phrases --------------------------------------------------------------------
    def np_end(self, k: int, limit: int, off: int = 0) -> int:
        """End token of the noun phrase starting at token k."""
        toks = self.toks
        lex = self.lex
        j = k
        definite = False
        prev = ""
        while j < limit and j - k < 12:
            t = toks[j]
            if not t.word:
                if t.w in QUOTES and j > k:
                    j += 1
                    continue
                break
            w = t.w[off:] if j == k else t.w
            if j > k:
                if w in ("عشر", "عشره") and prev in UNITS:
                    j += 1  # سبعة عشر، أحد عشر، خمس عشرة: one number
                    prev = w
                    continue
                if w[:1] == "و" and w[1:] in TENS and prev in UNITS:
                    j += 1  # اثنان وأربعون، خمسة وعشرين: one number
                    prev = w
                    continue
                if not definite and j - k >= 2 and w[-2:] in ("ين", "ان") and self.is_dual_count(w):
                    break  # قتل قناص حوثي امرأتين: a counted dual opens the object
                if (w.isdigit() or w in _NUMBER_WORDS or w in _COUNT_WORDS) and not (
                    (prev == "من" or prev in GROUP_LINKS) and self.bare(toks[k].w[off:]) in GROUP_HEADS
                ):
                    break
                if (
                    not definite
                    and w[:1] == "ل"
                    and len(w) > 3
                    and (
                        self.in_list("actor_heads", "ال" + w[2:] if w.startswith("لل") else w[1:])
                        or ("ال" + w[2:],) in lex.actors
                        or (w[1:],) in lex.actors
                    )
                ):
                    j += 1
                    prev = w
                    definite = True
                    continue
                if tuple(self._np_words(k, j, off)) in lex.actors and not w.startswith("ال") and w[:1] != "و":
                    break
                if (
                    w == "من"
                    and (
                        self.in_list("partitive_heads", prev)
                        or prev.isdigit()
                        or (
                            j == k + 2  # و١٧ مقاتلا من الفصائل, but not أربعة شبان من بلدة قباطية
                            and (toks[k].w[off:].isdigit() or toks[k].w[off:] in _COUNT_WORDS)
                            and not (j + 1 < limit and self.place_at(j + 1, limit, 0, True) is not None)
                        )
                        or self.in_list("actor_heads", prev)
                    )
                ):
                    j += 1
                    prev = w
                    definite = False
                    continue
                if w[:1] == "ل" and (lex.has("attach_lam", prev) or lex.has("attach_lam", self.stem(prev))):
                    j += 1
                    prev = w
                    continue
                if w[:1] == "ب" and len(w) > 2 and lex.has("attach_ba", prev):
                    j += 1  # مرتبطون بتنظيم داعش، مشتبه بهم
                    prev = w
                    if not w.startswith("به"):
                        definite = True
                    continue
                if (
                    lex.has("stop", w)
                    or lex.has("agent_cues", w)
                    or w in PREPOSITIONS
                    or (w[:1] in ("و", "ف") and w[1:] in PREPOSITIONS)  # ... وفي سهل الغاب
                    or self.time_at(j, limit) is not None
                ):
                    break
                so, st = self.strip(w)
                if so and self._opens_actor_name(j, limit):
                    so, st = 0, w  # جماعة بوكو حرام: بوكو is no ب + وكو
                if so:
                    if w[:1] not in ("و", "ف") or st.isdigit() or st in _COUNT_WORDS:
                        break  # a preposition, or a new counted phrase (و١٧ مقاتلا)
                    if (
                        st in lex.triggers
                        or self.is_verbish(st)
                        or lex.has("stop", st)
                        or self._is_trigger(j)
                    ):
                        break
                    definite = False
                    j += 1
                    prev = st
                    continue
                if self._is_trigger(j) or self.is_verbish(w):
                    break
                if (
                    lex.has("place_relations", w)
                    and j + 1 < limit
                    and toks[j + 1].word
                    and self.place_at(j + 1, limit, 0, True) is not None
                ):
                    break  # غارة أمريكية جنوب الصومال: the relation opens a place
                if definite and not w.startswith("ال") and not w.isdigit() and w not in ("له", "لها", "لهم"):
                    break
            elif self._is_trigger(j) and j == k:
                break
            if w.startswith("ال") or self._pronoun_suffixed(w):
                definite = True
            j += 1
            prev = w
        return j

    def _place_as_written(self, whole: str, stripped: str) -> bool:
        """A gazetteer name opening with ب/ل/ك as written, when the word without it is no place."""
        return self.gaz.lookup(stripped) is None and self.gaz.lookup(whole) is not None

    def _nounish(self, st: str) -> bool:
        lex = self.lex
        return (
            st.startswith("ال")
            or lex.has("actor_heads", st)
            or lex.has("place_heads", st)
            or lex.has("place_heads_plural", st)
            or (st,) in lex.actors
            or self.gaz.lookup(st) is not None
            or lex.has("weapon_heads", st)
            or st.isdigit()
        )

    def _pronoun_suffixed(self, w: str) -> bool:
        """عناصره، قواتها: a noun with an attached pronoun is definite."""
        for suf in _PRONOUN_SUFFIXES:
            if w.endswith(suf) and len(w) > len(suf) + 2:
                base = w[: -len(suf)]
                if self.lex.has("actor_heads", base) or (
                    base.endswith("ت") and self.lex.has("actor_heads", base[:-1] + "ه")
                ):
                    return True
        return False

    def _np_words(self, k: int, j: int, off: int) -> list[str]:
        return [self.toks[k].w[off:]] + [t.w for t in self.toks[k + 1 : j]]

    # ---- clause items --------------------------------------------------------------------
    def items(self, a: int, b: int, trig_at: dict[int, Trig]) -> list[Item]:
        toks = self.toks
        lex = self.lex
        out: list[Item] = []
        k = a
        while k < b:
            t = toks[k]
            if not t.word:
                out.append(Item("PUNCT", k, k + 1, word=t.w))
                k += 1
                continue
            if k in trig_at:
                tr = trig_at[k]
                if tr.off and not (tr.off == 1 and t.w[:1] in ("و", "ف")):
                    out.append(Item("PREP", k, k, word=t.w[tr.off - 1]))
                out.append(Item("TRIG", k, k + 1, tr.off, trig=tr))
                k += 1
                continue
            tm = self.time_at(k, b)
            if tm is not None:
                out.append(Item("TIME", k, tm[1], tm[0]))
                k = tm[1]
                continue
            off, st = self.strip(t.w)
            if off and self._opens_actor_name(k, b):
                off, st = 0, t.w  # بوكو حرام
            elif off and t.w[off - 1] in "بلك" and self._place_as_written(t.w[off - 1 :], st):
                off, st = off - 1, t.w[off - 1 :]  # بورنو، وبورنو: a place whose name opens with ب
            if st.startswith("بال") and len(st) > 5 and self.lex.has("place_heads", st[1:]):
                off, st = off + 1, st[1:]
            if off and st != t.w[off:]:  # لل -> ال: the article's lam stays in the span
                pass
            w = t.w
            q = self._qualifier_at(k, b)
            if q:
                end = self.np_end(q, b, 0)
                if end > q:
                    out.append(Item("NP", k, end, off))
                    k = end
                    continue
            if lex.has("support_verbs", st) or lex.has("support_verbs", w) or self._support_with_pronoun(st):
                out.append(Item("VERB", k, k + 1, word=st, sub="support"))
                k += 1
                continue
            if w in _WITNESS_VERBS or st in _WITNESS_VERBS:  # an unprefixed past verb looks like a noun
                out.append(Item("VERB", k, k + 1, word=st, sub="witness"))
                k += 1
                continue
            if lex.has("speech_verbs", st) or lex.has("speech_verbs", w):
                out.append(Item("VERB", k, k + 1, word=st, sub="speech"))
                k += 1
                continue
            if lex.has("agent_cues", w) or lex.has("agent_cues", st):
                out.append(Item("PREP", k, k + 1, word="agent"))
                k += 1
                continue
            if w in PREPOSITIONS or st in PREPOSITIONS:
                out.append(Item("PREP", k, k + 1, word=st))
                k += 1
                continue
            if w[:1] in ("و", "ف") and w[1:] in PREPOSITIONS:  # وفي محافظة كركوك، ومن قرية برقين
                out.append(Item("PREP", k, k + 1, word=w[1:]))
                k += 1
                continue
            if lex.has("place_relations", st) and k + 1 < b and toks[k + 1].word:
                rel = self.place_at(k, b, off, True)  # وسط مقديشو: a place, not «amid»
                if rel is not None and rel.b > k + 1:
                    out.append(rel)
                    k = rel.b
                    continue
            if st in _ALL_OF and k + 1 < b and toks[k + 1].word:
                every = self.place_at(k, b, off, True)  # جميع أنحاء البلاد: a place, not a stop word
                if every is not None:
                    out.append(every)
                    k = every.b
                    continue
            if lex.has("stop", w) or lex.has("stop", st):
                out.append(Item("STOP", k, k + 1, word=st))
                k += 1
                continue
            letter = t.w[off - 1] if off else ""
            if off and letter in ("ب", "ل", "ك"):
                out.append(Item("PREP", k, k, word=letter))
            cue_prev = out[-1] if out else None
            context = bool(cue_prev and cue_prev.kind == "PREP") or bool(off and t.w[off - 1] in "بل")
            is_alias = (t.w[off:],) in lex.actors or (k + 1 < b and (t.w[off:], toks[k + 1].w) in lex.actors)
            pl = None if is_alias else self.place_at(k, b, off, context)
            if pl is None and off == 1 and t.w[:1] == "و" and not is_alias:
                pl = self.coordinated_name(k, b, out)  # حلب وحمص وحماة ومعرشورين
            if pl is None and k in self.ner_places and not is_alias:
                pl = Item("PLACE", k, min(self.ner_places[k], b), off, sub="ner")  # a LOC the recogniser tagged
            if pl is None and not off and t.w[:1] == "و" and len(t.w) == 3 and not is_known_word(t.w):
                pl = self.place_at(k, b, 1, True)
                if pl is not None and pl.b - k < 2:
                    pl = None
            if pl is not None and pl.b > k:
                if pl.word == "facility":  # قاعدة عسكرية before بـ/قرب + a place: a participant
                    out.append(Item("NP", k, pl.b, off))
                    k = pl.b
                    continue
                label = self._dateline_end(k, pl.b, b)
                if label:
                    # a headline label (الصومال: مقتل ...) or a dateline (بغداد - (أ ف ب): قتل ...)
                    # names where the story was filed, no argument
                    out.append(Item("OTHER", k, label, off, word=st))
                    k = label
                    continue
                else:
                    out.append(pl)
                k = pl.b
                continue
            sentence_start = k == 0 or toks[k - 1].sent != t.sent
            if self.is_verbish(st) or (
                sentence_start and off == 1 and t.w[0] == "و" and not self._nounish(st)
            ):
                # a sentence opening with و + an unknown word is VSO: وتبنى، وأدان، وتواصل
                out.append(Item("VERB", k, k + 1, word=st, sub="other"))
                k += 1
                continue
            end = self.np_end(k, b, off)
            if end <= k:
                out.append(Item("OTHER", k, k + 1, word=st))
                k += 1
                continue
            if (
                end < b
                and toks[end].w in _NEAR_WORDS
                and cue_prev is not None
                and cue_prev.kind == "PREP"
                and cue_prev.word == "في"
            ):
                np = Item("NP", k, end, off)
                near = None if self.is_actor(np) or self._counted(np) else self.near_place(k, end, b, off)
                if near is not None:
                    out.append(near)
                    k = near.b
                    continue
            fb = self.fallback_place(k, end, b, off, out) if self.fallback else None
            if fb is not None:  # place:fallback, a noun phrase after a locative cue
                out.append(fb)
                k = fb.b
                continue
            out.append(Item("NP", k, end, off))
            k = end
        return out

    def _dateline_end(self, k: int, end: int, limit: int) -> int:
        """End of a label opening a line or sentence at place k..end: ``الصومال:`` or a dateline
        ``بغداد - (أ ف ب):``, ``جنين - وفا:``, ``إدلب – مراسلنا`` (up to the colon or the line
        end); 0 if the place is no label."""
        toks = self.toks
        if not (k == 0 or toks[k - 1].sent != toks[k].sent) or end >= limit:
            return 0
        if toks[end].w == ":":
            return end + 1
        if toks[end].w not in _DASHES:
            return 0
        j = end + 1
        while j < len(toks) and j - end <= 8 and not toks[j].nl_before:
            if toks[j].w == ":":
                return min(j + 1, limit)
            j += 1
        if j - end <= 4 and (j >= len(toks) or toks[j].nl_before):
            return min(j, limit)  # إدلب – مراسلنا (a line of its own)
        return 0

    @staticmethod
    def is_dual_count(w: str) -> bool:
        """A dual of a countable noun (امرأتين، جنديين): it states a count of two."""
        return w[-2:] in ("ين", "ان") and _dual_or_single(w) == 2

    def _opens_actor_name(self, k: int, limit: int) -> bool:
        """Token k as written opens a multi-word actor name (بوكو حرام)."""
        toks = self.toks
        return k + 1 < limit and toks[k + 1].word and (toks[k].w, toks[k + 1].w) in self.lex.actors

    def _counted(self, it: Item) -> bool:
        return any(
            t.w.isdigit() or t.w in _COUNT_WORDS or t.w in _NUMBER_WORDS for t in self.toks[it.a : it.b]
        )

    def _qualifier_at(self, k: int, limit: int) -> int:
        """Token after a count qualifier (نحو، أكثر من، ما لا يقل عن) before a number, or 0."""
        first = self.toks[k].w
        for words, _kind in _QUALIFIERS:
            if words[0] != first:
                continue
            n = len(words)
            if k + n < limit and tuple(self.toks[i].w for i in range(k, k + n)) == words:
                nxt = self.toks[k + n].w
                if nxt.isdigit() or nxt in _NUMBER_WORDS or nxt in _COUNT_WORDS:
                    return k + n
        return 0

    def _support_with_pronoun(self, st: str) -> bool:
        for suf in ("ها", "ه", "هم"):
            if st.endswith(suf) and self.lex.has("support_verbs", st[: -len(suf)]):
                return True
        return False

    # ---- phrase classes ---------------------------------------------------------------------
    def is_actor(self, it: Item) -> bool:
        if it.kind != "NP":
            return False
        words = [self.toks[it.a].w[it.off :]] + [t.w for t in self.toks[it.a + 1 : it.b]]
        words = [self.stem(w) if i else w for i, w in enumerate(words)]
        if any(self.in_list("actor_heads", w) for w in words[:3]):
            return True
        for n in range(1, min(self.lex.max_actor_words, len(words)) + 1):
            for i in range(0, len(words) - n + 1):
                if tuple(words[i : i + n]) in self.lex.actors:
                    return True
        return False

    def head_in(self, it: Item, section: str) -> bool:
        words = [self.toks[it.a].w[it.off :]] + [t.w for t in self.toks[it.a + 1 : it.b]]
        return any(self.in_list(section, w) for w in words[:3])

    def is_adjective_like(self, it: Item) -> bool:
        if it.kind != "NP" or it.b - it.a != 1:
            return False
        w = self.toks[it.a].w[it.off :]
        if self.in_list("actor_heads", w) or w in self.lex.actors or (w,) in self.lex.actors:
            return False
        return (w.endswith(("ي", "يه", "يا", "ا")) and not w.startswith("ال")) or self.lex.has(
            "place_adjectives", w
        )
