"""The seed article (../shared/seed, beside the checkout, never in the repo) for acceptance tests.

These tests run only when ../shared/seed exists (CI has it beside the clone); without it every
test here is reported as skipped with the reason "NOT RUN: ...", and the run's summary says so
in one line (tests/conftest.py). No other test may read ../shared (tests/test_standalone.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_DIR = REPO.parent / "shared" / "seed"
SEED_ID = "000_aa59fc9b5caee80f"
NOT_RUN = f"NOT RUN: the seed article was not found at {SEED_DIR / (SEED_ID + '.txt')}"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not (SEED_DIR / f"{SEED_ID}.txt").is_file() or not (SEED_DIR / f"{SEED_ID}.gold.jsonl").is_file():
        pytest.skip(NOT_RUN)
    return SEED_DIR


@pytest.fixture(scope="session")
def seed_txt(seed_dir: Path) -> Path:
    return seed_dir / f"{SEED_ID}.txt"


@pytest.fixture(scope="session")
def seed_gold_path(seed_dir: Path) -> Path:
    return seed_dir / f"{SEED_ID}.gold.jsonl"


@pytest.fixture(scope="session")
def seed_gold(seed_gold_path: Path) -> dict:
    """The seed article with its 28 gold mentions, as the native JSON object."""
    return json.loads(seed_gold_path.read_text(encoding="utf-8").splitlines()[0])
