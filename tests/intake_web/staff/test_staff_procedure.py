"""The statutory clock through the console: conversion, extension, escalation, the panel, responses and closing."""
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from intake_web.clock import WorkingDayCalendar
from intake_web.extensions import db
from intake_web.models import AuditEvent, FeedbackItem
from tests.intake_web.staff.staff_factories import create_case, date_parts, post_form

CALENDAR = WorkingDayCalendar()


def _reload(item: FeedbackItem) -> FeedbackItem:
    db.session.expire_all()
    return db.session.get(FeedbackItem, item.id)


def _last_event(item: FeedbackItem) -> AuditEvent:
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.feedback_item_id == item.id)
                              .order_by(AuditEvent.id.desc())).first()


def _post(client, item, action: str, data: dict):
    return post_form(client, f"/staff/cases/{item.reference}/{action}", data)


def test_converting_a_concern_restarts_the_clock_at_stage_one(officer_client, officer):
    item = create_case(category="concern", received_on=date(2026, 3, 2))
    assert item.current_stage.due_on == date(2026, 3, 9)  # 5 working days
    response = _post(officer_client, item, "convert", {"converted_on": date_parts(date(2026, 3, 30))})
    assert response.status_code == 302, response.text
    item = _reload(item)
    concern, stage_one = item.stages
    assert concern.stage == "concern" and "Converted to stage one on 30 March 2026" in concern.notes
    assert stage_one.stage == "stage_one"
    assert stage_one.started_on == date(2026, 3, 30)
    # 10 working days, skipping Good Friday (3 April) and Easter Monday (6 April) 2026.
    assert stage_one.due_on == date(2026, 4, 15)
    assert item.status == "open"
    event = _last_event(item)
    assert (event.action, event.actor) == ("converted-to-stage-one", officer.email)
    assert event.detail == {"converted_on": "2026-03-30", "due_on": "2026-04-15"}
    assert "15 April 2026" in officer_client.get(f"/staff/cases/{item.reference}").text


def test_only_a_concern_can_be_converted(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 2))
    response = _post(officer_client, item, "convert", {"converted_on": date_parts(date(2026, 3, 30))})
    assert response.status_code == 200
    assert "Only a concern can be converted to a stage one complaint" in response.text
    assert len(_reload(item).stages) == 1


@pytest.mark.parametrize("day, message", [
    (date(2026, 2, 27), "The date must be on or after 2 March 2026"),
    (date.today() + timedelta(days=3), "The date must be today or in the past"),
])
def test_conversion_date_must_fit_the_case(officer_client, day, message):
    item = create_case(category="concern", received_on=date(2026, 3, 2))
    response = _post(officer_client, item, "convert", {"converted_on": date_parts(day)})
    assert message in response.text


@pytest.mark.parametrize("parts, message", [
    (["", "", ""], "Enter the date it became a stage one complaint"),
    (["31", "2", "2026"], "must be a real date"),
    (["3", "", "2026"], "must include a day, month and year"),
    (["x", "3", "2026"], "must be a real date"),
])
def test_bad_dates_are_explained_in_words(officer_client, parts, message):
    item = create_case(category="concern", received_on=date(2026, 3, 2))
    response = _post(officer_client, item, "convert", {"converted_on": parts})
    assert response.status_code == 200
    assert message in response.text
    assert 'href="#converted_on-day"' in response.text
    assert "<title>Error:" in response.text


