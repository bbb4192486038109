"""`tadqiq train`, `extract --engine learned|combined`, `evaluate --cross-validate K --curve`,
as a user runs them, on own-written development sets (tests/data/extract/dev2, dev3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

DATA = Path(__file__).resolve().parent.parent / "data" / "extract"


def _project(run, tmp_path):
    db = tmp_path / "p.db"
    assert run("init", db).exit_code == 0
    for name in ("dev2", "dev3"):
        assert run("import", db, DATA / f"{name}.gold.jsonl", "--gold", "--reviewer", "lead").exit_code == 0
    return db


def test_train_list_extract_and_cross_validate(run, tmp_path):
    db = _project(run, tmp_path)
    before = run("extract", db, "--engine", "learned")
    assert before.exit_code == 1 and "no learned model: run `tadqiq train p.db` first" in before.stderr
    done = run("--reviewer", "lead", "train", db, "--cross-validate", "2")
    assert done.exit_code == 0, done.stderr
    assert "learned model version 1: 11 articles" in done.stdout
    assert "2-fold cross-validation by article" in done.stdout and "rules    trigger" in done.stdout
    listed = run("train", db, "--list")
    assert "learned v1" in listed.stdout and "by lead" in listed.stdout and "(2-fold)" in listed.stdout
    out = run("extract", db, "--engine", "combined")
    assert out.exit_code == 0 and out.stdout.startswith("extractor:combined@1.11+1:")
    old = run("extract", db, "--engine", "learned", "--model-version", "7")
    assert old.exit_code == 1 and "no version 7 of the learned model" in old.stderr
    png = tmp_path / "curve.png"
    cv = run("evaluate", db, "--cross-validate", "2", "--curve", png)
    assert cv.exit_code == 0, cv.stderr
    assert "learning curve drawn in" in cv.stdout and "articles: trigger F1" in cv.stdout
    image = QImage(str(png))
    assert (image.width(), image.height()) == (720, 420)


def test_evaluate_needs_origins_or_folds(run, tmp_path):
    db = tmp_path / "p.db"
    run("init", db)
    res = run("evaluate", db)
    assert res.exit_code == 1 and "give --gold ORIGIN and --pred ORIGIN, or --cross-validate K" in res.stderr
    res = run("evaluate", db, "--cross-validate", "3")
    assert res.exit_code == 1 and "cross-validation needs at least 2" in res.stderr
    res = run("train", db, "--cross-validate", "1")
    assert res.exit_code == 1 and "at least 2 folds" in res.stderr


def test_evaluate_refuses_an_origin_with_no_mentions(run, tmp_path):
    """Issue 13: `--pred extractor:rules@9.9` printed zeros with status 0."""
    db = _project(run, tmp_path)
    res = run("evaluate", db, "--gold", "reviewer:lead", "--pred", "extractor:rules@9.9")
    assert res.exit_code == 1
    assert "no mentions with origin 'extractor:rules@9.9'" in res.stderr and "reviewer:lead" in res.stderr
