"""Everything the report and the dashboard count for one period, and the gaps found in the data.

Timescale bands (working days from the day a stage started to the day it was answered, counted
as clock.WorkingDayCalendar counts them: day 1 is the first working day after the start):

    stage one    within 10 | 11 to 20 (the extended timescale) | more than 20 | not answered yet
    stage two    within 25 | 26 to 65 (extended)               | more than 65 | not answered yet | withdrawn
    stage three  the council's response within 15 working days of the panel's report | later | not answered yet

The numbers come from config/timescales.yaml, so the bands follow the council's settings.
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from intake_web.reports import queries
from intake_web.reports.periods import Period
from intake_web.reports.working_days import WorkingDayIndex

# Band keys. "unknown" collects records whose dates cannot be banded (answered before they started,
# or a stage three answer with no panel report date); "withdrawn" is stage two and three only.
WITHIN = "within"
EXTENDED = "extended"
LATE = "late"
OPEN = "open"
WITHDRAWN = "withdrawn"
UNKNOWN = "unknown"


@dataclass
class Timeliness:
    """Stage one bands for one month or one team, for the dashboard."""

    bands: Counter = field(default_factory=Counter)
    open_overdue: int = 0


@dataclass
class PeriodFigures:
    period: Period
    as_of: date
    stage_counts: dict[str, int]
    service_areas: Counter
    complaint_types: Counter
    outcomes: dict[str, Counter]
    timescales: dict[str, Counter]
    # Answered in 11-20 working days with no extension recorded on the case.
    answered_late_without_extension: int
    # Not answered yet and already past the longest timescale, by stage.
    open_overdue: dict[str, int]
    untriaged: int
    compensation_total: Decimal
    compensation_cases: int
    compensation_unconcluded: int
    compliments: Counter
    compliment_summaries: dict[str | None, list[str]]
    complaints_with_action: int
    lessons: dict[str | None, list[str]]
    by_month: dict[date, Timeliness]
    by_team: dict[str | None, Timeliness]

    @property
    def stage_one_total(self) -> int:
        return self.stage_counts["stage_one"]

    @property
    def compliments_total(self) -> int:
        return sum(self.compliments.values())


class Bander:
    """Puts each stage into its timescale band, using the council's timescales."""

    def __init__(self, timescales: dict, index: WorkingDayIndex) -> None:
        self.index = index
        self.stage_one = int(timescales["stage_one"])
        self.stage_one_extended = int(timescales["stage_one_extended"])
        self.stage_two = int(timescales["stage_two"])
        self.stage_two_extended = int(timescales["stage_two_extended"])
        self.stage_three_response = int(timescales["stage_three_response"])

    def longest(self, stage: str) -> int | None:
        return {"stage_one": self.stage_one_extended, "stage_two": self.stage_two_extended}.get(stage)

    def band(self, row: queries.StageDates) -> str:
        if row.stage == "stage_three":
            if row.withdrawn:
                return WITHDRAWN
            if row.responded_on is None:
                return OPEN
            if row.panel_report_on is None or row.responded_on < row.panel_report_on:
                return UNKNOWN
            days = self.index.working_days_between(row.panel_report_on, row.responded_on)
            return WITHIN if days <= self.stage_three_response else LATE
        if row.stage == "stage_two" and row.withdrawn:
            return WITHDRAWN
        if row.responded_on is None:
            return OPEN
        if row.responded_on < row.started_on:
            return UNKNOWN
        days = self.index.working_days_between(row.started_on, row.responded_on)
        short, long = ((self.stage_one, self.stage_one_extended) if row.stage == "stage_one"
                       else (self.stage_two, self.stage_two_extended))
        if days <= short:
            return WITHIN
        if days <= long:
            return EXTENDED
        return LATE

    def is_overdue(self, row: queries.StageDates, as_of: date) -> bool:
        longest = self.longest(row.stage)
        return (row.responded_on is None and longest is not None and as_of > row.started_on
                and self.index.working_days_between(row.started_on, as_of) > longest)


def collect(period: Period, bander: Bander, as_of: date) -> PeriodFigures:
    """Count everything for `period`; `as_of` is the day an unanswered stage is judged overdue on."""
    timescales: dict[str, Counter] = {stage: Counter() for stage in ("stage_one", "stage_two", "stage_three")}
    open_overdue = Counter()
    late_without_extension = 0
    by_month: dict[date, Timeliness] = {}
    by_team: dict[str | None, Timeliness] = {}
    for row in queries.stage_dates(period):
        band = bander.band(row)
        timescales[row.stage][band] += row.count
        overdue = row.count if bander.is_overdue(row, as_of) else 0
        open_overdue[row.stage] += overdue
        if row.stage == "stage_one":
            if band == EXTENDED and not row.extended:
                late_without_extension += row.count
            for bucket in (by_month.setdefault(row.started_on.replace(day=1), Timeliness()),
                           by_team.setdefault(row.service_area, Timeliness())):
                bucket.bands[band] += row.count
                bucket.open_overdue += overdue
    total, cases, unconcluded = queries.compensation(period)
    with_action, _ = queries.complaints_with_action(period)
    return PeriodFigures(
        period=period,
        as_of=as_of,
        stage_counts=queries.stage_counts(period),
        service_areas=queries.service_area_counts(period),
        complaint_types=queries.complaint_type_counts(period),
        outcomes=queries.outcome_counts(period),
        timescales=timescales,
        answered_late_without_extension=late_without_extension,
        open_overdue=dict(open_overdue),
        untriaged=queries.untriaged_count(period),
        compensation_total=total,
        compensation_cases=cases,
        compensation_unconcluded=unconcluded,
        compliments=queries.compliment_counts(period),
        compliment_summaries=queries.compliment_summaries(period),
        complaints_with_action=with_action,
        lessons=queries.lessons(period),
        by_month=by_month,
        by_team=by_team,
    )
