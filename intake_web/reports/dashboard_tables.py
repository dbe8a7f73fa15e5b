"""The dashboard's figures: the annual report's tables for any date range, plus stage one timeliness
by month and by team. Worked out from the database on every request."""
from dataclasses import dataclass
from datetime import date, datetime, timezone

from intake_web.reports import builders
from intake_web.reports.annual import report_tools
from intake_web.reports.builders import Labels, PeriodColumn
from intake_web.reports.figures import EXTENDED, LATE, OPEN, UNKNOWN, WITHIN, Bander, PeriodFigures, Timeliness, collect
from intake_web.reports.percentages import check_total
from intake_web.reports.periods import Period, month_starts
from intake_web.reports.tables import PERCENT, TOTAL, Chart, Column, Row, Table

KEY = "range"
LABEL = "the selected period"


@dataclass
class Dashboard:
    period: Period
    generated_at: datetime
    as_of: date
    figures: PeriodFigures
    tables: list[Table]

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def as_dict(self) -> dict:
        return {
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat(),
                       "label": self.period.label},
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "tables": [table.as_dict() for table in self.tables],
        }


def stage_summary_table(figures: PeriodFigures) -> Table:
    rows = [Row(stage, label, {"number": figures.stage_counts[stage]}, group=stage) for stage, label in [
        ("concern", "Concerns"), ("stage_one", "Stage one complaints"), ("stage_two", "Stage two investigations"),
        ("stage_three", "Stage three review panels"), ("ombudsman", "Complaints taken to the Ombudsman")]]
    rows.append(Row("compliments", "Compliments", {"number": figures.compliments_total}, group="compliments"))
    notes = []
    if figures.untriaged:
        notes.append(f"{builders.plural(figures.untriaged, 'stage one complaint')} counted here "
                     f"{'is' if figures.untriaged == 1 else 'are'} still waiting for an officer to check the triage.")
    return Table(id="at-each-stage", title="Concerns, complaints and compliments", row_header="What",
                 columns=[Column("number", "Number")], rows=rows, notes=notes,
                 intro="Concerns and complaints are counted on the day each stage started; compliments on the day "
                       "we received them.").finalise()


TIMELINESS_COLUMNS = [
    Column(WITHIN, "Within 10 days"),
    Column(EXTENDED, "11 to 20 days"),
    Column(LATE, "Over 20 days"),
    Column(OPEN, "Not answered yet"),
    Column("overdue", "Not answered and over 20 days old", hidden=True),
    Column("total", "Total"),
    Column("percent_within", "Within 10 days (%)", PERCENT, percent_of=WITHIN, denominator="total"),
    Column("on_time", "Within 20 days", hidden=True),
    Column("percent_on_time", "Within 20 days (%)", PERCENT, percent_of="on_time", denominator="total"),
]


def _timeliness_values(bucket: Timeliness | None) -> dict:
    bands = bucket.bands if bucket else {}
    values = {band: bands.get(band, 0) for band in (WITHIN, EXTENDED, LATE, OPEN, UNKNOWN)}
    values["overdue"] = bucket.open_overdue if bucket else 0
    values["total"] = sum(values[band] for band in (WITHIN, EXTENDED, LATE, OPEN, UNKNOWN))
    values["on_time"] = values[WITHIN] + values[EXTENDED]
    return values


def _timeliness_table(table_id: str, title: str, row_header: str, rows: list[Row], bander: Bander, intro: str,
                      chart_title: str) -> Table:
    columns = [Column(c.key, c.label.replace("10", str(bander.stage_one)).replace("20", str(bander.stage_one_extended)),
                      c.kind, c.percent_of, c.denominator, hidden=c.hidden) for c in TIMELINESS_COLUMNS]
    totals = {key: sum(row.values[key] for row in rows) for key in (WITHIN, EXTENDED, LATE, OPEN, UNKNOWN,
                                                                     "overdue", "total", "on_time")}
    if totals[UNKNOWN]:
        columns.insert(5, Column(UNKNOWN, "Dates cannot be checked"))
    # The total column is itself a total across the row: check it here, since finalise() adds up down columns.
    for row in rows:
        check_total([row.values[b] for b in (WITHIN, EXTENDED, LATE, OPEN, UNKNOWN)], row.values["total"],
                    f"{title}, {row.label}")
    rows = rows + [Row("total", "Total", totals, kind=TOTAL)]
    notes = []
    if totals["overdue"]:
        notes.append(f"{builders.plural(totals['overdue'], 'stage one complaint')} "
                     f"{'is' if totals['overdue'] == 1 else 'are'} not answered yet and already more than "
                     f"{bander.stage_one_extended} working days old.")
    return Table(id=table_id, title=title, row_header=row_header, columns=columns, rows=rows, notes=notes,
                 intro=intro, chart=Chart(series=["percent_on_time"], skip_empty=True, title=chart_title,
                                          horizontal=table_id.endswith("team"))).finalise()


def timeliness_by_month_table(figures: PeriodFigures, bander: Bander) -> Table:
    rows = [Row(month.isoformat(), f"{month:%B %Y}", _timeliness_values(figures.by_month.get(month)))
            for month in month_starts(figures.period.start, figures.period.end)]
    return _timeliness_table(
        "timeliness-by-month", "Stage one timeliness by month", "Month the complaint started", rows, bander,
        "How quickly stage one complaints were answered, in working days, by the month they started. "
        "The percentages are of all the complaints that started that month.",
        "Percentage of stage one complaints answered within 20 working days, by month")


def timeliness_by_team_table(figures: PeriodFigures, bander: Bander, labels: Labels) -> Table:
    teams = builders._ordered(figures.by_team, labels.area_order)
    rows = [Row(team or "not-recorded", labels.service_area(team), _timeliness_values(figures.by_team.get(team)))
            for team in teams]
    return _timeliness_table(
        "timeliness-by-team", "Stage one timeliness by team", "Team", rows, bander,
        "How quickly each team answered the stage one complaints that started in the selected period, in working "
        "days.",
        "Percentage of stage one complaints answered within 20 working days, by team")


def build_dashboard(period: Period, as_of: date | None = None) -> Dashboard:
    labels, bander = report_tools()
    as_of = as_of or date.today()
    figures = collect(period, bander, as_of)
    periods: list[PeriodColumn] = [(KEY, LABEL, figures)]
    tables = [
        stage_summary_table(figures),
        timeliness_by_month_table(figures, bander),
        timeliness_by_team_table(figures, bander, labels),
        builders.timescales_table(periods, bander),
        builders.outcomes_table(KEY, LABEL, figures, labels),
        builders.service_area_table(periods, labels),
        builders.complaint_type_table(periods, labels),
        builders.compliments_table(periods, labels),
        builders.actions_table(periods),
        builders.compensation_table(periods),
        builders.ombudsman_table(periods, labels),
        builders.lessons_table(KEY, LABEL, figures, labels),
    ]
    for table in tables:
        if table.chart and table.chart.title.endswith(f", {LABEL}"):
            table.chart.title = table.chart.title.removesuffix(f", {LABEL}")
    return Dashboard(period=period, generated_at=datetime.now(timezone.utc), as_of=as_of, figures=figures,
                     tables=tables)

