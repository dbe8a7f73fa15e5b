"""The case page: the person's words (escaped), contact preference, triage with reasons, stages and audit trail."""
from datetime import date

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent
from intake_web.notifications import queue_notification
from tests.intake_web.staff.staff_factories import create_case


def test_case_page_escapes_the_persons_words(officer_client):
    item = create_case(narrative='<script>alert("x")</script>\n<b>bold</b> & <a href="http://evil">link</a>')
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&#34;http://evil&#34;&gt;" in page
    assert page.count("<h1") == 1
    assert "<title>Case " + item.reference in page


def test_case_page_shows_contact_preference_and_names(officer_client):
    item = create_case(contact_method="sms", contact_phone="+447700900123", consent_to_contact=True,
                       complainant_name="Kerry Smith", child_name="Jay", complainant_role="parent_or_carer",
                       desired_outcome="A new social worker", do_not_share=True)
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "Text message" in page and "+447700900123" in page
    assert "Kerry Smith" in page and "Jay" in page
    assert "A parent or someone with parental responsibility" in page
    assert "A new social worker" in page
    assert "Do not share" in page


def test_case_page_says_when_contact_is_not_allowed(officer_client):
    item = create_case(contact_method="email", contact_email="p@example.com", consent_to_contact=False)
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "They did not agree to be contacted" in page
    assert "Updates cannot be sent" in page


def test_case_page_shows_triage_confidence_and_reasons(officer_client):
    item = create_case(triage_confidence=0.634, triage_model_version="2026.11.1",
                       triage_details={"reasons": ["mentions 'social worker'", "asks for a formal complaint"],
                                       "safeguarding_evidence": ["scared to go home"],
                                       "service_area_top3": [["graft", 0.61], ["fostering_adoption", 0.2]]})
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "63%" in page
    assert "2026.11.1" in page
    assert "mentions &#39;social worker&#39;" in page
    assert "scared to go home" in page
    assert "Most likely teams: GRAFT (Gaining Respect and Finding Trust) (61%), Fostering and Adoption Services (20%)" \
        in page


def test_case_page_explains_failed_triage(officer_client):
    item = create_case(category=None, complaint_type=None, service_area=None, stage="stage_one", needs_review=True,
                       status="for-triage", triage_confidence=None, triage_details={"error": "FileNotFoundError"})
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "Triage could not run (FileNotFoundError)" in page
    assert "Needs review" in page


def test_case_page_shows_safeguarding_banner(officer_client):
    item = create_case(safeguarding=True)
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert 'id="safeguarding-banner"' in page
    assert "Safeguarding: this may show a child at risk of harm" in page


def test_case_page_shows_messages_with_their_delivery_status(officer_client):
    item = create_case()
    queue_notification(feedback_item=item, purpose="acknowledgement", channel="sms", recipient="+447700900123",
                       body="Thank you").status = "delivered"
    failed = queue_notification(feedback_item=item, purpose="update", channel="email", recipient="p@example.com",
                                subject="Update on it", body="x")
    failed.status, failed.last_error, failed.attempts = "pending", "ConnectionRefusedError", 2
    db.session.commit()
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "Acknowledgement by text message" in page and "Delivered" in page
    assert "Update by email: Update on it" in page and "Pending" in page
    assert "ConnectionRefusedError (tried 2 times)" in page


def test_case_page_view_is_audited_and_the_trail_is_shown(officer_client, officer):
    item = create_case(received_on=date(2026, 3, 2))
    officer_client.get(f"/staff/cases/{item.reference}")
    page = officer_client.get(f"/staff/cases/{item.reference}").text
    views = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.feedback_item_id == item.id,
                                                           AuditEvent.action == "viewed")).all()
    assert len(views) == 2
    assert all(view.actor == officer.email and view.detail == {"page": "case"} for view in views)
    assert 'id="audit-trail"' in page
    assert "officer@example.gov.uk" in page
    assert "Viewed" in page


def test_case_page_shows_only_the_actions_that_fit_the_stage(officer_client):
    concern = create_case(category="concern")
    page = officer_client.get(f"/staff/cases/{concern.reference}").text
    assert "Convert the concern to a stage one complaint" in page
    assert "Escalate to stage two" not in page
    stage_one = create_case(category="stage_one")
    page = officer_client.get(f"/staff/cases/{stage_one.reference}").text
    assert "Convert the concern" not in page
    assert "Escalate to stage two" in page and "Record an extension" in page
    compliment = create_case(category="compliment", complaint_type=None)
    page = officer_client.get(f"/staff/cases/{compliment.reference}").text
    assert "Send the compliment on to the worker's manager" in page
    assert "not on the complaints procedure" in page
