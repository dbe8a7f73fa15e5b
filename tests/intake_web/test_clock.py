"""The statutory clock: working days under regulation 2, and each stage's due date."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_web.clock import StatutoryClock, WorkingDayCalendar
from intake_web.council_config import load_council_config
from intake_web.settings import PROJECT_ROOT

TIMESCALES = load_council_config(PROJECT_ROOT / "config").timescales
calendar = WorkingDayCalendar()
clock = StatutoryClock(TIMESCALES)
dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@pytest.mark.parametrize("day, reason", [
    (date(2026, 12, 25), "Christmas Day"),
    (date(2026, 12, 28), "Boxing Day falls on a Saturday, so the bank holiday moves to Monday"),
    (date(2027, 1, 1), "New Year's Day"),
    (date(2022, 1, 3), "New Year's Day falls on a Saturday, substitute Monday"),
    (date(2021, 12, 27), "Christmas Day falls on a Saturday, substitute Monday"),
    (date(2021, 12, 28), "Boxing Day falls on a Sunday, substitute Tuesday"),
    (date(2027, 3, 26), "Good Friday"),
    (date(2027, 3, 29), "Easter Monday"),
    (date(2022, 6, 3), "Platinum Jubilee"),
    (date(2023, 5, 8), "Coronation"),
    (date(2026, 12, 19), "Saturday"),
    (date(2026, 12, 20), "Sunday"),
])
def test_calendar_does_not_count_day_when_it_is_closed(day, reason):
    assert not calendar.is_working_day(day), reason


@pytest.mark.parametrize("day", [date(2026, 12, 24), date(2026, 12, 29), date(2027, 3, 25), date(2027, 3, 30)])
def test_calendar_counts_day_when_it_is_an_ordinary_weekday(day):
    assert calendar.is_working_day(day)


@pytest.mark.parametrize("clock_name, received, extended, expected", [
    # The issue's own example: over Christmas, the Boxing Day substitute and New Year.
    ("stage_one", date(2026, 12, 18), False, date(2027, 1, 6)),
    ("concern", date(2026, 12, 23), False, date(2027, 1, 4)),
    ("stage_one", date(2026, 12, 18), True, date(2027, 1, 20)),
    # Easter 2027: Good Friday 26 March and Easter Monday 29 March are not working days.
    ("concern", date(2027, 3, 24), False, date(2027, 4, 2)),
    ("stage_one", date(2027, 3, 22), False, date(2027, 4, 7)),
    # Received on a Saturday: day 1 is the Monday.
    ("concern", date(2026, 11, 28), False, date(2026, 12, 4)),
    ("stage_two", date(2026, 11, 2), False, date(2026, 12, 7)),
    ("stage_two", date(2026, 11, 2), True, date(2027, 2, 4)),
    ("stage_three_panel", date(2026, 11, 2), False, date(2026, 12, 14)),
    ("stage_three_report", date(2026, 12, 14), False, date(2026, 12, 21)),
    ("stage_three_response", date(2026, 12, 21), False, date(2027, 1, 14)),
])
def test_due_date_matches_hand_counted_working_days(clock_name, received, extended, expected):
    assert clock.due_date(clock_name, received, extended=extended) == expected


def test_due_date_refuses_to_extend_a_clock_that_has_no_extension():
    with pytest.raises(ValueError, match="can be extended"):
        clock.due_date("concern", date(2026, 1, 5), extended=True)


def test_extra_closed_days_from_config_are_not_working_days():
    closed = WorkingDayCalendar(["2026-12-31"])
    assert not closed.is_working_day(date(2026, 12, 31))
    assert StatutoryClock({**TIMESCALES}, closed).due_date("stage_one", date(2026, 12, 18)) == date(2027, 1, 7)


@settings(max_examples=300, deadline=None)
@given(received=dates, days=st.integers(min_value=1, max_value=70))
def test_due_date_is_a_working_day_exactly_n_working_days_later(received, days):
    due = calendar.add_working_days(received, days)
    assert due > received
    assert calendar.is_working_day(due)
    assert calendar.working_days_between(received, due) == days
    # No working day is skipped: the day before the due date still has n - 1 working days.
    assert calendar.working_days_between(received, due - timedelta(days=1)) == days - 1


@settings(max_examples=200, deadline=None)
@given(received=dates)
def test_extended_timescale_is_never_earlier_than_the_normal_one(received):
    for clock_name in ("stage_one", "stage_two"):
        assert clock.due_date(clock_name, received, extended=True) > clock.due_date(clock_name, received)


@settings(max_examples=200, deadline=None)
@given(received=dates)
def test_calendar_never_counts_weekends_or_christmas(received):
    day = received
    for _ in range(14):
        if day.weekday() >= 5 or (day.month, day.day) in ((12, 25), (12, 26)):
            assert not calendar.is_working_day(day)
        day += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(first=dates, second=dates)
def test_working_days_between_is_antisymmetric(first, second):
    assert calendar.working_days_between(first, second) == -calendar.working_days_between(second, first)
