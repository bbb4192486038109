#!/usr/bin/env python3
"""Generate a synthetic Arabic news corpus for benchmarks (stdlib only).

The articles are recombined from the sentences of the hand-written demo articles in
``resources/demo/``: each synthetic article gets a headline and a shuffled selection of
sentences, grouped into paragraphs, with numbers and place names varied, until it reaches
about ``--size-kb`` KiB of UTF-8 text. The output is a folder of ``.txt`` files (plus a
``metadata.jsonl`` with publication dates, the same layout as ``resources/demo/``) or one
``.jsonl`` file with one article object per line.

Output is a pure function of the options: the same ``--seed``, ``--n`` and ``--size-kb``
give byte-identical files, in either format (the texts of ``txt`` and ``jsonl`` agree).
No two generated texts are identical.

    python bench/make_corpus.py --n 10000 --out /tmp/corpus            # ~60 MB of .txt
    python bench/make_corpus.py --n 10000 --format jsonl --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"

# Place names that are swapped for one another (within one country, so a sentence keeps a
# plausible geography). Words that are also common nouns or adjectives (الصور "the pictures",
# الكرامة "dignity", العظيم "great", الباب "the door", الزاوية "the corner", حجة "pretext" ...)
# are deliberately left out: they are never matched, so ordinary words are never replaced.
# fmt: off
PLACES_AR: dict[str, list[str]] = {
    "sy": [
        "إدلب", "حلب", "دير الزور", "الرقة", "حمص", "حماة", "درعا", "السويداء", "الحسكة",
        "القامشلي", "منبج", "البوكمال", "كفرنبل", "خان شيخون", "الأتارب", "معرة النعمان",
        "سراقب", "أريحا", "جسر الشغور", "الشحيل", "البصيرة", "ذيبان", "الطيانة", "الحوايج",
        "تدمر", "السخنة", "طفس", "عفرين", "تل أبيض", "رأس العين", "الطبقة", "كفرنوران",
        "أورم الكبرى", "خان طومان", "حاس", "كفرسجنة", "معرة حرمة", "الحمرات", "السلحبية",
        "الطيبة", "جاسم", "إنخل", "الشدادي", "مارع", "اعزاز", "سلقين",
    ],
    "iq": [
        "الموصل", "كركوك", "ديالى", "الأنبار", "القائم", "الرطبة", "خانقين", "المقدادية",
        "تكريت", "سامراء", "بعقوبة", "الفلوجة", "الرمادي", "هيت", "حديثة", "بيجي",
        "الشرقاط", "تلعفر", "سنجار", "الحويجة", "نينوى", "صلاح الدين", "طوزخورماتو",
        "الحويش", "جلولاء", "الطارمية",
    ],
    "ly": [
        "طرابلس", "ترهونة", "سرت", "بني وليد", "بنغازي", "مصراتة", "غريان",
        "صبراتة", "درنة", "سبها", "الجفرة", "أجدابيا", "عين زارة", "قصر بن غشير",
        "وادي الربيع", "الخلة",
    ],
    "ye": [
        "مأرب", "الحديدة", "صنعاء", "تعز", "عدن", "الجوبة", "حريب", "صعدة", "الضالع",
        "شبوة", "الجوف", "أبين", "الرحبة", "العبدية", "صرواح", "حيس", "الخوخة",
    ],
}
PLACES_EN: dict[str, list[str]] = {
    "iq": [
        "Kirkuk", "Mosul", "Tikrit", "Samarra", "Baquba", "Ramadi", "Falluja", "Hawija",
        "Daquq", "Tuz Khurmatu", "Diyala", "Salahuddin", "Anbar", "Qaim", "Sinjar",
    ],
    "ye": ["Hodeidah", "Sanaa", "Taiz", "Aden", "Marib", "Saada", "Hajjah"],
}
# fmt: on

MONTHS = (
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
    "كانون الأول|يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|"
    "ديسمبر|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
INDIC = "٠١٢٣٤٥٦٧٨٩"
TO_WESTERN = str.maketrans(INDIC, "0123456789")
TO_INDIC = str.maketrans("0123456789", INDIC)

SOURCES = [
    "Shamal Press",
    "Furat Observer",
    "Halab Today",
    "Rafidain News Agency",
    "Libya Now",
    "Saba Horizon",
    "Levant Wire",
    "Badia Monitor",
    "Janoub Network",
]

QUOTE_PAIRS = (("«", "»"), ("“", "”"))
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def _place_regex(names: list[str], arabic: bool) -> re.Pattern[str]:
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    if arabic:
        return re.compile(rf"(?<![{ARABIC_LETTER}])(?:{alternation})(?![{ARABIC_LETTER}])")
    return re.compile(rf"\b(?:{alternation})\b")


def is_latin(text: str) -> bool:
    """True when Latin letters outnumber Arabic letters."""
    latin = sum(1 for c in text if "a" <= c.lower() <= "z")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return latin > arabic


def _balanced(text: str) -> bool:
    if text.count('"') % 2:
        return False
    return all(text.count(a) == text.count(b) for a, b in QUOTE_PAIRS)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph at sentence ends, never inside an open quotation."""
    out: list[str] = []
    for piece in SENTENCE_END.split(paragraph.strip()):
        if out and not _balanced(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [s for s in out if s]


def is_body_line(line: str) -> bool:
    """Keep prose; drop site chrome (شارك, أقسام, captions), teasers and lead-ins."""
    line = line.strip()
    if line.endswith(("...", "…", ":")):
        return False
    return len(line) >= 40 and line[-1] in '.!?؟"”»'


def load_pools(demo_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Headlines and sentences of the demo articles, by language ('ar' / 'en')."""
    pools: dict[str, dict[str, list[str]]] = {
        lang: {"headlines": [], "sentences": []} for lang in ("ar", "en")
    }
    files = sorted(demo_dir.glob("*.txt"))
    if not files:
        raise SystemExit(f"no demo articles (*.txt) in {demo_dir}")
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        headline = lines[0].strip()
        pools["en" if is_latin(headline) else "ar"]["headlines"].append(headline)
        for line in lines[1:]:
            if not is_body_line(line):
                continue
            for sentence in split_sentences(line):
                pools["en" if is_latin(sentence) else "ar"]["sentences"].append(sentence)
    for lang in pools:
        # the same sentence may occur twice in the demo (a teaser and its body paragraph)
        pools[lang]["sentences"] = sorted(set(pools[lang]["sentences"]))
    if not pools["ar"]["sentences"] or not pools["ar"]["headlines"]:
        raise SystemExit(f"no Arabic sentences found in {demo_dir}")
    return pools


class Varier:
    """Replaces numbers and place names in a sentence with random but plausible ones."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.place_country: dict[str, str] = {}
        for table in (PLACES_AR, PLACES_EN):
            for country, names in table.items():
                for name in names:
                    self.place_country[name] = country
        self.re_ar = _place_regex([n for v in PLACES_AR.values() for n in v], arabic=True)
        self.re_en = _place_regex([n for v in PLACES_EN.values() for n in v], arabic=False)
        self.re_num = re.compile(rf"[0-9]+|[{INDIC}]+")
        self.re_before_month = re.compile(rf"\s*(?:{MONTHS})\b")
        self.re_after_month = re.compile(rf"\b(?:{MONTHS})\s*$")

    def _place(self, match: re.Match[str], table: dict[str, list[str]]) -> str:
        return self.rng.choice(table[self.place_country[match.group(0)]])

    def _number(self, match: re.Match[str], text: str) -> str:
        digits = match.group(0)
        indic = digits[0] in INDIC
        western = digits.translate(TO_WESTERN)
        value = int(western)
        if len(western) == 4 and 1990 <= value <= 2030:
            new = str(self.rng.randint(2012, 2023))
        elif len(western) >= 5:
            new = str(self.rng.randint(1, 9)) + "".join(
                str(self.rng.randint(0, 9)) for _ in range(len(western) - 1)
            )
        elif self.re_before_month.match(text, match.end()) or self.re_after_month.search(
            text, max(0, match.start() - 16), match.start()
        ):
            new = str(self.rng.randint(1, 28))
        else:
            low = max(1, value // 2)
            new = str(self.rng.randint(low, max(low + 3, value * 2)))
        return new.translate(TO_INDIC) if indic else new

    def vary(self, text: str) -> str:
        text = self.re_ar.sub(lambda m: self._place(m, PLACES_AR), text)
        text = self.re_en.sub(lambda m: self._place(m, PLACES_EN), text)
        return self.re_num.sub(lambda m: self._number(m, text), text)


def make_article(
    rng: random.Random,
    varier: Varier,
    pools: dict[str, dict[str, list[str]]],
    target_bytes: int,
    en_share: float,
) -> tuple[str, str]:
    """One synthetic article (text, lang) of about target_bytes UTF-8 bytes."""
    lang = "en" if pools["en"]["sentences"] and rng.random() < en_share else "ar"
    pool = pools[lang]
    headlines = pool["headlines"] or pools["ar"]["headlines"]
    headline = varier.vary(rng.choice(headlines))
    goal = int(target_bytes * rng.uniform(0.92, 1.08))

    paragraphs: list[str] = []
    size = len(headline.encode("utf-8")) + 2
    deck: list[str] = []
    while size < goal:
        sentences: list[str] = []
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
            if not deck:  # every sentence once before any repeats
                deck = pool["sentences"][:]
                rng.shuffle(deck)
            sentence = varier.vary(deck.pop())
            extra = len(sentence.encode("utf-8")) + 1
            if size + extra > goal * 1.05 and size >= goal * 0.9:
                size = goal  # close enough: stop before overshooting
                break
            sentences.append(sentence)
            size += extra
            if size >= goal:
                break
        if sentences:
            paragraphs.append(" ".join(sentences))
            size += 1
    separator = "\n\n" if rng.random() < 0.7 else "\n"
    return headline + "\n\n" + separator.join(paragraphs) + "\n", lang


def generate(n: int, size_kb: float, seed: int, en_share: float, demo_dir: Path):
    """Yield (meta, text) for n distinct articles, deterministically for the seed."""
    pools = load_pools(demo_dir)
    rng = random.Random(seed)
    varier = Varier(rng)
    seen: set[bytes] = set()
    start = dt.date(2017, 1, 1)
    days = (dt.date(2023, 12, 31) - start).days
    target = int(size_kb * 1024)
    for i in range(n):
        while True:
            text, lang = make_article(rng, varier, pools, target, en_share)
            digest = hashlib.sha256(text.encode("utf-8")).digest()
            if digest not in seen:
                seen.add(digest)
                break
        art_id = f"synth-s{seed}-{i:06d}"
        source = rng.choice(SOURCES)
        published = (start + dt.timedelta(days=rng.randint(0, days))).isoformat()
        slug = source.lower().replace(" ", "-")
        meta = {
            "id": art_id,
            "published": published,
            "source": source,
            "url": f"https://example.org/{slug}/{published.replace('-', '/')}/{art_id}",
            "lang": lang,
        }
        yield meta, text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles (10000)")
    parser.add_argument(
        "--size-kb", type=float, default=6.0, help="approximate size of each article in KiB of UTF-8 (6)"
    )
    parser.add_argument(
        "--format",
        choices=("txt", "jsonl"),
        default="txt",
        help="txt: a folder of .txt files + metadata.jsonl; jsonl: one file",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--en-share", type=float, default=0.02, help="share of English articles (0.02)")
    parser.add_argument("--demo", type=Path, default=DEMO_DIR, help=f"folder of source articles ({DEMO_DIR})")
    parser.add_argument("--out", type=Path, required=True, help="output folder (txt) or .jsonl file (jsonl)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.size_kb <= 0:
        parser.error("--n and --size-kb must be positive")

    t0 = time.perf_counter()
    files = total_bytes = total_chars = 0
    articles = generate(args.n, args.size_kb, args.seed, args.en_share, args.demo)
    if args.format == "txt":
        args.out.mkdir(parents=True, exist_ok=True)
        with open(args.out / "metadata.jsonl", "w", encoding="utf-8", newline="\n") as meta_f:
            for meta, text in articles:
                data = text.encode("utf-8")
                (args.out / f"{meta['id']}.txt").write_bytes(data)
                meta_f.write(json.dumps(meta, ensure_ascii=False) + "\n")
                files += 1
                total_bytes += len(data)
                total_chars += len(text)
    else:
        if args.out.parent:
            args.out.parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="\n") as out_f:
            for meta, text in articles:
                out_f.write(json.dumps({**meta, "text": text}, ensure_ascii=False) + "\n")
                files += 1
                total_bytes += len(text.encode("utf-8"))
                total_chars += len(text)
    seconds = time.perf_counter() - t0
    print(
        f"articles: {files}  text bytes (UTF-8): {total_bytes:,}  chars: {total_chars:,}  "
        f"avg bytes/article: {total_bytes // max(files, 1):,}  "
        f"format: {args.format}  out: {args.out}  ({seconds:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
