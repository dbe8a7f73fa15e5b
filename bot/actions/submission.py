"""Build the intake API's JSON from a conversation's slots (pure functions)."""
import re

SMS_SENDER = re.compile(r"^\+?[0-9]{7,15}$")


def channel_for(sender_id: str, metadata: dict | None) -> str:
    """Return "sms" or "chat": the web application says which in the message metadata."""
    channel = (metadata or {}).get("channel")
    if channel in ("sms", "chat"):
        return channel
    return "sms" if SMS_SENDER.match(sender_id or "") else "chat"


def _contact(slots: dict) -> dict:
    if not slots.get("contact_ok"):
        return {"anonymous": True, "consent_to_contact": False, "contact": {"method": "none"}}
    method = slots.get("contact_method")
    detail = slots.get("contact_detail")
    contact = {"method": method}
    if method == "email":
        contact["email"] = detail
    elif method in ("sms", "phone"):
        contact["phone"] = detail
    return {"anonymous": False, "consent_to_contact": True, "contact": contact}


def _known(value: str | None) -> str | None:
    return value if value and value != "not known" else None


def complaint_payload(slots: dict, sender_id: str, channel: str, safeguarding: bool = False) -> dict:
    """The API request for 'something is wrong'."""
    text = slots["complaint_what_happened"]
    who = _known(slots.get("complaint_who"))
    if who:
        text = f"{text}\n\nWho or which service it is about: {who}"
    return {
        "text": text,
        "channel": channel,
        "feedback_kind": "something_wrong",
        "desired_outcome": _known(slots.get("complaint_make_better")),
        "advocate_requested": bool(slots.get("advocate_wanted")),
        "sender_id": sender_id,
        "safeguarding": safeguarding,
        **_contact(slots),
    }


def compliment_payload(slots: dict, sender_id: str, channel: str) -> dict:
    """The API request for 'something was good'."""
    return {
        "text": f"{slots['compliment_what']}\n\nWho it is for: {slots['compliment_who']}",
        "channel": channel,
        "feedback_kind": "something_good",
        "sender_id": sender_id,
        "anonymous": False,
        "consent_to_contact": False,
        "contact": {"method": "none"},
    }


def advocate_payload(slots: dict, sender_id: str, channel: str) -> dict:
    """The API request for an advocate asked for on its own."""
    about = _known(slots.get("advocate_about"))
    text = "I would like an advocate."
    if about:
        text += f"\n\nWhat I need help with: {about}"
    return {
        "text": text,
        "channel": channel,
        "feedback_kind": "advocate",
        "advocate_requested": True,
        "sender_id": sender_id,
        **_contact(slots),
    }


def safeguarding_payload(text: str, sender_id: str, channel: str) -> dict:
    """The API request for a disclosure of harm: urgent, whatever else is going on."""
    return {
        "text": text,
        "channel": channel,
        "sender_id": sender_id,
        "safeguarding": True,
        "anonymous": False,
        "consent_to_contact": False,
        "contact": {"method": "none"},
    }
