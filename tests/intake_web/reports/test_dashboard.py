"""The managers' dashboard: /staff/dashboard, its JSON and its chart images."""
import re
from datetime import date, timedelta

import pytest

from intake_web.reports.dashboard_tables import build_dashboard
from intake_web.reports.periods import date_range
from tests.intake_web.reports.report_factories import create_case, stage_one

RANGE = {"from": "2021-04-01", "to": "2021-09-30"}


@pytest.fixture
def cases(app):
    create_case(stages=[stage_one(date(2021, 6, 1), date(2021, 6, 8))])                       # within 10
    create_case(stages=[stage_one(date(2021, 6, 1), date(2021, 6, 22), extended_due_on=date(2021, 6, 29))])
    create_case(service_area="court_child_protection", stages=[stage_one(date(2021, 7, 1), date(2021, 8, 20))])
    create_case(service_area="court_child_protection", stages=[stage_one(date(2021, 9, 1), None, outcome=None)])
    create_case(category="compliment", received=date(2021, 7, 5), compliment_summary="Thank you for listening.")
    create_case(stages=[stage_one(date(2021, 10, 1), date(2021, 10, 4))])                      # outside the range


def test_the_dashboard_needs_a_signed_in_officer_or_manager(staff_client, app):
    response = staff_client.get("/staff/dashboard")
    assert response.status_code == 302
    assert "/staff/login" in response.headers["Location"]
    assert staff_client.get("/staff/dashboard.json").status_code == 302


def test_an_administrator_cannot_see_case_figures(admin_client):
    assert admin_client.get("/staff/dashboard").status_code == 403


def test_the_dashboard_shows_the_figures_for_the_dates_chosen(officer_client, cases):
    response = officer_client.get("/staff/dashboard", query_string=RANGE)
    assert response.status_code == 200
    page = response.text
    assert "Figures for 1 April 2021 to 30 September 2021." in page
    assert '<a href="/staff/dashboard"' in page or "Dashboard" in page  # in the console's navigation
    for heading in ("Stage one timeliness by month", "Stage one timeliness by team", "How quickly we answered",
                    "Stage one complaints by service area", "What stage one complaints were about",
                    "Compliments by service area", "Outcomes of complaints"):
        assert heading in page
    assert "Thank you for listening." in page
    assert "not answered yet and already more than 20 working days old" in page
    assert "<script" not in page.split("</main>")[0].split("<main")[1]
    assert ' style="' not in page


def test_the_json_has_the_same_figures_as_the_page(officer_client, cases):
    data = officer_client.get("/staff/dashboard.json", query_string=RANGE).json
    assert data["period"] == {"from": "2021-04-01", "to": "2021-09-30",
                              "label": "1 April 2021 to 30 September 2021"}
    tables = {table["id"]: table for table in data["tables"]}
    stages = {row["key"]: row["values"]["number"] for row in tables["at-each-stage"]["rows"]}
    assert stages["stage_one"] == 4 and stages["compliments"] == 1
    months = {row["key"]: row["values"] for row in tables["timeliness-by-month"]["rows"]}
    assert list(months) == ["2021-04-01", "2021-05-01", "2021-06-01", "2021-07-01", "2021-08-01", "2021-09-01",
                            "total"]
    assert months["2021-06-01"]["within"] == 1 and months["2021-06-01"]["extended"] == 1
    assert months["2021-06-01"]["percent_on_time"] == 100.0
    assert months["2021-07-01"]["late"] == 1 and months["2021-07-01"]["percent_on_time"] == 0.0
    assert months["2021-09-01"]["open"] == 1 and months["2021-09-01"]["overdue"] == 1
    assert months["2021-04-01"]["percent_on_time"] is None
    teams = {row["key"]: row["values"] for row in tables["timeliness-by-team"]["rows"]}
    assert teams["assessment_intervention"]["on_time"] == 2
    assert teams["court_child_protection"]["total"] == 2
    assert teams["total"]["percent_on_time"] == 50.0


def test_the_figures_are_live(officer_client, cases):
    before = officer_client.get("/staff/dashboard.json", query_string=RANGE).json
    create_case(stages=[stage_one(date(2021, 8, 2), date(2021, 8, 3))])
    after = officer_client.get("/staff/dashboard.json", query_string=RANGE).json

    def stage_one_count(data):
        return next(row["values"]["number"] for table in data["tables"] if table["id"] == "at-each-stage"
                    for row in table["rows"] if row["key"] == "stage_one")

    assert stage_one_count(after) == stage_one_count(before) + 1


def test_the_default_range_is_this_financial_year_so_far(manager_client):
    data = manager_client.get("/staff/dashboard.json").json
    today = date.today()
    start_year = today.year if today.month >= 4 else today.year - 1
    assert data["period"]["from"] == f"{start_year}-04-01"
    assert data["period"]["to"] == today.isoformat()


@pytest.mark.parametrize("query, message", [
    ({"from": "2021-13-01"}, "Enter the start date as a real date"),
    ({"from": "2021-06-01", "to": "2021-05-01"}, "The end date must be the same as or after the start date"),
    ({"from": "2001-01-01", "to": "2021-05-01"}, "no more than 10 years apart"),
])
def test_bad_dates_are_explained(officer_client, query, message):
    response = officer_client.get("/staff/dashboard", query_string=query)
    assert response.status_code == 400
    assert message in response.text
    assert "There is a problem" in response.text
    assert officer_client.get("/staff/dashboard.json", query_string=query).status_code == 400


def test_each_chart_is_an_svg_image_with_alt_text_on_the_page(officer_client, cases):
    page = officer_client.get("/staff/dashboard", query_string=RANGE).text
    images = re.findall(r'<img class="app-dashboard-chart" src="([^"]+)" alt="([^"]+)"', page)
    assert len(images) >= 5
    for src, alt in images:
        assert alt.startswith("Bar chart")
        response = officer_client.get(src.replace("&amp;", "&"))
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
        assert response.text.startswith("<svg")
        assert "style=" not in response.text
    assert officer_client.get("/staff/dashboard/charts/nothing.svg").status_code == 404


def test_build_dashboard_for_any_range_checks_every_total(app, cases):
    dashboard = build_dashboard(date_range(date(2021, 1, 1), date(2022, 12, 31)), as_of=date(2023, 1, 1))
    months = dashboard.table("timeliness-by-month")
    assert len(months.rows) == 25  # 24 months and the total
    assert dashboard.table("at-each-stage").value("stage_one", "number") == 5
    assert dashboard.figures.period.end - dashboard.figures.period.start == timedelta(days=729)
