import re

from intake_web.reports.charts import render_charts
from intake_web.reports.tables import PERCENT, TOTAL, Chart, Column, Row, Table


def _table(table_id="types", series=("count_2021",)):
    return Table(id=table_id, title="What complaints were about", row_header="Type", columns=[
        Column("count_2021", "Number", group="2021/22"),
        Column("percent_2021", "Percentage", PERCENT, percent_of="count_2021", group="2021/22"),
        Column("count_2020", "Number", group="2020/21")],
        rows=[Row("quality", "Concern about the quality of service", {"count_2021": 63, "count_2020": 50}),
              Row("attitude", "Attitude or behaviour of staff", {"count_2021": 17, "count_2020": 0}),
              Row("total", "Total", {"count_2021": 80, "count_2020": 50}, kind=TOTAL)],
        chart=Chart(series=list(series), title="Types")).finalise()


def test_a_chart_is_an_svg_image_with_a_title_and_a_description_of_every_value():
    table = _table()
    render_charts([table])
    svg = table.chart.svg
    assert svg.startswith('<svg role="img" aria-labelledby="chart-types-title chart-types-desc"')
    assert '<title id="chart-types-title">Types</title>' in svg
    assert ("Bar chart. Concern about the quality of service: 63; Attitude or behaviour of staff: 17. "
            "The same figures are in the table &#x27;What complaints were about&#x27;.") in svg
    assert "Total" not in table.chart.description


def test_charts_carry_no_css_so_they_work_under_the_content_security_policy():
    table = _table(series=("count_2021", "count_2020"))
    render_charts([table])
    svg = table.chart.svg
    assert "style=" not in svg and "<style" not in svg
    assert 'fill="#005a8d"' in svg
    assert "comparing 2021/22 and 2020/21" in table.chart.description
    assert "<text" in svg  # text stays text


def test_ids_are_unique_across_charts_on_one_page():
    first, second = _table("first"), _table("second")
    render_charts([first, second])
    ids = re.findall(r'id="([^"]+)"', first.chart.svg + second.chart.svg)
    assert len(ids) == len(set(ids))
    for reference in re.findall(r'(?:href="#|url\(#)([^")]+)', first.chart.svg):
        assert reference.startswith("chart-first-")
