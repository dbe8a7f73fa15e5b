"""Safeguarding when the assistant is down: the web application checks the words itself.

A message that discloses danger is turned into an urgent item (which alerts the duty
team) even when Rasa cannot be reached, and the reply gives the safety numbers.
"""
import logging

from flask import current_app

from intake_web.chat import messages
from intake_web.constants import ACTOR_PUBLIC
from intake_web.intake import FeedbackSubmission, submit_feedback
from intake_web.models import FeedbackItem
from intake_web.public_urls import public_url

log = logging.getLogger(__name__)


def discloses_danger(text: str) -> bool:
    """Ask triage's safeguarding detector (standard library only); never raises."""
    try:
        from triage.safeguarding import detect_safeguarding

        return bool(detect_safeguarding(text))
    except Exception as error:  # noqa: BLE001 - an import or detector failure must not lose the message
        log.error("safeguarding detector unavailable: %s", type(error).__name__)
        return False


def record_disclosure(text: str, channel: str, sender_id: str) -> FeedbackItem:
    """Store an urgent safeguarding item for a person now, and return it."""
    item = submit_feedback(FeedbackSubmission(channel=channel, text=text, sender_id=sender_id,
                                              safeguarding_reported=True), actor=ACTOR_PUBLIC)
    log.warning("safeguarding disclosure while the assistant was down: item %s", item.reference)
    return item


def safety_numbers() -> str:
    contacts = current_app.extensions["council"].contacts
    return messages.SAFETY_NUMBERS.format(**contacts)


def web_form_url() -> str:
    return public_url("/")
