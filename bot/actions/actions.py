"""The actions the rules and stories name. They coordinate; the work is elsewhere.

Every action wakes the outbox worker first, so a submission kept while the intake
service was down is retried on the next thing anybody says to the assistant.
"""
import asyncio
import logging
import os
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import submission
from actions.intake_client import IntakeUnavailable, intake_client, kick_outbox_worker
from actions.settings import council_values
from actions.validation import NOT_KNOWN, ValidateStatusForm

log = logging.getLogger(__name__)

FORM_SLOTS = [
    "complaint_what_happened", "complaint_who", "complaint_make_better", "advocate_wanted", "contact_ok",
    "contact_method", "contact_detail", "complaint_confirmed", "compliment_who", "compliment_what",
    "advocate_about", "status_reference", "change_requested", "change_field", "requested_slot",
]

# Intent -> the responses that answer it (questions, and things said outside a form).
ANSWERS = {
    "ask_what_is_complaint": ["utter_what_is_complaint"],
    "ask_what_happens_next": ["utter_what_happens_next"],
    "ask_how_long": ["utter_how_long"],
    "ask_who_sees": ["utter_who_sees"],
    "ask_anonymous": ["utter_anonymous"],
    "ask_what_is_advocate": ["utter_what_is_advocate"],
    "ask_what_can_you_do": ["utter_what_i_can_do"],
    "talk_to_person": ["utter_talk_to_person"],
    "frustration": ["utter_calm"],
    "thanks": ["utter_thanks"],
    "goodbye": ["utter_goodbye"],
    "out_of_scope": ["utter_out_of_scope"],
    "nlu_fallback": ["utter_fallback"],
    "change_answer": ["utter_nothing_to_change"],
}
DEFAULT_ANSWER = ["utter_menu"]

# Stage of the procedure (intake_web.constants.STAGES) -> child-friendly words.
STAGE_RESPONSES = {
    "concern": "utter_status_concern",
    "stage_one": "utter_status_stage_one",
    "stage_two": "utter_status_stage_two",
    "stage_three": "utter_status_stage_three",
    "ombudsman": "utter_status_ombudsman",
}


def _worker_enabled() -> bool:
    # Unit tests switch the background worker off and deliver in the action instead.
    return os.environ.get("BOT_OUTBOX_WORKER", "1") != "0"


def _wake_outbox() -> None:
    if _worker_enabled():
        kick_outbox_worker()


def _channel(tracker: Tracker) -> str:
    return submission.channel_for(tracker.sender_id, tracker.latest_message.get("metadata"))


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def format_date(iso_day: str | None) -> str | None:
    """Return '6 January 2027' for '2027-01-06' (the GOV.UK style the letters use)."""
    if not iso_day:
        return None
    day = date.fromisoformat(iso_day[:10])
    return f"{day.day} {day:%B %Y}"


def display_phone(phone: str) -> str:
    """Return +447700900123 as 07700 900123."""
    if phone.startswith("+44") and len(phone) == 13:
        national = "0" + phone[3:]
        return f"{national[:5]} {national[5:]}"
    return phone


def read_back_values(slots: dict[str, Any]) -> dict[str, str]:
    """The values the read-back message shows, in plain words."""
    def known(value: str | None) -> str:
        return "not sure" if not value or value == NOT_KNOWN else value

    if not slots.get("contact_ok"):
        contact = "none, you stay anonymous"
    else:
        method = slots.get("contact_method")
        detail = slots.get("contact_detail") or ""
        if method == "email":
            contact = f"by email, {detail}"
        elif method == "sms":
            contact = f"by text, {display_phone(detail)}"
        else:
            contact = f"by phone, {display_phone(detail)}"
    return {
        "what_happened": slots.get("complaint_what_happened") or "",
        "who": known(slots.get("complaint_who")),
        "make_better": known(slots.get("complaint_make_better")),
        "advocate": "yes please" if slots.get("advocate_wanted") else "no thanks",
        "contact": contact,
    }


def _reset_form_slots() -> list[EventType]:
    return [SlotSet(slot, None) for slot in FORM_SLOTS]


def _send_result(dispatcher: CollectingDispatcher, result, sent_response: str) -> None:
    values = council_values()
    if result.delivered:
        dispatcher.utter_message(response=sent_response, reference=result.reference)
        reply_by = format_date(result.due_date)
        if reply_by:
            dispatcher.utter_message(response="utter_reply_by", reply_by=reply_by)
        elif sent_response != "utter_compliment_sent":
            dispatcher.utter_message(response="utter_reply_soon")
    else:
        dispatcher.utter_message(response="utter_saved_not_sent")
        dispatcher.utter_message(response="utter_saved_no_reference", **values)


