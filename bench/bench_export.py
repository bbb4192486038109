"""Benchmark: export 10k articles with 100k mentions in every format.

    .venv/bin/python bench/bench_export.py [--articles 10000] [--per-article 10] [--project] [--cli]

Articles are built from our own sentences (five event sentences per article, two mentions each: an attack with
attacker, target, place, time, and a death with a vague or exact victim count and place), so
every format has real work: sentence windows, tokens, entities, values, linked groups; three
background sentences follow each event sentence, so an article is about 3 KB of text.
Writers are timed over articles already in memory; with ``--project`` the same articles are
also stored in a project file and the jsonl and oneie exports are timed streaming out of SQLite
through db/export_queries (what `tadqiq export` does). With ``--cli`` the project file is
exported by the real command, ``tadqiq export PROJECT --format F -o OUT``, run as a separate
process for every format (end to end: start-up, SQLite reads, writing, manifest). Prints
Markdown tables.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import cpu_model  # noqa: E402
from tadqiq.core.formats.export import FORMATS, export  # noqa: E402
from tadqiq.core.model import Argument, Article, Mention, Span  # noqa: E402
from tadqiq.core.schema import load_schema  # noqa: E402

ATTACKERS = [
    "تنظيم داعش",
    "قوات النظام",
    "فصائل المعارضة",
    "طائرات حربية تابعة للتحالف الدولي",
    "مسلحون مجهولون",
]
TARGETS = ["مواقع المليشيات الموالية للنظام", "حاجزا عسكريا", "قرية صغيرة", "نقاط تمركز القوات", "سوقا شعبيا"]
PLACES = ["ريف دير الزور الشرقي", "مدينة منبج", "بادية حمص", "ريف إدلب الجنوبي", "مدينة البوكمال"]
TIMES = ["اليوم السبت", "أمس", "فجر الأحد", "مساء الجمعة", "قبل ثلاثة أيام"]
VICTIMS = [("عدد من العناصر", {"kind": "count", "value": None, "min": 2, "max": 9, "vague": "several"}),
           ("سبعة مدنيين", {"kind": "count", "value": 7}),
           ("العشرات من المقاتلين", {"kind": "count", "value": None, "min": 10, "vague": "tens"}),
           ("عنصرين", {"kind": "count", "value": 2, "dual": True}),
           ("15 شخصا", {"kind": "count", "value": 15})]  # fmt: skip
TRIGGERS = ["هجوما", "قصفا", "غارات", "هجمات", "تفجيرا"]
#: Background sentences without events, so an article is about 3 KB like agency copy.
FILLER = [
    "وأضاف المصدر أن الوضع الإنساني في المنطقة يزداد سوءا مع استمرار انقطاع الكهرباء والمياه عن الأحياء السكنية.",
    "وتشهد المنطقة منذ أشهر توترا أمنيا متصاعدا بين الأطراف المتنازعة على السيطرة على الطرق الرئيسية.",
    "ولم يصدر أي تعليق رسمي حتى الآن من الجهات المعنية على ما جرى، بحسب ما أفاد به مراسلون محليون.",
    "ويعاني السكان من نقص حاد في المواد الغذائية والأدوية بسبب إغلاق المعابر منذ بداية العام الجاري.",
]


def make_article(n: int, sentences: int) -> tuple[Article, list[Mention]]:
    parts: list[str] = []
    mentions: list[Mention] = []
    pos = 0

    def add(s: str) -> Span:
        nonlocal pos
        span = Span(pos, pos + len(s), s)
        parts.append(s)
        pos += len(s)
        return span

    add(f"خبر رقم {n}: تطورات ميدانية\n")
    for k in range(sentences):
        i = (n + k) % 5
        j = (n * 7 + k * 3) % 5
        add("وقال ناشطون إن ")
        attacker = add(ATTACKERS[i])
        add(" شنت ")
        trig = add(TRIGGERS[j])
        add(" على ")
        target = add(TARGETS[(i + j) % 5])
        add(" في ")
        place = add(PLACES[j])
        add(" ")
        when = add(TIMES[(i + 2) % 5])
        add("، ما أسفر عن ")
        die = add("مقتل")
        add(" ")
        victim_text, value = VICTIMS[(i + k) % 5]
        victim = add(victim_text)
        add(". ")
        add(" ".join(FILLER[(n + k + f) % 4] for f in range(3)))
        add("\n" if k % 2 else " ")
        link = f"g{k}"
        mentions.append(Mention("Conflict.Attack", trig, (Argument("Attacker", attacker), Argument("Target", target),
                                Argument("Place", place), Argument("Time", when)), status="confirmed",
                                origin="reviewer:bench", reviewer="bench", link=link))  # fmt: skip
        mentions.append(Mention("Life.Die", die, (Argument("Victim", victim, value), Argument("Place", place)),
                                status="corrected", origin="reviewer:bench", reviewer="bench", link=link))  # fmt: skip
    text = "".join(parts)
    article = Article(
        ext_id=f"bench_{n:06d}", text=text, title=f"خبر رقم {n}", published="2018-09-09", lang="ar"
    )
    return article, mentions


def machine() -> str:
    return f"{os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--per-article", type=int, default=10, help="mentions per article (even)")
    ap.add_argument("--project", action="store_true", help="also time exports streamed from a project file")
    ap.add_argument("--cli", action="store_true", help="also time `tadqiq export` end to end, every format")
    args = ap.parse_args()
    schema = load_schema()
    t0 = time.perf_counter()
    items = [make_article(n, args.per_article // 2) for n in range(args.articles)]
    gen = time.perf_counter() - t0
    n_mentions = sum(len(ms) for _, ms in items)
    chars = sum(len(a.text) for a, _ in items)
    print(f"machine: {machine()}")
    print(f"date: {datetime.now(UTC).date().isoformat()}")
    print(
        f"corpus: {len(items)} articles, {n_mentions} mentions, {chars / 1e6:.1f} M characters (built in {gen:.1f} s)\n"
    )
    print("| format | seconds | articles/s | output MB |")
    print("|---|---:|---:|---:|")
    tmp = Path(tempfile.mkdtemp(prefix="bench_export_"))
    try:
        for fmt in FORMATS:
            out = tmp / fmt / ("brat" if fmt == "brat" else f"out.{fmt}")
            out.parent.mkdir(parents=True)
            t = time.perf_counter()
            export(fmt, items, schema, out, command="bench_export.py")
            dt = time.perf_counter() - t
            size = sum(p.stat().st_size for p in out.parent.rglob("*") if p.is_file()) / 1e6
            print(f"| {fmt} | {dt:.1f} | {len(items) / dt:,.0f} | {size:.0f} |")
        if args.cli and not args.project:
            for fmt in FORMATS:
                shutil.rmtree(tmp / fmt, ignore_errors=True)
        if args.project or args.cli:
            from tadqiq.db.export_queries import export_articles, export_items
            from tadqiq.db.project import ImportItem, Project

            path = tmp / "bench.db"
            t = time.perf_counter()
            with Project.open(path) as p:
                p.import_items(ImportItem(a, tuple(ms)) for a, ms in items)
            print(f"\nproject file built in {time.perf_counter() - t:.1f} s (not part of the export)\n")
            if args.cli:
                time_cli(path, tmp, len(items), n_mentions)
        if args.project:
            print("| from the project file | seconds | articles/s |")
            print("|---|---:|---:|")
            for fmt in ("jsonl", "oneie"):
                with Project.open(path, create=False) as p:
                    t = time.perf_counter()
                    ids = [i for i, _ in export_articles(p, "gold")]
                    export(fmt, export_items(p, ids, "gold"), p.schema, tmp / f"p.{fmt}")
                    dt = time.perf_counter() - t
                print(f"| {fmt} | {dt:.1f} | {len(ids) / dt:,.0f} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def time_cli(project: Path, tmp: Path, n_articles: int, n_mentions: int) -> None:
    """`tadqiq export` as a user runs it, one process per format, wall-clock time."""
    import subprocess

    exe = Path(sys.executable).with_name("tadqiq")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "tadqiq"]
    print(f"`tadqiq export` end to end ({n_articles} articles, {n_mentions} mentions, --status gold):\n")
    print("| format | seconds | articles/s |")
    print("|---|---:|---:|")
    for fmt in FORMATS:
        out = tmp / "cli" / ("brat" if fmt == "brat" else f"out.{fmt}")
        t = time.perf_counter()
        done = subprocess.run([*cmd, "export", str(project), "--format", fmt, "-o", str(out)],
                              capture_output=True, text=True, env={**os.environ, "TQDM_DISABLE": "1"})
        dt = time.perf_counter() - t
        if done.returncode != 0:
            raise SystemExit(f"tadqiq export --format {fmt} failed: {done.stderr}")
        print(f"| {fmt} | {dt:.1f} | {n_articles / dt:,.0f} |", flush=True)
    print()


if __name__ == "__main__":
    main()
