"""No traceback, ever (issue 13, item 4), and answers that do not mislead: long ids in brat
file names, ``check`` on a damaged file, OS errors turned into one line by the top handler."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tadqiq.cli.errors import os_error_message, other_error_message, unicode_error_message

LONG_ID = "خبر-" + "ا" * 4996  # 5,000 characters, 9,999 bytes in UTF-8


def _entry() -> list[str]:
    """The installed ``tadqiq`` command beside this Python (what a user runs), else ``-m``."""
    entry = Path(sys.executable).with_name("tadqiq")
    return [str(entry)] if entry.exists() else [sys.executable, "-m", "tadqiq.cli.main"]


def _article(ext_id: str, text: str) -> str:
    return json.dumps({"id": ext_id, "text": text, "events": []}, ensure_ascii=False)


def test_a_brat_export_of_a_5000_character_id_has_safe_file_names_and_keeps_the_id(run, tmp_path):
    src = tmp_path / "in.jsonl"
    other_long = LONG_ID[:-1] + "ب"  # the same first 4,999 characters: must not share a file name
    src.write_text("\n".join([_article(LONG_ID, "قصف على القرية."), _article(other_long, "هجوم آخر."),
                              _article("CON", "نص ثالث.")]) + "\n", encoding="utf-8")
    project = tmp_path / "p.db"
    assert run("import", project, src).exit_code == 0
    out = tmp_path / "brat"
    r = run("export", project, "--format", "brat", "--status", "all", "-o", out)
    assert r.exit_code == 0, r.output
    names = sorted(p.name for p in out.iterdir())
    assert all(len(n.encode("utf-8")) <= 255 for n in names)
    txts = [n for n in names if n.endswith(".txt")]
    assert len(txts) == 3 and "CON.txt" not in txts
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["ids"].values()) == sorted([LONG_ID, other_long, "CON"])
    assert set(manifest["ids"]) == set(txts)
    back = tmp_path / "back.db"
    assert run("import", back, out).exit_code == 0
    conn = sqlite3.connect(back)
    ids = sorted(r[0] for r in conn.execute("SELECT ext_id FROM articles"))
    conn.close()
    assert ids == sorted([LONG_ID, other_long, "CON"])  # the real ids, read back from the manifest


def _project_with_damage(run, tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    conn = sqlite3.connect(project)
    # bytes that are not UTF-8 in the text (as bad blocks would leave), and a trigger moved off its word
    conn.execute("UPDATE articles SET text = CAST(X'D9FFFE20' || CAST(text AS BLOB) AS TEXT)")
    conn.execute("UPDATE events SET trigger_start = trigger_start + 1 WHERE id = (SELECT min(id) FROM events)")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return project


def test_check_on_a_damaged_file_lists_every_problem_and_sends_nobody_to_check(run, tmp_path, house_gold_path):
    project = _project_with_damage(run, tmp_path, house_gold_path)
    r = run("check", project)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "article house-hama-001: text changed after import" in r.stdout
    assert "trigger" in r.stdout  # the second problem is listed too: check does not stop at the first
    assert len(r.stdout.strip().splitlines()) > 2
    assert "tadqiq check" not in r.output
    assert "problems found in" in r.stderr


def test_the_top_handler_names_the_path_and_the_command():
    too_long = OSError(errno.ENAMETOOLONG, "File name too long", "/tmp/" + "x" * 5000)
    msg = os_error_message(too_long, "tadqiq export")
    assert "longer than the file system allows" in msg and "tadqiq export" in msg
    assert len(msg) < 400 and "5005 characters" in msg
    full = os_error_message(OSError(errno.ENOSPC, "No space left on device", "/data/out.jsonl"), "tadqiq export")
    assert full.startswith("/data/out.jsonl: No space left on device (the disk is full")
    denied = os_error_message(PermissionError(errno.EACCES, "Permission denied", "/ro/x"), "tadqiq import")
    assert denied == "/ro/x: Permission denied (no permission), while running `tadqiq import`"
    try:
        "a\ud800b".encode("utf-8")
    except UnicodeEncodeError as exc:
        assert "lone surrogate (U+D800) that cannot be stored" in unicode_error_message(exc, "tadqiq show")
    message, code = other_error_message(RecursionError(), "tadqiq import")
    assert code == 1 and "nested too deeply" in message
    message, code = other_error_message(ZeroDivisionError("x"), "tadqiq stats")
    assert code == 70 and "bug" in message and "TADQIQ_DEBUG" in message


def test_an_export_into_a_read_only_folder_is_a_message(run, tmp_path, house_gold_path):
    """For real: as root, the export runs as nobody (setpriv), so the folder is read-only to it."""
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: a read-only folder cannot be made for this process")
        as_user = [shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups"]
    base = Path(tempfile.mkdtemp(prefix="tadqiq-ro-"))
    ro = base / "ro"
    ro.mkdir()
    try:
        project = base / "p.db"
        assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
        (ro / "x.jsonl").write_text("the previous export\n", encoding="utf-8")
        for path in (base, ro):
            path.chmod(0o755)
        project.chmod(0o644)
        ro.chmod(0o555)
        r = subprocess.run([*as_user, *_entry(), "export", str(project), "--format", "jsonl", "-o", str(ro / "x.jsonl")],
                           capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(base)})
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert f"cannot write {ro / 'x.jsonl'}: Permission denied" in r.stderr and "tadqiq export" in r.stderr
        assert (ro / "x.jsonl").read_text(encoding="utf-8") == "the previous export\n"
    finally:
        ro.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_the_real_command_prints_no_traceback(tmp_path):
    """Through the installed entry point, as a user runs it (not click's test runner)."""
    bad = tmp_path / "deep.jsonl"
    bad.write_bytes(b"[" * 200_000 + b"\n")
    env = {**os.environ, "TADQIQ_DEBUG": ""}
    r = subprocess.run([*_entry(), "import", str(tmp_path / "p.db"), str(bad)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "deep.jsonl line 1: JSON nested too deeply" in r.stderr
    assert not (tmp_path / "p.db").exists()  # the failed first import leaves no project


def test_check_on_a_file_whose_schema_page_is_damaged_still_checks_the_rest(run, tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'event_schema'").fetchone()
    conn.close()
    data = bytearray(project.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[(root - 1) * page:(root - 1) * page + 12] = b"\x0d" + b"\xff" * 11  # as a bad disk block would
    project.write_bytes(bytes(data))
    r = run("check", project)
    assert r.exit_code == 1 and "Traceback" not in r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("opening: ") and "malformed" in lines[0]
    assert len(lines) >= 2  # and what the other parts found: it did not stop at the opening
    assert "tadqiq check" not in r.output
    assert run("stats", project).exit_code == 1  # other commands: one line, no traceback


def test_a_message_that_names_its_path_already_is_not_prefixed_again():
    exc = OSError(errno.EACCES, "cannot write /ro/x.jsonl: Permission denied", "/ro/x.jsonl")
    assert os_error_message(exc, "tadqiq export") == (
        "cannot write /ro/x.jsonl: Permission denied (no permission), while running `tadqiq export`")
