"""Streamed decoding (core/importing/stream.py) gives the lines whole-file decoding gives, or the
same refusal, for files of every encoding the importer reads, with every kind of line break."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tadqiq.core.importing.stream as stream_mod
from tadqiq.core.importing.decode import decode_bytes
from tadqiq.core.importing.item import ImportOptions, ImportProblem
from tadqiq.core.importing.readers import read_csv, read_jsonl, stream_items
from tadqiq.core.importing.stream import StreamedText
from tadqiq.core.schema import load_schema

SCHEMA = load_schema("conflict-ar")
ARABIC = "قصفت طائرات حربية بلدة كفرنبل أمس وقتل ثلاثة مدنيين"
LINE = st.text(st.sampled_from(list(ARABIC) + list("abc 123\t\"{}") + ["é", "😀"]), max_size=40)


def _streamed(path: Path) -> tuple[list[str], str]:
    s = StreamedText(path)
    return [line for _n, line in s.lines()], s.encoding


def _whole(data: bytes, path: Path) -> tuple[list[str], str]:
    d = decode_bytes(data, str(path))
    lines = d.text.split("\n")
    return lines, d.encoding


@pytest.fixture
def tiny_buffers(monkeypatch):
    """Chunks and samples of a few bytes, so lines and characters straddle their edges."""
    monkeypatch.setattr(stream_mod, "CHUNK_BYTES", 7)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, min_size=1, max_size=12),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-32", "cp1256"]),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_streamed_lines_are_the_whole_file_lines(tmp_path, tiny_buffers, lines, encoding, newline):
    text = newline.join(lines)
    if encoding == "cp1256":
        text = "".join(ch for ch in text if ch not in "é😀") or "x"
        data = text.encode("cp1256")
    elif encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    try:
        whole = _whole(data, path)
    except ImportProblem as exc:
        with pytest.raises(ImportProblem):
            _streamed(path)
        assert str(path) in str(exc)
        return
    got, enc = _streamed(path)
    # whole-file splitting ends with an empty line where the text ends with a break; streaming may not
    assert got == whole[0] or got + [""] == whole[0]
    assert enc == whole[1] or (whole[1] == "utf-8" and enc == "utf-8")


def test_a_utf8_file_that_turns_windows_1256_late_is_refused_with_the_line_numbers(tmp_path):
    utf8 = [f'{{"id": "u{k}", "text": "{ARABIC} {k}"}}' for k in range(300)]
    cp = [f'{{"id": "c{k}", "text": "{ARABIC} {k}"}}' for k in range(20)]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(("\n".join(utf8) + "\n").encode("utf-8") + "\n".join(cp).encode("cp1256"))
    items, _ = stream_items(path, SCHEMA, ImportOptions())
    with pytest.raises(ImportProblem) as got:
        for _item in items:
            pass
    message = str(got.value)
    assert "UTF-8 on lines 1-300" in message and "Windows-1256 (Arabic) on lines 301-320" in message
    assert str(path) in message


def test_a_windows_1256_file_with_a_utf8_line_late_is_refused(tmp_path):
    lines = [f'{{"id": "c{k}", "text": "{ARABIC} {k}"}}'.encode("cp1256") for k in range(50)]
    lines.insert(40, f'{{"id": "u", "text": "{ARABIC}"}}'.encode("utf-8"))
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines))
    items, _ = stream_items(path, SCHEMA, ImportOptions())
    with pytest.raises(ImportProblem, match=r"UTF-8 on line 41;.*Windows-1256 \(Arabic\) on lines 1-40, 42-51"):
        list(items)


def test_a_streamed_windows_1256_file_reads_as_arabic(tmp_path):
    path = tmp_path / "cp.jsonl"
    path.write_bytes("\n".join(f'{{"id": "c{k}", "text": "{ARABIC} {k}"}}' for k in range(5)).encode("cp1256"))
    items, stream = stream_items(path, SCHEMA, ImportOptions())
    texts = [i.article.text for i in items]
    assert texts[0] == f"{ARABIC} 0" and len(texts) == 5 and stream.encoding == "cp1256"


def test_items_come_before_the_end_of_the_file_is_read(tmp_path):
    """Streaming, not reading it all first: the first article is there although line 3 is bad."""
    path = tmp_path / "late.jsonl"
    path.write_text(f'{{"id": "a", "text": "{ARABIC}"}}\n{{"id": "b", "text": "{ARABIC}!"}}\n{{broken\n',
                    encoding="utf-8")
    items, _ = stream_items(path, SCHEMA, ImportOptions())
    assert next(items).article.ext_id == "a"
    assert next(items).article.ext_id == "b"
    with pytest.raises(ImportProblem, match="line 3"):
        next(items)


def test_streamed_files_give_the_items_of_whole_file_reading(tmp_path):
    rows = ['id,title,text', f'a1,one,"{ARABIC}\r\nسطر ثان"', f'a2,two,{ARABIC} ٢']
    csv_path = tmp_path / "a.csv"
    csv_path.write_bytes("\r\n".join(rows).encode("utf-8-sig"))
    jsonl_path = tmp_path / "a.jsonl"
    jsonl_path.write_text("\r\n".join(f'{{"id": "j{k}", "text": "{ARABIC}\\r\\n{k}"}}' for k in range(4)),
                          encoding="utf-16")
    for path, whole in ((csv_path, lambda p: read_csv(p, p.read_bytes())),
                        (jsonl_path, lambda p: read_jsonl(p, p.read_bytes(), SCHEMA, ImportOptions()))):
        items, stream = stream_items(path, SCHEMA, ImportOptions())
        streamed = [(i.article, i.where) for i in items]
        expected, encoding = whole(path)
        assert streamed == [(i.article, i.where) for i in expected]
        assert stream.encoding == encoding


def test_binary_content_late_in_a_streamed_file_names_its_line(tmp_path):
    path = tmp_path / "bin.jsonl"
    good = "".join(f'{{"id": "a{k}", "text": "{ARABIC}"}}\n' for k in range(2000)).encode("utf-8")
    path.write_bytes(good + b'{"id": "b", "text": "\x01"}\n')
    assert len(good) > stream_mod.HEAD_BYTES  # found while streaming, not in the first look
    items, _ = stream_items(path, SCHEMA, ImportOptions())
    with pytest.raises(ImportProblem, match=r"control character U\+0001 on line 2001"):
        list(items)