class ActionSessionStart(Action):
    """Start each conversation by saying what this is, who reads it, and that names are not needed."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        for response in ("utter_intro_computer", "utter_intro_can_do", "utter_intro_who_reads"):
            dispatcher.utter_message(response=response)
        return [SessionStarted(), ActionExecuted("action_listen")]


class ActionAnswer(Action):
    """Answer a question (or a remark) and let any form carry on afterwards."""

    def name(self) -> str:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        values = council_values()
        responses = list(ANSWERS.get(_intent(tracker), DEFAULT_ANSWER))
        if _intent(tracker) == "ask_anonymous" and _channel(tracker) == "sms":
            responses.append("utter_anonymous_sms")
        for response in responses:
            dispatcher.utter_message(response=response, **values)
        return []


class ActionSafeguarding(Action):
    """A disclosure of harm: safety numbers now, and an urgent item for a person now.

    The item goes into the outbox before this action returns and the worker sends
    it at once, so it reaches the duty team even if the young person leaves now.
    """

    def name(self) -> str:
        return "action_safeguarding"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        payload = submission.safeguarding_payload(text, tracker.sender_id, _channel(tracker))
        client = intake_client()
        await asyncio.to_thread(client.keep, payload, "safeguarding")
        if _worker_enabled():
            kick_outbox_worker()
        else:
            await asyncio.to_thread(client.flush)
        dispatcher.utter_message(response="utter_safeguarding", **council_values())
        dispatcher.utter_message(response="utter_safeguarding_carry_on")
        events: list[EventType] = [SlotSet("safeguarding_reported", True)]
        if tracker.active_loop_name == "complaint_form" and \
                tracker.get_slot("requested_slot") == "complaint_what_happened" and not text.startswith("/"):
            # What they disclosed is also what happened: do not make them say it twice.
            events.append(SlotSet("complaint_what_happened", text))
        return events


class ActionStop(Action):
    """Stop whatever is going on, without sending it."""

    def name(self) -> str:
        return "action_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        response = "utter_stopped_after_safety" if tracker.get_slot("safeguarding_reported") else "utter_stopped"
        dispatcher.utter_message(response=response)
        return [ActiveLoop(None), *_reset_form_slots()]


class ActionStartAgain(Action):
    """Forget the answers so far and offer the choices again."""

    def name(self) -> str:
        return "action_start_again"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        dispatcher.utter_message(response="utter_start_again")
        return [ActiveLoop(None), *_reset_form_slots()]


class ActionSubmitComplaint(Action):
    """Send 'something is wrong' to the intake service and give the reference and reply-by date."""

    def name(self) -> str:
        return "action_submit_complaint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        payload = submission.complaint_payload(tracker.current_slot_values(), tracker.sender_id, _channel(tracker))
        result = await asyncio.to_thread(intake_client().submit, payload, "complaint")
        _send_result(dispatcher, result, "utter_complaint_sent")
        if result.delivered and payload["advocate_requested"] and payload["consent_to_contact"]:
            dispatcher.utter_message(response="utter_sent_to_advocacy")
        dispatcher.utter_message(response="utter_anything_else")
        return _reset_form_slots()


class ActionSubmitCompliment(Action):
    """Send 'something was good' to the intake service and give the reference."""

    def name(self) -> str:
        return "action_submit_compliment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        payload = submission.compliment_payload(tracker.current_slot_values(), tracker.sender_id, _channel(tracker))
        result = await asyncio.to_thread(intake_client().submit, payload, "compliment")
        _send_result(dispatcher, result, "utter_compliment_sent")
        dispatcher.utter_message(response="utter_anything_else")
        return _reset_form_slots()


class ActionSubmitAdvocateRequest(Action):
    """Record a request for an advocate and give the reference."""

    def name(self) -> str:
        return "action_submit_advocate_request"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        payload = submission.advocate_payload(tracker.current_slot_values(), tracker.sender_id, _channel(tracker))
        result = await asyncio.to_thread(intake_client().submit, payload, "advocate")
        _send_result(dispatcher, result, "utter_advocate_sent")
        if result.delivered and payload["consent_to_contact"]:
            dispatcher.utter_message(response="utter_sent_to_advocacy")
        elif not payload["consent_to_contact"]:
            dispatcher.utter_message(response="utter_advocate_needs_contact", **council_values())
        dispatcher.utter_message(response="utter_anything_else")
        return _reset_form_slots()


class ActionCheckStatus(Action):
    """Say which stage a complaint is at and when the next reply is due, and nothing else.

    Only for a reference sent from the same phone number or chat: the intake
    service answers 404 for any other sender, the same as for a wrong reference.
    """

    def name(self) -> str:
        return "action_check_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        values = council_values()
        reference = tracker.get_slot("status_reference")
        events = _reset_form_slots()
        if not reference or reference == ValidateStatusForm.UNKNOWN:
            dispatcher.utter_message(response="utter_status_need_reference", **values)
            return events
        try:
            status = await asyncio.to_thread(intake_client().fetch_status, reference, tracker.sender_id)
        except IntakeUnavailable as error:
            log.warning("status check failed: %s", error)
            dispatcher.utter_message(response="utter_status_unavailable", **values)
            return events
        if status is None:
            dispatcher.utter_message(response="utter_status_not_found", **values)
            return events
        if status.get("closed"):
            dispatcher.utter_message(response="utter_status_closed")
        else:
            dispatcher.utter_message(response=STAGE_RESPONSES.get(status.get("stage"), "utter_status_received"))
            reply_by = format_date(status.get("next_reply_by"))
            if reply_by:
                dispatcher.utter_message(response="utter_status_reply_by", reply_by=reply_by)
        dispatcher.utter_message(response="utter_anything_else")
        return events


class ActionAskComplaintConfirmed(Action):
    """Read the answers back, then ask whether to send them."""

    def name(self) -> str:
        return "action_ask_complaint_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        _wake_outbox()
        dispatcher.utter_message(response="utter_read_back", **read_back_values(tracker.current_slot_values()))
        dispatcher.utter_message(response="utter_ask_complaint_confirmed")
        return []
