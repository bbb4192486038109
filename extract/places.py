"""Place phrases in the token stream (the rule engine's PLACE items).

A qualifier (ريف، مدينة، قرية، حقل ...) with its name, direction adjectives and a relation to
another place (سد تشرين شرقي مدينة منبج); plural heads before coordinated names (قرى المطاردة
والسكرية); names from the gazetteer, matched ignoring spaces and the article.
"""

from __future__ import annotations

from typing import Any

from tadqiq.extract.gazetteer import Gazetteer, Place
from tadqiq.extract.items import QUOTES, Item
from tadqiq.extract.lexicons import Lexicons, word_class


_APPOSITION = word_class("apposition_heads")  # a place in apposition: X عاصمة Y، X مركز محافظة Y
# heads that after بـ are no part of the place (بالقرب is a relation, بمحيط ...)
_NOT_BA_HEADS = word_class("not_ba_heads")
_COUNTRY_WORDS = word_class("country_words")  # «the country» after a relation: شمال شرقي البلاد، جنوبي البلاد
_NOT_NAME_SECTIONS = ("place_heads", "place_heads_plural", "actor_heads", "weapon_heads", "vehicle_heads", "partitive_heads")
_BORDER_ADJ = word_class("border_adjectives")  # معبر نصيب الحدودي مع الأردن
_UNITS = word_class("distance_units")
_NUMBER_WORDS = word_class("distance_numbers")
_NAME_LINKS = word_class("name_links")  # قصر بن غشير، بئر أبو ...: a name link word
_DASHES = {"-", "–"}
_FACILITIES = word_class("facility_heads")
_ROAD_HEADS = word_class("road_heads")
_LOCATIVE_CUES = word_class("locative_cues")
_FALLBACK_NOT = ("actor_heads", "weapon_heads", "vehicle_heads", "partitive_heads", "stop", "speech_verbs", "support_verbs")
_NOT_NISBA = word_class("not_nisba")
_VAGUE_PLACES = word_class("vague_place_adjectives")  # مناطق أخرى من بغداد
_SURROUNDINGS = word_class("place_surroundings")  # بغداد ومحيطها
_FALLBACK_TIMES = word_class("fallback_time_words")
_PART_HEADS = word_class("place_part_heads")
_BUILDINGS = word_class("building_heads")
_REGIONS = word_class("region_nouns")  # في الجنوب: a region after a preposition
_ALL_OF = word_class("all_of")  # مختلف، جميع، كافة + places: one place phrase  # في البيت الأبيض، بمقر الحزب: a place  # حي X في مدينة Y: one place


