"""One turn of a conversation, the same for the web chat and SMS.

Store what the person sent first (committed), then ask the assistant; if it cannot
answer, keep the message for the officers, check it for danger ourselves, and say
so honestly.
"""
import logging
from dataclasses import dataclass, field

from flask import current_app

from intake_web.chat import messages
from intake_web.chat.rasa_client import RasaUnavailable, safe_text_for_rasa, send_to_rasa
from intake_web.chat.safety_net import discloses_danger, record_disclosure, safety_numbers, web_form_url
from intake_web.models import FeedbackItem

log = logging.getLogger(__name__)


@dataclass
class TurnResult:
    replies: list[dict] = field(default_factory=list)
    relayed: bool = True
    # The urgent item the safety net made from a disclosure while the assistant was down.
    case: FeedbackItem | None = None


def display_text(text: str, offered: list[dict[str, str]]) -> str:
    """What the person 'said': a button's title rather than its payload."""
    return next((button["title"] for button in offered if button["payload"] == text), text)


def safety_numbers_first(replies: list[dict]) -> list[dict]:
    """Move the assistant's safety numbers (999, Childline, out of hours) before anything else it said.

    The first text from a new number starts the assistant's session, so its introduction ("I am a
    computer...") comes back in the same turn as its answer to a disclosure; by text it would be
    read before the numbers. The rest keeps its order.
    """
    contacts = current_app.extensions["council"].contacts

    def gives_safety_numbers(reply: dict) -> bool:
        text = reply.get("text") or ""
        return contacts["emergency_phone"] in text and contacts["childline_phone"] in text

    return sorted(replies, key=lambda reply: not gives_safety_numbers(reply))


def take_turn(*, sender_id: str, text: str, channel: str, offered: list[dict[str, str]],
              down_messages: list[str]) -> TurnResult:
    """Relay `text` to the assistant; if it is down, run the safety net and apologise."""
    payloads = [button["payload"] for button in offered]
    try:
        replies = send_to_rasa(sender_id, safe_text_for_rasa(text, payloads), channel)
        return TurnResult(replies=safety_numbers_first([reply.as_dict() for reply in replies]), relayed=True)
    except RasaUnavailable as error:
        current_app.logger.error("assistant unavailable (%s): message kept for the officers", error)
    replies, case = [], None
    if discloses_danger(text):
        case = record_disclosure(text, channel, sender_id)
        replies.append({"text": safety_numbers(), "buttons": []})
    replies += [{"text": message.format(web_form_url=web_form_url()), "buttons": []} for message in down_messages]
    return TurnResult(replies=replies, relayed=False, case=case)


def greeting_when_down() -> list[dict]:
    return [{"text": messages.ASSISTANT_DOWN_AT_START.format(web_form_url=web_form_url()), "buttons": []}]
