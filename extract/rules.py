"""The rule engine: lexicon triggers, role rules over clause items, attributes, links.

How it reads an article (docs/extractor.md says more):

1. Triggers are looked up per token in ``triggers-ar.txt`` after dropping و ف ب ل ك.
2. Each clause (a sentence cut at فيما، بينما، حيث، وسط، ما أسفر ...) becomes a list of items:
   noun phrases, places (gazetteer + qualifiers), times, prepositions, verbs, triggers.
3. Role rules per event family walk the items around each trigger: the genitive after a
   verbal noun, the subject of a light verb (شن، نفذ، لقي), على/ضد for targets, بـ + weapon
   for instruments, من/إلى for origin and destination; places and times of a clause are
   shared by the triggers of that clause, and a death or capture takes the attacker of an
   attack in the same clause as its agent.
4. Cue words in the clause before a trigger set polarity and modality; cues anywhere in the
   sentence make it generic. Mentions repeated in a teaser are linked as one event.
"""

from __future__ import annotations

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.model import DEFAULT_ATTRIBUTES, Argument, Article, Mention, Span
from tadqiq.core.values.counts import parse_count
from tadqiq.core.values.dates import parse_date
from tadqiq.extract.analysis import Analysis, Item, Trig
from tadqiq.extract.clause_places import (
    NEAR_TIMES,
    anaphoric_part,
    fronted_places,
    located,
    near_places,
    place_before_where,
)
from tadqiq.extract.gazetteer import Gazetteer, load_gazetteer
from tadqiq.extract.geocode import geocode
from tadqiq.extract.lexicons import Lexicons, load_lexicons, word_class

ATTACK, DIE, INJURE, CAPTURE = "Conflict.Attack", "Life.Die", "Life.Injure", "Conflict.Capture"
TERRITORY, ARREST, TRANSPORT = "Conflict.TerritoryChange", "Justice.Arrest-Jail", "Movement.Transport"
DEMONSTRATE, MEET, EXECUTE = "Conflict.Demonstrate", "Contact.Meet", "Justice.Execute"
COUNTED_ROLES = {"Victim", "Person", "Instrument", "Vehicle", "Artifact", "Entity"}
AGENT_ROLE = {
    ATTACK: "Attacker",
    DIE: "Agent",
    INJURE: "Agent",
    CAPTURE: "Agent",
    TERRITORY: "Agent",
    ARREST: "Agent",
    TRANSPORT: "Agent",
    EXECUTE: "Agent",
    DEMONSTRATE: "Entity",
    MEET: "Entity",
}
PATIENT_ROLE = {
    ATTACK: "Target",
    DIE: "Victim",
    INJURE: "Victim",
    CAPTURE: "Person",
    ARREST: "Person",
    EXECUTE: "Person",
    TRANSPORT: "Artifact",
    DEMONSTRATE: "Entity",
    MEET: "Entity",
    TERRITORY: "Place",
}
_SUBORD = word_class("subordinators")
CASUALTY_NOUNS = word_class("casualty_nouns")


_NOT_ARGUMENT = word_class("not_argument_words")
FRAGMENT_WORDS = word_class("fragment_words")
ASSAULT_NOUNS = word_class("assault_nouns")


def _clean_arguments(args: list[Argument]) -> list[Argument]:
    """No argument that is only a function word or a pronoun (هو، التي، ذلك), and one argument
    per role and text in a mention (the same Place twice: the first is kept)."""
    out: list[Argument] = []
    seen: set[tuple[str, str]] = set()
    for a in args:
        words = [w for w in normalize_text(a.span.text).split() if any(ch.isalnum() for ch in w)]
        if not words or (len(words) == 1 and (words[0] in _NOT_ARGUMENT or (len(words[0]) < 2 and not words[0].isdigit()))):
            continue
        k = (a.role, " ".join(words))
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out