def test_stage_one_extension_goes_up_to_20_working_days_from_the_start(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    assert item.current_stage.due_on == date(2026, 4, 15)
    page = officer_client.get(f"/staff/cases/{item.reference}/extend")
    assert "29 April 2026" in page.text  # the limit is shown before anything is typed
    too_late = _post(officer_client, item, "extend", {"new_due_on": date_parts(date(2026, 4, 30)),
                                                      "reason": "Complex: three services involved"})
    assert "The new reply date must be on or before 29 April 2026, 20 working days after the stage started" \
        in too_late.text
    no_reason = _post(officer_client, item, "extend", {"new_due_on": date_parts(date(2026, 4, 29)), "reason": ""})
    assert "Enter why the reply needs more time" in no_reason.text
    ok = _post(officer_client, item, "extend", {"new_due_on": date_parts(date(2026, 4, 29)),
                                                "reason": "Complex: three services involved"})
    assert ok.status_code == 302
    stage = _reload(item).current_stage
    assert stage.due_on == date(2026, 4, 15)
    assert stage.extended_due_on == date(2026, 4, 29)
    assert stage.effective_due_on == date(2026, 4, 29)
    assert stage.extension_reason == "Complex: three services involved"
    assert _last_event(item).detail == {"stage": "stage_one", "from": "2026-04-15", "to": "2026-04-29",
                                        "reason": "Complex: three services involved"}


def test_extension_must_move_the_date_later(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    response = _post(officer_client, item, "extend", {"new_due_on": date_parts(date(2026, 4, 10)), "reason": "x"})
    assert "The new reply date must be after the current one, 15 April 2026" in response.text


def test_a_concern_cannot_be_extended(officer_client):
    item = create_case(category="concern", received_on=date(2026, 3, 2))
    response = _post(officer_client, item, "extend", {"new_due_on": date_parts(date(2026, 3, 20)), "reason": "x"})
    assert "Only a stage one or stage two complaint can be extended" in response.text


def test_response_and_outcome_close_the_case(officer_client, officer):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    missing = _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 4, 14))})
    assert "Choose the outcome" in missing.text
    response = _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 4, 14)),
                                                        "outcome": "partially_upheld", "notes": "Apology given"})
    assert response.status_code == 302
    item = _reload(item)
    assert item.status == "closed"
    assert (item.current_stage.responded_on, item.current_stage.outcome) == (date(2026, 4, 14), "partially_upheld")
    event = _last_event(item)
    assert event.action == "response-recorded" and event.detail["within_timescale"] is True


def test_outcome_must_come_from_the_taxonomy(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    response = _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 4, 14)),
                                                        "outcome": "resolved-ish"})
    assert "Choose the outcome" in response.text
    assert _reload(item).status == "open"


def test_escalation_to_stage_two_reopens_the_case_with_25_working_days_from_the_request(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 4, 14)), "outcome": "not_upheld"})
    response = _post(officer_client, item, "escalate/stage-two", {"requested_on": date_parts(date(2026, 5, 11))})
    assert response.status_code == 302, response.text
    item = _reload(item)
    assert item.status == "open"
    stage_two = item.current_stage
    assert (stage_two.stage, stage_two.started_on) == ("stage_two", date(2026, 5, 11))
    # 25 working days, skipping the spring bank holiday (25 May 2026).
    assert stage_two.due_on == date(2026, 6, 16)
    assert item.stages[0].outcome == "not_upheld"  # stage one keeps its own outcome


def test_stage_two_extension_goes_up_to_65_working_days(officer_client):
    item = create_case(category="escalation", received_on=date(2026, 5, 11))
    limit = CALENDAR.add_working_days(date(2026, 5, 11), 65)
    beyond = _post(officer_client, item, "extend", {"new_due_on": date_parts(limit + timedelta(days=1)),
                                                    "reason": "Independent investigator's report late"})
    assert "65 working days after the stage started" in beyond.text
    ok = _post(officer_client, item, "extend", {"new_due_on": date_parts(limit),
                                                "reason": "Independent investigator's report late"})
    assert ok.status_code == 302
    assert _reload(item).current_stage.effective_due_on == limit


def test_statement_agreed_is_recorded_but_the_clock_runs_from_the_request(officer_client):
    item = create_case(category="escalation", received_on=date(2026, 5, 11))
    due = item.current_stage.due_on
    response = _post(officer_client, item, "statement-agreed", {"agreed_on": date_parts(date(2026, 5, 20))})
    assert response.status_code == 302
    stage = _reload(item).current_stage
    assert stage.statement_agreed_on == date(2026, 5, 20)
    assert stage.due_on == due
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "Reply due if counted from the agreed statement" in page


def test_stage_three_shows_each_deadline_as_the_panel_progresses(officer_client):
    item = create_case(category="escalation", received_on=date(2026, 5, 11))
    _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 6, 10)), "outcome": "not_upheld"})
    assert _post(officer_client, item, "escalate/stage-three",
                 {"requested_on": date_parts(date(2026, 7, 1))}).status_code == 302
    stage = _reload(item).current_stage
    panel_due = CALENDAR.add_working_days(date(2026, 7, 1), 30)
    assert (stage.stage, stage.due_on) == ("stage_three", panel_due)

    report_missing_meeting = _post(officer_client, item, "panel", {"panel_report_on": date_parts(date(2026, 8, 3))})
    assert "Enter the date the panel met before the date of its report" in report_missing_meeting.text

    assert _post(officer_client, item, "panel", {"panel_met_on": date_parts(date(2026, 7, 27))}).status_code == 302
    stage = _reload(item).current_stage
    assert stage.due_on == CALENDAR.add_working_days(date(2026, 7, 27), 5)

    assert _post(officer_client, item, "panel", {"panel_met_on": date_parts(date(2026, 7, 27)),
                                                 "panel_report_on": date_parts(date(2026, 7, 31))}).status_code == 302
    stage = _reload(item).current_stage
    response_due = CALENDAR.add_working_days(date(2026, 7, 31), 15)
    assert stage.due_on == response_due
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    from intake_web.intake import format_date
    report_due = CALENDAR.add_working_days(date(2026, 7, 27), 5)
    for label, day in (("Panel to meet", panel_due), ("Panel report due", report_due),
                       ("Council&#39;s response due", response_due)):
        assert f"{label}: {format_date(day)}" in page


