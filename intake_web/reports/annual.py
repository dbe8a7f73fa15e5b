"""The statutory annual report: every table of the published report, computed from the case store."""
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from flask import current_app

from intake_web.clock import WorkingDayCalendar
from intake_web.reports import builders, queries
from intake_web.reports.builders import Labels, plural
from intake_web.reports.figures import Bander, PeriodFigures, collect
from intake_web.reports.percentages import format_percent, percent
from intake_web.reports.periods import Period, financial_year, financial_year_label, financial_year_of, format_day
from intake_web.reports.tables import Table
from intake_web.reports.working_days import WorkingDayIndex


@dataclass
class Section:
    id: str
    title: str
    tables: list[Table]
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class AnnualReport:
    year: int
    period: Period
    previous: Period
    council_name: str
    generated_at: datetime
    as_of: date
    sections: list[Section]
    headline: list[str]
    counting_rules: list[str]
    # Filled in by published.compare() when the report is checked against figures published earlier.
    published_notes: list[str] = field(default_factory=list)
    published_source: str = ""

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(f"the report has no table {table_id!r}")

    @property
    def data_notes(self) -> list[tuple[Table, str]]:
        return [(table, note) for table in self.tables for note in table.notes]

    @property
    def file_stem(self) -> str:
        return f"annual-report-{self.year}-{(self.year + 1) % 100:02d}"


def report_tools() -> tuple[Labels, Bander]:
    council = current_app.extensions["council"]
    calendar = WorkingDayCalendar(council.timescales.get("extra_closed_days") or ())
    return Labels(council), Bander(council.timescales, WorkingDayIndex(calendar))


def summary_years(last_year: int) -> list[tuple[str, dict[str, int]]]:
    """Stage counts for every financial year from the first the records hold up to `last_year`, newest first."""
    first_day = queries.first_stage_date()
    first_year = min(financial_year_of(first_day), last_year) if first_day else last_year
    return [(financial_year_label(year), queries.stage_counts(financial_year(year)))
            for year in range(last_year, first_year - 1, -1)]


def build_annual_report(year: int, as_of: date | None = None) -> AnnualReport:
    """Count everything for the financial year starting 1 April `year`, with last year alongside."""
    labels, bander = report_tools()
    as_of = as_of or date.today()
    this_period, last_period = financial_year(year), financial_year(year - 1)
    this = collect(this_period, bander, as_of)
    last = collect(last_period, bander, as_of)
    this_key, last_key = str(year), str(year - 1)
    both = [(this_key, this_period.label, this), (last_key, last_period.label, last)]
    only_this = both[:1]

    figures_rows = []
    for key, label, figures in both:
        entered = queries.year_figures(int(key))
        figures_rows.append((label, figures.stage_one_total, entered.open_cases if entered else None,
                             entered.looked_after_children if entered else None))

    sections = [
        Section("over-the-years", "Complaints over the years", [
            builders.summary_by_year_table(summary_years(year)),
            builders.open_cases_table(figures_rows),
            builders.ombudsman_table(both, labels),
        ]),
        Section("service-areas", "Which services complaints were about",
                [builders.service_area_table(both, labels)]),
        Section("complaint-types", "What complaints were about", [builders.complaint_type_table(only_this, labels)]),
        Section("outcomes", "Outcomes of complaints", [
            builders.outcomes_table(this_key, this_period.label, this, labels),
            builders.outcomes_table(last_key, last_period.label, last, labels),
        ]),
        Section("timescales", "How quickly we answered complaints", [builders.timescales_table(both, bander)]),
        Section("compensation", "Compensation", [builders.compensation_table(both)]),
        Section("improvements", "What changed because of complaints", [
            builders.actions_table(both),
            builders.lessons_table(this_key, this_period.label, this, labels),
        ]),
        Section("compliments", "Compliments", [builders.compliments_table(both, labels)]),
    ]
    report = AnnualReport(
        year=year, period=this_period, previous=last_period,
        council_name=current_app.extensions["council"].council["name"],
        generated_at=datetime.now(timezone.utc), as_of=as_of, sections=sections, headline=[],
        counting_rules=counting_rules(bander),
    )
    report.headline = headline(report, this, last)
    return report


def _share(count: int, total: int) -> str:
    return format_percent(percent(count, total))


