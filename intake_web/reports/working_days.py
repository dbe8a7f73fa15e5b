"""Working-day counts for thousands of cases at once.

clock.WorkingDayCalendar answers one question at a time by walking the days. A year's report asks
it thousands of times, so this index walks each day once and answers every later question by a
subtraction. It uses the calendar's own is_working_day, so the answers are the same (a test checks).
"""
from datetime import date, timedelta

from intake_web.clock import WorkingDayCalendar


class WorkingDayIndex:
    """Cumulative working-day counts over a range of dates, grown on demand."""

    def __init__(self, calendar: WorkingDayCalendar) -> None:
        self.calendar = calendar
        self._first: date | None = None
        # _counts[i] = working days from _first (exclusive) up to _first + i (inclusive).
        self._counts: list[int] = []

    def _cover(self, day: date) -> None:
        if self._first is None:
            self._first = day
            self._counts = [0]
            return
        if day < self._first:
            # Rebuild from the earlier day; rare (the report asks for its earliest day first).
            last = self._first + timedelta(days=len(self._counts) - 1)
            self._first, self._counts = None, []
            self._cover(day)
            self._cover(last)
            return
        last = self._first + timedelta(days=len(self._counts) - 1)
        while last < day:
            last += timedelta(days=1)
            self._counts.append(self._counts[-1] + (1 if self.calendar.is_working_day(last) else 0))

    def _position(self, day: date) -> int:
        self._cover(day)
        return self._counts[(day - self._first).days]

    def working_days_between(self, start: date, end: date) -> int:
        """Count working days after `start` up to and including `end` (negative if `end` is earlier)."""
        self._cover(min(start, end))
        self._cover(max(start, end))
        return self._position(end) - self._position(start)
