"""The ACE 2005 schema accepts the roles the common OneIE / DyGIE++ preprocessing of the corpus
uses beyond the guidelines (issue 10): Plaintiff in Justice.Appeal, Place in
Contact.Phone-Write, Agent in Business.End-Org."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Argument, Mention, Span
from tadqiq.core.schema import load_schema
from tadqiq.core.validate import MentionError, validate_mention

TEXT = "استأنفت الشركة الحكم في القاهرة"


def _span(w: str) -> Span:
    return Span(TEXT.index(w), TEXT.index(w) + len(w), w)


@pytest.mark.parametrize(("etype", "role"), [("Justice.Appeal", "Plaintiff"), ("Contact.Phone-Write", "Place"),
                                             ("Business.End-Org", "Agent")])
def test_preprocessed_ace_roles_are_accepted(etype, role):
    schema = load_schema("ace2005")
    m = Mention(etype, _span("استأنفت"), (Argument(role, _span("الشركة")),))
    validate_mention(m, TEXT, schema)


def test_other_roles_are_still_refused():
    schema = load_schema("ace2005")
    m = Mention("Justice.Appeal", _span("استأنفت"), (Argument("Victim", _span("الشركة")),))
    with pytest.raises(MentionError, match="role 'Victim' is not a role of Justice.Appeal"):
        validate_mention(m, TEXT, schema)
