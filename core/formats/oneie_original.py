"""``--format oneie-original``: the JSONL the original OneIE loader reads (``oneie/data.py``).

OneIE's ``IEDataset.load_data`` and ``numberize`` read, per line: ``sent_id``, ``tokens``,
``pieces`` (the word pieces of the whole sentence), ``token_lens`` (pieces per token),
``entity_mentions`` (``id``, ``start``, ``end``, ``entity_type``, ``mention_type``),
``relation_mentions`` and ``event_mentions`` (``event_type``, ``trigger`` ``start``/``end``,
``arguments`` ``entity_id``/``role``), token ends exclusive. Our ``oneie`` export (also read by
TextEE) lacks the word pieces, ``sent_id``, ``relation_mentions`` and ``mention_type``; this
format is the same windows with those added:

* ``sent_id`` is the window id (``DOC-N``); ``relation_mentions`` is empty (we annotate no
  relations); every entity's ``mention_type`` is ``UNK`` (one of OneIE's four, NAM NOM PRO UNK:
  we do not label mention types).
* ``pieces``/``token_lens`` need the model's tokenizer. Given its WordPiece vocabulary
  (``--pieces-vocab vocab.txt``, the file beside a BERT model such as
  bert-base-multilingual-cased), each token is split as BERT's own tokenizer does — BERT's basic
  tokenizer (punctuation split; with ``--pieces-uncased`` lower case and marks stripped) and
  greedy longest-match-first WordPiece with ``##`` continuations, ``[UNK]`` for a word it cannot
  cover or longer than 100 characters — so OneIE's ``tokenizer.encode(pieces)`` finds every piece
  in the vocabulary. Without a vocabulary each token is one piece (``token_lens`` all 1): the
  loader reads the file, but a BERT model sees unknown whole words; the manifest says which.
  SentencePiece models (XLM-R) are not covered: re-piece with their tokenizer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, atomic_write, check_item
from tadqiq.core.formats.jsonio import dumps
from tadqiq.core.formats.oneie import oneie_windows
from tadqiq.core.schema import EventSchema

MENTION_TYPE = "UNK"
MAX_WORD_CHARS = 100  # BERT's WordpieceTokenizer.max_input_chars_per_word


def read_vocab(path: str | Path) -> set[str]:
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            vocab = {line.rstrip("\n").rstrip("\r") for line in fh}
    except OSError as exc:
        raise FormatError(f"{path}: cannot read the word-piece vocabulary ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise FormatError(f"{path}: the word-piece vocabulary is not UTF-8 (expected a BERT vocab.txt)") from None
    vocab.discard("")
    if "[UNK]" not in vocab:
        raise FormatError(f"{path}: no [UNK] entry; expected a BERT WordPiece vocab.txt, one piece per line")
    return vocab


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def basic_split(token: str, lowercase: bool = False) -> list[str]:
    """BERT's BasicTokenizer on one token: marks stripped and lower case when uncased, punctuation apart."""
    if lowercase:
        token = "".join(c for c in unicodedata.normalize("NFD", token.lower()) if unicodedata.category(c) != "Mn")
    out: list[str] = []
    word = ""
    for ch in token:
        if _is_punctuation(ch):
            if word:
                out.append(word)
            out.append(ch)
            word = ""
        elif not ch.isspace():
            word += ch
    if word:
        out.append(word)
    return out


def wordpiece(word: str, vocab: set[str]) -> list[str]:
    """Greedy longest-match-first WordPiece (BERT's WordpieceTokenizer)."""
    if len(word) > MAX_WORD_CHARS:
        return ["[UNK]"]
    pieces = []
    start = 0
    while start < len(word):
        end = len(word)
        piece = None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                piece = sub
                break
            end -= 1
        if piece is None:
            return ["[UNK]"]
        pieces.append(piece)
        start = end
    return pieces


def token_pieces(token: str, vocab: set[str] | None, lowercase: bool = False) -> list[str]:
    if vocab is None:
        return [token]
    out = [p for w in basic_split(token, lowercase) for p in wordpiece(w, vocab)]
    return out or ["[UNK]"]


def original_window(wnd: dict[str, Any], vocab: set[str] | None, lowercase: bool) -> dict[str, Any]:
    pieces = [token_pieces(t, vocab, lowercase) for t in wnd["tokens"]]
    out = {
        "doc_id": wnd["doc_id"],
        "sent_id": wnd["wnd_id"],
        "wnd_id": wnd["wnd_id"],
        "lang": wnd["lang"],
        "text": wnd["text"],
        "tokens": wnd["tokens"],
        "pieces": [p for ps in pieces for p in ps],
        "token_lens": [len(ps) for ps in pieces],
        "entity_mentions": [{**e, "mention_type": MENTION_TYPE} for e in wnd["entity_mentions"]],
        "relation_mentions": [],
        "event_mentions": wnd["event_mentions"],
    }
    return out


def write_oneie_original(
    items: Iterable[Item],
    schema: EventSchema,
    out: Path,
    progress: Callable[[int], None] | None = None,
    pieces_vocab: str | Path | None = None,
    pieces_uncased: bool = False,
) -> dict[str, Any]:
    vocab = read_vocab(pieces_vocab) if pieces_vocab is not None else None
    counts = {"articles": 0, "windows": 0, "mentions": 0, "arguments": 0, "entities": 0, "pieces": 0,
              "unknown_pieces": 0, "windows_over_126_pieces": 0,
              "chrome_sentences_excluded": 0, "chrome_tokens_excluded": 0}  # fmt: skip
    with atomic_write(out) as fh:
        for article, ms in items:
            check_item(article, ms, out)
            for wnd in oneie_windows(article, ms, out, counts):
                line = original_window(wnd, vocab, pieces_uncased)
                fh.write(dumps(line))
                fh.write("\n")
                counts["windows"] += 1
                counts["mentions"] += len(line["event_mentions"])
                counts["entities"] += len(line["entity_mentions"])
                counts["arguments"] += sum(len(e["arguments"]) for e in line["event_mentions"])
                counts["pieces"] += len(line["pieces"])
                counts["unknown_pieces"] += line["pieces"].count("[UNK]") if vocab is not None else 0
                counts["windows_over_126_pieces"] += len(line["pieces"]) > 126  # OneIE drops them (max_length 128)
            counts["articles"] += 1
            if progress:
                progress(1)
    pieces = {"vocabulary": str(pieces_vocab) if pieces_vocab is not None else None,
              "uncased": pieces_uncased if vocab is not None else None,
              "rule": "BERT basic tokenizer + greedy longest-match-first WordPiece per token" if vocab is not None
              else "no vocabulary given: each token is one piece (re-piece with the model's tokenizer)"}  # fmt: skip
    return {"files": [out], "counts": counts, "report": {"pieces": pieces}}
