from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_web.reports.percentages import TotalMismatch, check_total, format_percent, percent, shares


@pytest.mark.parametrize("part, whole, expected", [
    (1, 105, "1.0"),      # the published report printed 0.9 (cut short, not rounded)
    (45, 105, "42.9"),    # published 42.8
    (26, 118, "22.0"),    # published 22.1
    (1, 8, "12.5"),
    (1, 16, "6.3"),       # 6.25: a half rounds up
    (105, 105, "100.0"),
    (0, 105, "0.0"),
])
def test_percent_rounds_half_up_to_one_decimal_place(part, whole, expected):
    assert percent(part, whole) == Decimal(expected)


def test_percent_of_nothing_is_none_and_a_share_of_nothing_is_an_error():
    assert percent(0, 0) is None
    with pytest.raises(TotalMismatch):
        percent(3, 0)
    with pytest.raises(ValueError):
        percent(-1, 10)


def test_shares_refuse_parts_that_do_not_add_up_to_the_total():
    with pytest.raises(TotalMismatch, match="complaint types: the parts add up to 100, but the total is 105"):
        shares({"quality": 63, "attitude": 37}, 105, "complaint types")
    assert shares({"a": 1, "b": 2}, 3, "x") == {"a": Decimal("33.3"), "b": Decimal("66.7")}
    check_total([2, 3], 5, "fine")


def test_format_percent_shows_a_dash_when_there_is_no_percentage():
    assert format_percent(Decimal("35.2")) == "35.2%"
    assert format_percent(None) == "–"


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_every_share_is_within_half_a_tenth_of_the_exact_value(parts):
    total = sum(parts)
    if total == 0:
        return
    for part, share in zip(parts, shares(dict(enumerate(parts)), total, "parts").values()):
        assert abs(share - Decimal(part) * 100 / Decimal(total)) <= Decimal("0.05")
