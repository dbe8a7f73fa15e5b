"""Messages kept for the officers: chat messages and texts the assistant could not answer (relay_status "kept").

Each waits until it is dealt with: made into a case, or marked dealt with. The console reads both
channels through KeptMessage, so it handles a chat message and a text the same way.
"""
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from intake_web.constants import RELAY_KEPT as KEPT
from intake_web.dao.audit_dao import dao_record_audit_event
from intake_web.extensions import db
from intake_web.models import ChatMessage, FeedbackItem, InboundSms

CHANNEL_CHAT, CHANNEL_SMS = "chat", "sms"
MODELS: dict[str, type[ChatMessage] | type[InboundSms]] = {CHANNEL_CHAT: ChatMessage, CHANNEL_SMS: InboundSms}
# How much of a texting conversation to show around a kept text: this many texts before it and after it.
TEXTS_AROUND = 20
# A web chat is short; a longer one shows its newest messages.
CHAT_MESSAGES_SHOWN = 200


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # SQLite drops the zone


@dataclass
class KeptMessage:
    """A kept chat message or text, with the same names for both."""

    channel: str
    row: ChatMessage | InboundSms

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def received_at(self) -> datetime:
        return _as_utc(self.row.created_at if isinstance(self.row, ChatMessage) else self.row.received_at)

    @property
    def text(self) -> str:
        return self.row.text if isinstance(self.row, ChatMessage) else self.row.body

    @property
    def sender_id(self) -> str:
        """The chat session's id, or the phone number: what intake stores as the item's sender id."""
        return self.row.chat_session_id if isinstance(self.row, ChatMessage) else self.row.from_number

    @property
    def phone_number(self) -> str | None:
        return self.row.from_number if isinstance(self.row, InboundSms) else None

    @property
    def is_waiting(self) -> bool:
        return self.row.handled_at is None

    def audit_detail(self, **extra: Any) -> dict[str, Any]:
        return {"channel": self.channel, "message_id": self.id, **extra}


@dataclass
class ConversationLine:
    direction: str  # "in" from the person, "out" from the service
    text: str
    at: datetime | None  # None for our reply to a text (sent straight after it)
    is_the_kept_message: bool = False


def _received_at_column(model):
    return model.created_at if model is ChatMessage else model.received_at


def _fetch(model, *conditions, order, limit: int) -> list[KeptMessage]:
    channel = CHANNEL_CHAT if model is ChatMessage else CHANNEL_SMS
    rows = db.session.scalars(sa.select(model).where(model.relay_status == KEPT, *conditions)
                              .order_by(*order).limit(limit))
    return [KeptMessage(channel, row) for row in rows]


def dao_count_waiting_kept_messages() -> int:
    """Count kept messages that no one has dealt with yet, in both channels."""
    return sum(db.session.scalar(sa.select(sa.func.count()).select_from(model)
                                 .where(model.relay_status == KEPT, model.handled_at.is_(None))) or 0
               for model in MODELS.values())


def dao_fetch_waiting_kept_messages(limit: int = 200) -> list[KeptMessage]:
    """Return the kept messages no one has dealt with yet, the one waiting longest first."""
    messages = [message for model in MODELS.values()
                for message in _fetch(model, model.handled_at.is_(None),
                                      order=[_received_at_column(model), model.id], limit=limit)]
    return sorted(messages, key=lambda message: (message.received_at, message.channel, message.id))[:limit]


def dao_fetch_handled_kept_messages(limit: int = 20) -> list[KeptMessage]:
    """Return the kept messages dealt with most recently, newest first."""
    messages = [message for model in MODELS.values()
                for message in _fetch(model, model.handled_at.is_not(None),
                                      order=[model.handled_at.desc(), model.id.desc()], limit=limit)]
    return sorted(messages, key=lambda message: _as_utc(message.row.handled_at), reverse=True)[:limit]


