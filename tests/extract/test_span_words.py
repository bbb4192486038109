"""resources/lexicons/span-words-ar.txt: the place-name first words core's span snapping knows.

The file is generated from the gazetteer tables (``python -m extract.gazetteer --span-words``);
core.arabic.clitics reads it itself, so a span comes out the same whether or not the extractor
was imported (nothing in core is filled in by tadqiq.extract any more).
"""

from __future__ import annotations

import json
import subprocess
import sys

from tadqiq.core.arabic import clitics
from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.resources import resource_path
from tadqiq.extract.gazetteer import span_words, write_span_words


def test_span_words_file_is_generated_from_the_current_gazetteer(tmp_path) -> None:
    """Fails after an edit of places-extra-ar.tsv (or a rebuilt table) until the file is rewritten:
    run ``python -m extract.gazetteer --span-words``."""
    assert clitics.span_words() == frozenset(span_words())
    out = tmp_path / "span-words-ar.txt"
    write_span_words(out)
    assert out.read_text(encoding="utf-8") == resource_path("lexicons", clitics.SPAN_WORDS).read_text(
        encoding="utf-8"
    )


def test_every_first_word_that_could_lose_a_letter_is_listed() -> None:
    from tadqiq.extract.gazetteer import _rows

    listed = clitics.span_words()
    for _, names in _rows():
        for name in names:
            first = normalize_text(name.split()[0])
            assert (first in listed) == (first[:1] in "وفبلكس"), name


# snapping, stripping and splitting gazetteer words (and the same after و and في), printed as JSON
_PROBE = r"""
import json, sys
if sys.argv[1] == "extract":
    from tadqiq.extract.rules import RuleEngine
    RuleEngine()  # loads the lexicons and the gazetteer
from tadqiq.core.arabic.clitics import search_stem, snap_span, split_proclitics, strip_for_span
from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.resources import resource_path
words = sys.stdin.read().split()
out = {
    "extract_loaded": "tadqiq.extract" in sys.modules,
    "results": [
        [split_proclitics(w), strip_for_span("و" + w), snap_span("في " + w, 3, 3 + len(w)),
         snap_span("قصف على " + w + " أمس", 8, 8 + len(w)), search_stem(normalize_text(w))]
        for w in words
    ],
}
print(json.dumps(out))
"""


def _probe(mode: str, words: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode],
        input=" ".join(words), capture_output=True, text=True, encoding="utf-8", check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_snapping_a_place_word_does_not_depend_on_importing_the_extractor() -> None:
    words = ["باميان", "بعقوبة", "كفرنبل", "بانياس", "سنجار", "لبنان", "بالهجوم", "وزير"]
    words += sorted(clitics.span_words())[::7]
    alone, with_extract = _probe("core", words), _probe("extract", words)
    assert not alone["extract_loaded"] and with_extract["extract_loaded"]
    assert alone["results"] == with_extract["results"]
    baamyan = alone["results"][0]
    assert baamyan[0] == [0, "باميان"] and baamyan[2] == [3, 3 + len("باميان")]
