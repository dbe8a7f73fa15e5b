"""POST /sms/inbound (Twilio's messaging webhook) and POST /sms/status (its status callback).

Inbound: check the signature, ignore a MessageSid we already have, store the text
(committed) before anything else, relay it to the assistant with the phone number
as the sender, and answer with TwiML. Buttons become numbered choices; a reply of
"2" is sent to the assistant as the second choice's payload. If the assistant is
down the text is kept for the officers, checked for danger, and answered with a
short apology and the web form's address. Phone numbers are never logged.
"""
from flask import Response, abort, current_app, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from intake_web.chat import messages
from intake_web.chat.conversation import take_turn
from intake_web.sms import bp
from intake_web.sms.dao import (KEPT, RELAYED, dao_fetch_offered_choices, dao_record_sms_reply,
                                dao_store_inbound_sms, dao_update_notification_delivery)

CHANNEL = "sms"
# Twilio's MessageStatus -> Notification.status. Earlier states (queued, sending, sent) change nothing.
DELIVERY_STATUSES = {"delivered": "delivered", "undelivered": "failed", "failed": "failed"}


def _signed_url() -> str:
    """The URL Twilio requested, as it signed it (PUBLIC_BASE_URL when behind a proxy)."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        path = request.full_path[:-1] if request.full_path.endswith("?") else request.full_path
        return base.rstrip("/") + path
    return request.url


def _require_twilio_signature() -> None:
    validator = RequestValidator(current_app.config["TWILIO_AUTH_TOKEN"])
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not validator.validate(_signed_url(), request.form.to_dict(), signature):
        current_app.logger.warning("refused a request to %s: bad Twilio signature", request.path)
        abort(403)


def _twiml(text: str | None) -> Response:
    reply = MessagingResponse()
    if text:
        reply.message(text)
    return Response(str(reply), mimetype="application/xml")


def as_text_message(replies: list[dict]) -> tuple[str, list[dict[str, str]]]:
    """Join the assistant's messages into one text; its buttons become numbered choices."""
    parts = [reply["text"] for reply in replies if reply.get("text")]
    buttons = next((reply["buttons"] for reply in reversed(replies) if reply.get("buttons")), [])
    if buttons:
        parts.append("\n".join(f"{number}. {button['title']}" for number, button in enumerate(buttons, start=1)))
        parts.append(messages.SMS_CHOICES_HINT)
    return "\n\n".join(parts), buttons


def _chosen(body: str, offered: list[dict[str, str]]) -> str:
    """A bare number picks one of the offered choices; anything else is sent as typed."""
    number = body.strip().rstrip(".")
    if number.isdigit() and 1 <= int(number) <= len(offered):
        return offered[int(number) - 1]["payload"]
    return body


@bp.post("/inbound")
def inbound():
    _require_twilio_signature()
    message_sid = request.form.get("MessageSid") or request.form.get("SmsSid")
    from_number = request.form.get("From")
    if not message_sid or not from_number:
        abort(400)
    body = (request.form.get("Body") or "").strip()
    sms = dao_store_inbound_sms(message_sid=message_sid, from_number=from_number, to_number=request.form.get("To"),
                                body=body)
    if sms is None:
        current_app.logger.info("ignored a repeat of an inbound text already stored")
        return _twiml(None)
    if not body:
        dao_record_sms_reply(sms, messages.SMS_NO_WORDS, [], KEPT)
        return _twiml(messages.SMS_NO_WORDS)
    offered = dao_fetch_offered_choices(from_number, sms.id)
    result = take_turn(sender_id=from_number, text=_chosen(body, offered), channel=CHANNEL, offered=offered,
                       down_messages=[messages.SMS_ASSISTANT_DOWN])
    text, buttons = as_text_message(result.replies)
    dao_record_sms_reply(sms, text, buttons, RELAYED if result.relayed else KEPT, case=result.case)
    current_app.logger.info("inbound text %s %s", sms.id, "answered" if result.relayed else "kept for the officers")
    return _twiml(text)


@bp.post("/status")
def status():
    """Twilio's delivery report for a text we sent: update its Notification."""
    _require_twilio_signature()
    provider_id = request.form.get("MessageSid") or request.form.get("SmsSid")
    new_status = DELIVERY_STATUSES.get(request.form.get("MessageStatus") or "")
    if provider_id and new_status:
        error_code = request.form.get("ErrorCode")
        dao_update_notification_delivery(provider_id, new_status, f"twilio error {error_code}" if error_code else None)
    return Response(status=204)
