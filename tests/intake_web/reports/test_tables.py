from decimal import Decimal

import pytest

from intake_web.reports.percentages import TotalMismatch
from intake_web.reports.tables import PERCENT, SUBTOTAL, TOTAL, Column, Row, Table


def _table(rows):
    return Table(id="t", title="Test table", row_header="Thing", rows=rows, columns=[
        Column("count", "Number", group="2021/22"),
        Column("percent", "Percentage", PERCENT, percent_of="count", group="2021/22"),
    ])


def test_finalise_works_out_each_percentage_from_its_count_and_the_group_total():
    table = _table([Row("a", "A", {"count": 1}), Row("b", "B", {"count": 104}),
                    Row("total", "Total", {"count": 105}, kind=TOTAL)]).finalise()
    assert table.value("a", "percent") == Decimal("1.0")
    assert table.value("total", "percent") == Decimal("100.0")
    assert table.csv_rows()[0] == ["Thing", "Number (2021/22)", "Percentage (2021/22)"]
    assert table.csv_rows()[1] == ["A", "1", "1.0"]


def test_finalise_refuses_rows_that_do_not_add_up_to_the_total():
    table = _table([Row("a", "A", {"count": 63}), Row("b", "B", {"count": 37}),
                    Row("total", "Total", {"count": 105}, kind=TOTAL)])
    with pytest.raises(TotalMismatch, match="is 105, but its rows add up to 100"):
        table.finalise()


def test_finalise_checks_subtotals_against_their_members():
    table = _table([Row("cass", "CASS", {"count": 65}, kind=SUBTOTAL, members=("a", "b")),
                    Row("a", "A", {"count": 37}), Row("b", "B", {"count": 27}),
                    Row("total", "Total", {"count": 64}, kind=TOTAL)])
    with pytest.raises(TotalMismatch, match="CASS is 65, but its parts add up to 64"):
        table.finalise()


def test_a_percentage_can_be_of_another_column_on_the_same_row():
    table = Table(id="t", title="Open cases", row_header="Year", columns=[
        Column("complaints", "Complaints"), Column("open", "Open cases"),
        Column("share", "Share", PERCENT, percent_of="complaints", denominator="open")],
        rows=[Row("2021/22", "2021/22", {"complaints": 105, "open": 2380}),
              Row("2020/21", "2020/21", {"complaints": 118, "open": None})]).finalise()
    assert table.value("2021/22", "share") == Decimal("4.4")
    assert table.value("2020/21", "share") is None


def test_header_groups_join_neighbouring_columns_of_the_same_group():
    table = _table([Row("total", "Total", {"count": 0}, kind=TOTAL)])
    assert [(group, [c.key for c in columns]) for group, columns in table.header_groups] == [
        ("2021/22", ["count", "percent"])]