class _Args:
    """Arguments being collected for one trigger: role -> list of (item, rule, confidence)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, Item, str, float]] = []

    def add(self, role: str, item: Item | None, rule: str, conf: float, an: Analysis | None = None) -> None:
        if item is None or item.kind not in ("NP", "PLACE", "TIME"):
            return
        if len(item.parts) == 1:  # مخيمات تندوف: a plural head before one name is one place
            item = Item("PLACE", item.a, item.b, item.off, place=item.place, sub=item.sub)
        if item.parts:  # قرى المطاردة والسكرية ووادي بقيع: one argument per place
            for s, e, o in item.parts:
                self.add(
                    role,
                    Item("PLACE", s, e, o, place=item.place if len(item.parts) == 1 else None),
                    rule,
                    conf,
                )
            return
        for _r, it, _, _ in self.found:
            if it.a == item.a and it.b == item.b:
                return
        if item.kind == "PLACE" and item.sub == "fallback":  # a structural guess: say so
            rule, conf = "place:fallback", min(conf, 0.5)
        elif item.kind == "PLACE" and item.sub == "ner":  # a name the recogniser tagged LOC
            rule, conf = "place:recogniser", min(conf, 0.6)
        self.found.append((role, item, rule, conf))

    def has(self, role: str) -> bool:
        return any(r == role for r, *_ in self.found)

    def get(self, role: str) -> Item | None:
        for r, it, *_ in self.found:
            if r == role:
                return it
        return None

    def used(self, item: Item) -> bool:
        return any(it.a == item.a and it.b == item.b for _, it, *_ in self.found)


class RuleEngine:
    name = "rules"
    version = "1.11"

    def __init__(self, lexicons: Lexicons | None = None, gazetteer: Gazetteer | None = None,
                 recogniser=None):
        self.lex = lexicons or load_lexicons()
        self.gaz = gazetteer or load_gazetteer()
        #: an optional entity recogniser (extract/entities.py ``EntityTagger``) whose LOC names
        #: become place candidates; none ships (docs/extractor.md), bench/realtext_ner.py measures it
        self.recogniser = recogniser
        if recogniser is not None:
            self.version = f"{type(self).version}+ner"

    @property
    def origin(self) -> str:
        return f"extractor:{self.name}@{self.version}"

    def _ner_places(self, an: Analysis) -> dict[int, int]:
        from tadqiq.extract.bio import entity_spans

        out: dict[int, int] = {}
        start = 0
        while start < len(an.toks):
            end = start
            while end < len(an.toks) and an.toks[end].sent == an.toks[start].sent:
                end += 1
            words = [t.w for t in an.toks[start:end]]
            for a, b, cls in entity_spans(self.recogniser.tag(words)):
                if cls == "LOC" and an.toks[start + a].word:
                    out[start + a] = start + b
            start = end
        return out

    # ------------------------------------------------------------------------------------
    def extract(self, article: Article) -> list[Mention]:
        an = Analysis(article.text, self.lex, self.gaz)
        if self.recogniser is not None:
            an.ner_places = self._ner_places(an)
        trigs = an.triggers()
        clauses: dict[int, list[Trig]] = {}
        for t in trigs:
            clauses.setdefault(an.toks[t.tok].clause, []).append(t)
        mentions: list[tuple[int, Mention]] = []
        fronted = fronted_places(an)
        for _clause, group in sorted(clauses.items()):
            a, b = an.clause_range(group[0].tok)
            items = an.items(a, b, {t.tok: t for t in group})
            pos = {it.trig.tok: n for n, it in enumerate(items) if it.kind == "TRIG" and it.trig}
            # a trigger word inside a longer item (a name or noun phrase read first: «جنيه فورا
            # لأسره», "for his family") is no trigger there
            group = [t for t in group if t.tok in pos]
            if not group:
                continue
            self._absorb(an, items, pos)
            collected = {t.tok: self._roles(an, items, pos[t.tok], t) for t in group if t.absorbed_by is None}
            self._share(an, items, pos, group, collected)
            where = place_before_where(an, a)
            for t in group:
                args = collected.get(t.tok)
                if args is not None and where is not None and t.type != TRANSPORT and not args.has("Place"):
                    args.add("Place", where, "place-before-where", 0.65)
            for t in group:
                front = fronted.get(an.toks[t.tok].sent)
                args = collected.get(t.tok)
                if (args is not None and front is not None and front.b <= t.tok and t.type != TRANSPORT
                        and not args.has("Place")):
                    args.add("Place", front, "place-fronted", 0.65)
            for t in group:
                if t.absorbed_by is not None:
                    continue
                m = self._mention(an, article, t, collected[t.tok], items, pos[t.tok])
                mentions.append((t.tok, m))
        out = geocode(article.text, one_place_per_type([m for _, m in sorted(mentions, key=lambda x: x[0])]), self.gaz)

        return self._link(an, [t for t, _ in sorted(mentions, key=lambda x: x[0])], out)

    # ---- absorbed verbs: هجمات ... استهدفت مواقع --------------------------------------------
    def _absorb(self, an: Analysis, items: list[Item], pos: dict[int, int]) -> None:
        for n, it in enumerate(items):
            tr = it.trig
            if it.kind != "TRIG" or tr is None or not tr.form.absorb:
                continue
            for back in range(n - 1, max(-1, n - 6), -1):
                prev = items[back]
                if (
                    prev.kind == "TRIG"
                    and prev.trig
                    and prev.trig.type == tr.type
                    and prev.trig.form.pos == "noun"
                ):
                    tr.absorbed_by = prev.trig.tok
                    break
                if prev.kind in ("VERB", "PUNCT", "TRIG") or (prev.kind == "STOP" and prev.word != "من"):
                    break

    # ---- role rules -------------------------------------------------------------------------
    def _after(self, items: list[Item], n: int, stop_at_trigger: bool = True) -> list[tuple[str, Item]]:
        """(preposition or '', item) slots after item n, up to the next verb or trigger."""
        slots: list[tuple[str, Item]] = []
        prep = ""
        for it in items[n + 1 :]:
            if it.kind == "PREP":
                prep = it.word
                continue
            if it.kind in ("NP", "PLACE", "TIME"):
                slots.append((prep, it))
                prep = ""
                continue
            if it.kind == "TRIG":
                if stop_at_trigger:
                    break
                slots.append(("", it))
                continue
            if it.kind == "VERB" and it.sub != "support":
                break
            if it.kind == "VERB":
                slots.append(("verb", it))
                continue
            if it.kind == "STOP" and it.word in ("التي", "الذي", "الذين", "ان", "انه", "انها", "لان"):
                break
            if it.kind == "PUNCT" and it.word not in ("،", ","):
                break
            prep = "" if it.kind not in ("OTHER",) else prep
        return slots

    def _subject_before(self, an: Analysis, items: list[Item], n: int) -> Item | None:
        """Nearest actor phrase before item n that is not inside a prepositional phrase."""
        for back in range(n - 1, -1, -1):
            it = items[back]
            if it.kind == "NP" and an.is_actor(it):
                before = items[back - 1] if back else None
                if parse_count(an.span(it.a, it.b, it.off).text) is not None:
                    continue  # a counted phrase is a victim or a prisoner, rarely an attacker
                if (
                    before is None
                    or before.kind == "PUNCT"
                    or (before.kind == "STOP" and before.word in _SUBORD)
                    or (before.kind == "VERB" and before.sub != "speech")
                ):
                    return it
        return None

    def _roles(self, an: Analysis, items: list[Item], n: int, tr: Trig) -> _Args:
        args = _Args()
        typ = tr.type
        verb = tr.form.pos == "verb"
        slots = self._after(items, n)
        agent_role = AGENT_ROLE.get(typ, "Agent")
        patient = PATIENT_ROLE.get(typ)
        prev = items[n - 1] if n else None
        prev2 = items[n - 2] if n > 1 else None

        # light verb before the noun: شن التنظيم هجوما / التنظيم شن هجوما / نفذ ... عملية إنزال
        if not verb:
            k = n - 1
            while k >= 0 and items[k].kind == "NP" and an.bare(an.toks[items[k].a].w) in ("عمليه", "عمليات"):
                k -= 1
            if (
                k >= 0
                and items[k].kind == "NP"
                and an.is_actor(items[k])
                and k > 0
                and items[k - 1].kind == "VERB"
                and items[k - 1].sub == "support"
                and an.stem(items[k - 1].word) not in ("لقي", "لقوا", "لقيت")
            ):
                args.add(agent_role, items[k], "light-verb-subject", 0.85)
            elif k >= 0 and items[k].kind == "VERB" and items[k].sub == "support":
                if an.stem(items[k].word) in ("لقي", "لقوا", "لقيت", "يلقي"):
                    pass
                else:
                    subj = (
                        items[k - 1]
                        if k > 0 and items[k - 1].kind == "NP" and an.is_actor(items[k - 1])
                        else None
                    )
                    if subj is None:
                        subj = self._subject_before(an, items, k)
                    args.add(agent_role, subj, "light-verb-subject", 0.75)
            # لقي X مصرعهم
            if (
                typ in (DIE,)
                and prev
                and prev.kind == "NP"
                and prev2
                and prev2.kind == "VERB"
                and an.stem(prev2.word) in ("لقي", "لقوا", "لقيت", "يلقي")
            ):
                args.add("Victim", prev, "laqiya-subject", 0.9)
            # 5 قتلى
            if (
                an.stem(an.toks[tr.tok].w)[tr.off :] in CASUALTY_NOUNS
                or an.bare(an.toks[tr.tok].w) in CASUALTY_NOUNS
            ):
                if prev and prev.kind == "NP" and parse_count(an.span(prev.a, prev.b, prev.off).text):
                    args.add("Victim", prev, "count-before-casualty-noun", 0.8)

        # walk the phrases after the trigger
        bare_seen = 0
        for i, (prep, it) in enumerate(slots):
            if prep == "verb":  # هجمات شنها عناصر ...
                nxt = slots[i + 1][1] if i + 1 < len(slots) else None
                if nxt is not None and slots[i + 1][0] == "" and nxt.kind == "NP":
                    args.add(agent_role, nxt, "light-verb-after", 0.85)
                continue
            if it.kind == "TIME":
                continue
            if it.kind == "PLACE":
                if prep in ("من",) and typ == TRANSPORT:
                    args.add("Origin", it, "place-after-من", 0.8)
                elif prep in ("الي", "نحو", "باتجاه", "قرب", "في", "ل") and typ == TRANSPORT:
                    args.add("Destination", it, f"place-after-{prep}", 0.75)
                elif typ == TERRITORY and not args.has("Place"):
                    args.add("Place", it, f"place-after-{prep or 'trigger'}", 0.85)
                elif typ == ATTACK and prep == "علي" and self._assaulted(an, tr, it) and not args.has("Target"):
                    args.add("Target", it, "place-after-على", 0.8)  # الهجوم على لبنان
                elif prep == "من" and typ in (TERRITORY,):
                    continue
                continue
            if it.kind != "NP":
                continue
            if prep == "":
                if an.is_adjective_like(it) and bare_seen == 0:
                    continue
                bare_seen += 1
                if bare_seen > 2:
                    continue
                self._bare_np(an, args, typ, verb, it, bare_seen, slots, i, items, n)
            elif prep in ("علي", "ضد") and typ == ATTACK:
                args.add("Target", it, f"after-{prep}", 0.85)
            elif prep in ("علي",) and typ == TERRITORY and self._place_like(an, it):
                args.add("Place", it, "after-على", 0.8)
            elif prep == "ب" and (an.head_in(it, "weapon_heads")) and typ in (ATTACK, DIE, INJURE):
                args.add("Instrument", it, "instrument-بـ", 0.8)
            elif prep == "ب" and an.head_in(it, "vehicle_heads") and typ == TRANSPORT:
                args.add("Vehicle", it, "vehicle-بـ", 0.8)
            elif prep == "ب" and typ == MEET:
                args.add("Entity", it, "meet-with-بـ", 0.75)
            elif prep == "مع" and typ == MEET:
                args.add("Entity", it, "meet-with-مع", 0.8)
            elif prep == "بحق" and typ in (EXECUTE, ARREST, DIE, INJURE, CAPTURE) and patient:
                args.add(patient, it, "after-بحق", 0.8)
            elif prep == "agent" and typ in (DIE, INJURE):
                args.add("Agent", it, "agent-cue", 0.8)
            elif prep == "من" and typ == TERRITORY and an.is_actor(it):
                args.add("Entity", it, "from-actor", 0.6)
            elif prep == "من" and typ == TRANSPORT:
                args.add("Origin", it, "origin-من", 0.6)
            elif prep in ("الي", "نحو", "باتجاه") and typ == TRANSPORT:
                args.add("Destination", it, f"destination-{prep}", 0.6)

        # the subject of a passive or intransitive verb: إن طفلين قتلا، أن شابا استشهد
        verbish = verb or an.toks[tr.tok].w.endswith("ا")
        if (
            verbish
            and typ in (DIE, INJURE)
            and not args.has("Victim")
            and prev is not None
            and prev.kind == "NP"
            and (not an.is_adjective_like(prev) or parse_count(an.span(prev.a, prev.b, prev.off).text))
        ):
            args.add("Victim", prev, "subject-of-verb", 0.7)

        # coordinated verbs share their object: ويقتل ويأسر العشرات
        if verb and patient and not args.has(patient) and n + 1 < len(items) and items[n + 1].kind == "TRIG":
            nxt_slots = self._after(items, n + 1)
            if nxt_slots and nxt_slots[0][0] == "" and nxt_slots[0][1].kind == "NP":
                args.add(patient, nxt_slots[0][1], "coordinated-object", 0.7)

        # the subject before: تنظيم داعش استبق الهجوم / التنظيم يكثف من هجماته
        if not args.has(agent_role) and typ not in (TRANSPORT,):
            subj = self._subject_before(an, items, n)
            if subj is not None and not args.used(subj):
                if typ in (DIE, INJURE, CAPTURE, ARREST, EXECUTE) and not verb:
                    pass  # a verbal noun of these rarely has its agent before it
                else:
                    args.add(agent_role, subj, "subject-before", 0.6)
        if typ == MEET and not args.has("Entity"):
            subj = self._subject_before(an, items, n)
            args.add("Entity", subj, "subject-before", 0.5)
        if typ == MEET:
            speaker = self._speaker(an, items, n)
            if speaker is not None:
                args.add("Entity", speaker, "speaker", 0.5)
        return args

    def _speaker(self, an: Analysis, items: list[Item], n: int) -> Item | None:
        for k in range(0, n):
            if (
                items[k].kind == "VERB"
                and items[k].sub == "speech"
                and k + 1 < n
                and items[k + 1].kind == "NP"
            ):
                if an.is_actor(items[k + 1]):
                    return items[k + 1]
        return None

    def _bare_np(
        self,
        an: Analysis,
        args: _Args,
        typ: str,
        verb: bool,
        it: Item,
        nth: int,
        slots: list,
        i: int,
        items: list[Item],
        n: int,
    ) -> None:
        actor = an.is_actor(it)
        later = [s for p, s in slots[i + 1 :] if p == "" and s.kind == "NP"]
        agent_role = AGENT_ROLE.get(typ, "Agent")
        patient = PATIENT_ROLE.get(typ)
        subj_before = n > 0 and items[n - 1].kind == "NP" and an.is_actor(items[n - 1])
        if typ == ATTACK and an.head_in(it, "weapon_heads") and not actor and (verb or nth == 1):
            args.add("Instrument", it, "weapon-object" if verb else "weapon-genitive", 0.7)
            return
        if typ == ATTACK:
            if verb:
                if nth == 1 and actor and not subj_before and later:
                    args.add("Attacker", it, "verb-subject", 0.8)
                elif (
                    nth == 1
                    and actor
                    and not subj_before
                    and not later
                    and it.b - it.a == 1
                    and an.in_list("actor_heads", an.toks[it.a].w)
                ):
                    args.add("Attacker", it, "verb-subject", 0.6)
                elif not args.has("Target"):
                    args.add("Target", it, "verb-object", 0.75)
            elif nth == 1 and actor and self._adjacent(an, items, n, it):
                args.add("Attacker", it, "genitive-agent", 0.8)
            elif nth == 1 and not actor and not args.has("Target"):
                pass
            return
        if typ in (DIE, INJURE, CAPTURE, ARREST, EXECUTE):
            if (
                (verb or self._counted(an, later[0] if later else None))
                and nth == 1
                and actor
                and later
                and an.is_actor(it)
                and not parse_count(an.span(it.a, it.b, it.off).text)
            ):  # قتل مسلحون ١١ قرويا: an actor then a counted phrase is subject and object
                args.add(agent_role, it, "verb-subject", 0.7)
            elif not args.has(patient):
                args.add(patient, it, "genitive-or-object" if not verb else "verb-object", 0.8)
            elif it.off == 1 and an.toks[it.a].w[:1] == "و" and parse_count(an.span(it.a, it.b, it.off).text):
                args.add(patient, it, "coordinated-count", 0.7)  # 23 عنصرا ... و17 مقاتلا
            return
        if typ == TRANSPORT:
            if nth == 1 and actor and later and an.head_in(it, "actor_heads") is False:
                args.add("Agent", it, "genitive-agent", 0.7)
            elif nth == 1 and later and (it.b - it.a == 1) and actor and not args.has("Agent"):
                args.add("Agent", it, "genitive-agent", 0.7)
            elif not args.has("Artifact"):
                args.add("Artifact", it, "genitive-or-object", 0.75)
            return
        if typ == TERRITORY:
            if actor and not args.has("Agent"):
                args.add("Agent", it, "genitive-agent" if not verb else "verb-subject", 0.7)
            elif not args.has("Place") and not actor and self._place_like(an, it):
                args.add("Place", it, "object", 0.6)
            return
        if typ in (DEMONSTRATE, MEET):
            if actor or typ == DEMONSTRATE:
                args.add("Entity", it, "genitive-or-subject", 0.7)
            return

    @staticmethod
    def _assaulted(an: Analysis, tr: Trig, it: Item) -> bool:
        """A place after an attack noun's على that is what is attacked, not where: a name
        without a place head or a direction (الهجوم الإسرائيلي على لبنان، هجمات بطائرات
        مختطفة على مركز التجارة العالمي; الهجوم على عدة قرى is where). A verb's على is where (أطلقت صواريخ على صفد), and
        so are قصف/غارة على مدينة حلب and a part of a country (غارة على جنوب لبنان)."""
        words = [an.strip(an.toks[it.a].w[it.off:])[1], *(an.toks[k].w for k in range(it.a + 1, min(it.b, it.a + 2)))]
        return (an.bare(an.toks[tr.tok].w) in ASSAULT_NOUNS
                and not it.parts
                and not an.lex.has("place_relations", words[0])
                and not any(an.lex.has("place_heads", w) or an.lex.has("place_heads_plural", w) for w in words))

    @staticmethod
    def _place_like(an: Analysis, it: Item) -> bool:
        """A noun phrase that can be a territory: headed by a place word of words-ar.txt
        (مدينة، حقل، قرى ...). On real news what is taken that is not (زمرة، النفط، عدد كبير)
        is no Place."""
        return an.head_in(it, "place_heads") or an.head_in(it, "place_heads_plural")

    @staticmethod
    def _counted(an: Analysis, it: Item | None) -> bool:
        """A noun phrase that opens with an exact number (١١ قرويا، ثمانية رجال)."""
        if it is None or it.kind != "NP":
            return False
        value = parse_count(an.span(it.a, it.b, it.off).text)
        return bool(value and value.get("value"))

    def _adjacent(self, an: Analysis, items: list[Item], n: int, it: Item) -> bool:
        """True when ``it`` follows item n directly (adjectives like جديدا in between allowed)."""
        for nxt in items[n + 1 :]:
            if nxt is it:
                return True
            if not (nxt.kind == "NP" and an.is_adjective_like(nxt)):
                return False
        return False

    # ---- sharing within a clause -------------------------------------------------------------
    def _share(
        self,
        an: Analysis,
        items: list[Item],
        pos: dict[int, int],
        group: list[Trig],
        collected: dict[int, _Args],
    ) -> None:
        live = [t for t in group if t.absorbed_by is None]
        # absorbed verbs give their object to the noun
        for t in group:
            if t.absorbed_by is not None and t.absorbed_by in collected:
                args = collected[t.absorbed_by]
                for prep, it in self._after(items, pos[t.tok]):
                    if prep == "" and it.kind == "NP" and not args.has("Target"):
                        args.add("Target", it, "object-of-absorbed-verb", 0.8)
                    elif it.kind == "PLACE" and prep in ("في", "ب", ""):
                        args.add("Place", it, "place-of-absorbed-verb", 0.75)
                    elif prep == "ب" and it.kind == "NP" and an.head_in(it, "weapon_heads"):
                        args.add("Instrument", it, "instrument-بـ", 0.8)
        # a place one trigger took as its Place stays a place of the clause for the others
        # (بهجوم ... استهدف ثكنة بمنطقة الشعب: the deaths' place too); one in another role not
        used = [it for a in collected.values() for role, it, *_ in a.found if role != "Place"]

        def is_used(it: Item) -> bool:
            return any(u.a == it.a and u.b == it.b for u in used)

        places = []
        times = []
        for k, it in enumerate(items):
            prep = items[k - 1].word if k and items[k - 1].kind == "PREP" else ""
            if it.kind == "PLACE" and not is_used(it):
                first_trig = min(pos[t.tok] for t in live) if live else 0
                if prep == "من" and k < first_trig:
                    continue  # ناشطون من المنطقة الشرقية: a source, not a place of the event
                if located(an, items, k, prep, live) and not anaphoric_part(an, it):
                    places.append(it)
            elif it.kind == "TIME":
                times.append(it)
        attacker = None
        for t in live:
            if t.type == ATTACK and collected[t.tok].has("Attacker"):
                attacker = collected[t.tok].get("Attacker")
                break
        # قتل ثلاثة جنود بانفجار عبوة ناسفة: the deaths share the attack's instrument
        instrument = None
        for t in live:
            if t.type == ATTACK and collected[t.tok].has("Instrument"):
                instrument = collected[t.tok].get("Instrument")
                break
        for t in live:
            args = collected[t.tok]
            if t.type not in (TRANSPORT,):
                for it in near_places(an, places, times, t.tok):
                    args.add("Place", it, "place-in-clause", 0.7)
            for it in near_places(an, times, times, t.tok, NEAR_TIMES):
                args.add("Time", it, "time-in-clause", 0.75)
            if t.type in (DIE, INJURE, CAPTURE) and attacker is not None and not args.has("Agent"):
                args.add("Agent", attacker, "attacker-of-clause-attack", 0.6)
            if t.type in (DIE, INJURE) and instrument is not None and not args.has("Instrument"):
                args.add("Instrument", instrument, "instrument-of-clause-attack", 0.6)

    @staticmethod
    def _phrase_only(an: Analysis, it: Item) -> Item | None:
        """An argument is a noun phrase, never a clause fragment: none that opens with a
        particle of ``[fragment_words]`` (وقد وسعت اسرائيل، بأن الأمطار الغزيرة، طبقا لما قاله
        ...), and one that runs into such a particle or a verb is cut before it (وزير الخارجية
        ... سيتوجه السبت); in a place, the word after the head is its name (ولاية يوبي, not a
        verb). None when nothing is left."""
        toks = an.toks
        for k in range(it.a, it.b):
            t = toks[k]
            if not t.word:
                continue
            w = t.w[it.off:] if k == it.a else t.w
            if w in FRAGMENT_WORDS or an.stem(w) in FRAGMENT_WORDS or (k > it.a + (it.kind == "PLACE") and an.is_verbish(w)):
                if k == it.a:
                    return None
                b = k
                while b > it.a and not toks[b - 1].word:
                    b -= 1
                if b == it.a:
                    return None
                return Item(it.kind, it.a, b, it.off, it.word, it.sub, it.trig,
                            it.place if b == it.b else None, [])
        return it

    # ---- building mentions ---------------------------------------------------------------------
    def _mention(
        self, an: Analysis, article: Article, tr: Trig, args: _Args, items: list[Item], n: int
    ) -> Mention:
        trigger = an.span(tr.tok, tr.tok + 1, tr.off)
        out: list[Argument] = []
        for role, it, rule, conf in args.found:
            if it.kind != "TIME":
                it = self._phrase_only(an, it)
                if it is None:
                    continue
            span = an.span(it.a, it.b, it.off)
            if not span.text.strip() or (span.start < trigger.end and trigger.start < span.end):
                continue
            value = None
            if role == "Time":
                value = parse_date(span.text, article.published)
            elif role in ("Place", "Origin", "Destination") and it.place is not None:
                value = it.place.value()
            elif role in COUNTED_ROLES:
                value = parse_count(span.text)
            out.append(Argument(role, span, value, round(conf, 2), rule))
        out = _clean_arguments(out)
        out.sort(key=lambda a: (a.span.start, a.role))
        attrs = dict(DEFAULT_ATTRIBUTES)
        attrs.update(self._attributes(an, tr))
        conf = tr.form.confidence * (1.0 if out else 0.85)
        return Mention(
            type=tr.type,
            trigger=trigger,
            arguments=tuple(out),
            attributes=attrs,
            status="proposed",
            origin=self.origin,
            confidence=round(conf, 2),
            rule=f"trigger:{tr.form.form} (triggers-ar.txt:{tr.form.line})",
        )

    def _attributes(self, an: Analysis, tr: Trig) -> dict[str, str]:
        out: dict[str, str] = {}
        a, b = an.clause_range(tr.tok)
        lo = max(a, tr.tok - 8)
        window = [k for k in range(lo, tr.tok) if an.toks[k].word]
        lex = an.lex

        stems = an._stems

        def has(section: str, exceptions: str = "") -> bool:
            keep = window
            cues = [k for k in keep if lex.has(section, stems[k]) or lex.has(section, an.toks[k].w)]
            if cues and exceptions:
                # ما لا يقل عن، لا يزال، لا سيما: لا there is no negation ([negation_exceptions])
                masked = self._masked(an, [k for k in range(lo, min(b, tr.tok + 4)) if an.toks[k].word], exceptions)
                keep = [k for k in window if k not in masked]
                cues = [k for k in cues if k not in masked]
            if cues:
                return True
            phrases = lex.phrases.get(section, ())
            if not phrases:
                return False
            words = {an.toks[k].w for k in keep} | {stems[k] for k in keep}
            return any(self._phrase_at(an, keep, ph) for ph in phrases if ph[0] in words)

        if has("negation", "negation_exceptions") or self._denied_before_an(an, a):
            out["polarity"] = "negative"
        if has("hypothetical"):
            out["modality"] = "hypothetical"
        elif has("hedge"):
            out["modality"] = "reported"
        if self._generic_sentence(an, tr.tok):
            out["genericity"] = "generic"
        return out

    @staticmethod
    def _generic_sentence(an: Analysis, tok: int) -> bool:
        """Whether the sentence of token ``tok`` holds a genericity cue (once per sentence)."""
        sa, sb = an.sentence_range(tok)
        cache = an.generic_sentences
        if sa not in cache:
            lex = an.lex
            cache[sa] = any(lex.has("generic", an._stems[k]) or lex.has("generic", an.toks[k].w)
                            for k in range(sa, sb) if an.toks[k].word) or any(
                lex.has("generic", an.toks[k].w) for k in range(sa, sb) if not an.toks[k].word)
        return cache[sa]

    @staticmethod
    def _phrase_at(an: Analysis, toks: list[int], ph: tuple[str, ...]) -> bool:
        """Whether the word tokens ``toks`` contain the phrase ``ph`` (stems or surface words)."""
        firsts = [i for i, k in enumerate(toks) if an.toks[k].w == ph[0] or an.stem(an.toks[k].w) == ph[0]]
        return any(RuleEngine._match(an, toks[i : i + len(ph)], ph) for i in firsts)

    @staticmethod
    def _match(an: Analysis, toks: list[int], ph: tuple[str, ...]) -> bool:
        return len(toks) == len(ph) and all(
            an.toks[k].w == w or an.stem(an.toks[k].w) == w for k, w in zip(toks, ph, strict=True)
        )

    @staticmethod
    def _masked(an: Analysis, toks: list[int], section: str) -> set[int]:
        """Tokens inside a phrase of ``section`` (ما لا يقل عن عشرة = at least ten)."""
        out: set[int] = set()
        for ph in an.lex.phrases.get(section, ()):
            for i, k in enumerate(toks):
                if (an.toks[k].w == ph[0] or an.stem(an.toks[k].w) == ph[0]) and RuleEngine._match(
                    an, toks[i : i + len(ph)], ph
                ):
                    out.update(toks[i : i + len(ph)])
        return out

    @staticmethod
    def _denied_before_an(an: Analysis, a: int) -> bool:
        """A clause opened by أن after a denial cue ([negation_across]) is denied:
        «نفت وزارة الدفاع أن تكون طائراتها قد قصفت السوق»."""
        if a == 0 or an.stem(an.toks[a].w) not in _SUBORD:
            return False
        pa, _ = an.clause_range(a - 1)
        before = [k for k in range(max(pa, a - 6), a) if an.toks[k].word and an.toks[k].sent == an.toks[a].sent]
        return any(
            an.lex.has("negation_across", an.stem(an.toks[k].w)) or an.lex.has("negation_across", an.toks[k].w)
            for k in before
        )

    # ---- teaser repeats ------------------------------------------------------------------------
    def _link(self, an: Analysis, toks: list[int], mentions: list[Mention]) -> list[Mention]:
        keys = []
        for k, m in zip(toks, mentions, strict=True):
            ctx = tuple(an.stem(t.w) for t in an.toks[max(0, k - 4) : k + 5] if t.word)
            keys.append((m.type, ctx))
        groups: dict[tuple, list[int]] = {}
        for i, key in enumerate(keys):
            groups.setdefault(key, []).append(i)
        out = list(mentions)
        n = 0
        for idx in groups.values():
            if len(idx) < 2:
                continue
            n += 1
            for i in idx:
                out[i] = out[i].with_(link=f"repeat-{n}")
        return out


#: Roles whose span, written once, belongs to one mention of a type (the setting of a clause).
SETTING_ROLES = ("Place", "Time")


def one_place_per_type(mentions: list[Mention]) -> list[Mention]:
    """A place (or time) written once is the Place (Time) of one mention of each event type:
    the one whose trigger is nearest (قصفت ... وأطلقت صواريخ على صفد: صفد once, for أطلقت).
    The annotators' practice on the dev units (199 of 204 gold places, 110 of 112 times, are
    one mention's; docs/extractor.md); without it a clause with two attack triggers gave its
    place to both."""
    best: dict[tuple[str, str, int, int], tuple[int, int]] = {}
    for i, m in enumerate(mentions):
        for a in m.arguments:
            if a.role in SETTING_ROLES:
                key = (a.role, m.type, a.span.start, a.span.end)
                far = a.span.start - m.trigger.end if a.span.start >= m.trigger.end else m.trigger.start - a.span.end
                if key not in best or far < best[key][0]:
                    best[key] = (far, i)
    out = []
    for i, m in enumerate(mentions):
        keep = tuple(a for a in m.arguments
                     if a.role not in SETTING_ROLES or best[(a.role, m.type, a.span.start, a.span.end)][1] == i)
        out.append(m if len(keep) == len(m.arguments) else m.with_(arguments=keep))
    return out


def check_spans(article: Article, mentions: list[Mention]) -> None:
    """Raise SpanError unless every span of every mention is a slice of the article text."""
    for i, m in enumerate(mentions):
        m.check(article.text, f"mention {i + 1}")


__all__ = ["RuleEngine", "check_spans", "Span"]
