"""The forms' validators: one class per form, as `validate_<form>`.

A `validate_<slot>` method returns `{slot: value}` for a good answer, or sends a
message saying what to do and returns `{slot: None}` so the form asks again.

Changing an answer works inside every form: "change my answer" (or "no" at the
read-back) sets `change_requested`; `required_slots` then puts `change_field`
first, so the form asks which answer; choosing one clears it, and the form asks
that question again before reading everything back.
"""
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import parsing
from actions.submission import channel_for

NOT_KNOWN = "not known"
CONTACT_SLOTS = ["contact_ok", "contact_method", "contact_detail"]


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _answer_text(value: Any, tracker: Tracker) -> str:
    """The person's words: the slot value, unless it is a button's payload."""
    value = value if isinstance(value, str) else ""
    return "" if value.startswith("/") else value.strip()


class ChangeAnswerMixin:
    """Lets a person change any earlier answer of the form."""

    # change_field value -> the slots it clears; first the ones the form asks again.
    CHANGEABLE: dict[str, list[str]] = {}
    CONFIRMATION_SLOT: str | None = None

    def _change_slots(self, tracker: Tracker) -> list[str]:
        if tracker.get_slot("change_requested"):
            return ["change_requested", "change_field"]
        return []

    def _clear(self, field: str) -> dict[str, Any]:
        cleared = {slot: None for slot in self.CHANGEABLE[field]}
        if self.CONFIRMATION_SLOT:
            cleared[self.CONFIRMATION_SLOT] = None
        return {**cleared, "change_requested": None, "change_field": None}

    def _field_from(self, tracker: Tracker, value: Any) -> str | None:
        allowed = tuple(self.CHANGEABLE)
        for entity in tracker.get_latest_entity_values("change_field"):
            if entity in allowed:
                return entity
        if isinstance(value, str) and value in allowed:
            return value
        return parsing.parse_change_field(_text(tracker), allowed)

    def validate_change_requested(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        """Clear the answer named in the same message, or keep asking which one."""
        if not value:
            return {"change_requested": None}
        field = self._field_from(tracker, None)
        return self._clear(field) if field else {"change_requested": True}

    def validate_change_field(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        """Clear the chosen answer so the form asks it again."""
        field = self._field_from(tracker, value)
        if field:
            return self._clear(field)
        dispatcher.utter_message(response="utter_pick_change_field")
        return {"change_field": None}


class ContactMixin:
    """Whether and how we may get in touch: shared by the complaint and advocate forms."""

    def _contact_slots(self, tracker: Tracker) -> list[str]:
        if tracker.get_slot("contact_ok") is True:
            return list(CONTACT_SLOTS)
        return ["contact_ok"]

    def validate_contact_ok(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: DomainDict) -> dict[str, Any]:
        """Yes means we may get in touch; no means they stay anonymous."""
        answer = parsing.parse_yes_no(_answer_text(value, tracker), _intent(tracker))
        if answer is None and parsing.is_dont_know(_text(tracker), _intent(tracker)):
            answer = False
        if answer is None:
            dispatcher.utter_message(response="utter_pick_yes_or_no")
            return {"contact_ok": None}
        if answer is False:
            return {"contact_ok": False, "contact_method": None, "contact_detail": None}
        return {"contact_ok": True}

    def validate_contact_method(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        """Text, email or phone; by text, the number they are texting from is used."""
        method = next((m for m in tracker.get_latest_entity_values("contact_method")
                       if m in ("sms", "email", "phone")), None)
        method = method or parsing.parse_contact_method(_answer_text(value, tracker))
        if method is None:
            dispatcher.utter_message(response="utter_pick_contact_method")
            return {"contact_method": None}
        result: dict[str, Any] = {"contact_method": method}
        typed_email = parsing.find_email(_answer_text(value, tracker)) if method == "email" else None
        sender_phone = parsing.find_uk_phone(tracker.sender_id)
        if typed_email:
            result["contact_detail"] = typed_email
        elif method in ("sms", "phone") and sender_phone and \
                channel_for(tracker.sender_id, tracker.latest_message.get("metadata")) == "sms":
            result["contact_detail"] = sender_phone
        return result

    def validate_contact_detail(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        """An email address or a UK phone number, as the chosen method needs."""
        text = _answer_text(value, tracker)
        if tracker.get_slot("contact_method") == "email":
            email = parsing.find_email(text)
            if not email:
                dispatcher.utter_message(response="utter_invalid_email")
            return {"contact_detail": email}
        phone = parsing.find_uk_phone(text)
        if not phone:
            dispatcher.utter_message(response="utter_invalid_phone")
        return {"contact_detail": phone}


class ValidateComplaintForm(ChangeAnswerMixin, ContactMixin, FormValidationAction):
    """Something is wrong: what happened, who, what would help, advocate, contact, read-back."""

    CHANGEABLE = {
        "what_happened": ["complaint_what_happened"],
        "who": ["complaint_who"],
        "make_better": ["complaint_make_better"],
        "advocate": ["advocate_wanted"],
        "contact": CONTACT_SLOTS,
    }
    CONFIRMATION_SLOT = "complaint_confirmed"

    def name(self) -> str:
        return "validate_complaint_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> list[str]:
        """Ask which answer to change first, and how to get in touch only if we may."""
        return [*self._change_slots(tracker), "complaint_what_happened", "complaint_who", "complaint_make_better",
                "advocate_wanted", *self._contact_slots(tracker), "complaint_confirmed"]

    async def extract_complaint_what_happened(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                              domain: DomainDict) -> dict[str, Any]:
        """Take 'what happened' from the opening message when it already says it."""
        if tracker.get_slot("requested_slot") or tracker.get_slot("complaint_what_happened"):
            return {}
        if _intent(tracker) != "complain":
            return {}
        narrative = parsing.narrative_in_opener(_text(tracker))
        return {"complaint_what_happened": narrative} if narrative else {}

    def validate_complaint_what_happened(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                         domain: DomainDict) -> dict[str, Any]:
        """What happened, in their own words: at least a few words."""
        text = _answer_text(value, tracker)
        if parsing.is_too_short(text):
            dispatcher.utter_message(response="utter_tell_me_more")
            return {"complaint_what_happened": None}
        return {"complaint_what_happened": text}

    def validate_complaint_who(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        """Who or which service it is about; 'not sure' is a fine answer."""
        text = _answer_text(value, tracker)
        if not text or parsing.is_dont_know(text, _intent(tracker)):
            return {"complaint_who": NOT_KNOWN}
        return {"complaint_who": text}

    def validate_complaint_make_better(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> dict[str, Any]:
        """What would make it better; 'not sure' is a fine answer."""
        text = _answer_text(value, tracker)
        if not text or parsing.is_dont_know(text, _intent(tracker)):
            return {"complaint_make_better": NOT_KNOWN}
        return {"complaint_make_better": text}

    def validate_advocate_wanted(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        """Yes or no; 'not sure' gets the explanation and the question again."""
        if value is True or _intent(tracker) == "request_advocate":
            return {"advocate_wanted": True}
        answer = parsing.parse_yes_no(_answer_text(value, tracker), _intent(tracker))
        if answer is None:
            if parsing.is_dont_know(_text(tracker), _intent(tracker)):
                dispatcher.utter_message(response="utter_what_is_advocate")
            else:
                dispatcher.utter_message(response="utter_pick_yes_or_no")
        return {"advocate_wanted": answer}

    def validate_complaint_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> dict[str, Any]:
        """Yes sends it; no asks which answer to change."""
        answer = parsing.parse_yes_no(_answer_text(value, tracker), _intent(tracker))
        if answer is True:
            return {"complaint_confirmed": True}
        if answer is False:
            return {"complaint_confirmed": None, "change_requested": True}
        dispatcher.utter_message(response="utter_pick_yes_or_no")
        return {"complaint_confirmed": None}


class ValidateComplimentForm(ChangeAnswerMixin, FormValidationAction):
    """Something was good: who to thank and what they did well."""

    CHANGEABLE = {"compliment_who": ["compliment_who"], "compliment_what": ["compliment_what"]}

    def name(self) -> str:
        return "validate_compliment_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> list[str]:
        """Who, then what; after 'change my answer', which one first."""
        return [*self._change_slots(tracker), "compliment_who", "compliment_what"]

    def validate_compliment_who(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        """A person or a team; 'not sure' is a fine answer."""
        text = _answer_text(value, tracker)
        if not text or parsing.is_dont_know(text, _intent(tracker)):
            return {"compliment_who": NOT_KNOWN}
        return {"compliment_who": text}

    def validate_compliment_what(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        """What they did well: at least a few words."""
        text = _answer_text(value, tracker)
        if parsing.is_too_short(text):
            dispatcher.utter_message(response="utter_tell_me_more")
            return {"compliment_what": None}
        return {"compliment_what": text}


class ValidateAdvocateForm(ChangeAnswerMixin, ContactMixin, FormValidationAction):
    """An advocate asked for on its own: what for, and how the advocate can reach them."""

    CHANGEABLE = {"advocate_about": ["advocate_about"], "contact": CONTACT_SLOTS}

    def name(self) -> str:
        return "validate_advocate_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> list[str]:
        """What for, then contact; after 'change my answer', which one first."""
        return [*self._change_slots(tracker), "advocate_about", *self._contact_slots(tracker)]

    def validate_advocate_about(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        """What they want help with; 'not sure' is a fine answer."""
        text = _answer_text(value, tracker)
        if not text or parsing.is_dont_know(text, _intent(tracker)):
            return {"advocate_about": NOT_KNOWN}
        return {"advocate_about": text}


class ValidateStatusForm(FormValidationAction):
    """Where is my complaint: the reference it was given."""

    UNKNOWN = "unknown"

    def name(self) -> str:
        return "validate_status_form"

    async def extract_status_reference(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> dict[str, Any]:
        """Take the reference from the question itself ('where is CF-2026-00042?')."""
        if tracker.get_slot("requested_slot") or tracker.get_slot("status_reference"):
            return {}
        reference = parsing.find_reference(_text(tracker))
        return {"status_reference": reference} if reference else {}

    def validate_status_reference(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        """A reference like CF-2026-00042; 'I don't know' ends the form with a phone number."""
        if value == self.UNKNOWN or parsing.is_dont_know(_text(tracker), _intent(tracker)):
            return {"status_reference": self.UNKNOWN}
        reference = parsing.find_reference(value if isinstance(value, str) else "")
        if not reference:
            dispatcher.utter_message(response="utter_invalid_reference")
        return {"status_reference": reference}
