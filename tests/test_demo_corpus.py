"""The demo corpus in resources/demo/ and the synthetic corpus generator bench/make_corpus.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "resources" / "demo"
MAKE_CORPUS = REPO / "bench" / "make_corpus.py"

ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")


def _articles() -> dict[str, str]:
    return {p.stem: p.read_bytes().decode("utf-8") for p in sorted(DEMO.glob("*.txt"))}


def _metadata() -> list[dict]:
    lines = (DEMO / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _latin_share(text: str) -> float:
    latin = sum(1 for c in text if "a" <= c.lower() <= "z")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return latin / max(latin + arabic, 1)


# --- the demo articles ---------------------------------------------------------------------


def test_at_least_13_articles() -> None:
    assert len(list(DEMO.glob("*.txt"))) >= 13


def test_each_article_is_utf8_with_headline_blank_line_and_body() -> None:
    for path in sorted(DEMO.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")  # raises on invalid UTF-8
        assert not text.startswith("\ufeff"), f"{path.name}: BOM"
        assert "\r" not in text, f"{path.name}: CR newlines"
        lines = text.split("\n")
        assert lines[0].strip(), f"{path.name}: empty first line (headline)"
        assert lines[1] == "", f"{path.name}: no blank line after the headline"
        assert 600 <= len(text) <= 2500, f"{path.name}: {len(text)} chars"


def test_metadata_ids_match_files_with_iso_dates() -> None:
    rows = _metadata()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids in metadata.jsonl"
    assert set(ids) == set(_articles())
    for row in rows:
        assert set(row) >= {"id", "published", "source", "url", "lang"}, row
        published = dt.date.fromisoformat(row["published"])
        assert published.isoformat() == row["published"]
        assert dt.date(2010, 1, 1) <= published <= dt.date.today()
        assert row["lang"] in ("ar", "en")
        assert row["url"].startswith("https://")
        assert row["source"].strip()


def test_metadata_lang_matches_script() -> None:
    texts = _articles()
    for row in _metadata():
        share = _latin_share(texts[row["id"]])
        if row["lang"] == "en":
            assert share > 0.9, (row["id"], share)
        else:
            assert share < 0.5, (row["id"], share)


def test_mostly_latin_article_exists() -> None:
    assert any(_latin_share(t) > 0.9 for t in _articles().values())


def test_latin_inside_arabic_article_exists() -> None:
    mixed = [t for t in _articles().values() if 0.02 < _latin_share(t) < 0.5]
    assert mixed, "no Arabic article with Latin names or an English quotation"


def test_arabic_indic_digits_present() -> None:
    assert any(ARABIC_INDIC & set(t) for t in _articles().values())


def test_rlm_inside_a_word_present() -> None:
    hits = [t for t in _articles().values() if "\u200f" in t]
    assert hits
    text = hits[0]
    i = text.index("\u200f")
    assert text[i - 1].isalpha(), "U+200F should sit in a name, after a letter"


def test_diacritics_and_tatweel_present() -> None:
    texts = _articles().values()
    assert any("\u0640" in t for t in texts), "no tatweel"
    assert any(any("\u064b" <= c <= "\u0652" for c in t) for t in texts), "no tashkeel"


def test_quote_styles_present() -> None:
    assert any("«" in t and "»" in t and "“" in t and "”" in t for t in _articles().values())


def test_site_chrome_and_teaser_article() -> None:
    with_chrome = [t for t in _articles().values() if "أخبار متعلقة" in t.split("\n")]
    assert with_chrome, "no article with a chrome line «أخبار متعلقة»"
    lines = with_chrome[0].split("\n")
    assert "شارك" in lines and "أقسام" in lines
    teasers = [ln for ln in lines[1:6] if ln.endswith("...")]
    assert teasers, "no truncated teaser near the top"
    stem = teasers[0][: -len("...")]
    later = lines[lines.index(teasers[0]) + 1 :]
    assert any(ln.startswith(stem) and len(ln) > len(stem) for ln in later), (
        "the teaser does not repeat the start of a body paragraph"
    )


# fmt: off
REQUIRED_PHRASINGS = [
    # counts in words and digits
    "ثلاثة", "سبعة", "خمسة عشر", "عشرات", "نحو عشرين", "أكثر من مئة", "قتيلان", "15", "١٥",
    # dates, relative and absolute
    "اليوم السبت", "أمس الأول", "السبت الماضي", "قبل ثلاثة أيام", "8 أيلول", "12 سبتمبر 2019",
    "كانون الثاني", "١٤ آذار",
    # triggers and attribute cues
    "غارات", "أسر", "اعتقل", "سيطر", "استعاد", "انسحب", "إنزال", "وسط أنباء عن", "يكثف من هجماته",
    # places with qualifiers
    "ريف حلب الغربي", "شرقي مدينة دير الزور", "بادية", "قرية", "حقل",
]
# fmt: on


@pytest.mark.parametrize("needle", REQUIRED_PHRASINGS)
def test_required_phrasings_occur(needle: str) -> None:
    assert any(needle in t for t in _articles().values()), needle


def test_denial_of_withdrawal_occurs() -> None:
    texts = "\n".join(_articles().values())
    assert ("نفى" in texts or "نافيا" in texts) and "انسحاب" in texts


# --- bench/make_corpus.py ------------------------------------------------------------------


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(MAKE_CORPUS), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _digest_dir(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_make_corpus_txt_distinct_sized_and_deterministic(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "a", tmp_path / "b"
    stdout = _run("--n", "50", "--seed", "1", "--out", str(out1))
    assert "50" in stdout and "bytes" in stdout and "chars" in stdout

    files = sorted(out1.glob("*.txt"))
    assert len(files) == 50
    texts = [p.read_bytes().decode("utf-8") for p in files]
    assert len(set(texts)) == 50, "duplicate texts"
    target = 6 * 1024
    for p, t in zip(files, texts, strict=True):
        size = len(t.encode("utf-8"))
        assert 0.75 * target <= size <= 1.35 * target, (p.name, size)
        assert t.split("\n")[0].strip() and t.split("\n")[1] == ""
    total = sum(len(t.encode("utf-8")) for t in texts)
    assert 0.9 * 50 * target <= total <= 1.15 * 50 * target

    meta = [json.loads(x) for x in (out1 / "metadata.jsonl").read_text("utf-8").splitlines()]
    assert sorted(m["id"] for m in meta) == sorted(p.stem for p in files)
    for m in meta:
        dt.date.fromisoformat(m["published"])

    _run("--n", "50", "--seed", "1", "--out", str(out2))
    assert _digest_dir(out1) == _digest_dir(out2), "same seed gave different output"


def test_make_corpus_seed_changes_output_and_size_option(tmp_path: Path) -> None:
    _run("--n", "5", "--seed", "1", "--size-kb", "2", "--out", str(tmp_path / "s1"))
    _run("--n", "5", "--seed", "2", "--size-kb", "2", "--out", str(tmp_path / "s2"))
    s1 = {p.read_text("utf-8") for p in (tmp_path / "s1").glob("*.txt")}
    s2 = {p.read_text("utf-8") for p in (tmp_path / "s2").glob("*.txt")}
    assert len(s1) == len(s2) == 5
    assert not s1 & s2
    for t in s1:
        assert 0.7 * 2048 <= len(t.encode("utf-8")) <= 1.5 * 2048


def test_make_corpus_jsonl_matches_txt(tmp_path: Path) -> None:
    _run("--n", "20", "--seed", "3", "--out", str(tmp_path / "txt"))
    _run("--n", "20", "--seed", "3", "--format", "jsonl", "--out", str(tmp_path / "c.jsonl"))
    rows = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 20
    assert len({r["text"] for r in rows}) == 20
    for row in rows:
        assert (tmp_path / "txt" / f"{row['id']}.txt").read_text("utf-8") == row["text"]
        assert row["lang"] in ("ar", "en")
