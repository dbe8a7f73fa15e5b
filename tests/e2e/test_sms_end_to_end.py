"""A whole conversation by text message: signed Twilio webhooks, real Rasa, real intake service."""
import re

import pytest

from tests.e2e.helpers import REFERENCE, TextingUser, find_item, wait_for_items

pytestmark = pytest.mark.rasa

NUMBER = "+447700900456"


def _numbered(reply: str, title: str) -> str:
    return re.search(rf"(\d+)\. {re.escape(title)}", reply).group(1)


def test_a_complaint_by_text_becomes_a_triaged_case_and_an_acknowledgement(stack, fake_twilio_api):
    person = TextingUser(stack, NUMBER)
    hello = person.text("hi")
    assert "I am a computer, not a person." in hello and "1. Something is wrong" in hello
    assert "What happened?" in person.text(_numbered(hello, "Something is wrong"))
    assert "Who or which team" in person.text("they cancelled my contact with my mum again and nobody told me why")
    assert "What would make it better?" in person.text("idk")
    advocate = person.text("to see my mum more")
    assert "Do you want an advocate?" in advocate
    contact = person.text(_numbered(advocate, "No"))
    assert "Can we get in touch" in contact
    method = person.text(_numbered(contact, "Yes"))
    read_back = person.text(_numbered(method, "Text me"))
    assert "Contact: by text, 07700 900456" in read_back  # the number they are texting from
    sent = person.text(_numbered(read_back, "Yes, send it"))
    reference = REFERENCE.search(sent).group(0)

    item = find_item(stack.app, reference)
    assert item.channel == "sms" and item.sender_id == NUMBER
    assert item.narrative.startswith("they cancelled my contact with my mum again")
    assert item.advocate_requested is False and item.consent_to_contact is True
    assert item.contact_method == "sms" and item.contact_phone == NUMBER
    assert item.triage_status == "done" and item.category is not None
    # The acknowledgement went out through the Twilio REST API (faked on loopback).
    acknowledgements = [m for m in fake_twilio_api.sent if m["To"] == NUMBER]
    assert acknowledgements and reference in acknowledgements[-1]["Body"]

    status = person.text(f"where is my complaint {reference}")
    assert re.search(r"step 1|quick first step|look at it soon", status)
    assert "We will send our next reply by" in status
    assert "can not find that one" in TextingUser(stack, "+447700900999").text(f"where is {reference}")


def test_a_bad_signature_is_refused_by_the_running_stack(stack):
    import requests

    response = requests.post(f"{stack.web_url}/sms/inbound", timeout=10, headers={"X-Twilio-Signature": "bad"},
                             data={"MessageSid": "SMbad", "From": NUMBER, "Body": "hi"})
    assert response.status_code == 403


def test_a_first_text_that_discloses_danger_gets_the_safety_numbers_before_anything_else(stack):
    from intake_web.models import FeedbackItem

    number = "+447700900321"
    reply = TextingUser(stack, number).text("my mums boyfriend hits me and im scared to go home")
    safety = reply.index("999")
    assert "0800 1111" in reply and "01632 960 999" in reply
    assert "telling a person now" in reply
    # The introduction that a first text gets comes after the numbers, not before them.
    assert "I am a computer" not in reply or reply.index("I am a computer") > safety
    [item] = wait_for_items(stack.app, FeedbackItem.sender_id == number)
    assert item.safeguarding and item.urgent and item.channel == "sms"
