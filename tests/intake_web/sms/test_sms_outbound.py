"""Texts we send go through the twilio REST client; Twilio's status callback updates them."""
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import Notification


def _acknowledgement(client, api_headers, fake_twilio, smtp_server) -> Notification:
    body = client.post("/api/v1/feedback", json={
        "text": "My son's respite hours were cut without a review", "channel": "sms", "sender_id": "+447700900123",
        "consent_to_contact": True, "contact": {"method": "sms", "phone": "07700 900123"}}, headers=api_headers).json
    [sent] = fake_twilio.sent
    assert sent["To"] == "+447700900123" and body["reference"] in sent["Body"]
    return db.session.scalar(sa.select(Notification).where(Notification.purpose == "acknowledgement"))


def test_the_acknowledgement_text_goes_through_the_twilio_rest_api(client, api_headers, fake_twilio, smtp_server):
    notification = _acknowledgement(client, api_headers, fake_twilio, smtp_server)
    assert notification.status == "sent" and notification.provider_id == fake_twilio.sent[0]["sid"]
    assert fake_twilio.sent[0]["account"] == "ACtest"


def test_a_delivery_report_marks_the_text_delivered(client, api_headers, fake_twilio, smtp_server, twilio_post):
    notification = _acknowledgement(client, api_headers, fake_twilio, smtp_server)
    response = twilio_post("/sms/status", {"MessageSid": notification.provider_id, "MessageStatus": "delivered"})
    assert response.status_code == 204
    db.session.refresh(notification)
    assert notification.status == "delivered"


def test_a_failure_report_marks_the_text_failed_with_twilios_code(client, api_headers, fake_twilio, smtp_server,
                                                                  twilio_post):
    notification = _acknowledgement(client, api_headers, fake_twilio, smtp_server)
    twilio_post("/sms/status", {"MessageSid": notification.provider_id, "MessageStatus": "undelivered",
                                "ErrorCode": "30003"})
    db.session.refresh(notification)
    assert notification.status == "failed" and notification.last_error == "twilio error 30003"


def test_a_status_report_with_a_bad_signature_changes_nothing(client, api_headers, fake_twilio, smtp_server,
                                                              twilio_post):
    notification = _acknowledgement(client, api_headers, fake_twilio, smtp_server)
    response = twilio_post("/sms/status", {"MessageSid": notification.provider_id, "MessageStatus": "failed"},
                           auth_token="wrong")
    assert response.status_code == 403
    db.session.refresh(notification)
    assert notification.status == "sent"