def dao_fetch_kept_message(channel: str, message_id: int) -> KeptMessage | None:
    """Return one kept message (waiting or dealt with), or None if there is no such kept message."""
    model = MODELS.get(channel)
    row = db.session.get(model, message_id) if model else None
    if row is None or row.relay_status != KEPT:
        return None
    return KeptMessage(channel, row)


def dao_fetch_conversation(kept: KeptMessage) -> list[ConversationLine]:
    """Return the conversation around a kept message, oldest first: the whole chat, or the number's texts around it."""
    if isinstance(kept.row, ChatMessage):
        rows = db.session.scalars(sa.select(ChatMessage).where(ChatMessage.chat_session_id == kept.sender_id)
                                  .order_by(ChatMessage.id.desc()).limit(CHAT_MESSAGES_SHOWN)).all()
        return [ConversationLine(row.direction, row.text, _as_utc(row.created_at), row.id == kept.id)
                for row in reversed(rows)]
    same_number = sa.select(InboundSms).where(InboundSms.from_number == kept.sender_id)
    before = db.session.scalars(same_number.where(InboundSms.id <= kept.id)
                                .order_by(InboundSms.id.desc()).limit(TEXTS_AROUND + 1)).all()
    after = db.session.scalars(same_number.where(InboundSms.id > kept.id)
                               .order_by(InboundSms.id).limit(TEXTS_AROUND)).all()
    lines = []
    for row in [*reversed(before), *after]:
        lines.append(ConversationLine("in", row.body, _as_utc(row.received_at), row.id == kept.id))
        if row.reply_text:
            lines.append(ConversationLine("out", row.reply_text, None))
    return lines


def dao_fetch_cases_from_sender(sender_id: str) -> list[FeedbackItem]:
    """Return the items already made from this chat or phone number, newest first."""
    return list(db.session.scalars(sa.select(FeedbackItem).where(FeedbackItem.sender_id == sender_id)
                                   .order_by(FeedbackItem.id.desc()).limit(20)))


def _claim(kept: KeptMessage, actor: str, note: str | None) -> bool:
    """Mark the message dealt with unless someone else just did (two officers, one message), not yet committed."""
    model = type(kept.row)
    claimed = db.session.execute(
        sa.update(model).where(model.id == kept.id, model.handled_at.is_(None))
        .values(handled_at=datetime.now(timezone.utc), handled_by=actor, handled_note=note)
    ).rowcount == 1
    if not claimed:
        db.session.rollback()
    return claimed


def dao_claim_kept_message(kept: KeptMessage, actor: str) -> bool:
    """Reserve a waiting message for making a case from it, and commit; False if it was already dealt with."""
    if not _claim(kept, actor, None):
        return False
    db.session.commit()
    return True


def dao_release_kept_message(kept: KeptMessage) -> None:
    """Put a reserved message back to waiting (making the case failed)."""
    db.session.rollback()
    kept.row.handled_at = kept.row.handled_by = None
    db.session.commit()


def dao_link_kept_message_to_case(kept: KeptMessage, item: FeedbackItem, actor: str) -> None:
    """Record the case a kept message became, with its audit event on the case."""
    kept.row.feedback_item = item
    dao_record_audit_event(actor, "kept-message-made-case", item, kept.audit_detail())
    db.session.commit()


def dao_mark_kept_message_dealt_with(kept: KeptMessage, actor: str, note: str | None) -> bool:
    """Mark a waiting message dealt with, with its audit event; False if it was already dealt with."""
    if not _claim(kept, actor, note):
        return False
    dao_record_audit_event(actor, "kept-message-dealt-with", None, kept.audit_detail(with_note=bool(note)))
    db.session.commit()
    return True


def dao_record_kept_message_view(actor: str, kept: KeptMessage | None, page: str) -> None:
    """Audit that a member of staff looked at the kept messages, or at one of them."""
    detail = kept.audit_detail(page=page) if kept else {"page": page}
    dao_record_audit_event(actor, "kept-messages-viewed", None, detail)
    db.session.commit()
