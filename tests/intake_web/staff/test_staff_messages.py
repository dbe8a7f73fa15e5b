"""Talking to the person: the acknowledgement at intake, and officers' templated updates, by email and SMS.

Email goes to a real SMTP server (aiosmtpd) on loopback; text messages go through the real Twilio
client to a stand-in for Twilio's REST API on loopback. Nothing leaves the machine.
"""
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import FeedbackItem, Notification
from tests.intake_web.staff.staff_factories import create_case, post_form


def _item(reference: str) -> FeedbackItem:
    return db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.reference == reference))


def test_acknowledgement_email_goes_at_once_with_reference_and_reply_date(client, api_headers, smtp_server):
    body = client.post("/api/v1/feedback", json={
        "text": "Nobody came to the review meeting", "formal_complaint": True, "consent_to_contact": True,
        "contact": {"method": "email", "email": "parent@example.com"}}, headers=api_headers).json
    [message] = [message for message in smtp_server if message["To"] == "parent@example.com"]
    content = message.get_content()
    item = _item(body["reference"])
    from intake_web.intake import format_date

    assert body["reference"] in message["Subject"] and body["reference"] in content
    assert f"We will reply by {format_date(item.current_stage.effective_due_on)}" in content
    [stored] = [note for note in item.notifications if note.purpose == "acknowledgement"]
    assert (stored.channel, stored.status) == ("email", "sent")


def test_acknowledgement_text_goes_through_twilio_with_reference_and_reply_date(app, client, api_headers,
                                                                                fake_twilio, smtp_server):
    body = client.post("/api/v1/feedback", json={
        "text": "My contact session was cancelled again", "formal_complaint": True, "consent_to_contact": True,
        "contact": {"method": "sms", "phone": "07700 900123"}}, headers=api_headers).json
    [sms] = [message for message in fake_twilio.sent if message["To"] == "+447700900123"]
    assert sms["path"] == f"/2010-04-01/Accounts/{app.config['TWILIO_ACCOUNT_SID']}/Messages.json"
    assert sms["From"] == app.extensions["council"].council["sms_from"]
    assert body["reference"] in sms["Body"] and "We will reply by" in sms["Body"]
    [stored] = [note for note in _item(body["reference"]).notifications if note.purpose == "acknowledgement"]
    assert (stored.channel, stored.status, stored.provider_id) == ("sms", "sent", sms["sid"])


def test_officer_sends_a_templated_update_by_email(officer_client, officer, smtp_server):
    item = create_case(contact_method="email", contact_email="parent@example.com", consent_to_contact=True)
    page = officer_client.get(f"/staff/cases/{item.reference}/send-update")
    assert "parent@example.com" in page.text and "We need more time to reply" in page.text
    response = post_form(officer_client, f"/staff/cases/{item.reference}/send-update",
                         {"template": "more_time_needed"})
    assert response.status_code == 302
    [message] = [message for message in smtp_server if message["To"] == "parent@example.com"]
    assert item.reference in message["Subject"]
    from intake_web.intake import format_date

    assert f"We will now reply by {format_date(item.current_stage.effective_due_on)}" in message.get_content()
    case_page = officer_client.get(f"/staff/cases/{item.reference}").text
    assert "Update sent by email" in case_page
    assert "Update by email: Update on " in case_page and "Sent" in case_page


def test_officer_sends_a_templated_update_by_text_message(officer_client, fake_twilio):
    item = create_case(contact_method="sms", contact_phone="+447700900123", consent_to_contact=True)
    post_form(officer_client, f"/staff/cases/{item.reference}/send-update", {"template": "looking_into_it"})
    [sms] = fake_twilio.sent
    assert sms["To"] == "+447700900123" and item.reference in sms["Body"]
    stored = db.session.scalars(sa.select(Notification).where(Notification.purpose == "update")).one()
    assert (stored.channel, stored.status, stored.provider_id) == ("sms", "sent", sms["sid"])


def test_delivery_status_from_twilio_shows_on_the_case_page(officer_client, fake_twilio):
    item = create_case(contact_method="sms", contact_phone="+447700900123", consent_to_contact=True)
    post_form(officer_client, f"/staff/cases/{item.reference}/send-update", {"template": "looking_into_it"})
    stored = db.session.scalars(sa.select(Notification).where(Notification.purpose == "update")).one()
    stored.status = "undelivered"  # what the /sms/status callback records
    db.session.commit()
    assert "Undelivered" in officer_client.get(f"/staff/cases/{item.reference}").text


def test_update_that_cannot_be_sent_now_stays_pending_and_says_so(app, officer_client):
    item = create_case(contact_method="email", contact_email="parent@example.com", consent_to_contact=True)
    saved = app.config["SMTP_HOST"], app.config["SMTP_PORT"]
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=9)
    try:
        response = post_form(officer_client, f"/staff/cases/{item.reference}/send-update",
                             {"template": "please_contact_us"}, follow_redirects=True)
    finally:
        app.config["SMTP_HOST"], app.config["SMTP_PORT"] = saved
    assert "saved but not sent yet" in response.text
    assert db.session.scalars(sa.select(Notification)).one().status == "pending"


def test_no_update_without_consent_or_contact_details(officer_client):
    for fields in ({"contact_method": "email", "contact_email": "p@example.com", "consent_to_contact": False},
                   {"contact_method": "none", "consent_to_contact": True},
                   {"contact_method": "email", "contact_email": "p@example.com", "consent_to_contact": True,
                    "anonymous": True}):
        item = create_case(**fields)
        response = post_form(officer_client, f"/staff/cases/{item.reference}/send-update",
                             {"template": "looking_into_it"})
        assert "We cannot send updates on this case" in response.text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0


def test_update_template_must_be_chosen(officer_client):
    item = create_case(contact_method="email", contact_email="p@example.com", consent_to_contact=True)
    response = post_form(officer_client, f"/staff/cases/{item.reference}/send-update", {"template": "made-up"})
    assert "Choose the update to send" in response.text


def test_an_update_promising_a_reply_date_needs_one(officer_client, smtp_server):
    item = create_case(category="compliment", complaint_type=None, stage=None, contact_method="email",
                       contact_email="p@example.com", consent_to_contact=True)
    response = post_form(officer_client, f"/staff/cases/{item.reference}/send-update", {"template": "looking_into_it"})
    assert "This update gives a reply date, and this case has none" in response.text
    assert post_form(officer_client, f"/staff/cases/{item.reference}/send-update",
                     {"template": "please_contact_us"}).status_code == 302
