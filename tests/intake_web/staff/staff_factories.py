"""Factories and helpers for the console's tests: staff users, cases on any stage, signing in, posting forms."""
import re
import secrets
from datetime import date, datetime, time, timezone

from intake_web.clock import StatutoryClock
from intake_web.dao.reference_dao import dao_allocate_reference
from intake_web.extensions import db
from intake_web.intake import open_stage
from intake_web.models import ChatMessage, ChatSession, FeedbackItem, InboundSms, StaffUser
from intake_web.staff.auth import hash_password

PASSWORD = "correct horse battery staple"
CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def create_staff_user(email: str = "officer@example.gov.uk", role: str = "officer", team: str | None = None,
                      password: str = PASSWORD, name: str | None = None, active: bool = True) -> StaffUser:
    user = StaffUser(email=email, role=role, team=team, name=name, password_hash=hash_password(password),
                     is_active_account=active)
    db.session.add(user)
    db.session.commit()
    return user


def create_case(*, narrative: str = "Our social worker has not visited for six weeks.", category: str = "stage_one",
                complaint_type: str | None = "delay", service_area: str | None = "assessment_intervention",
                stage: str | None = "use-category", received_on: date | None = None, safeguarding: bool = False,
                status: str = "open", needs_review: bool = False, **fields) -> FeedbackItem:
    """Store an item as intake would have, with the first stage of its category opened on the day it came in."""
    from flask import current_app

    received_on = received_on or date.today()
    received_at = datetime.combine(received_on, time(10, 0), tzinfo=timezone.utc)
    item = FeedbackItem(reference=dao_allocate_reference(received_on.year), received_at=received_at,
                        channel=fields.pop("channel", "web"), narrative=narrative, category=category,
                        complaint_type=complaint_type, service_area=service_area, safeguarding=safeguarding,
                        urgent=safeguarding, status=status, needs_review=needs_review, triage_status="done",
                        triage_confidence=fields.pop("triage_confidence", 0.82), **fields)
    db.session.add(item)
    if stage == "use-category":
        stage = {"concern": "concern", "stage_one": "stage_one", "escalation": "stage_two"}.get(category)
    if stage:
        open_stage(item, stage, received_on, StatutoryClock(current_app.extensions["council"].timescales))
    db.session.commit()
    return item


def create_kept_chat_message(text: str = "my foster carer shouts at me", *, chat: ChatSession | None = None,
                             received_at: datetime | None = None, replies: tuple[str, ...] = (),
                             relay_status: str = "kept") -> ChatMessage:
    """Store a chat message the assistant could not answer (kept for officers), and any replies after it."""
    chat = chat or ChatSession(id=f"chat-{secrets.token_urlsafe(24)}")
    message = ChatMessage(chat_session=chat, direction="in", text=text, relay_status=relay_status,
                          created_at=received_at or datetime.now(timezone.utc))
    db.session.add_all([chat, message, *[ChatMessage(chat_session=chat, direction="out", text=reply)
                                         for reply in replies]])
    db.session.commit()
    return message


def create_kept_text(body: str = "nobody came to my review", *, number: str = "+447700900123",
                     received_at: datetime | None = None, reply: str | None = "Sorry, our text helper is not working",
                     relay_status: str = "kept") -> InboundSms:
    """Store a text the assistant could not answer (kept for officers), with the reply we sent."""
    sms = InboundSms(message_sid=f"SM{secrets.token_hex(16)}", from_number=number, to_number="+441632960000", body=body,
                     relay_status=relay_status, reply_text=reply, received_at=received_at or datetime.now(timezone.utc))
    db.session.add(sms)
    db.session.commit()
    return sms


def csrf_token(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def sign_in(client, email: str = "officer@example.gov.uk", password: str = PASSWORD, next_url: str | None = None):
    page = client.get("/staff/login")
    url = "/staff/login" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"email": email, "password": password, "csrf_token": csrf_token(page.text)})


def post_form(client, url: str, data: dict, follow_redirects: bool = False):
    """GET the form (for its CSRF token), then POST `data` to it."""
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    return client.post(url, data={**data, "csrf_token": csrf_token(page.text)}, follow_redirects=follow_redirects)


def date_parts(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]
