"""After an item is stored: the safeguarding alert, the team's notice and the acknowledgement."""
import logging

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import Notification
from intake_web.notifications import send_pending


def _notifications(purpose: str) -> list[Notification]:
    return db.session.scalars(sa.select(Notification).where(Notification.purpose == purpose)).all()


def test_safeguarding_item_alerts_duty_team_by_email_at_once(client, api_headers, smtp_server, app):
    reference = client.post("/api/v1/feedback", json={"text": "I am scared to go home tonight", "safeguarding": True},
                            headers=api_headers).json["reference"]
    alerts = [message for message in smtp_server if message["To"] == app.extensions["council"].council["duty_team_email"]]
    assert len(alerts) == 1
    assert reference in alerts[0]["Subject"]
    assert "URGENT" in alerts[0]["Subject"]
    # The alert links to the case; the person's words stay in the console.
    assert "scared to go home" not in alerts[0].get_content()
    assert _notifications("safeguarding-alert")[0].status == "sent"


def test_acknowledgement_email_gives_reference_and_reply_by_date(client, api_headers, smtp_server):
    body = client.post("/api/v1/feedback", json={
        "text": "The contact centre cancelled our session", "consent_to_contact": True, "formal_complaint": True,
        "contact": {"method": "email", "email": "parent@example.com"}}, headers=api_headers).json
    acknowledgements = [message for message in smtp_server if message["To"] == "parent@example.com"]
    assert len(acknowledgements) == 1
    content = acknowledgements[0].get_content()
    assert body["reference"] in content
    assert "We will reply by" in content


def test_no_acknowledgement_is_sent_without_consent(client, api_headers, smtp_server):
    client.post("/api/v1/feedback", json={"text": "hello", "contact": {"method": "email", "email": "p@example.com"}},
                headers=api_headers)
    assert not [message for message in smtp_server if message["To"] == "p@example.com"]
    assert _notifications("acknowledgement") == []


def test_unsent_alert_stays_pending_and_is_sent_by_retry(client, api_headers, app, smtp_server):
    saved_port = app.config["SMTP_PORT"]
    app.config["SMTP_PORT"] = 9  # nothing listens there: the first attempt fails
    client.post("/api/v1/feedback", json={"text": "he hurts me", "safeguarding": True}, headers=api_headers)
    alert = _notifications("safeguarding-alert")[0]
    assert alert.status == "pending"
    assert alert.attempts == 1
    assert alert.last_error

    app.config["SMTP_PORT"] = saved_port
    sent, still_pending = send_pending()
    assert (sent, still_pending) == (len(smtp_server), 0)
    db.session.refresh(alert)
    assert alert.status == "sent"


def test_submission_logs_no_personal_data(client, api_headers, caplog, app):
    caplog.set_level(logging.DEBUG)
    saved_port = app.config["SMTP_PORT"]
    app.config["SMTP_PORT"] = 9
    try:
        client.post("/api/v1/feedback", json={
            "text": "Secret story about Jayden", "complainant_name": "Kerry Smith", "consent_to_contact": True,
            "contact": {"method": "email", "email": "kerry@example.com"}, "safeguarding": True}, headers=api_headers)
    finally:
        app.config["SMTP_PORT"] = saved_port
    logged = caplog.text
    for secret in ("Jayden", "Kerry", "kerry@example.com", "Secret story"):
        assert secret not in logged
