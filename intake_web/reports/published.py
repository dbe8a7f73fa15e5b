"""Compare the computed report with figures published earlier, and say where they differ.

The published figures file is YAML in the shape of intake_web/demo/seed_counts.yaml: per table and
year, each row's `count` and the `percent` printed beside it. Each difference becomes a visible
note in the report. The report's own figures never change: they are always counted from the
records, and percentages always worked out from the counts.
"""
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import yaml

from intake_web.reports.annual import AnnualReport
from intake_web.reports.periods import financial_year_label
from intake_web.reports.tables import Table, display_cell


@dataclass
class Published:
    source: str
    data: dict[str, Any]


def load_published(path: Path) -> Published:
    with Path(path).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return Published(source=data.get("source", str(path)), data=data)


def _decimal(value) -> Decimal:
    return Decimal(str(value))


def _percent_note(where: str, count: int, total: int | None, published: Decimal,
                  computed: Decimal | None) -> str | None:
    if computed is None or published == computed:
        return None
    exact = Decimal(count) * 100 / Decimal(total) if total else None
    if exact is not None and exact.quantize(Decimal("0.1"), rounding=ROUND_DOWN) == published:
        why = "the published figure was cut short instead of rounded"
    else:
        why = "the published percentage does not match its count"
    return (f"{where}: the published report gave {display_cell(count, 'count')} as {published}%, but "
            f"{count:,} of {total:,} is {computed}% ({why}).")


class _Comparer:
    def __init__(self, report: AnnualReport) -> None:
        self.report = report
        self.notes: list[str] = []

    def row_figure(self, table: Table, row_key: str, count_column: str, percent_column: str | None,
                   total: int | None, where: str, figure: dict) -> None:
        try:
            row = table.row(row_key)
        except KeyError:
            computed_count = 0
        else:
            computed_count = row.values.get(count_column) or 0
        if "count" in figure and int(figure["count"]) != computed_count:
            self.notes.append(f"{where}: the published report gave {int(figure['count']):,}; the records give "
                              f"{computed_count:,}.")
            return
        if "percent" in figure and percent_column and total:
            row_values = table.row(row_key).values if computed_count else {}
            computed = row_values.get(percent_column) if computed_count else Decimal("0.0")
            note = _percent_note(where, computed_count, total, _decimal(figure["percent"]), computed)
            if note:
                self.notes.append(note)

    def parts_total(self, table: Table, year_label: str, figures: dict, total: int, what: str) -> None:
        published_sum = sum(int(figure.get("count", 0)) for figure in figures.values())
        if published_sum != total:
            self.notes.append(f"{table.title}, {year_label}: the published {what} add up to {published_sum:,}, "
                              f"but {total:,} stage one complaints were received. This report follows the records, "
                              f"which show the difference as '{_gap_label(table)}'.")


def _gap_label(table: Table) -> str:
    for row in table.rows:
        if row.key == "not-recorded":
            return row.label
    return "not recorded"


