"""Reads and writes of the web chat's tables."""
import secrets
from datetime import datetime, timezone

import sqlalchemy as sa

# The views import RELAYED and KEPT from here too.
from intake_web.constants import ACTOR_SYSTEM, RELAY_KEPT as KEPT, RELAY_RECEIVED as RECEIVED, RELAY_RELAYED as RELAYED
from intake_web.extensions import db
from intake_web.models import ChatMessage, ChatSession, FeedbackItem

INBOUND, OUTBOUND = "in", "out"


def dao_create_chat_session() -> ChatSession:
    """Start a conversation with a new random id (also the sender id Rasa knows it by)."""
    chat = ChatSession(id=f"chat-{secrets.token_urlsafe(24)}")
    db.session.add(chat)
    db.session.commit()
    return chat


def dao_fetch_chat_session(chat_id: str | None) -> ChatSession | None:
    return db.session.get(ChatSession, chat_id) if chat_id else None


def dao_record_inbound(chat: ChatSession, text: str) -> ChatMessage:
    """Store what the person sent, and commit, before anything else happens to it."""
    message = ChatMessage(chat_session=chat, direction=INBOUND, text=text, relay_status=RECEIVED)
    chat.last_active_at = datetime.now(timezone.utc)
    db.session.add(message)
    db.session.commit()
    return message


def dao_record_replies(chat: ChatSession, inbound: ChatMessage, replies: list[dict], relay_status: str,
                       case: FeedbackItem | None = None) -> None:
    """Store the replies and whether the assistant answered (relayed) or not (kept for the officers).

    `case` is the urgent item the safety net already made from a kept message: it is dealt with.
    """
    inbound.relay_status = relay_status
    if case is not None:
        inbound.record_case(case, ACTOR_SYSTEM)
    for reply in replies:
        db.session.add(ChatMessage(chat_session=chat, direction=OUTBOUND, text=reply["text"],
                                   buttons=reply.get("buttons") or None))
    db.session.commit()


def dao_record_opening(chat: ChatSession, replies: list[dict]) -> None:
    """Store the assistant's hello: a turn with no message in."""
    for reply in replies:
        db.session.add(ChatMessage(chat_session=chat, direction=OUTBOUND, text=reply["text"],
                                   buttons=reply.get("buttons") or None))
    db.session.commit()


def dao_fetch_last_buttons(chat: ChatSession) -> list[dict[str, str]]:
    """The quick replies the assistant offered in its latest turn (after the person's last message)."""
    recent = db.session.scalars(
        sa.select(ChatMessage).where(ChatMessage.chat_session_id == chat.id).order_by(ChatMessage.id.desc()).limit(20)
    ).all()
    for message in recent:
        if message.direction == INBOUND:
            return []
        if message.buttons:
            return message.buttons
    return []
