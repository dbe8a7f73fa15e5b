"""Counting rules, one at a time, on small hand-built case stores."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from intake_web.reports.annual import build_annual_report, report_tools
from intake_web.reports.figures import collect
from intake_web.reports.percentages import TotalMismatch
from intake_web.reports.periods import financial_year
from tests.intake_web.reports.report_factories import create_case, set_year_figures, stage_one

AS_OF = date(2022, 6, 30)
START = date(2021, 6, 1)  # a Tuesday; 10 working days later is 15 June, 20 is 29 June (no bank holidays)


def _figures(year=2021, as_of=AS_OF):
    _, bander = report_tools()
    return collect(financial_year(year), bander, as_of)


@pytest.mark.parametrize("responded_on, band", [
    (date(2021, 6, 15), "within"),     # working day 10
    (date(2021, 6, 16), "extended"),   # working day 11
    (date(2021, 6, 29), "extended"),   # working day 20
    (date(2021, 6, 30), "late"),       # working day 21
    (None, "open"),
    (date(2021, 5, 28), "unknown"),    # answered before it started: a data error
])
def test_stage_one_bands_count_working_days_after_the_start(app, responded_on, band):
    create_case(stages=[stage_one(START, responded_on, extended_due_on=date(2021, 6, 29))])
    assert _figures().timescales["stage_one"] == {band: 1}


def test_a_stage_one_answer_in_11_to_20_days_without_an_extension_gets_a_note(app):
    create_case(stages=[stage_one(START, date(2021, 6, 20 + 2))])
    report = build_annual_report(2021, as_of=AS_OF)
    notes = report.table("timescales").notes
    assert any("1 stage one complaint in 2021/22 answered in 11 to 20 working days has no extension" in n
               for n in notes)


def test_an_unanswered_complaint_past_20_working_days_is_noted_as_overdue(app):
    create_case(stages=[stage_one(START, None, outcome=None)])
    report = build_annual_report(2021, as_of=AS_OF)
    assert report.table("timescales").value("stage_one_open", "count_2021") == 1
    assert any("not answered yet and already more than 20 working days old on 30 June 2022" in note
               for note in report.table("timescales").notes)
    assert report.table("outcomes-2021").value("no-outcome", "count_stage_one") == 1


def test_stage_two_bands_and_withdrawals(app):
    start = date(2021, 7, 1)
    for responded, outcome in [(date(2021, 8, 5), "upheld"), (date(2021, 9, 1), "not_upheld"),
                               (date(2021, 12, 1), "partially_upheld"), (date(2021, 7, 8), "withdrawn"),
                               (None, None)]:
        create_case(stages=[{"stage": "stage_two", "started_on": start, "responded_on": responded,
                             "outcome": outcome}])
    assert _figures().timescales["stage_two"] == {"within": 1, "extended": 1, "late": 1, "withdrawn": 1, "open": 1}


def test_stage_three_is_timed_from_the_panel_report_and_a_missing_report_date_is_flagged(app):
    create_case(stages=[{"stage": "stage_three", "started_on": date(2021, 9, 1), "panel_met_on": date(2021, 10, 1),
                         "panel_report_on": date(2021, 10, 8), "responded_on": date(2021, 10, 29),
                         "outcome": "upheld"}])   # working day 15 after the report
    create_case(stages=[{"stage": "stage_three", "started_on": date(2021, 9, 1), "panel_report_on": date(2021, 10, 8),
                         "responded_on": date(2021, 11, 1), "outcome": "upheld"}])  # working day 16
    create_case(stages=[{"stage": "stage_three", "started_on": date(2021, 9, 1), "responded_on": date(2021, 11, 1),
                         "outcome": "upheld"}])
    report = build_annual_report(2021, as_of=AS_OF)
    table = report.table("timescales")
    assert table.value("stage_three_within", "count_2021") == 1
    assert table.value("stage_three_late", "count_2021") == 1
    assert table.value("stage_three_unknown", "count_2021") == 1
    assert any("cannot be checked" in note for note in table.notes)


def test_a_complaint_counts_in_the_financial_year_its_stage_started(app):
    create_case(stages=[stage_one(date(2022, 3, 31), date(2022, 4, 5))])
    create_case(stages=[stage_one(date(2022, 4, 1), date(2022, 4, 5))])
    assert _figures(2021).stage_counts["stage_one"] == 1
    assert _figures(2022).stage_counts["stage_one"] == 1


def test_compliments_and_out_of_scope_items_are_never_counted_as_complaints(app):
    create_case(category="compliment", stages=[stage_one(START, START)])
    create_case(category="out_of_scope", stages=[stage_one(START, START)])
    create_case(category=None, stages=[stage_one(START, START)])
    figures = _figures()
    assert figures.stage_counts["stage_one"] == 1
    assert figures.untriaged == 1


def test_compliments_count_in_the_year_received_in_london_time(app):
    # 23:30 UTC on 31 March 2022 is 00:30 on 1 April 2022 in London (BST): the next year.
    create_case(category="compliment", received=datetime(2022, 3, 31, 23, 30, tzinfo=timezone.utc),
                compliment_summary="Thank you.")
    create_case(category="compliment", received=datetime(2022, 3, 31, 22, 30, tzinfo=timezone.utc))
    assert _figures(2021).compliments_total == 1
    assert _figures(2022).compliments_total == 1
    report = build_annual_report(2021, as_of=AS_OF)
    assert any("1 compliment in 2021/22 has no summary recorded" in n for n in report.table("compliments").notes)


def test_compensation_counts_in_the_year_the_case_was_concluded(app):
    create_case(compensation="650.00", stages=[
        stage_one(date(2021, 2, 1), date(2021, 2, 10)),
        {"stage": "stage_two", "started_on": date(2021, 3, 1), "responded_on": date(2021, 5, 20),
         "outcome": "upheld"}])
    create_case(compensation="100.00", received=date(2021, 6, 1), stages=[stage_one(START, None, outcome=None)])
    this, last = _figures(2021), _figures(2020)
    assert (this.compensation_total, this.compensation_cases) == (Decimal("650.00"), 1)
    assert (last.compensation_total, last.compensation_cases) == (Decimal("0.00"), 0)
    assert this.compensation_unconcluded == 1


def test_actions_share_and_lessons_by_the_year_they_were_recorded(app):
    create_case(actions=2, stages=[stage_one(START, START)],
                lessons=[("assessment_intervention", "Return calls within a day.", date(2021, 7, 1)),
                         (None, "Recorded next year.", date(2022, 4, 2))])
    create_case(stages=[stage_one(START, START)])
    figures = _figures()
    assert figures.complaints_with_action == 1
    assert figures.lessons == {"assessment_intervention": ["Return calls within a day."]}
    assert _figures(2022).lessons == {"assessment_intervention": ["Recorded next year."]}
    report = build_annual_report(2021, as_of=AS_OF)
    assert report.table("actions").value("with-action", "percent_2021") == Decimal("50.0")


def test_gaps_in_service_area_and_type_are_shown_as_rows_and_notes(app):
    create_case(service_area=None, complaint_type=None, stages=[stage_one(START, START)])
    create_case(service_area="residential_units", service_unit="Residential Unit B", stages=[stage_one(START, START)])
    create_case(service_area="residential_units", service_unit=None, stages=[stage_one(START, START)])
    report = build_annual_report(2021, as_of=AS_OF)
    areas = report.table("service-areas")
    assert areas.value("not-recorded", "count_2021") == 1
    assert areas.value("residential_units", "count_2021") == 2
    assert areas.value("residential_units/Residential Unit B", "count_2021") == 1
    assert areas.value("residential_units/", "count_2021") == 1
    assert any("1 stage one complaint in 2021/22 has no service area recorded" in n for n in areas.notes)
    types = report.table("complaint-types")
    assert types.value("not-recorded", "count_2021") == 1
    assert any("no complaint type recorded, so the types themselves add up to 2" in n for n in types.notes)
    assert len(report.data_notes) >= 3


def test_open_cases_percentage_needs_the_officer_entered_figures(app):
    create_case(stages=[stage_one(START, START)])
    set_year_figures(2021, 2380, 613)
    report = build_annual_report(2021, as_of=AS_OF)
    table = report.table("complaints-and-open-cases")
    assert table.value("2021/22", "percent") == Decimal("0.0")
    assert table.value("2020/21", "percent") is None
    assert any("2020/21 has not been entered" in note for note in table.notes)


def test_a_year_with_no_cases_still_makes_a_report(app):
    report = build_annual_report(2030, as_of=AS_OF)
    assert report.table("complaints-by-year").rows[0].label == "2030/31"
    assert report.table("timescales").value("stage_one_total", "percent_2030") is None


def test_the_summary_covers_every_year_the_records_hold(app):
    create_case(stages=[stage_one(date(2016, 5, 3), date(2016, 5, 10))])
    report = build_annual_report(2021, as_of=AS_OF)
    years = [row.label for row in report.table("complaints-by-year").rows]
    assert years == ["2021/22", "2020/21", "2019/20", "2018/19", "2017/18", "2016/17"]


def test_inconsistent_stored_figures_stop_the_report(app, monkeypatch):
    create_case(stages=[stage_one(START, START)])
    from intake_web.reports import queries

    monkeypatch.setattr(queries, "stage_counts", lambda period: dict.fromkeys(queries.STAGES, 2))
    with pytest.raises(TotalMismatch):
        build_annual_report(2021, as_of=AS_OF)
