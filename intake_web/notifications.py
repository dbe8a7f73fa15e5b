"""Email (SMTP) and text messages (Twilio) that the service sends.

Every message is first stored as a Notification in the same transaction as the
change that caused it, then sent after the commit. A failure leaves it pending for
`flask --app intake_web notifications send-pending` to retry; nothing personal is
logged, only the notification's id and the kind of error.
"""
import logging
import smtplib
from datetime import datetime, timezone
from email.message import EmailMessage

import sqlalchemy as sa
from flask import current_app

from intake_web.extensions import db
from intake_web.models import FeedbackItem, Notification

log = logging.getLogger(__name__)

PENDING, SENT, FAILED = "pending", "sent", "failed"


def queue_notification(*, purpose: str, channel: str, recipient: str, body: str, subject: str | None = None,
                       feedback_item: FeedbackItem | None = None) -> Notification:
    notification = Notification(feedback_item=feedback_item, purpose=purpose, channel=channel,
                                recipient=recipient, subject=subject, body=body, status=PENDING)
    db.session.add(notification)
    return notification


def _send_email(notification: Notification) -> str | None:
    config = current_app.config
    message = EmailMessage()
    message["From"] = current_app.extensions["council"].council["mail_from"]
    message["To"] = notification.recipient
    message["Subject"] = notification.subject or ""
    message.set_content(notification.body)
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=10) as smtp:
        if config.get("SMTP_USERNAME"):
            smtp.starttls()
            smtp.login(config["SMTP_USERNAME"], config["SMTP_PASSWORD"])
        smtp.send_message(message)
    return None


def twilio_client():
    """Return a Twilio REST client, pointed at TWILIO_API_BASE when one is set (tests, development)."""
    from twilio.rest import Client

    config = current_app.config
    client = Client(config["TWILIO_ACCOUNT_SID"], config["TWILIO_AUTH_TOKEN"])
    if config.get("TWILIO_API_BASE"):
        client.api.base_url = config["TWILIO_API_BASE"]
    return client


def _send_sms(notification: Notification) -> str | None:
    council = current_app.extensions["council"].council
    status_callback = None
    if current_app.config.get("PUBLIC_BASE_URL"):
        status_callback = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + "/sms/status"
    message = twilio_client().messages.create(
        to=notification.recipient, from_=council["sms_from"], body=notification.body,
        status_callback=status_callback,
    )
    return message.sid


SENDERS = {"email": _send_email, "sms": _send_sms}


def deliver(notification: Notification) -> bool:
    """Try to send one notification now and record the result; return True if it went."""
    notification.attempts += 1
    try:
        notification.provider_id = SENDERS[notification.channel](notification)
    except Exception as error:  # noqa: BLE001 - any failure is retried later
        notification.last_error = type(error).__name__
        log.warning("notification %s (%s) not sent: %s", notification.id, notification.purpose,
                    type(error).__name__)
        db.session.commit()
        return False
    notification.status = SENT
    notification.sent_at = datetime.now(timezone.utc)
    notification.last_error = None
    db.session.commit()
    return True


def deliver_all(notifications: list[Notification]) -> None:
    if not current_app.config["NOTIFICATIONS_ENABLED"]:
        return
    for notification in notifications:
        deliver(notification)


def send_pending(limit: int = 500) -> tuple[int, int]:
    """Retry every pending notification, safeguarding alerts first; return (sent, still pending)."""
    pending = db.session.scalars(
        sa.select(Notification).where(Notification.status == PENDING)
        .order_by((Notification.purpose != "safeguarding-alert"), Notification.id).limit(limit)
    ).all()
    sent = sum(deliver(notification) for notification in pending)
    return sent, len(pending) - sent
