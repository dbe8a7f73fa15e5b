from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intake_web.clock import WorkingDayCalendar
from intake_web.reports.working_days import WorkingDayIndex

CALENDAR = WorkingDayCalendar()


def test_christmas_2021_substitute_bank_holidays_are_not_working_days():
    index = WorkingDayIndex(CALENDAR)
    # 27 and 28 December 2021 and 3 January 2022 were substitute bank holidays.
    assert index.working_days_between(date(2021, 12, 24), date(2022, 1, 4)) == 4
    assert index.working_days_between(date(2022, 1, 4), date(2021, 12, 24)) == -4


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31)),
       st.integers(min_value=-200, max_value=200))
def test_the_index_agrees_with_the_statutory_calendar(start, offset):
    end = start + timedelta(days=offset)
    index = WorkingDayIndex(CALENDAR)
    index.working_days_between(date(2021, 6, 1), date(2021, 6, 30))  # grow it first, then ask earlier dates
    assert index.working_days_between(start, end) == CALENDAR.working_days_between(start, end)
