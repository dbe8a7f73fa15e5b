"""Report tables: built from counts; percentages and total checks are worked out here, once.

A table's rows belong to groups. In each group the `item` rows must add up to the `total` row in
every count column, and a `subtotal` row must equal the sum of its `members`. A percentage column
names its count column; its denominator is the group's total row, or another column on the same
row (`denominator`). `Table.finalise()` fills in every percentage and raises TotalMismatch if a
single check fails, so a report with inconsistent figures is never written.
"""
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from intake_web.reports.percentages import TotalMismatch, format_percent, percent

COUNT = "count"
PERCENT = "percent"
MONEY = "money"
TEXT = "text"
LIST = "list"

ITEM = "item"
SUBTOTAL = "subtotal"
TOTAL = "total"


@dataclass
class Column:
    key: str
    label: str
    kind: str = COUNT
    # For a percentage column: the count column it is a share of ...
    percent_of: str | None = None
    # ... and, when the share is not of the group's total row, the column on the same row it is of.
    denominator: str | None = None
    # Columns sharing a group ("2021/22", "Stage one") get one heading above their own.
    group: str = ""
    # In the CSV and JSON, but not shown on the page (a count a percentage needs, say).
    hidden: bool = False

    @property
    def full_label(self) -> str:
        return f"{self.label} ({self.group})" if self.group else self.label


@dataclass
class Row:
    key: str
    label: str
    values: dict[str, Any]
    kind: str = ITEM
    group: str = ""
    members: tuple[str, ...] = ()
    # 1 for a row shown indented under a subtotal.
    level: int = 0


@dataclass
class Chart:
    """What to draw from a table: one bar per item row, one series per count column named."""

    series: list[str]
    horizontal: bool = True
    # Draw the rows in reverse order (years oldest first, say).
    reverse: bool = False
    # Leave out rows where every series is 0.
    skip_empty: bool = False
    # Only rows in these groups (all groups when empty).
    groups: tuple[str, ...] = ()
    title: str = ""
    svg: str = ""  # filled in by charts.render_charts()
    description: str = ""


@dataclass
class Table:
    id: str
    title: str
    row_header: str
    columns: list[Column]
    rows: list[Row]
    # Sentence shown above the table (plain English, says what is counted).
    intro: str = ""
    # Visible notes: gaps in the data and anything a reader must know to read the figures.
    notes: list[str] = field(default_factory=list)
    chart: Chart | None = None
    # Lists in cells (compliment summaries, lessons) are easier to read as sections than as a table.
    layout: str = "table"

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"table {self.id} has no column {key!r}")

    @property
    def header_groups(self) -> list[tuple[str, list[Column]]]:
        """Runs of neighbouring columns with the same group, for the two-row table heading."""
        runs: list[tuple[str, list[Column]]] = []
        for column in self.columns:
            if runs and column.group and runs[-1][0] == column.group:
                runs[-1][1].append(column)
            else:
                runs.append((column.group, [column]))
        return runs

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(f"table {self.id} has no row {key!r}")

    def value(self, row_key: str, column_key: str) -> Any:
        return self.row(row_key).values.get(column_key)

    def group_total(self, group: str) -> Row | None:
        for row in self.rows:
            if row.kind == TOTAL and row.group == group:
                return row
        return None

    def finalise(self) -> "Table":
        """Check every total, then work out every percentage. Raise TotalMismatch on any disagreement."""
        count_columns = [c.key for c in self.columns if c.kind in (COUNT, MONEY)]
        for group in dict.fromkeys(row.group for row in self.rows):
            total_row = self.group_total(group)
            items = [row for row in self.rows if row.group == group and row.kind == ITEM]
            for key in count_columns:
                if total_row is not None and total_row.values.get(key) is not None:
                    added = sum(row.values.get(key) or 0 for row in items)
                    if added != total_row.values[key]:
                        raise TotalMismatch(
                            f"{self.title}: {total_row.label} for {self.column(key).label} is "
                            f"{total_row.values[key]}, but its rows add up to {added}")
            for subtotal in (row for row in self.rows if row.group == group and row.kind == SUBTOTAL):
                members = [self.row(member) for member in subtotal.members]
                for key in count_columns:
                    added = sum(row.values.get(key) or 0 for row in members)
                    if subtotal.values.get(key) is not None and added != subtotal.values[key]:
                        raise TotalMismatch(f"{self.title}: {subtotal.label} is {subtotal.values[key]}, "
                                            f"but its parts add up to {added}")
        for column in self.columns:
            if column.kind != PERCENT:
                continue
            for row in self.rows:
                part = row.values.get(column.percent_of)
                if column.denominator:
                    whole = row.values.get(column.denominator)
                else:
                    total_row = self.group_total(row.group)
                    whole = total_row.values.get(column.percent_of) if total_row else None
                row.values[column.key] = percent(part, whole) if part is not None and whole is not None else None
        return self

    # Plain values for CSV files and the JSON endpoint.
    def csv_rows(self) -> list[list[str]]:
        header = [self.row_header] + [column.full_label for column in self.columns]
        lines = [header]
        for row in self.rows:
            lines.append([row.label] + [csv_cell(row.values.get(column.key), column.kind) for column in self.columns])
        return lines

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "columns": [{"key": c.key, "label": c.full_label, "kind": c.kind} for c in self.columns],
            "rows": [{"key": row.key, "label": row.label, "kind": row.kind, "group": row.group,
                      "values": {key: json_cell(value) for key, value in row.values.items()}} for row in self.rows],
            "notes": list(self.notes),
        }


def csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == LIST:
        return " | ".join(str(item) for item in value)
    if kind == MONEY:
        return f"{Decimal(value):.2f}"
    return str(value)


def json_cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


def display_cell(value: Any, kind: str) -> str:
    """Format a cell for people (HTML, PDF)."""
    if kind == PERCENT:
        return format_percent(value)
    if value is None:
        return "–"
    if kind == MONEY:
        return f"£{Decimal(value):,.2f}"
    if kind == COUNT:
        return f"{value:,}"
    return str(value)