def compare(report: AnnualReport, published: Published) -> list[str]:
    """Add a note to the report for every published figure that differs from the computed one."""
    data = published.data
    comparer = _Comparer(report)
    years = {report.year: str(report.year), report.year - 1: str(report.year - 1)}

    summary = report.table("complaints-by-year")
    for year, counts in (data.get("summary_by_year") or {}).items():
        label = financial_year_label(int(year))
        for stage, count in counts.items():
            comparer.row_figure(summary, label, stage, None, None,
                                f"{summary.title}, {label}, {summary.column(stage).label.lower()}", {"count": count})

    open_cases = report.table("complaints-and-open-cases")
    for year, figure in (data.get("open_cases") or {}).items():
        if int(year) not in years:
            continue
        label = financial_year_label(int(year))
        row = open_cases.row(label)
        for key in ("open_cases", "looked_after_children"):
            if key in figure and row.values.get(key) != figure[key]:
                comparer.notes.append(f"{open_cases.title}, {label}: the published {key.replace('_', ' ')} was "
                                      f"{figure[key]:,}; the figure entered is {row.values.get(key)}.")
        if "percent" in figure and row.values.get("percent") is not None:
            note = _percent_note(f"{open_cases.title}, {label}", row.values["stage_one"], row.values["open_cases"],
                                 _decimal(figure["percent"]), row.values["percent"])
            if note:
                comparer.notes.append(note)

    def counted_table(table: Table, section: dict | None, what: str, check_parts: bool) -> None:
        for year, rows in (section or {}).items():
            if int(year) not in years:
                continue
            key, label = years[int(year)], financial_year_label(int(year))
            total = table.row("total").values.get(f"count_{key}")
            for row_key, figure in rows.items():
                row_label = _row_label(table, row_key)
                comparer.row_figure(table, row_key, f"count_{key}", f"percent_{key}", total,
                                    f"{table.title}, {row_label}, {label}", figure)
            if check_parts:
                comparer.parts_total(table, label, rows, total, what)

    counted_table(report.table("service-areas"), data.get("service_areas"), "service areas", False)
    counted_table(report.table("complaint-types"), data.get("complaint_types"), "complaint types", True)

    for year, stages in (data.get("outcomes") or {}).items():
        if int(year) not in years:
            continue
        table, label = report.table(f"outcomes-{year}"), financial_year_label(int(year))
        for stage, rows in stages.items():
            total = table.row("total").values.get(f"count_{stage}")
            stage_label = table.column(f"count_{stage}").group
            for outcome, figure in rows.items():
                comparer.row_figure(table, outcome, f"count_{stage}", f"percent_{stage}", total,
                                    f"Outcomes in {label}, {stage_label.lower()}, {_row_label(table, outcome).lower()}",
                                    figure)

    timescales = report.table("timescales")
    for year, stages in (data.get("timescales") or {}).items():
        if int(year) not in years:
            continue
        key, label = years[int(year)], financial_year_label(int(year))
        for stage, bands in stages.items():
            total = timescales.row(f"{stage}_total").values.get(f"count_{key}")
            for band, figure in bands.items():
                row_key = f"{stage}_{band}"
                comparer.row_figure(timescales, row_key, f"count_{key}", f"percent_{key}", total,
                                    f"{_row_label(timescales, row_key)}, {label}", figure)

    compensation = report.table("compensation")
    for year, figure in (data.get("compensation") or {}).items():
        if int(year) not in years:
            continue
        row = compensation.row(years[int(year)])
        if _decimal(figure["total"]) != row.values["total"] or int(figure["cases"]) != row.values["cases"]:
            comparer.notes.append(f"Compensation, {financial_year_label(int(year))}: the published report gave "
                                  f"£{_decimal(figure['total']):,.2f} for {figure['cases']} cases; the records give "
                                  f"£{row.values['total']:,.2f} for {row.values['cases']}.")

    compliments = report.table("compliments")
    for year, figure in (data.get("compliments") or {}).items():
        if int(year) not in years:
            continue
        key = years[int(year)]
        total = compliments.row("total").values.get(f"count_{key}")
        if int(figure["total"]) != total:
            comparer.notes.append(f"Compliments, {financial_year_label(int(year))}: the published report gave "
                                  f"{figure['total']}; the records give {total}.")
        for area, area_figure in (figure.get("by_service_area") or {}).items():
            comparer.row_figure(compliments, area, f"count_{key}", None, None,
                                f"Compliments, {_row_label(compliments, area)}, {financial_year_label(int(year))}",
                                {"count": area_figure["count"]})

    actions = report.table("actions")
    for year, figure in (data.get("actions") or {}).items():
        if int(year) not in years or "percent_approximately" not in figure:
            continue
        computed = actions.row("with-action").values.get(f"percent_{years[int(year)]}")
        if computed is not None and abs(computed - _decimal(figure["percent_approximately"])) >= Decimal("0.5"):
            comparer.notes.append(f"Actions and improvements, {financial_year_label(int(year))}: the published "
                                  f"report said about {figure['percent_approximately']}%; the records give "
                                  f"{computed}%.")

    for statement in data.get("headline_percentages") or []:
        comparer.notes.extend(_headline_note(report, statement))

    report.published_notes = comparer.notes
    report.published_source = published.source
    return comparer.notes


def _row_label(table: Table, row_key: str) -> str:
    try:
        return table.row(row_key).label
    except KeyError:
        return row_key.split("/")[-1].replace("_", " ")


def _headline_note(report: AnnualReport, statement: dict) -> list[str]:
    """Check a percentage printed in the report's text against the table it comes from."""
    table = report.table(statement["table"])
    row = table.row(statement["row"])
    computed = row.values.get(statement["column"])
    published = _decimal(statement["percent"])
    if computed is None or computed == published:
        return []
    return [f"The published text says \"{statement['text']}\": the records give {computed}%."]
