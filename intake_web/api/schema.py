"""The feedback API's request schema, its validation and its OpenAPI description.

Label ids come from the council's taxonomy, so the schema is built per application.
Every problem is reported, each with the field it is about and what to do.
"""
from datetime import date
from typing import Any

from jsonschema import Draft202012Validator

from intake_web.constants import CHANNELS, CONTACT_METHODS, FEEDBACK_KINDS
from intake_web.council_config import CouncilConfig
from intake_web.intake import FeedbackSubmission
from intake_web.validators import is_valid_email, normalise_phone

MAX_TEXT = 20_000
MAX_SHORT = 200


def _text(max_length: int, description: str) -> dict:
    return {"type": ["string", "null"], "maxLength": max_length, "description": description}


def feedback_request_schema(council: CouncilConfig) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT,
                     "description": "What the person wants to tell us, in their own words."},
            "channel": {"enum": list(CHANNELS), "default": "web"},
            "complainant_role": {"enum": [*council.taxonomy["complainant_roles"], None]},
            "is_young_person": {"type": ["boolean", "null"]},
            "feedback_kind": {"enum": [*FEEDBACK_KINDS, None]},
            "formal_complaint": {"type": "boolean", "default": False,
                                 "description": "The person asked for a formal (stage one) complaint."},
            "desired_outcome": _text(MAX_TEXT, "What would put it right, in their words."),
            "advocate_requested": {"type": "boolean", "default": False},
            "anonymous": {"type": "boolean", "default": False,
                          "description": "No contact details: the council cannot reply or ask questions."},
            "consent_to_contact": {"type": "boolean", "default": False},
            "complainant_name": _text(MAX_SHORT, "The person's name, if they gave it."),
            "contact": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "method": {"enum": list(CONTACT_METHODS), "default": "none"},
                    "email": {"type": ["string", "null"], "maxLength": 320},
                    "phone": {"type": ["string", "null"], "maxLength": 40},
                    "postal_address": _text(1000, "Full postal address."),
                },
            },
            "child": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "name": _text(MAX_SHORT, "The child's name."),
                    "date_of_birth": {"type": ["string", "null"], "format": "date"},
                    "details": _text(2000, "Anything else that helps us find the child's records."),
                },
            },
            "sender_id": _text(MAX_SHORT, "The chat sender or phone number the conversation came from."),
            "client_submission_id": _text(100, "A client's own id: a retry with the same id returns the first result."),
            "safeguarding": {"type": "boolean", "default": False,
                             "description": "The client has already seen a disclosure of harm: treat as urgent."},
        },
    }


_TYPE_WORDS = {"string": "text", "boolean": "true or false", "object": "an object", "null": "null"}


def _field_name(error) -> str:
    path = [str(part) for part in error.absolute_path]
    if error.validator == "required":
        missing = error.message.split("'")[1]
        path.append(missing)
    return ".".join(path) or "(body)"


def _message(error, field: str) -> str:
    validator = error.validator
    if validator == "required":
        if field == "text":
            return "text is required: send what the person wants to tell us, in their own words"
        return f"{field} is required"
    if validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{field} must be " + " or ".join(_TYPE_WORDS.get(kind, kind) for kind in expected)
    if validator == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value if choice is not None)
        return f"{field} must be one of: {choices}"
    if validator == "maxLength":
        return f"{field} must be {error.validator_value:,} characters or fewer"
    if validator == "minLength":
        return f"{field} must not be empty"
    if validator == "additionalProperties":
        unknown = ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
        return f"unknown field {unknown}: remove it or check its spelling"
    return f"{field} is not valid: {error.message}"


def validate_feedback_request(payload: Any, council: CouncilConfig) -> tuple[FeedbackSubmission | None, list[dict]]:
    """Return a submission, or None and a list of {field, message} problems."""
    if not isinstance(payload, dict):
        return None, [{"field": "(body)", "message": "send a JSON object, for example {\"text\": \"...\"}"}]
    validator = Draft202012Validator(feedback_request_schema(council))
    errors = []
    for error in sorted(validator.iter_errors(payload), key=lambda e: list(e.absolute_path)):
        field = _field_name(error)
        errors.append({"field": field, "message": _message(error, field)})
    if errors:
        return None, errors

    if not payload["text"].strip():
        errors.append({"field": "text", "message": "text must not be blank: send what the person wants to tell us"})
    contact = payload.get("contact") or {}
    method = contact.get("method") or "none"
    anonymous = payload.get("anonymous", False)
    email = (contact.get("email") or "").strip() or None
    phone = (contact.get("phone") or "").strip() or None
    address = (contact.get("postal_address") or "").strip() or None
    if anonymous and (method != "none" or email or phone or address):
        errors.append({"field": "anonymous", "message": "anonymous feedback cannot have contact details: "
                       "set anonymous to false, or remove the contact details"})
    if email and not is_valid_email(email):
        errors.append({"field": "contact.email", "message": "contact.email must be an email address, like name@example.com"})
    normalised_phone = None
    if phone:
        normalised_phone = normalise_phone(phone)
        if not normalised_phone:
            errors.append({"field": "contact.phone", "message": "contact.phone must be a UK phone number, like 07700 900123"})
    needed = {"email": ("contact.email", email), "sms": ("contact.phone", phone),
              "phone": ("contact.phone", phone), "post": ("contact.postal_address", address)}
    if method in needed and not needed[method][1]:
        errors.append({"field": needed[method][0], "message": f"{needed[method][0]} is required when contact.method is {method}"})
    child = payload.get("child") or {}
    date_of_birth = None
    if child.get("date_of_birth"):
        try:
            date_of_birth = date.fromisoformat(child["date_of_birth"])
            if date_of_birth > date.today():
                raise ValueError
        except ValueError:
            errors.append({"field": "child.date_of_birth", "message": "child.date_of_birth must be a real date in the past, as YYYY-MM-DD"})
    if errors:
        return None, errors

    return FeedbackSubmission(
        channel=payload.get("channel", "web"),
        text=payload["text"],
        complainant_role=payload.get("complainant_role"),
        is_young_person=payload.get("is_young_person"),
        feedback_kind=payload.get("feedback_kind"),
        formal_complaint_requested=payload.get("formal_complaint", False),
        desired_outcome=payload.get("desired_outcome"),
        advocate_requested=payload.get("advocate_requested", False),
        anonymous=anonymous,
        contact_method=method,
        contact_email=email,
        contact_phone=normalised_phone,
        contact_address=address,
        consent_to_contact=payload.get("consent_to_contact", False) and method != "none",
        complainant_name=payload.get("complainant_name"),
        child_name=child.get("name"),
        child_date_of_birth=date_of_birth,
        child_details=child.get("details"),
        sender_id=payload.get("sender_id"),
        client_submission_id=payload.get("client_submission_id"),
        safeguarding_reported=payload.get("safeguarding", False),
    ), []
