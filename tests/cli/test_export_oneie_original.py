"""`tadqiq export --format oneie-original` with and without the model's word-piece vocabulary."""

from __future__ import annotations

import json


def _project(run, tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    return project


def test_without_a_vocabulary_it_warns(run, tmp_path, house_gold_path):
    project = _project(run, tmp_path, house_gold_path)
    r = run("export", project, "--format", "oneie-original", "-o", tmp_path / "o.jsonl")
    assert r.exit_code == 0, r.output
    assert "no --pieces-vocab: each token is written as one word piece" in r.stderr
    first = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["pieces"] == first["tokens"] and first["relation_mentions"] == []
    assert first["sent_id"] == "house-hama-001-0"


def test_with_a_vocabulary(run, tmp_path, house_gold_path):
    project = _project(run, tmp_path, house_gold_path)
    vocab = tmp_path / "vocab.txt"
    vocab.write_text("[UNK]\nم\n##س\n##ل\n##ح\n##ون\n", encoding="utf-8")
    r = run("export", project, "--format", "oneie-original", "-o", tmp_path / "v.jsonl", "--pieces-vocab", vocab)
    assert r.exit_code == 0, r.output
    assert "warning" not in r.stderr
    first = json.loads((tmp_path / "v.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["pieces"][:6] == ["م", "##س", "##ل", "##ح", "##ون", "[UNK]"]
    assert first["token_lens"][:2] == [5, 1]
    manifest = json.loads((tmp_path / "v.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["pieces"]["vocabulary"] == str(vocab)
    assert f"--pieces-vocab {vocab}" in manifest["command"]


def test_a_missing_vocabulary_is_named(run, tmp_path, house_gold_path):
    project = _project(run, tmp_path, house_gold_path)
    r = run("export", project, "--format", "oneie-original", "-o", tmp_path / "w.jsonl",
            "--pieces-vocab", tmp_path / "nope.txt")  # fmt: skip
    assert r.exit_code != 0 and "nope.txt: cannot read the word-piece vocabulary" in r.stderr
    assert not (tmp_path / "w.jsonl").exists()