class PlaceReader:
    """Mixin of Analysis: needs ``toks``, ``lex``, ``gaz`` and the word helpers."""

    toks: list[Any]
    lex: Lexicons
    gaz: Gazetteer
    gaz_cache: dict[tuple[int, int, int], tuple[int, Place] | None]  # (token, offset, words) -> gaz_at

    def strip(self, w: str) -> tuple[int, str]:  # pragma: no cover - provided by Analysis
        raise NotImplementedError

    def shadow(self, a: int, b: int, off: int = 0) -> str:  # pragma: no cover - provided by Analysis
        raise NotImplementedError

    def is_verbish(self, w: str) -> bool:  # pragma: no cover - provided by Analysis
        raise NotImplementedError

    def _is_trigger(self, k: int) -> bool:  # pragma: no cover - provided by Analysis
        raise NotImplementedError

    def gaz_at(self, k: int, limit: int, off: int = 0) -> tuple[int, Place] | None:
        """(end token, place) of the longest gazetteer name starting at token k."""
        key = (k, off, min(self.gaz.max_words, limit - k))
        cache = self.gaz_cache
        if key not in cache:
            cache[key] = self._gaz_at(k, limit, off)
        return cache[key]

    def _gaz_at(self, k: int, limit: int, off: int) -> tuple[int, Place] | None:
        best = None
        if off == 0 and self._conjunction_hamza(k):
            return None
        first = self.toks[k].w[off:]
        for n in range(min(self.gaz.max_words, limit - k), 0, -1):
            if not all(t.word for t in self.toks[k : k + n]):
                continue
            name = " ".join([first] + [t.w for t in self.toks[k + 1 : k + n]])
            p = self.gaz.lookup(name)
            if p is not None:
                best = (k + n, p)
                break
        return best

    def _conjunction_hamza(self, k: int) -> bool:
        """وأدى، وأكد: و before a hamza is the conjunction, and no place name is written so
        (وادي، واسط have a bare alef); the shadow has lost the hamza, the text has it. Only a
        name read *with* the و is refused: وأم درمان (off 1) is و + أم درمان."""
        start = self.span(k, k + 1).text
        return len(start) > 2 and start[0] == "و" and start[1] in "أإآ"

    def _after_relation(self, i: int, limit: int) -> Item | None:
        """The place a relation word points to (غربي مدينة منبج، شمال شرقي البلاد), or None."""
        if i < limit and self.toks[i].word and self.toks[i].w in _COUNTRY_WORDS:
            return Item("PLACE", i, i + 1, 0)
        if (
            self.fallback
            and i < limit
            and self.toks[i].word
            and self.toks[i].w.startswith("ال")
            and self.lex.has("place_heads", self.toks[i].w[2:])
            and (i + 1 >= limit or not self.toks[i + 1].word)
        ):  # شمال الإقليم، غربي المدينة: a definite head names the place already spoken of
            return Item("PLACE", i, i + 1, 0)
        sub = self.place_at(i, limit, 0, True)
        return sub if sub is not None and not sub.parts else None

    def place_at(self, k: int, limit: int, off: int, context: bool) -> Item | None:
        """A place phrase at token k: head + name + adjectives + relation + place."""
        if off == 0 and self._conjunction_hamza(k):
            return None
        toks = self.toks
        w = toks[k].w[off:]
        lex = self.lex
        if w in _ALL_OF and k + 1 < limit and toks[k + 1].word:  # مختلف مدن وبلدات الجنوب، جميع أنحاء البلاد
            sub = self.place_at(k + 1, limit, 0, True)
            if sub is not None and sub.b > k + 1:
                return Item("PLACE", k, sub.b, off, place=sub.place, parts=sub.parts)
            return None
        if context and off == 0 and w in _REGIONS and k > 0 and toks[k - 1].w in ("في", "وفي"):
            # في الجنوب، الحدود في الشمال السوري (بالشمال after a named city says where it lies)
            j, g = self._place_tail(k, k + 1, limit, None)
            if j == k + 1 and j < limit and toks[j].word and toks[j].w[:1] != "و" and not lex.has("stop", toks[j].w):
                return None  # في الشمال السوري ... reads on; في الشرق خطة: no place
            return Item("PLACE", k, j, off, place=g[1] if g else None)
        if w in ("عده", "بضع", "بضعه") and k + 1 < limit and lex.has("place_heads_plural", toks[k + 1].w):
            return Item("PLACE", k, k + 2, off)
        if (
            k + 2 < limit
            and w == "عدد"
            and toks[k + 1].w == "من"
            and lex.has("place_heads_plural", toks[k + 2].w)
        ):
            return Item("PLACE", k, k + 3, off)
        if (
            lex.has("place_heads_plural", w)
            and k + 2 < limit
            and toks[k + 1].w[:1] == "و"
            and lex.has("place_heads_plural", toks[k + 1].w[1:])
        ):  # مدن وبلدات ريف إدلب الجنوبي: one place
            sub = self.place_at(k + 2, limit, 0, True)
            if sub is not None and not sub.parts:
                return Item("PLACE", k, sub.b, off, place=sub.place)
        if (
            lex.has("place_heads_plural", w)
            and k + 3 < limit
            and toks[k + 1].w in _VAGUE_PLACES
            and toks[k + 2].w == "من"
        ):  # مناطق أخرى من بغداد، أنحاء متفرقة من العراق: one place
            sub = self.place_at(k + 3, limit, 0, True)
            if sub is not None and not sub.parts:
                return Item("PLACE", k, sub.b, off, place=sub.place)
        if lex.has("place_heads_plural", w):
            parts = []
            j = k + 1
            while j < limit and len(parts) < 8:
                o = 1 if toks[j].w[:1] == "و" and parts else 0
                if not toks[j].word:
                    break
                if o == 0 and parts:
                    break
                name_end = self._name_end(j, limit, o)
                if name_end == j:
                    break
                sub = self.place_at(j, limit, o, True) if lex.has("place_heads", toks[j].w[o:]) else None
                if sub is not None:
                    parts.append((j, sub.b, o))
                    j = sub.b
                else:
                    end, _ = self._place_tail(j, name_end, limit, None)
                    parts.append((j, end, o))
                    j = end
            if not parts:
                return None
            item = Item("PLACE", k, j, off, parts=parts)
            g = self.gaz_at(parts[0][0], parts[0][1], parts[0][2])
            item.place = g[1] if g else None
            return item
        if lex.has("place_relations", w) and k + 1 < limit and toks[k + 1].word and w not in ("قرب", "قرابه"):
            nxt = k + 1
            if nxt + 1 < limit and toks[nxt].w[:1] == "و" and lex.has("place_relations", toks[nxt].w[1:]):
                nxt += 1  # شمال ووسط سيناء
            if nxt + 1 < limit and lex.has("place_relations", toks[nxt].w) and toks[nxt + 1].word:
                nxt += 1  # شمال شرقي البلاد
            sub = self._after_relation(nxt, limit)
            if sub is not None:
                j = sub.b
                if j + 1 < limit and toks[j].w == "قرب" and toks[j + 1].word:  # شرق البلاد قرب الحدود مع العراق
                    near = self.place_at(j + 1, limit, 0, True)
                    if near is not None and not near.parts and near.sub != "fallback":
                        j = near.b
                return Item("PLACE", k, j, off, place=sub.place)
        head = lex.has("place_heads", w)
        g = None
        if head and k + 1 < limit and lex.has("place_heads_plural", toks[k + 1].w):
            return self.place_at(k + 1, limit, 0, True)  # أطراف بلدتي الناقورة وعيتا الشعب
        if head:
            j = k + 1
            g = self.gaz_at(j, limit) if j < limit else None
            if g:
                j = g[0]
                unit = self.gaz.lookup(self.shadow(k, j, off))
                if unit is not None and unit.precision == "admin1":
                    g = (j, unit)  # محافظة كركوك is the governorate, كركوك alone the city
                if j < limit and toks[j].w in _DASHES:  # تيلابيري-دوسو: a hyphenated name goes on
                    j = max(j, self._name_end(k + 1, limit, 0))
                if j == k + 2 and not w.startswith("ال"):
                    j = self._longer_name(k + 1, j, limit)  # حي دشت برجي: دشت alone is a town
            elif not w.startswith("ال"):
                if (
                    j + 1 < limit
                    and lex.has("place_relations", toks[j].w)
                    and toks[j].w not in ("قرب", "قرابه", "بالقرب", "محيط", "اطراف", "ضواحي", "وسط")
                    and toks[j + 1].word
                    and self._name_end(j + 1, limit, 0) > j + 1
                ):
                    j += 1  # a name that opens with a direction: ولاية شمال كردفان، محافظة جنوب سيناء
                j = self._name_end(j, limit, 0)
                whole = self.gaz.lookup(self.shadow(k, j, off)) if j > k + 1 else None
                if whole is not None:
                    g = (j, whole)
        else:
            g = self.gaz_at(k, limit, off)
            if g is None:
                return None
            if not context and g[0] - k == 1 and g[1].population < 50_000:
                return None
            j = g[0]
            if j + 1 < limit and toks[j].w in _NAME_LINKS and toks[j].w != "ال" and toks[j + 1].word:
                j, g = j + 2, None  # قصر بن غشير: a longer name than the gazetteer's قصر, place unknown
        if head and g is None and self._generic_facility(k, j, limit):
            return Item("PLACE", k, j, off, word="facility")  # قاعدة عسكرية بمنطقة X: target, then place
        j, g = self._place_tail(k, j, limit, g)
        place = g[1] if g else None
        if place is None and head:
            whole = self.gaz.lookup(self.shadow(k, j, off))
            place = whole
        return Item("PLACE", k, j, off, place=place)

    def _place_tail(self, k: int, j: int, limit: int, g):
        """Extend a place name ending at j: adjectives (الشرقي), a relation to another place
        (شرقي مدينة منبج), ``ل`` + place (الضاحية الجنوبية لبيروت), التابعة ل + place."""
        toks = self.toks
        lex = self.lex
        if j + 1 < limit and j > k + 1 and toks[j].w in _DASHES and toks[k].w in _ROAD_HEADS:
            to = self.gaz_at(j + 1, limit) if toks[j + 1].word else None
            if to is not None:  # طريق بغداد - كركوك، أوتوستراد حلب - اللاذقية
                j = to[0]
        if (
            j == k + 1
            and j < limit
            and toks[k].w.startswith("ال")
            and lex.has("place_heads", toks[k].w)
            and toks[j].w.startswith("ال")
            and toks[j].w.endswith(("يه", "ي"))
            and len(toks[j].w) > 5
            and not self._is_trigger(j)
        ):
            j += 1  # a definite head with a nisba adjective: الحدود التركية، العاصمة الصومالية
            named = self.gaz_at(j, limit) if j < limit and toks[j].word else None
            if named is not None:  # العاصمة الصومالية مقديشو
                j, g = named[0], g or named
        if j > k and j < limit and self._nisba(j) and not lex.has("place_heads", toks[j - 1].w):
            j += 1  # a name with a nisba adjective: بيشاور الباكستانية، سرت الليبية
        while j < limit and toks[j].word and lex.has("place_adjectives", toks[j].w):
            if (
                lex.has("place_relations", toks[j].w)
                and j + 1 < limit
                and toks[j + 1].word
                and (
                    self._after_relation(j + 1, limit) is not None
                    or (lex.has("place_relations", toks[j + 1].w) and self._after_relation(j + 2, limit) is not None)
                )
            ):
                break
            j += 1
        j, g = self._ba_place(k, j, limit, g)
        rel = j
        while (
            rel + 1 < limit
            and lex.has("place_relations", toks[rel + 1].w)
            and lex.has("place_relations", toks[rel].w)
        ):
            rel += 1
        if rel + 1 < limit and lex.has("place_relations", toks[rel].w):
            sub = self._after_relation(rel + 1, limit)
            if sub is not None:
                j = sub.b
                if g is None:
                    g = (sub.b, sub.place) if sub.place else None
        if j < limit and toks[j].word and toks[j].w[:1] == "ل" and j > k:  # الضاحية الجنوبية لبيروت
            of = self.gaz_at(j, limit, 1)
            if of is not None:
                j = of[0]
                g = g or of
        if (
            j + 1 < limit
            and toks[j].word
            and lex.has("place_links", toks[j].w)
            and toks[j + 1].word
            and toks[j + 1].w[:1] == "ل"
        ):  # منطقة عيل بور التابعة لإقليم جلجدود
            sub = self.place_at(j + 1, limit, 1, True) if toks[j + 1].w[:2] != "لل" else None
            if sub is not None and not sub.parts and sub.b > j + 1:
                j = sub.b
                g = g or ((sub.b, sub.place) if sub.place else None)
            elif toks[j + 1].w[:2] == "لل" and lex.has("place_heads", "ال" + toks[j + 1].w[2:]):
                j += 2  # المحاذية للحدود الأفغانية: لل + a place head (never للنظام)
                if j < limit and self._nisba(j):
                    j += 1
        if (
            j + 1 < limit
            and (toks[k].w in ("الحدود", "حدود") or toks[j - 1].w in _BORDER_ADJ)
            and toks[j].w == "مع"
        ):  # الحدود مع مالي، معبر نصيب الحدودي مع الأردن
            sub = self.place_at(j + 1, limit, 0, True)
            if sub is not None and not sub.parts:
                j = sub.b
        if j < limit and toks[j].w in _SURROUNDINGS:
            j += 1  # العاصمة العراقية بغداد ومحيطها: the place and what is around it
        j = self._distance_tail(j, limit)  # منطقة X على بعد 25 كيلومترا جنوب العاصمة
        if j + 1 < limit and toks[j].w == "داخل" and toks[j + 1].word:  # حي الدمج داخل المخيم
            sub = self.place_at(j + 1, limit, 0, True)
            if sub is not None and not sub.parts:
                j = sub.b
        if j + 1 < limit and toks[j].w == "عند" and lex.has("place_heads", toks[j + 1].w):
            sub = self.place_at(j + 1, limit, 0, True)  # جزيرة كايغا عند بحيرة تشاد
            if sub is not None and not sub.parts and sub.b > j + 2:
                j = sub.b
        if (
            j + 1 < limit
            and toks[j].w == "في"
            and self.strip(toks[k].w)[1] in _PART_HEADS
            and (j == k + 1 or toks[k + 1].w[:1] != "ل")  # not مخيم للنازحين في ...: a facility
            and toks[j + 1].word
            and self._after_preposition(k)
        ):  # بحي الزهور في مدينة الرمادي غرب بغداد، قرب الحدود في الشمال السوري: a part of a place
            # (the object of a verb is what was hit: استهدفت قذيفة حي الطيوري في مدينة سبها)
            sub = self.place_at(j + 1, limit, 0, True)
            if sub is not None and not sub.parts and sub.sub != "fallback":
                j = sub.b
                g = g or ((sub.b, sub.place) if sub.place else None)
        if j + 1 < limit and toks[j].w in _APPOSITION:  # مدينة نيالا عاصمة ولاية جنوب دارفور
            sub = self.place_at(j, limit, 0, True)
            if sub is not None and not sub.parts and sub.b > j + 1:
                j = sub.b
        return j, g

    def _after_preposition(self, k: int) -> bool:
        """Whether the phrase at token k follows a preposition: an attached بـ/فـي or one of
        في، من، قرب، عند before it."""
        off, _ = self.strip(self.toks[k].w)
        if off and self.toks[k].w[off - 1] == "ب":
            return True
        return k > 0 and self.toks[k - 1].w in ("في", "وفي", "من", "قرب", "عند", "داخل")

    def _generic_facility(self, k: int, j: int, limit: int) -> bool:
        """An indefinite facility without a name (قاعدة عسكرية، مخيم للمسلحين) before بـ/قرب +
        a place: the facility is what was hit, the place after it is where."""
        toks = self.toks
        w = toks[k].w
        if w.startswith("ال") or w not in _FACILITIES or j != k + 2 or j + 1 >= limit:
            return False
        mod = toks[k + 1].w
        if not (mod.startswith("لل") or (mod.endswith(("يه", "ي")) and not mod.startswith("ال"))):
            return False
        nxt = toks[j].w
        return nxt in ("قرب", "بالقرب") or (nxt[:1] == "ب" and self.lex.has("place_heads", nxt[1:]))

    def _distance_tail(self, j: int, limit: int) -> int:
        """A distance after a place joins it with its relation: X على بعد 25 كيلومترا جنوب
        العاصمة، X على بعد 30 كيلومترا من مدينة Y (and على مسافة، نحو N كلم)."""
        toks = self.toks
        if not (j + 4 < limit and toks[j].w in ("علي", "على") and toks[j + 1].w in ("بعد", "مسافه")):
            return j
        n = j + 2
        if toks[n].w in ("نحو", "قرابه", "حوالي"):
            n += 1
        if n + 2 >= limit or not (toks[n].w.isdigit() or toks[n].w in _NUMBER_WORDS):
            return j
        n += 1
        if toks[n].w not in _UNITS:
            return j
        n += 1
        if self.lex.has("place_relations", toks[n].w) and toks[n].w not in ("قرب", "قرابه"):
            if n + 1 < limit and self.lex.has("place_relations", toks[n + 1].w):
                n += 1  # جنوب شرقي العاصمة
            sub = self._after_relation(n + 1, limit) if n + 1 < limit else None
        elif toks[n].w == "من" and n + 1 < limit:
            sub = self.place_at(n + 1, limit, 0, True)
            sub = sub if sub is not None and not sub.parts else None
        else:
            sub = None
        return sub.b if sub is not None else j

    def _ba_place(self, k: int, j: int, limit: int, g):
        """A named place followed by بـ + an administrative head is one phrase:
        بلدة غوزا بولاية بورنو، حي هدن بمدينة مقديشو، قرية X بمقاطعة Y التابعة لإقليم Z."""
        toks = self.toks
        if not (j > k and j < limit and toks[j].word and toks[j].w[:1] == "ب"):
            return j, g
        if not (self.lex.has("place_heads", toks[k].w) or g is not None) or toks[k].w in _ROAD_HEADS:
            return j, g  # a road crosses units: طريق القامشلي - عامودا / ريف الحسكة are two places
        head = toks[j].w[1:]
        if not self.lex.has("place_heads", head) or head in _NOT_BA_HEADS:
            return j, g
        sub = self.place_at(j, limit, 1, True)
        if sub is None or sub.parts or (sub.b == j + 1 and not head.startswith("ال")):
            return j, g
        return sub.b, g or ((sub.b, sub.place) if sub.place else None)

    def _longer_name(self, start: int, j: int, limit: int) -> int:
        """After a head, a one-word gazetteer name followed by one more plain name word is a
        longer name (حي دشت برجي، مديرية ناد علي): the word must not be a time, a definite
        word, a clitic reading, a trigger or a place of its own."""
        end = self._name_end(start, limit, 0)
        link = j + 1 < limit and self.toks[j].w in _NAME_LINKS and end == j + 2  # قصر بن غشير
        if (end == j + 1 or link) and j < limit:
            w = self.toks[end - 1].w
            if (
                not w.startswith("ال")
                and self.gaz.lookup(w) is None
                and w not in _APPOSITION
                and not any(self.lex.has(sec, w) for sec in _NOT_NAME_SECTIONS)
                and (w,) not in self.lex.actors
                and self.time_at(end - 1, limit) is None  # type: ignore[attr-defined]
                and not self._is_trigger(end - 1)
            ):
                return end
        return j

    def near_place(self, k: int, end: int, limit: int, off: int) -> Item | None:
        """A phrase without a place head, then قرب/عند + a place, after في is one place:
        «في الطريق السريع قرب بلدة تيلابيري»، «في الطريق الدولي عند مدخل المدينة»."""
        toks = self.toks
        if end + 1 >= limit or not toks[end + 1].word:
            return None
        w = toks[end].w
        nxt = end + 1
        if w == "بالقرب" and toks[nxt].w == "من" and nxt + 1 < limit:
            nxt += 1
        elif w not in ("قرب", "عند"):
            return None
        if w == "عند" and not self.lex.has("place_heads", toks[nxt].w):
            return None
        sub = self.place_at(nxt, limit, 0, True)
        if sub is None or sub.parts:
            return None
        return Item("PLACE", k, sub.b, off, place=sub.place)

    def coordinated_name(self, k: int, limit: int, before: list[Item]) -> Item | None:
        """و + a name the gazetteer does not know, right after a known place, that ends a list
        or goes on with another و: «حلب وحمص وحماة ومعرشورين والقريتين». The name is one or
        two words that are no actor, head, trigger, verb or time (rule ``place:coordinated``)."""
        prev = before[-1] if before else None
        if prev is None or prev.kind != "PLACE" or prev.b != k or prev.parts or prev.place is None:
            return None
        toks = self.toks
        end = self._name_end(k, limit, 1)
        if end == k or end - k > 2:
            return None
        for t in range(k, end):
            w = toks[t].w[1:] if t == k else toks[t].w
            bare = w[2:] if w.startswith("ال") else w
            if (
                not toks[t].word
                or w in self.lex.triggers
                or self._is_trigger(t)
                or self.is_verbish(w)
                or (w,) in self.lex.actors
                or any(self.lex.has(sec, w) or self.lex.has(sec, bare) for sec in _NOT_NAME_SECTIONS)
                or self.lex.has("stop", w)
                or self.time_at(t, limit) is not None  # type: ignore[attr-defined]
            ):
                return None
        j, _ = self._place_tail(k, end, limit, None)
        if j < limit and toks[j].word and toks[j].w[:1] != "و":
            return None  # the list must end (a comma, a full stop) or go on with و
        return Item("PLACE", k, j, 1, sub="coordinated")

    fallback = True  # the structural place rule (place:fallback); off to measure without it

    def fallback_place(self, k: int, end: int, limit: int, off: int, before: list[Item]) -> Item | None:
        """A noun phrase the place grammar did not read, after a locative cue (في، قرب، بالقرب
        من، عند، داخل), that is no actor, count, person/group, weapon, vehicle or trigger, is a
        place (rule ``place:fallback``, lower confidence) when it has a place tail (a relation
        to a place, بـ + head, التابعة لـ) or the cue is one of nearness or inside
        (سوق شعبي في قرية X، داخل مبنى مهجور، الطريق الرئيسي غرب بلدة أفغوي). Gazetteer places
        never reach it: they were read before."""
        if not before or before[-1].kind not in ("PREP", "STOP"):
            return None
        cue = before[-1].word
        if cue == "من" and len(before) > 1 and before[-2].kind == "PREP" and before[-2].word in ("بالقرب", "القرب"):
            cue = "بالقرب"
        building = self.strip(self.toks[k].w)[1] in _BUILDINGS
        if cue not in _LOCATIVE_CUES and not (building and cue == "ب"):
            return None
        if building:  # بوزارة الخارجية وحضره ...: a seat's name ends before و
            end = next((t for t in range(k + 1, end) if self.toks[t].w[:1] == "و" and self.strip(self.toks[t].w)[0]), end)
        np = Item("NP", k, end, off)
        if self.is_actor(np) or self._counted(np):  # type: ignore[attr-defined]
            return None
        for t in range(k, end):
            w = self.toks[t].w[off:] if t == k else self.toks[t].w
            if not self.toks[t].word or w in self.lex.triggers or self._is_trigger(t):
                return None
            if t < k + 2 and (any(self.lex.has(sec, w) for sec in _FALLBACK_NOT) or w in _FALLBACK_TIMES):
                return None  # عند صلاة الفجر، عند الرابعة: a time, not a place
        j, g = self._place_tail(k, end, limit, None)
        if j == end and cue == "في" and not building:
            return None  # في + a plain noun phrase is no place; في البيت الأبيض، في مقر الحزب is
        if j + 1 < limit and self.toks[j].w == "في" and self.toks[j + 1].word:
            named = self.place_at(j + 1, limit, 0, True)
            if named is not None and named.sub != "fallback":
                return None  # بالقرب من المجلس البلدي في مدينة الصدر: the named place is where
        return Item("PLACE", k, j, off, place=g[1] if g else None, sub="fallback")

    def _nisba(self, j: int) -> bool:
        """A definite nisba adjective (السورية، الباكستاني) that is no trigger, time or place word."""
        w = self.toks[j].w
        return (
            self.toks[j].word
            and w.startswith("ال")
            and w.endswith(("يه", "ي"))
            and len(w) > 5
            and w not in _NOT_NISBA
            and not self.lex.has("stop", w)
            and not self.lex.has("place_relations", w)
            and not self.lex.has("place_links", w)
            and not self._is_trigger(j)
        )

    def _clitic_word(self, w: str) -> bool:
        """A word read as a clitic + a known word (بمدينة، لجماعة، بالعاصمة): it ends a name;
        a word that only looks like one (برجي in حي دشت برجي) does not."""
        o, st = self.strip(w)
        if not o:
            return False
        lex = self.lex
        return (
            st.startswith("ال")
            or st.isdigit()
            or lex.has("place_heads", st)
            or lex.has("place_heads_plural", st)
            or lex.has("actor_heads", st)
            or lex.has("weapon_heads", st)
            or lex.has("stop", st)
            or st in lex.triggers
            or (st,) in lex.actors
            or self.is_verbish(st)
            or self.gaz.lookup(st) is not None
            or len(st) < 3
        )

    def _name_end(self, j: int, limit: int, off: int) -> int:
        """End of a short place name at token j (1-2 words, quotes allowed)."""
        toks = self.toks
        start = j
        g = self.gaz_at(j, limit, off) if j < limit and toks[j].word else None
        n = 0
        while j < limit and n < 2:
            t = toks[j]
            if not t.word:
                if t.w in QUOTES:
                    j += 1
                    continue
                if (
                    t.w in _DASHES
                    and j > start
                    and j + 1 < limit
                    and toks[j + 1].word
                    and toks[j - 1].e == t.s
                    and toks[j + 1].s == t.e
                ):
                    j += 2  # ليبتاكو-غورما: a hyphenated name is one word
                    continue
                break
            w = t.w[off:] if j == start else t.w
            if w == "علي" and j > start and (j + 1 >= limit or not toks[j + 1].word):
                j += 1  # ناد علي، : a name (على needs an object; a comma or the end follows)
                n += 1
                continue
            if (
                (j > start and w[:1] == "و")
                or self.lex.has("stop", w)
                or w in self.lex.triggers
                or self.lex.has("place_adjectives", w)
                or self.lex.has("place_relations", w)
                or self.lex.has("place_links", w)
                or (self.is_verbish(w) and j > start)  # ولاية يوبي: a name may look like a verb
                or (j > start and self._clitic_word(w))
            ):
                break
            j += 1
            if not (w in _NAME_LINKS and j > start + 1):
                n += 1  # قصر بن غشير: a link word does not count
        while j > start and toks[j - 1].w in QUOTES and toks[j - 1].w != "”":
            j -= 1
        return max(j, g[0]) if g else j
