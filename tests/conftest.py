"""Shared fixtures. Qt runs offscreen in every test process (set before Qt is imported)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO.parent / "shared" / "seed"
SEED_ID = "000_aa59fc9b5caee80f"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """../shared/seed beside the checkout (CI clones with shared/ beside it)."""
    assert (SEED_DIR / f"{SEED_ID}.txt").is_file(), f"seed article missing at {SEED_DIR}"
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
