"""The command line as a user runs it, on real files and a real project file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tadqiq.core.version import __version__


def test_import_then_search_finds_the_article(run, tmp_path, house_txt):
    p = tmp_path / "p.db"
    r = run("import", p, house_txt)
    assert r.exit_code == 0 and "imported 1 articles" in r.stdout
    r = run("search", p, "هُجُوم", "--json")
    hits = json.loads(r.stdout)
    assert [h["id"] for h in hits] == ["house-hama-001"]
    assert "[هجوما]" in hits[0]["snippet"]  # the title's «هجوما» (accusative alef), the first match


def test_reencoded_copies_are_duplicates_of_identical_text(run, tmp_path, house_txt):
    text = house_txt.read_text(encoding="utf-8")
    for enc in ("cp1256", "utf-16"):
        (tmp_path / enc).mkdir()
        (tmp_path / enc / "house.txt").write_bytes(text.encode(enc))
    p = tmp_path / "p.db"
    assert run("import", p, house_txt).exit_code == 0
    r = run("import", p, tmp_path / "cp1256", tmp_path / "utf-16")
    assert r.exit_code == 0, r.output
    assert "0 articles" in r.stdout and "2 duplicates" in r.stdout
    assert "cp1256" in r.stdout and "utf-16" in r.stdout
    assert json.loads(run("stats", p, "--json").stdout)["articles"] == 1


def test_gold_import_then_show_gives_back_32_events(run, tmp_path, house_txt, house_gold_path, house_gold):
    p = tmp_path / "p.db"
    assert run("import", p, house_txt).exit_code == 0
    r = run("import", p, house_gold_path, "--gold", "--reviewer", "amal")
    assert r.exit_code == 0 and "32 events stored (32 onto articles already there)" in r.stdout
    shown = json.loads(run("show", p, "house-hama-001", "--json").stdout)
    assert shown["text"] == house_gold["text"]
    got = sorted((e["type"], e["trigger"]["start"], e["trigger"]["end"],
                   tuple((a["role"], a["start"], a["end"], a["text"]) for a in e["arguments"]))
                  for e in shown["events"])
    want = sorted((e["type"], e["trigger"]["start"], e["trigger"]["end"],
                    tuple((a["role"], a["start"], a["end"], a["text"]) for a in e["arguments"]))
                   for e in house_gold["events"])
    assert got == want and len(got) == 32
    assert {e["status"] for e in shown["events"]} == {"added"}


def test_stats_json_keys(run, tmp_path, house_gold_path):
    p = tmp_path / "p.db"
    run("import", p, house_gold_path, "--origin", "model-a")
    stats = json.loads(run("stats", p, "--json").stdout)
    assert stats["articles"] == 1 and stats["mentions"] == 32
    assert stats["mentions_by_status"] == {"proposed": 32}
    assert stats["mentions_by_origin"] == {"model-a": 32}


def test_init_with_schema_and_check(run, tmp_path):
    p = tmp_path / "ace.db"
    r = run("init", p, "--schema", "ace2005")
    assert r.exit_code == 0 and "ace2005" in r.stdout
    r = run("check", p)
    assert r.exit_code == 0 and r.stdout.startswith("ok: 0 articles")
    assert run("init", p).exit_code == 1


def test_check_reports_tampering(run, tmp_path, house_gold_path):
    import sqlite3

    p = tmp_path / "p.db"
    run("import", p, house_gold_path, "--gold", "--reviewer", "amal")
    conn = sqlite3.connect(p)
    conn.execute("UPDATE events SET trigger_end = trigger_end + 1 WHERE id = 2")
    conn.commit()
    conn.close()
    r = run("check", p)
    assert r.exit_code == 1 and "event 2: trigger" in r.stdout and "1 problems" in r.stderr


def test_show_plain_and_visual(run, tmp_path, house_txt):
    p = tmp_path / "p.db"
    run("import", p, house_txt)
    logical = run("show", p, "house-hama-001").stdout
    visual = run("--visual", "show", p, "house-hama-001").stdout
    assert "مسلحون يشنون" in logical
    assert "مسلحون يشنون" not in visual and "نونشي نوحلسم" in visual


def test_unknown_article_and_missing_project(run, tmp_path, house_txt):
    p = tmp_path / "p.db"
    run("import", p, house_txt)
    r = run("show", p, "nope")
    assert r.exit_code == 1 and "no article 'nope'" in r.stderr
    r = run("stats", tmp_path / "missing.db")
    assert r.exit_code == 1 and "no such project file" in r.stderr
    assert not (tmp_path / "missing.db").exists()


def test_console_script_version():
    out = subprocess.run([sys.executable, "-m", "tadqiq", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"tadqiq, version {__version__}"


def test_demo_folder_imports_with_sidecar_metadata(run, tmp_path):
    from tadqiq.core.resources import resource_path

    p = tmp_path / "demo.db"
    r = run("import", p, resource_path("demo"))
    assert r.exit_code == 0, r.output
    shown = json.loads(run("show", p, "demo-01-idlib-airstrike", "--json").stdout)
    assert shown["published"] == "2019-09-07" and shown["source"]


def test_stats_lists_people_not_engines_as_reviewers(run, tmp_path, house_gold_path, house_txt):
    import json
    p = tmp_path / "p.db"
    assert run("import", p, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    assert run("extract", p).exit_code == 0
    stats = json.loads(run("stats", p, "--json").output)
    assert stats["reviewers"] == ["amal"]


def test_native_import_error_names_the_document(run, tmp_path, house_gold):
    line = dict(house_gold, id="doc-x")
    line["events"] = [dict(e) for e in house_gold["events"]]
    line["events"][5] = dict(line["events"][5], arguments=[dict(a) for a in line["events"][5]["arguments"]])
    line["events"][5]["arguments"][1]["start"] += 1
    other = {"id": "first", "text": "خبر أول"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(other, ensure_ascii=False) + "\n" + json.dumps(line, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    r = run("import", tmp_path / "p.db", path)
    assert r.exit_code == 1
    assert "in.jsonl line 2 event 6 argument 2 (" in r.stderr and "(doc 'doc-x')" in r.stderr, r.stderr


def test_failed_import_into_a_new_project_leaves_no_file(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "نص"}\n{"id": "x", "text": "نص آخر"}\n', encoding="utf-8")
    project = tmp_path / "new.db"
    r = run("import", project, bad)
    assert r.exit_code == 1 and "already used" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]
    # an existing project stays, unchanged in content
    assert run("init", project).exit_code == 0
    assert run("import", project, bad).exit_code == 1
    assert project.is_file()


def test_export_by_an_unknown_reviewer_warns(run, tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    r = run("export", project, "--format", "jsonl", "-o", tmp_path / "x.jsonl", "--reviewer", "nobody")
    assert r.exit_code == 0
    assert "exported 0 articles" in r.stdout
    assert "warning" in r.stderr and "'nobody'" in r.stderr and "amal" in r.stderr
    r = run("export", project, "--format", "jsonl", "-o", tmp_path / "y.jsonl", "--reviewer", "amal")
    assert r.exit_code == 0 and "warning" not in r.stderr


def test_jsonl_offsets_counted_on_windows_line_endings_land_on_the_stored_text(run, tmp_path, house_gold):
    import json
    text = house_gold["text"]
    crlf = text.replace("\n", "\r\n")

    def shift(i: int) -> int:  # the same place in the CRLF text
        return i + text.count("\n", 0, i)

    def moved(span: dict) -> dict:
        out = {**span, "start": shift(span["start"]), "end": shift(span["end"])}
        assert crlf[out["start"]:out["end"]] == span["text"]
        return out

    events = [{**e, "trigger": moved(e["trigger"]), "arguments": [moved(a) for a in e["arguments"]]}
              for e in house_gold["events"]]
    assert any(e["trigger"]["start"] != o["trigger"]["start"] for e, o in zip(events, house_gold["events"], strict=True))
    path = tmp_path / "crlf.jsonl"
    path.write_text(json.dumps({**house_gold, "text": crlf, "events": events}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    p = tmp_path / "p.db"
    result = run("import", p, path, "--gold", "--reviewer", "amal")
    assert result.exit_code == 0, result.output
    shown = json.loads(run("show", p, house_gold["id"], "--json").output)
    assert shown["text"] == text
    key = lambda e: (e["trigger"]["start"], e["type"])  # noqa: E731
    got = sorted(shown["events"], key=key)
    want = sorted(house_gold["events"], key=key)
    assert [(e["type"], e["trigger"]["start"], e["trigger"]["end"], e["trigger"]["text"]) for e in got] == \
        [(e["type"], e["trigger"]["start"], e["trigger"]["end"], e["trigger"]["text"]) for e in want]
    assert [[(a["role"], a["start"], a["end"], a["text"]) for a in e["arguments"]] for e in got] == \
        [[(a["role"], a["start"], a["end"], a["text"]) for a in e["arguments"]] for e in want]


def test_show_takes_a_row_id_too_and_names_what_is_missing(run, tmp_path, house_txt):
    p = tmp_path / "p.db"
    assert run("import", p, house_txt).exit_code == 0
    assert run("show", p, "1").output == run("show", p, "house-hama-001").output
    missing = run("show", p, "7")
    assert missing.exit_code == 1 and "no article with id '7'" in missing.output


@pytest.mark.parametrize("environ,platform,refused", [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({}, "darwin", False),
    ({}, "win32", False),
])
def test_no_display_is_said_before_qt_starts(environ, platform, refused):
    from tadqiq.cli.main import no_display_problem
    problem = no_display_problem(environ, platform)
    assert (problem is not None) == refused
    if refused:
        assert "xvfb-run" in problem and "DISPLAY" in problem


def test_the_window_without_a_display_is_a_message_and_makes_no_demo(tmp_path, monkeypatch):
    import sys

    from click.testing import CliRunner

    from tadqiq.cli.main import cli
    monkeypatch.setattr(sys, "platform", "linux")  # the check is for Linux desktops
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = CliRunner().invoke(cli, ["--reviewer", "x"])
    assert result.exit_code == 1 and "no display" in result.output
    assert not (tmp_path / "data").exists()
