"""Financial years (1 April to 31 March) and other reporting periods."""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Period:
    """A run of whole days, first and last included."""

    start: date
    end: date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """Return [from, to) in UTC for timestamps: midnight at the start and after the end, London time."""
        start = datetime.combine(self.start, time(0), tzinfo=LONDON).astimezone(timezone.utc)
        end = datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=LONDON).astimezone(timezone.utc)
        return start, end

    @property
    def long_label(self) -> str:
        return f"{format_day(self.start)} to {format_day(self.end)}"


def financial_year(start_year: int) -> Period:
    """Return the financial year starting on 1 April of `start_year` (2021 is 2021/22)."""
    if not 1990 <= start_year <= 2200:
        raise ValueError(f"{start_year} is not a financial year we can report on")
    return Period(date(start_year, 4, 1), date(start_year + 1, 3, 31), financial_year_label(start_year))


def financial_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_year_of(day: date) -> int:
    """Return the start year of the financial year `day` falls in."""
    return day.year if day.month >= 4 else day.year - 1


def date_range(start: date, end: date) -> Period:
    return Period(start, end, f"{format_day(start)} to {format_day(end)}")


def format_day(day: date) -> str:
    """Format a date the GOV.UK way: 1 April 2021."""
    return f"{day.day} {day:%B %Y}"


def month_starts(start: date, end: date) -> list[date]:
    """Return the first day of every calendar month that overlaps start..end."""
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months
