"""Reads and writes of inbound text messages and of the delivery status of sent ones."""
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

# The views import RELAYED and KEPT from here too.
from intake_web.constants import ACTOR_SYSTEM, RELAY_KEPT as KEPT, RELAY_RECEIVED as RECEIVED, RELAY_RELAYED as RELAYED
from intake_web.extensions import db
from intake_web.models import FeedbackItem, InboundSms, Notification

# A numbered reply ("2") refers to the choices we offered this long ago at most.
CHOICES_VALID_FOR = timedelta(hours=24)


def dao_fetch_inbound_sms_by_sid(message_sid: str) -> InboundSms | None:
    return db.session.scalar(sa.select(InboundSms).where(InboundSms.message_sid == message_sid))


def dao_store_inbound_sms(*, message_sid: str, from_number: str, to_number: str | None, body: str) -> InboundSms | None:
    """Store a text and commit; return None if a text with this MessageSid is already stored."""
    sms = InboundSms(message_sid=message_sid, from_number=from_number, to_number=to_number, body=body,
                     relay_status=RECEIVED)
    db.session.add(sms)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return sms


def dao_fetch_offered_choices(from_number: str, before_id: int) -> list[dict[str, str]]:
    """The numbered choices our last reply to this number offered (if recent)."""
    since = datetime.now(timezone.utc) - CHOICES_VALID_FOR
    previous = db.session.scalar(
        sa.select(InboundSms).where(InboundSms.from_number == from_number, InboundSms.id < before_id,
                                    InboundSms.received_at >= since)
        .order_by(InboundSms.id.desc()).limit(1)
    )
    return (previous.reply_buttons or []) if previous else []


def dao_record_sms_reply(sms: InboundSms, reply_text: str, buttons: list[dict[str, str]], relay_status: str,
                         case: FeedbackItem | None = None) -> None:
    """Store our reply and whether the assistant answered; `case` is the urgent item the safety net made from it."""
    sms.reply_text = reply_text
    sms.reply_buttons = buttons or None
    sms.relay_status = relay_status
    if case is not None:
        sms.record_case(case, ACTOR_SYSTEM)
    db.session.commit()


def dao_update_notification_delivery(provider_id: str, status: str, error: str | None = None) -> Notification | None:
    """Record what Twilio says happened to a text we sent (found by its MessageSid)."""
    notification = db.session.scalar(sa.select(Notification).where(Notification.provider_id == provider_id))
    if notification is None:
        return None
    notification.status = status
    if error:
        notification.last_error = error
    db.session.commit()
    return notification
