"""Audit completeness: every view and every change of a case writes an audit event naming who did it."""
from datetime import date

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent, ImprovementAction
from tests.intake_web.staff.staff_factories import create_case, date_parts, post_form

TODAY = date.today()

# (case page action, case to start from, form data, the audit action its change writes)
ACTIONS = [
    ("triage", {}, {"category": "stage_one", "complaint_type": "delay", "service_area": "graft",
                    "complainant_role": "", "safeguarding": "no"}, "triage-corrected"),
    ("convert", {"category": "concern"}, {"converted_on": date_parts(TODAY)}, "converted-to-stage-one"),
    ("extend", {}, {"new_due_on": "LIMIT", "reason": "Complex"}, "extended"),
    ("response", {}, {"responded_on": date_parts(TODAY), "outcome": "upheld"}, "response-recorded"),
    ("escalate/stage-two", {}, {"requested_on": date_parts(TODAY)}, "escalated"),
    ("escalate/stage-three", {"category": "escalation"}, {"requested_on": date_parts(TODAY)}, "escalated"),
    ("statement-agreed", {"category": "escalation"}, {"agreed_on": date_parts(TODAY)}, "statement-agreed-recorded"),
    ("panel", {"category": "escalation", "stage": "stage_three"}, {"panel_met_on": date_parts(TODAY)},
     "panel-recorded"),
    ("ombudsman", {}, {"contacted_on": date_parts(TODAY), "notes": "LGSCO 26 000 001"}, "ombudsman-recorded"),
    ("lessons/new", {}, {"lesson": "Tell families who covers leave", "service_area": "graft"}, "lesson-recorded"),
    ("improvement-actions/new", {}, {"description": "Leave cover letter", "owner": "Team manager",
                                     "due_on": date_parts(TODAY)}, "improvement-action-added"),
    ("improvement-actions/ACTION/done", {}, {"completed_on": date_parts(TODAY), "evidence": "Letter template v2"},
     "improvement-action-completed"),
    ("compensation", {}, {"amount": "150"}, "compensation-recorded"),
    ("forward-compliment", {"category": "compliment", "complaint_type": None},
     {"manager_email": "m@example.gov.uk", "summary": "Thanks"}, "compliment-forwarded"),
    ("advocacy-referral", {}, {"shared": ["words"], "confirmed": "y"}, "advocate-referred"),
    ("advocate-arranged", {}, {"arranged_on": date_parts(TODAY)}, "advocate-arranged"),
    ("do-not-share", {}, {"do_not_share": "yes"}, "do-not-share-changed"),
    ("send-update", {"contact_method": "email", "contact_email": "p@example.com", "consent_to_contact": True},
     {"template": "looking_into_it"}, "update-sent"),
]


def _case_events(item):
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.feedback_item_id == item.id)
                              .order_by(AuditEvent.id)).all()


def test_every_case_action_page_is_in_this_audit_test(app):
    covered = {action.split("/")[0] for action, *_ in ACTIONS}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/staff/cases/<reference>/"):
            first = rule.rule.removeprefix("/staff/cases/<reference>/").split("/")[0]
            assert first in covered, f"{rule.rule} has no audit test: add it to ACTIONS"


@pytest.mark.parametrize("action, case_fields, data, audit_action", ACTIONS, ids=[entry[0] for entry in ACTIONS])
def test_viewing_and_changing_a_case_is_audited(officer_client, officer, smtp_server, action, case_fields, data,
                                                audit_action):
    item = create_case(received_on=date(2026, 1, 5) if action != "convert" else TODAY, **case_fields)
    if "ACTION" in action:
        improvement = ImprovementAction(feedback_item=item, description="x", owner="y", due_on=TODAY)
        db.session.add(improvement)
        db.session.commit()
        action = action.replace("ACTION", str(improvement.id))
    if data.get("new_due_on") == "LIMIT":
        from intake_web.staff.case_actions import extension_limit

        data = {**data, "new_due_on": date_parts(extension_limit(item.current_stage))}
    before = len(_case_events(item))
    response = post_form(officer_client, f"/staff/cases/{item.reference}/{action}", data)
    assert response.status_code == 302, response.text
    events = _case_events(item)[before:]
    assert [event.action for event in events] == ["viewed", audit_action]
    assert all(event.actor == officer.email for event in events)
    assert events[0].detail["page"]
    trail = officer_client.get(f"/staff/cases/{item.reference}").text.split('id="audit-trail"', 1)[1]
    assert audit_action.replace("-", " ").capitalize() in trail


def test_refused_changes_write_no_change_event(officer_client):
    item = create_case(category="stage_one")
    post_form(officer_client, f"/staff/cases/{item.reference}/convert", {"converted_on": date_parts(TODAY)})
    assert [event.action for event in _case_events(item)] == ["viewed"]


def test_sign_in_queue_views_and_refusals_are_audited_without_a_case(officer_client, officer):
    officer_client.get("/staff/?search=saturday")
    officer_client.get("/staff/admin/users")
    actions = db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.actor == officer.email)
                                 .order_by(AuditEvent.id)).all()
    assert actions == ["signed-in", "queue-viewed", "access-refused"]
    search = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "queue-viewed")).one()
    assert search.detail == {"search": ["saturday"]}
