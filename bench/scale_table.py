"""The table of bench/bench_scale.py: each step's figures beside its target from the issues."""

from __future__ import annotations

from bench.bench_queue import WORDS
from bench.machine import machine_line
from tadqiq.core.formats.export import FORMATS

NOT_RUN = "not run"


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _rss(mb: float, limit: float | None = None) -> str:
    return f"{mb:.0f}" + (f" (< {limit:.0f} {_mark(mb < limit)})" if limit else "")


def rows(r: dict) -> list[tuple[str, str, str, str, str]]:
    """(step, measured, target, peak RSS MB, load average before the step) per row."""
    out: list[tuple[str, str, str, str, str]] = []

    def add(step: str, key: str, fill) -> None:
        if key not in r:
            out.append((step, NOT_RUN, "", "", ""))
            return
        got = r[key]
        for row in fill(got):
            out.append((*row, got["load"]) if len(row) == 4 else row)

    add("corpus (bench/make_corpus.py, one .jsonl)", "corpus", lambda c: [
        ("corpus (bench/make_corpus.py, one .jsonl)", f"{c['seconds']:.1f} s, {c['file_mb']:,.1f} MB",
         "no target (not the app)", _rss(c["peak_mb"]))])
    add("import", "import", lambda i: [
        ("import (`tadqiq import`, one .jsonl)",
         f"{i['seconds']:.1f} s, {i['articles'] / i['seconds']:,.0f} articles/s ({i['file_mb']:,.1f} MB file)",
         "time: no target at this size (issue 3: 10k in < 5 s); peak RSS < 300 MB whatever the size (issue 13)",
         f"storing process {_rss(i['main_mb'], 300)}, largest reader {i['worker_mb']:.0f}, "
         f"process tree {i['tree_mb']:.0f}")])
    def extract(e: dict) -> list[tuple]:
        done = e.get("extracted", e["articles"])
        rate = done / e["seconds"]
        before = f" ({e['before']:,} extracted before)" if e.get("before") else ""
        what = (f"stopped after {e['seconds'] / 60:.1f} min: {done:,} of {e['articles']:,} articles{before}, "
                if e.get("stopped") else f"{e['seconds']:.1f} s for {done:,} articles{before}, ")
        return [("extract (`tadqiq extract`, rules, all cores)",
                 f"{what}**{rate:,.0f} articles/s** {_mark(rate >= 150)}, {e['mentions']:,} proposals stored",
                 "≥ 150 articles/s (issue 4, 3 KB articles); memory: no target",
                 f"largest process {_rss(e['peak_mb'])}, process tree {e['tree_mb']:.0f}")]

    add("extract", "extract", extract)

    def queue(q: dict) -> list[tuple]:
        rss = _rss(q["rss_in_process_mb"], 300)
        rows_ = [(f"open project: launch → queue's first page shown (worst of {q['launches']})",
                  f"**{q['launch_to_first_page_s']:.2f} s** {_mark(q['launch_to_first_page_s'] < 2)}",
                  "< 2 s, RSS < 300 MB (issue 11)", _rss(q["rss_mb"], 300))]
        for where in ("first", "middle", "last"):
            if f"key_{where}_p95_ms" in q:  # what a reviewer waits for: the key, then what the loop paints
                ms = q[f"key_{where}_p95_ms"]
                rows_.append((f"next article p95, Ctrl+PgDown → painted, from the {where} open article",
                              f"**{ms:.1f} ms** {_mark(ms < 50)}", "< 50 ms (issue 11)", rss))
            ms = q[f"next_{where}_p95_ms"]
            rows_.append((f"next article (load + both panes repainted whole) p95, from the {where} open article",
                          f"**{ms:.1f} ms** {_mark(ms < 50)}", "< 50 ms (issue 11)", rss))
        for word, kind in WORDS:
            s = q[f"search_{word}"]
            rows_.append((f"search, a {kind} word «{word}» ({s['hits']:,} hits): count + first page p95",
                          f"**{s['p95_ms']:.1f} ms** {_mark(s['p95_ms'] < 100)}", "< 100 ms (issue 11)", rss))
        return rows_

    add("open project, next article, search", "queue", queue)
    add("key → commit", "keys", lambda k: [
        (f"key → commit: a review key (A/X/M/2) in the window → its row stored, p95 of {k['runs']}",
         f"**{k['committed_p95_ms']:.1f} ms** {_mark(k['committed_p95_ms'] < 20)} (p50 {k['committed_p50_ms']:.1f};"
         f" committed + repainted p95 {k['painted_p95_ms']:.1f} ms)", "< 20 ms (issue 5)", _rss(k["peak_mb"], 300))])

    def export(x: dict) -> list[tuple]:
        out_ = []
        for fmt in FORMATS:
            step, f = f"export {fmt} (`tadqiq export --status all`)", x["formats"].get(fmt)
            out_.append((step, NOT_RUN, "", "", "") if f is None else (
                step, f"{f['seconds']:.1f} s, {x['articles'] / f['seconds']:,.0f} articles/s, {f['output_mb']:,.1f} MB out",
                "no target at this size (issue 6: 10k articles, 100k mentions < 30 s)", _rss(f["peak_mb"]), f["load"]))
        return out_

    add("export", "export", export)
    return out


def section(r: dict) -> str:
    steps = [r[k] for k in ("corpus", "import", "extract", "queue", "keys", "export") if k in r]
    when = f"{steps[0]['start']}–{steps[-1]['end']} UTC" if steps else "nothing run"
    exported = f"{r['export']['mentions']:,} in {r['export']['articles']:,} articles" if "export" in r else "not run"
    lines = [f"### {r['n']:,} articles, {when}", "", machine_line(), "",
             f"`bench/bench_scale.py --n {r['n']} --size-kb {r['size_kb']} --launches {r['launches']} --runs {r['runs']}`:"
             f" generated articles of ~{r['size_kb']} KB (seed 1); after the extract the first half of the articles is"
             " marked done (bench_queue.prepare), so the open articles start halfway; each window opened makes its"
             " backup copy of the project in a background thread (gui/auto_backup.py), as for a reviewer, while it is"
             f" timed. Exports hold every mention ({exported}). Load average: 1 / 5 / 15 min,"
             " read before each step (the machine's cores are shared; above the number of cores, the figures are"
             " inflated).", "",
             "| step | measured | target | peak RSS MB | load average |", "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows(r)]
    return "\n".join(lines)
