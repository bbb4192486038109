"""The test suite stands on its own: only tests/acceptance/ reads ../shared, and no file of the
repository holds text copied from ../shared (the seed article, ANERcorp's sentences).

The copy check runs when ../shared is there (as in CI); the reading check always runs.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_TXT = SHARED / "seed" / "000_aa59fc9b5caee80f.txt"
ANERCORP = SHARED / "corpora" / "anercorp" / "anercorp-dev.conll"
SHINGLE = 8  # words: a run this long shared with ../shared is a copy, not a common phrase

_READS_SHARED = re.compile(r"""shared/seed|shared/corpora|["']shared["']|000_aa59fc9b5caee80f""")


def _repo_files() -> list[Path]:
    """The files git tracks or would track (untracked but not ignored), as a clone holds them."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [REPO / p for p in out.split("\0") if p and (REPO / p).is_file()]


def test_only_the_acceptance_tests_read_shared():
    offenders = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        rel = path.relative_to(REPO)
        if rel.parts[:2] == ("tests", "acceptance") or path.name in ("test_standalone.py", "conftest.py") \
                and rel.parent == Path("tests"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _READS_SHARED.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "tests outside tests/acceptance/ refer to ../shared:\n" + "\n".join(offenders)


def test_the_reading_check_catches_a_reference():
    assert _READS_SHARED.search('SEED = REPO.parent / "shared" / "seed"')
    assert _READS_SHARED.search("path = '../shared/corpora/anercorp'")
    assert _READS_SHARED.search("'000_aa59fc9b5caee80f.txt'")
    assert not _READS_SHARED.search("a shared fixture of the suite, as ../shared/GUIDELINES.md says")


def _words(text: str) -> list[str]:
    return re.findall(r"[\u0621-\u064a\u0660-\u0669\w]+", text)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _copies(sources: set[tuple[str, ...]]) -> list[str]:
    found = []
    for path in _repo_files():
        if path.suffix in (".png", ".ico", ".whl", ".sqlite", ".db", ".tadqiq") or path.stat().st_size > 5_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        hit = _shingles(_words(text)) & sources
        if hit:
            found.append(f"{path.relative_to(REPO)}: «{' '.join(next(iter(hit)))}»")
    return found


def test_no_file_holds_text_of_the_seed_article():
    if not SEED_TXT.is_file():
        pytest.skip(f"NOT RUN: {SEED_TXT} not found (nothing to compare against)")
    copies = _copies(_shingles(_words(SEED_TXT.read_text(encoding="utf-8"))))
    assert not copies, "files hold runs of the seed article's words:\n" + "\n".join(copies)


def test_no_file_holds_anercorp_sentences():
    if not ANERCORP.is_file():
        pytest.skip(f"NOT RUN: {ANERCORP} not found (nothing to compare against)")
    sources: set[tuple[str, ...]] = set()
    words: list[str] = []
    for line in ANERCORP.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            words += _words(line.split("\t")[0])
        else:
            sources |= _shingles(words)
            words = []
    assert len(sources) > 50_000  # the corpus was read
    copies = _copies(sources)
    assert not copies, "files hold runs of ANERcorp sentences:\n" + "\n".join(copies)
