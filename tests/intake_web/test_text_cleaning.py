import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_web.text_cleaning import clean_text


@pytest.mark.parametrize("raw, cleaned", [
    ("<script>alert('x')</script>hello", "alert('x')hello"),
    ('<img src=x onerror="alert(1)">hi', "hi"),
    ("mum & dad", "mum & dad"),
    ("I <3 my carer", "I <3 my carer"),
    ("&lt;b&gt;bold&lt;/b&gt;", "bold"),
    ("<!-- hidden -->seen", "seen"),
    ("  line one\r\nline two  ", "line one\nline two"),
    ("bell\x07 char", "bell char"),
    ("   ", None),
    (None, None),
])
def test_clean_text_strips_markup_and_keeps_words(raw, cleaned):
    assert clean_text(raw) == cleaned


@given(st.text(max_size=200))
def test_clean_text_never_leaves_a_tag(raw):
    cleaned = clean_text(raw) or ""
    assert clean_text(cleaned) == (cleaned or None)