def test_stage_three_only_follows_stage_two(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    response = _post(officer_client, item, "escalate/stage-three", {"requested_on": date_parts(date(2026, 5, 1))})
    assert "A case goes to stage three (review panel) from stage two (investigation) only" in response.text


def test_escalation_cannot_be_dated_before_the_current_stage(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    response = _post(officer_client, item, "escalate/stage-two", {"requested_on": date_parts(date(2026, 3, 1))})
    assert "The date must be on or after 30 March 2026" in response.text


def test_ombudsman_involvement_is_recorded_without_a_clock(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    no_notes = _post(officer_client, item, "ombudsman", {"contacted_on": date_parts(date(2026, 6, 1))})
    assert "Enter what the ombudsman is looking at" in no_notes.text
    response = _post(officer_client, item, "ombudsman", {"contacted_on": date_parts(date(2026, 6, 1)),
                                                         "notes": "LGSCO ref 26 001 234: premature?"})
    assert response.status_code == 302
    stage = _reload(item).current_stage
    assert (stage.stage, stage.due_on, stage.notes) == ("ombudsman", None, "LGSCO ref 26 001 234: premature?")
    again = _post(officer_client, item, "ombudsman", {"contacted_on": date_parts(date(2026, 6, 2)), "notes": "x"})
    assert "already recorded" in again.text


def test_ombudsman_decision_uses_the_ombudsman_outcomes_the_report_counts(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    _post(officer_client, item, "ombudsman", {"contacted_on": date_parts(date(2026, 6, 1)), "notes": "LGSCO 26 001"})
    page = officer_client.get(f"/staff/cases/{item.reference}/response")
    assert "Premature: sent back to the council" in page.text
    refused = _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 7, 1)),
                                                       "outcome": "partially_upheld"})
    assert "Choose the outcome" in refused.text
    _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 7, 1)), "outcome": "premature"})
    assert _reload(item).current_stage.outcome == "premature"


def test_correcting_a_concern_to_stage_one_counts_from_receipt_not_today(officer_client):
    item = create_case(category="concern", received_on=date(2026, 3, 2))
    response = post_form(officer_client, f"/staff/cases/{item.reference}/triage", {
        "category": "stage_one", "complaint_type": "delay", "service_area": "assessment_intervention",
        "complainant_role": "", "safeguarding": "no"})
    assert response.status_code == 302
    item = _reload(item)
    assert [stage.stage for stage in item.stages] == ["stage_one"]
    assert item.current_stage.started_on == date(2026, 3, 2)
    assert item.current_stage.due_on == CALENDAR.add_working_days(date(2026, 3, 2), 10)


def test_correction_leaves_stages_alone_once_the_procedure_has_moved_on(officer_client):
    item = create_case(category="stage_one", received_on=date(2026, 3, 30))
    _post(officer_client, item, "response", {"responded_on": date_parts(date(2026, 4, 14)), "outcome": "upheld"})
    post_form(officer_client, f"/staff/cases/{item.reference}/triage", {
        "category": "concern", "complaint_type": "delay", "service_area": "assessment_intervention",
        "complainant_role": "", "safeguarding": "no"})
    item = _reload(item)
    assert [stage.stage for stage in item.stages] == ["stage_one"]
    assert item.category == "concern"


def test_days_left_counts_working_days_and_a_passed_date_is_always_overdue(app):
    from intake_web.staff.case_actions import working_days_left

    friday, saturday, monday = date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 30)
    assert working_days_left(monday, friday) == 1
    assert working_days_left(friday, friday) == 0
    assert working_days_left(friday, saturday) == -1  # no working day has passed, but the date has
    assert working_days_left(friday, monday) == -1
    assert working_days_left(date(2026, 11, 26), monday) == -2
    assert working_days_left(date(2026, 12, 29), date(2026, 12, 24)) == 1  # Christmas and Boxing Day (28th)
