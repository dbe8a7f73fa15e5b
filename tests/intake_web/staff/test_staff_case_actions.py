"""Triage corrections, service improvement, compliments, advocacy referrals and 'do not share'."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent, FeedbackItem, ImprovementAction, LessonLearned, Notification, TriageCorrection
from tests.intake_web.staff.staff_factories import create_case, date_parts, post_form

TRIAGE = {"category": "stage_one", "complaint_type": "staff_attitude", "service_area": "court_child_protection",
          "complainant_role": "parent_or_carer", "safeguarding": "no"}


def _reload(item):
    db.session.expire_all()
    return db.session.get(FeedbackItem, item.id)


def _events(item, action):
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.feedback_item_id == item.id,
                                                          AuditEvent.action == action)
                              .order_by(AuditEvent.id)).all()


def _post(client, item, action, data):
    return post_form(client, f"/staff/cases/{item.reference}/{action}", data)


# --- Triage ---------------------------------------------------------------------------------------

def test_correcting_triage_stores_a_labelled_example_and_audits_the_change(officer_client, officer):
    item = create_case(category="concern", complaint_type="delay", service_area="assessment_intervention",
                       needs_review=True, status="for-triage", channel="sms")
    response = _post(officer_client, item, "triage", TRIAGE)
    assert response.status_code == 302
    assert "Triage corrected" in officer_client.get(response.headers["Location"]).text
    item = _reload(item)
    assert (item.category, item.complaint_type, item.service_area) == ("stage_one", "staff_attitude",
                                                                      "court_child_protection")
    assert item.needs_review is False and item.status == "open"
    correction = db.session.scalars(sa.select(TriageCorrection)).one()
    assert (correction.category, correction.complaint_type, correction.service_area, correction.channel,
            correction.complainant_role, correction.safeguarding, correction.corrected_by) == (
        "stage_one", "staff_attitude", "court_child_protection", "sms", "parent_or_carer", False, officer.email)
    event = _events(item, "triage-corrected")[0]
    assert event.detail["changed"]["category"] == {"from": "concern", "to": "stage_one"}


def test_confirming_triage_unchanged_is_also_a_labelled_example(officer_client):
    item = create_case(category="stage_one", complaint_type="staff_attitude", service_area="court_child_protection",
                       complainant_role="parent_or_carer", needs_review=True)
    _post(officer_client, item, "triage", TRIAGE)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TriageCorrection)) == 1
    assert _events(item, "triage-confirmed")
    assert _reload(item).needs_review is False


@pytest.mark.parametrize("change, message", [
    ({"category": ""}, "Choose what kind of feedback this is"),
    ({"category": "complaint"}, "Choose what kind of feedback this is"),
    ({"complaint_type": ""}, "Choose what the complaint is about"),
    ({"service_area": ""}, "Choose the team this goes to"),
    ({"safeguarding": ""}, "Say whether a child could be at risk of harm"),
])
def test_triage_form_explains_what_is_missing(officer_client, change, message):
    item = create_case()
    response = _post(officer_client, item, "triage", {**TRIAGE, **change})
    assert response.status_code == 200
    assert message in response.text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TriageCorrection)) == 0


def test_out_of_scope_needs_no_team_and_closes_the_item(officer_client):
    item = create_case(category="stage_one")
    _post(officer_client, item, "triage", {**TRIAGE, "category": "out_of_scope", "service_area": "",
                                           "complaint_type": ""})
    item = _reload(item)
    assert (item.category, item.service_area, item.complaint_type, item.status) == ("out_of_scope", None, None,
                                                                                    "closed")
    assert item.stages == []


def test_marking_safeguarding_pins_it_and_alerts_the_duty_team(app, officer_client, smtp_server):
    item = create_case()
    _post(officer_client, item, "triage", {**TRIAGE, "service_area": "assessment_intervention",
                                           "safeguarding": "yes"})
    item = _reload(item)
    assert item.safeguarding and item.urgent
    duty = app.extensions["council"].council["duty_team_email"]
    alerts = [message for message in smtp_server if message["To"] == duty]
    assert len(alerts) == 1 and item.reference in alerts[0]["Subject"]
    assert item.narrative not in alerts[0].get_content()


def test_moving_an_item_to_another_team_tells_that_team(app, officer_client, smtp_server):
    item = create_case(service_area="assessment_intervention")
    _post(officer_client, item, "triage", TRIAGE)
    inbox = app.extensions["council"].teams["court_child_protection"].inbox
    assert [message for message in smtp_server if message["To"] == inbox]


# --- Service improvement --------------------------------------------------------------------------

def test_lesson_learned_is_recorded_for_a_service(officer_client, officer):
    item = create_case(service_area="court_child_protection")
    assert "Enter what the service learned" in _post(officer_client, item, "lessons/new",
                                                      {"lesson": "", "service_area": "court_child_protection"}).text
    _post(officer_client, item, "lessons/new", {"lesson": "Keep oversight when a social worker changes",
                                                "service_area": "court_child_protection"})
    lesson = db.session.scalars(sa.select(LessonLearned)).one()
    assert (lesson.service_area, lesson.recorded_by) == ("court_child_protection", officer.email)
    assert "Keep oversight when a social worker changes" in officer_client.get(
        f"/staff/cases/{item.reference}").text


def test_improvement_action_has_an_owner_a_due_date_and_evidence_when_done(officer_client):
    item = create_case(received_on=date(2026, 3, 2))
    missing = _post(officer_client, item, "improvement-actions/new", {"description": "Checklist", "owner": "",
                                                                      "due_on": ["", "", ""]})
    assert "Enter who owns the action" in missing.text and "Enter when it is due" in missing.text
    _post(officer_client, item, "improvement-actions/new", {
        "description": "Data protection checklist for managers", "owner": "Head of Court and Child Protection",
        "due_on": date_parts(date.today() + timedelta(days=30))})
    action = db.session.scalars(sa.select(ImprovementAction)).one()
    url = f"improvement-actions/{action.id}/done"
    no_evidence = _post(officer_client, item, url, {"completed_on": date_parts(date.today()), "evidence": ""})
    assert "Enter the evidence that it was done" in no_evidence.text
    _post(officer_client, item, url, {"completed_on": date_parts(date.today()),
                                      "evidence": "Checklist on the intranet, v1.0"})
    db.session.expire_all()
    action = db.session.get(ImprovementAction, action.id)
    assert action.completed_on == date.today() and action.evidence == "Checklist on the intranet, v1.0"
    assert _events(item, "improvement-action-completed")


def test_improvement_action_of_another_case_is_not_found(officer_client):
    first, second = create_case(), create_case()
    action = ImprovementAction(feedback_item=first, description="x", owner="y", due_on=date.today())
    db.session.add(action)
    db.session.commit()
    assert officer_client.get(f"/staff/cases/{second.reference}/improvement-actions/{action.id}/done").status_code \
        == 404


@pytest.mark.parametrize("typed, stored", [("150", Decimal("150.00")), ("£1,250.50", Decimal("1250.50")),
                                           ("0", None)])
def test_compensation_is_recorded_in_pounds(officer_client, typed, stored):
    item = create_case()
    assert _post(officer_client, item, "compensation", {"amount": typed}).status_code == 302
    assert _reload(item).compensation_paid == stored


@pytest.mark.parametrize("typed, message", [("", "Enter the amount in pounds, or 0 if none was paid"),
                                            ("a lot", "Enter the amount in pounds, like 150 or 150.50"),
                                            ("-5", "Enter the amount in pounds, like 150 or 150.50"),
                                            ("12.345", "Enter the amount in pounds, like 150 or 150.50")])
def test_compensation_mistakes_are_explained(officer_client, typed, message):
    item = create_case()
    response = _post(officer_client, item, "compensation", {"amount": typed})
    assert response.status_code == 200 and message in response.text


# --- Compliments ----------------------------------------------------------------------------------

def test_compliment_is_sent_on_to_the_workers_manager(app, officer_client, smtp_server):
    item = create_case(category="compliment", complaint_type=None, service_area="fostering_adoption", stage=None,
                       narrative="Sam our social worker was brilliant.", complainant_name="Kerry Smith",
                       contact_email="kerry@example.com", contact_method="email", consent_to_contact=True)
    page = officer_client.get(f"/staff/cases/{item.reference}/forward-compliment").text
    assert app.extensions["council"].teams["fostering_adoption"].manager_email in page  # suggested
    response = _post(officer_client, item, "forward-compliment", {
        "manager_email": "sams-manager@example.gov.uk", "worker_name": "Sam Jones",
        "summary": "Thanking the social worker for their support"})
    assert response.status_code == 302
    sent = [message for message in smtp_server if message["To"] == "sams-manager@example.gov.uk"]
    assert len(sent) == 1
    body = sent[0].get_content()
    assert "Sam our social worker was brilliant." in body and "Sam Jones" in sent[0]["Subject"]
    assert "kerry@example.com" not in body and "Kerry Smith" not in body
    item = _reload(item)
    assert (item.compliment_forwarded_to, item.compliment_summary, item.status) == (
        "sams-manager@example.gov.uk", "Thanking the social worker for their support", "closed")
    assert item.notifications[-1].purpose == "compliment-forward"


def test_only_a_compliment_can_be_sent_on(officer_client):
    item = create_case(category="stage_one")
    response = _post(officer_client, item, "forward-compliment", {
        "manager_email": "m@example.gov.uk", "summary": "Thanks"})
    assert "Only a compliment can be sent on to a manager" in response.text


def test_compliment_needs_a_real_email_address(officer_client):
    item = create_case(category="compliment", complaint_type=None, stage=None)
    response = _post(officer_client, item, "forward-compliment", {"manager_email": "manager at council",
                                                                   "summary": "Thanks"})
    assert "Enter an email address in the right format" in response.text


# --- Advocacy -------------------------------------------------------------------------------------

def _young_person_case(**fields):
    return create_case(advocate_requested=True, is_young_person=True, complainant_role="child_or_young_person",
                       complainant_name="Tia", contact_method="sms", contact_phone="+447700900456",
                       consent_to_contact=True, narrative="My placement keeps changing and nobody listens.",
                       desired_outcome="To stay at my school", **fields)


def test_advocacy_referral_holds_only_what_the_young_person_agreed_to_share(app, officer_client, smtp_server):
    item = _young_person_case()
    response = _post(officer_client, item, "advocacy-referral", {"shared": ["words"], "confirmed": "y"})
    assert response.status_code == 302, response.text
    provider = app.extensions["council"].council["advocacy_provider"]["referral_email"]
    [referral] = [message for message in smtp_server if message["To"] == provider]
    body = referral.get_content()
    assert item.reference in body
    assert "My placement keeps changing" in body
    assert "Tia" not in body and "+447700900456" not in body and "To stay at my school" not in body
    assert body.count("not shared (the young person did not agree to share this)") == 3
    item = _reload(item)
    assert item.advocate_referred_at is not None
    assert _events(item, "advocate-referred")[0].detail["shared"] == ["words"]


def test_advocacy_referral_needs_the_young_persons_agreement(officer_client):
    item = _young_person_case()
    response = _post(officer_client, item, "advocacy-referral", {"shared": ["name"]})
    assert "Confirm that the young person asked for an advocate and agreed to the referral" in response.text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0


def test_a_do_not_share_name_is_never_sent_to_the_provider(officer_client):
    item = _young_person_case(do_not_share=True)
    response = _post(officer_client, item, "advocacy-referral", {"shared": ["name", "words"], "confirmed": "y"})
    assert "The name on this case is marked do not share, so it cannot be sent" in response.text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0


def test_advocate_arranged_can_extend_stage_one_to_20_working_days(officer_client, smtp_server):
    from intake_web.clock import WorkingDayCalendar

    item = _young_person_case(received_on=date(2026, 3, 30))
    _post(officer_client, item, "advocacy-referral", {"shared": ["name"], "confirmed": "y"})
    response = _post(officer_client, item, "advocate-arranged", {"arranged_on": date_parts(date(2026, 4, 8)),
                                                                 "extend": "y"})
    assert response.status_code == 302
    item = _reload(item)
    assert item.advocate_arranged_on == date(2026, 4, 8)
    assert item.current_stage.extended_due_on == WorkingDayCalendar().add_working_days(date(2026, 3, 30), 20)
    assert "advocate" in item.current_stage.extension_reason


def test_advocate_extension_is_for_stage_one_only(officer_client):
    item = _young_person_case(category="concern")
    response = _post(officer_client, item, "advocate-arranged", {"arranged_on": date_parts(date.today()),
                                                                 "extend": "y"})
    assert "Only a stage one complaint can be extended while an advocate is appointed" in response.text


# --- Do not share ---------------------------------------------------------------------------------

def test_names_can_be_marked_do_not_share_and_unmarked(officer_client, officer):
    item = create_case(complainant_name="Anonymous Referrer")
    assert "Say whether the names should be hidden" in _post(officer_client, item, "do-not-share", {}).text
    _post(officer_client, item, "do-not-share", {"do_not_share": "yes"})
    assert _reload(item).do_not_share is True
    _post(officer_client, item, "do-not-share", {"do_not_share": "no"})
    assert _reload(item).do_not_share is False
    changes = [event.detail for event in _events(item, "do-not-share-changed")]
    assert changes == [{"from": False, "to": True}, {"from": True, "to": False}]
