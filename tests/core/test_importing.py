"""Readers: real bytes in real encodings, site chrome marking, csv and sidecar metadata."""

from __future__ import annotations

import pytest

from tadqiq.core.importing.chrome import site_regions
from tadqiq.core.importing.decode import decode_bytes
from tadqiq.core.importing.item import ImportOptions, ImportProblem
from tadqiq.core.importing.readers import read_file, read_sidecar
from tadqiq.core.schema import load_schema

SCHEMA = load_schema()


@pytest.mark.parametrize("encoding, detected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1256", "cp1256"),
    ("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_seed_decodes_to_identical_text(house_txt, encoding, detected):
    text = house_txt.read_text(encoding="utf-8")
    decoded = decode_bytes(text.encode(encoding), "seed")
    assert decoded.text == text
    assert decoded.encoding == detected


@pytest.mark.parametrize("text, encoding, detected", [
    ("قصف على إدلب", "cp1256", "cp1256"),  # short: charset-normalizer alone guessed cp932
    ("مقتل 3 جنود", "cp1256", "cp1256"),
    ("عاجل: غارة جوية على حلب\n", "cp1256", "cp1256"),
    ("خبر\n\nقصف مدفعي على حلب", "utf-16-le", "utf-16-le"),  # no byte-order mark
    ("خبر\n\nقصف مدفعي على حلب", "utf-16-be", "utf-16-be"),
    ("Title\n\nShelling hit Aleppo on Monday, officials said.", "utf-16-le", "utf-16-le"),
    ("قصفحلب", "utf-16-le", "utf-16-le"),  # Arabic only: no NUL byte at all
    ("Le bombardement a frappé Alep, a déclaré un témoin à l'AFP.", "cp1252", None),
    ("“Five killed” – officials said the attack was in Alep", "cp1252", None),
])
def test_short_and_bomless_files_decode_to_the_same_text(text, encoding, detected):
    decoded = decode_bytes(text.encode(encoding), "f.txt")
    assert decoded.text == text
    if detected is not None:
        assert decoded.encoding == detected


@pytest.mark.parametrize("data", [
    bytes(range(128, 256)) * 4,
    bytes(range(0x80, 0xA0)) * 20,
])
def test_bytes_that_read_as_no_plausible_text_are_refused(data):
    with pytest.raises(ImportProblem, match=r"^odd\.txt: binary file or unknown encoding"):
        decode_bytes(data, "odd.txt")


@pytest.mark.parametrize("raw, expected", [
    (b"a\r\nb\r\n", "a\nb\n"), (b"a\rb", "a\nb"), (b"a\n\rb", "a\n\nb"), ("سطر\r\nثان".encode(), "سطر\nثان"),
])
def test_newlines_are_normalised(raw, expected):
    assert decode_bytes(raw, "f").text == expected


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    b"%PDF-1.4\n" + bytes(range(256)) * 8,
    b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + bytes(range(40)),
])
def test_binary_is_refused_with_the_file_name(data):
    with pytest.raises(ImportProblem, match=r"^some/file\.txt: binary"):
        decode_bytes(data, "some/file.txt")


def test_house_chrome_and_teaser_are_marked_not_removed(house_txt):
    text = house_txt.read_text(encoding="utf-8")
    regions = site_regions(text)
    assert [(text[r.start:r.end], r.kind) for r in regions if r.kind == "chrome"] == [
        ("أقسام", "chrome"), ("أخبار سوريا", "chrome"), ("أخبار ذات صلة", "chrome")]
    teasers = [r for r in regions if r.kind == "teaser"]
    assert len(teasers) == 1 and text[teasers[0].start:teasers[0].end].endswith("ريف حماة الشمالي...")


