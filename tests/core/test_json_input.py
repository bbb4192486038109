"""core/json_input.py: JSON that json.loads accepts but no part of Tadqiq can use is refused."""

from __future__ import annotations

import pytest

from tadqiq.core.json_input import MAX_DEPTH, JSONInputError, loads, lone_surrogate


def test_a_surrogate_pair_is_one_character_and_accepted():
    assert loads('"a\\ud83d\\ude00b"') == "a\U0001F600b"


def test_an_escaped_backslash_before_u_is_no_escape():
    assert loads('"\\\\ud800"') == "\\ud800"


@pytest.mark.parametrize(("text", "column", "escape"), [
    ('{"text": "x\\ud800"}', 12, "\\ud800"),
    ('{"text": "x\\udc00y"}', 12, "\\udc00"),
    ('{"t": "\\ud83d\\ud83d\\ude00"}', 8, "\\ud83d"),  # a high one followed by a pair
])
def test_a_lone_surrogate_is_refused_with_its_column(text, column, escape):
    with pytest.raises(JSONInputError) as err:
        loads(text)
    assert err.value.column == column and escape in str(err.value)
    assert lone_surrogate(text) == (1, column, escape)


def test_nesting_is_limited_without_recursion():
    assert loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    with pytest.raises(JSONInputError, match=f"{MAX_DEPTH + 1} levels"):
        loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(JSONInputError, match="nested too deeply"):
        loads("[" * 200_000)


def test_bad_json_keeps_line_and_column():
    with pytest.raises(JSONInputError) as err:
        loads('{"a": 1,\n "b" 2}')
    assert (err.value.line, err.value.column) == (2, 6)