def headline(report: AnnualReport, this: PeriodFigures, last: PeriodFigures) -> list[str]:
    """The summary at the top of the report, in plain English, from the same figures as the tables."""
    last_label = report.previous.label
    n, previous = this.stage_one_total, last.stage_one_total
    if previous and n != previous:
        change = abs(n - previous)
        direction = "fewer" if n < previous else "more"
        trend = (f", {change:,} {direction} than the {previous:,} in {last_label} "
                 f"(a {'fall' if n < previous else 'rise'} of {_share(change, previous)})")
    elif previous:
        trend = f", the same number as in {last_label}"
    else:
        trend = ""
    stages = this.stage_counts
    paragraphs = [
        f"Between {format_day(report.period.start)} and {format_day(report.period.end)} we received "
        f"{plural(n, 'stage one complaint')}{trend}. We also dealt with {plural(stages['concern'], 'concern')} "
        f"and received {plural(this.compliments_total, 'compliment')} ({last.compliments_total:,} in {last_label}).",
        f"{plural(stages['stage_two'], 'complaint')} went on to stage two (an independent investigation) "
        f"and {stages['stage_three']:,} to stage three (a review panel). "
        f"{plural(stages['ombudsman'], 'complaint')} {_was(stages['ombudsman'])} taken to the Local Government and "
        f"Social Care Ombudsman.",
    ]
    if n:
        bands = this.timescales["stage_one"]
        within, late = bands.get("within", 0), bands.get("late", 0)
        last_late = last.timescales["stage_one"].get("late", 0)
        compared = (f", compared with {last_late:,} ({_share(last_late, previous)}) in {last_label}"
                    if previous else "")
        paragraphs.append(
            f"We answered {plural(within, 'stage one complaint')} ({_share(within, n)}) within "
            f"{report_bander_days()} working days. {late:,} ({_share(late, n)}) took longer than the "
            f"{report_bander_days(extended=True)} working days allowed{compared}.")
        outcomes = this.outcomes["stage_one"]
        upheld, partly, not_upheld = (outcomes.get(k, 0) for k in ("upheld", "partially_upheld", "not_upheld"))
        paragraphs.append(
            f"{plural(upheld, 'stage one complaint')} ({_share(upheld, n)}) {_was(upheld)} upheld and "
            f"{partly:,} ({_share(partly, n)}) partly upheld. {not_upheld:,} ({_share(not_upheld, n)}) "
            f"{_was(not_upheld)} not upheld.")
        paragraphs.append(
            f"{plural(this.complaints_with_action, 'complaint')} ({_share(this.complaints_with_action, n)}) led to at "
            f"least one action or improvement.")
    return paragraphs


def _was(count: int) -> str:
    return "was" if count == 1 else "were"


def report_bander_days(extended: bool = False) -> int:
    timescales = current_app.extensions["council"].timescales
    return int(timescales["stage_one_extended" if extended else "stage_one"])


def counting_rules(bander: Bander) -> list[str]:
    return [
        "Years are financial years, from 1 April to 31 March.",
        "A complaint is counted in the year its stage started: a stage one complaint on the day we received it, "
        "a stage two investigation or a review panel on the day someone asked for it, and an Ombudsman complaint "
        "on the day it was made. A complaint that went through several stages is counted once at each stage.",
        "Concerns are issues we could put right quickly, before the statutory procedure. They are counted "
        "separately and are not stage one complaints.",
        "Working days leave out Saturdays, Sundays and bank holidays in England, including Christmas Day, Boxing "
        "Day and Good Friday. Day 1 is the first working day after the stage started.",
        f"Stage one complaints answered on working day {bander.stage_one + 1} to {bander.stage_one_extended} are "
        f"shown as answered within the extended timescale. Stage two works the same way with {bander.stage_two} "
        f"and {bander.stage_two_extended} working days, counted from the day the investigation was asked for.",
        f"A review panel is on time when the council's response was sent within {bander.stage_three_response} "
        f"working days of the panel's report.",
        "A withdrawn stage one complaint is counted by the day it was closed. Withdrawn stage two investigations "
        "are shown on their own line.",
        "Percentages are worked out from the counts in each table and rounded to one decimal place (0.05 and above "
        "rounds up). Before the report is written, every table is checked to make sure its rows add up to its total.",
        "Compensation is counted in the year the case was concluded (its last answer).",
        "A complaint led to an action or improvement when at least one improvement action is recorded on its case. "
        "Lessons learned are counted in the year they were recorded.",
        "Compliments are counted in the year we received them.",
        "The report contains no names or other details that could identify anyone.",
    ]
