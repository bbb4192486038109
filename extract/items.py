"""What the rule engine reads an article into: tokens, triggers and clause items."""

from __future__ import annotations

from dataclasses import dataclass, field

from tadqiq.extract.gazetteer import Place
from tadqiq.extract.lexicons import TriggerForm

QUOTES = set("“”\"«»'’‘")


@dataclass
class Tok:
    i: int
    s: int  # shadow start
    e: int  # shadow end
    w: str  # shadow text
    word: bool
    nl_before: bool = False
    sent: int = 0
    clause: int = 0


@dataclass
class Trig:
    tok: int
    off: int  # letters dropped from the token start (و ف ب ل ك)
    form: TriggerForm
    absorbed_by: int | None = None  # index of the noun trigger this verb belongs to

    @property
    def type(self) -> str:
        return self.form.type


@dataclass
class Item:
    """One element of a clause: NP, PLACE, TIME, PREP, VERB, TRIG, STOP, CONJ, PUNCT, OTHER."""

    kind: str
    a: int  # first token
    b: int  # end token (exclusive)
    off: int = 0  # letters dropped from the first token
    word: str = ""  # PREP/VERB/STOP: the (stripped) word; VERB: support|speech
    sub: str = ""
    trig: Trig | None = None
    place: Place | None = None
    parts: list[tuple[int, int, int]] = field(default_factory=list)  # PLACE: coordinated names


__all__ = ["QUOTES", "Item", "Tok", "Trig"]
