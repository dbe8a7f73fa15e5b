"""The managers' dashboard in the officers' console: /staff/dashboard.

The same figures as the annual report, for any dates, worked out from the database on every request
(there is nothing to go stale). Also as JSON (/staff/dashboard.json) and each chart as an SVG image
(/staff/dashboard/charts/<table>.svg), so the page needs no JavaScript and no inline styles.
"""
from datetime import date, timedelta

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from intake_web.reports.charts import describe, has_chart, render_svg
from intake_web.reports.dashboard_tables import Dashboard, build_dashboard
from intake_web.reports.periods import date_range, financial_year, financial_year_of
from intake_web.reports.tables import display_cell
from intake_web.staff.auth import ROLE_OFFICER, ROLE_TEAM_MANAGER, role_required

bp = Blueprint("reports", __name__, url_prefix="/staff")

# Longest range one request may ask for: ten years of months is already a long page.
MAX_DAYS = 366 * 10
# An SVG chart is a document of its own: let its presentation attributes and nothing else through.
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


class DateRangeError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _parse_day(name: str, label: str) -> date | None:
    value = (request.args.get(name) or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DateRangeError(name, f"Enter the {label} as a real date, like 2021-04-01") from None


def requested_range(today: date):
    """Return the period asked for in the query string (this financial year so far by default)."""
    start = _parse_day("from", "start date") or financial_year(financial_year_of(today)).start
    end = _parse_day("to", "end date") or today
    if end < start:
        raise DateRangeError("to", "The end date must be the same as or after the start date")
    if (end - start).days > MAX_DAYS:
        raise DateRangeError("from", "Choose dates no more than 10 years apart")
    return date_range(start, end)


def quick_ranges(today: date) -> list[tuple[str, date, date]]:
    this_year = financial_year(financial_year_of(today))
    last_year = financial_year(financial_year_of(today) - 1)
    return [
        ("This financial year so far", this_year.start, today),
        (f"Last financial year ({last_year.label})", last_year.start, last_year.end),
        ("The last 3 months", today - timedelta(days=91), today),
    ]


def _dashboard_or_error():
    today = date.today()
    try:
        period = requested_range(today)
    except DateRangeError as error:
        return None, error, today
    return build_dashboard(period, as_of=today), None, today


@bp.get("/dashboard")
@role_required(ROLE_OFFICER, ROLE_TEAM_MANAGER)
def dashboard():
    """The dashboard page: the figures for the dates asked for."""
    dashboard, error, today = _dashboard_or_error()
    status = 400 if error else 200
    return render_template(
        "reports/dashboard.html", dashboard=dashboard, error=error, quick_ranges=quick_ranges(today),
        values={"from": request.args.get("from", ""), "to": request.args.get("to", "")},
        chart_url=_chart_url, cell=display_cell, describe=describe, has_chart=has_chart,
    ), status


def _chart_url(dashboard: Dashboard, table_id: str) -> str:
    return url_for("reports.chart", table_id=table_id, **{"from": dashboard.period.start.isoformat(),
                                                          "to": dashboard.period.end.isoformat()})


@bp.get("/dashboard.json")
@role_required(ROLE_OFFICER, ROLE_TEAM_MANAGER)
def dashboard_json():
    """The same figures as JSON, for other tools."""
    dashboard, error, _ = _dashboard_or_error()
    if error:
        return jsonify({"error": error.message, "field": error.field}), 400
    response = jsonify(dashboard.as_dict())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/dashboard/charts/<table_id>.svg")
@role_required(ROLE_OFFICER, ROLE_TEAM_MANAGER)
def chart(table_id: str):
    """One chart, drawn from the same table the page shows."""
    dashboard, error, _ = _dashboard_or_error()
    if error:
        abort(400)
    try:
        table = dashboard.table(table_id)
    except KeyError:
        abort(404)
    if table.chart is None:
        abort(404)
    response = Response(render_svg(table, f"chart-{table.id}"), mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = CHART_POLICY
    response.headers["Cache-Control"] = "private, no-cache"
    return response
