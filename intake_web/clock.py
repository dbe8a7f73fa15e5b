"""The statutory clock: working days as regulation 2 of the 2006 Regulations defines them.

A working day is any day other than a Saturday, a Sunday, Christmas Day, Boxing Day,
Good Friday or a bank holiday in England (the `holidays` package, subdivision ENG,
which includes substitute days such as 28 December when Boxing Day is a Saturday).
Day 1 of a timescale is the first working day after the day the clock starts.
"""
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays

from intake_web.constants import CLOCKS

# Clocks that may be extended, and the timescale key used when they are.
EXTENDABLE = {"stage_one": "stage_one_extended", "stage_two": "stage_two_extended"}


@lru_cache(maxsize=64)
def _england_closed_days(year: int) -> frozenset[date]:
    # Christmas Day, Boxing Day and Good Friday are common-law or named holidays in the
    # package's England calendar, so one lookup covers the whole of regulation 2.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


class WorkingDayCalendar:
    """Counts working days, with extra closed days a council may add in config."""

    def __init__(self, extra_closed_days: Iterable[date | str] = ()) -> None:
        self.extra_closed_days = frozenset(
            day if isinstance(day, date) else date.fromisoformat(day) for day in extra_closed_days
        )

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _england_closed_days(day.year) and day not in self.extra_closed_days

    def add_working_days(self, start: date, days: int) -> date:
        """Return the date of working day `days`, counting day 1 as the first working day after `start`."""
        if days < 1:
            raise ValueError("a timescale is at least one working day")
        current = start
        counted = 0
        while counted < days:
            current += timedelta(days=1)
            if self.is_working_day(current):
                counted += 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Count working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for offset in range(1, (end - start).days + 1)
                   if self.is_working_day(start + timedelta(days=offset)))


class StatutoryClock:
    """Due dates for each clock of the procedure, from the council's timescales."""

    def __init__(self, timescales: dict, calendar: WorkingDayCalendar | None = None) -> None:
        self.timescales = timescales
        self.calendar = calendar or WorkingDayCalendar(timescales.get("extra_closed_days") or ())

    def timescale(self, clock: str, extended: bool = False) -> int:
        if clock not in CLOCKS:
            raise ValueError(f"clock must be one of {', '.join(CLOCKS)}, not {clock!r}")
        if extended:
            if clock not in EXTENDABLE:
                raise ValueError(f"only {' and '.join(EXTENDABLE)} can be extended")
            return int(self.timescales[EXTENDABLE[clock]])
        return int(self.timescales[clock])

    def due_date(self, clock: str, started_on: date, extended: bool = False) -> date:
        return self.calendar.add_working_days(started_on, self.timescale(clock, extended))