def test_related_headlines_in_the_trailing_block_are_chrome():
    body = "قتل ضابط وثلاثة جنود في هجوم شنه التنظيم قرب قضاء الرطبة غربي الأنبار بحسب مصدر أمني."
    tail = ["شارك", "فيسبوك", "أقسام", "من العراق", "أخبار متعلقة",
            "مقتل أربعة جنود عراقيين بهجوم لداعش جنوبي كركوك", "الحشد الشعبي يطلق عملية عسكرية في صحراء النخيب",
            "© جميع الحقوق محفوظة"]  # fmt: skip
    text = "عنوان الخبر\n\n" + body + "\n\n" + "\n".join(tail) + "\n"
    marked = [text[r.start:r.end] for r in site_regions(text) if r.kind == "chrome"]
    assert marked == tail  # the body line (a sentence ending in «.») is not
    # A long line that ends a sentence stops the block: what is before it stays body.
    text2 = "عنوان\n\n" + body + "\nأقسام\n" + body + "\nأخبار متعلقة\nمقتل أربعة جنود عراقيين بهجوم\n"
    assert [text2[r.start:r.end] for r in site_regions(text2) if r.kind == "chrome"] == [
        "أخبار متعلقة", "مقتل أربعة جنود عراقيين بهجوم"]


@pytest.mark.parametrize("text", [
    "عنوان\n\nفقرة أولى طويلة بما يكفي لتكون متنا عاديا من الخبر وفيها تفاصيل كثيرة.\nشارك على فيسبوك وتويتر الآن",
    "Title\n\nA normal body paragraph with many words in it that is long enough.\nThe end.",
])
def test_no_chrome_without_a_marker(text):
    assert [r for r in site_regions(text) if r.kind == "chrome"] == []


def test_txt_reader_title_id_regions(tmp_path, house_txt):
    path = tmp_path / "x-1.txt"
    path.write_bytes(house_txt.read_text(encoding="utf-8").encode("cp1256"))
    items, encoding = read_file(path, SCHEMA, ImportOptions())
    art = items[0].article
    assert (art.ext_id, encoding) == ("x-1", "cp1256")
    assert art.title.startswith("مسلحون يشنون هجوما")
    assert len(art.regions) == 4


def test_csv_reader(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,Title,Body,published\nn1,عنوان,"نص الخبر الأول، وفيه فاصلة",2020-01-02\nn2,,"سطر\nثان",\n',
                    encoding="utf-8")
    items, _ = read_file(path, SCHEMA, ImportOptions())
    arts = [i.article for i in items]
    assert [(a.ext_id, a.title, a.published) for a in arts] == [("n1", "عنوان", "2020-01-02"), ("n2", "سطر", None)]
    assert arts[1].text == "سطر\nثان"


def test_jsonl_gold_and_proposals(house_gold_path):
    gold, _ = read_file(house_gold_path, SCHEMA, ImportOptions(gold=True, reviewer="amal"))
    assert {(m.status, m.origin, m.reviewer) for m in gold[0].mentions} == {("added", "reviewer:amal", "amal")}
    props, _ = read_file(house_gold_path, SCHEMA, ImportOptions(origin="model-x"))
    assert {(m.status, m.origin) for m in props[0].mentions} == {("proposed", "model-x")}
    default, _ = read_file(house_gold_path, SCHEMA, ImportOptions())
    assert {m.origin for m in default[0].mentions} == {f"import:{house_gold_path.name}"}


def test_sidecar_metadata(tmp_path):
    (tmp_path / "metadata.jsonl").write_text('{"id": "a", "published": "2021-03-04", "source": "S"}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    side = read_sidecar(tmp_path / "metadata.jsonl")
    items, _ = read_file(tmp_path / "a.txt", SCHEMA, ImportOptions(), side)
    assert (items[0].article.published, items[0].article.source) == ("2021-03-04", "S")


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tadqiq.core.importing.decode import newline_offsets, normalize_newlines  # noqa: E402


@given(st.text(alphabet="ab\r\nقص", max_size=40), st.data())
def test_newline_offsets_keep_every_span_that_does_not_split_a_crlf(raw, data):
    where = newline_offsets(raw)
    norm = normalize_newlines(raw)
    assert len(where) == len(raw) + 1 and where[-1] == len(norm)
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    if end < len(raw) and raw[end - 1:end + 1] == "\r\n":
        end += 1  # a span never ends between CR and LF
    assert norm[where[start]:where[end]] == normalize_newlines(raw[start:end])
