"""POST /sms/inbound: Twilio's messaging webhook."""
import logging
from xml.etree import ElementTree

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import FeedbackItem, InboundSms
from tests.intake_web.sms.conftest import inbound

NUMBER = "+447700900123"


def _stored() -> list[InboundSms]:
    return db.session.scalars(sa.select(InboundSms).order_by(InboundSms.id)).all()


def test_a_text_with_a_bad_signature_is_refused_and_not_stored(twilio_post, fake_rasa):
    response = twilio_post("/sms/inbound", inbound("hi"), auth_token="not-the-token")
    assert response.status_code == 403
    assert _stored() == [] and fake_rasa.requests == []


def test_a_text_without_a_signature_is_refused(client, fake_rasa):
    assert client.post("/sms/inbound", data=inbound("hi")).status_code == 403


def test_a_text_is_stored_relayed_with_the_number_as_sender_and_answered_with_twiml(twilio_post, fake_rasa):
    response = twilio_post("/sms/inbound", inbound("my sw never txts me back"))
    assert response.status_code == 200 and response.mimetype == "application/xml"
    assert fake_rasa.requests == [{"sender": NUMBER, "message": "my sw never txts me back",
                                   "metadata": {"channel": "sms"}}]
    xml = response.get_data(as_text=True)
    assert "<Response><Message>You said: my sw never txts me back" in xml
    assert "1. Yes\n2. No" in xml
    [sms] = _stored()
    assert sms.from_number == NUMBER and sms.body == "my sw never txts me back" and sms.relay_status == "relayed"
    assert sms.reply_buttons == [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def test_a_numbered_reply_picks_the_offered_choice(twilio_post, fake_rasa):
    twilio_post("/sms/inbound", inbound("they cancelled contact", sid="SM1"))
    twilio_post("/sms/inbound", inbound("2", sid="SM2"))
    assert fake_rasa.texts() == ["they cancelled contact", "/deny"]


def test_a_number_without_an_offered_choice_is_sent_as_typed(twilio_post, fake_rasa):
    fake_rasa.reply = lambda sender, text, metadata: [{"text": "OK"}]
    twilio_post("/sms/inbound", inbound("hello", sid="SM1"))
    twilio_post("/sms/inbound", inbound("2", sid="SM2"))
    assert fake_rasa.texts() == ["hello", "2"]


def test_a_repeated_message_sid_is_ignored(twilio_post, fake_rasa):
    first = twilio_post("/sms/inbound", inbound("hello"))
    again = twilio_post("/sms/inbound", inbound("hello"))
    assert "<Message>" in first.get_data(as_text=True)
    assert again.status_code == 200 and "<Message>" not in again.get_data(as_text=True)
    assert len(fake_rasa.requests) == 1 and len(_stored()) == 1


def test_the_text_is_stored_before_anything_else_even_if_relaying_crashes(twilio_post, fake_rasa, monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("intake_web.sms.views.take_turn", crash)
    assert twilio_post("/sms/inbound", inbound("please keep this")).status_code == 500
    assert [sms.body for sms in _stored()] == ["please keep this"]


def test_when_rasa_is_down_the_text_is_kept_and_the_reply_points_to_the_web_form(twilio_post, rasa_down):
    xml = twilio_post("/sms/inbound", inbound("my placement is too far from school")).get_data(as_text=True)
    assert "not working right now" in xml and "http://127.0.0.1:5000/" in xml
    [sms] = _stored()
    assert sms.relay_status == "kept"
    assert db.session.scalars(sa.select(FeedbackItem)).all() == []


def test_a_disclosure_while_rasa_is_down_gives_the_numbers_and_makes_an_urgent_item(twilio_post, rasa_down,
                                                                                   smtp_server):
    xml = twilio_post("/sms/inbound", inbound("i want to kill myself")).get_data(as_text=True)
    assert xml.index("999") < xml.index("not working right now")
    [item] = db.session.scalars(sa.select(FeedbackItem)).all()
    assert item.safeguarding and item.urgent and item.channel == "sms" and item.sender_id == NUMBER


def test_a_first_text_that_discloses_danger_gets_the_safety_numbers_before_the_introduction(twilio_post, fake_rasa,
                                                                                            app):
    contacts = app.extensions["council"].contacts
    safety = (f"Thank you for telling me. If you are in danger now, call {contacts['emergency_phone']}. You can call "
              f"Childline free on {contacts['childline_phone']}. Out of hours, call our team on "
              f"{contacts['out_of_hours_phone']}. I am telling a person now.")
    # A new number starts the assistant's session: its introduction comes back in the same turn as its answer.
    fake_rasa.reply = lambda sender, text, metadata: [
        {"text": "Hi. I am a chat helper. I am a computer, not a person."},
        {"text": "People in our team read what you send. You do not have to tell us your name."},
        {"text": safety},
        {"text": "You can carry on, or stop here. Both are OK."},
    ]
    xml = twilio_post("/sms/inbound", inbound("my stepdad hits me")).get_data(as_text=True)
    text = ElementTree.fromstring(xml).find("Message").text
    assert text.startswith(safety)
    assert text.index("I am a computer") < text.index("People in our team") < text.index("You can carry on")
    assert _stored()[0].reply_text == text


def test_a_picture_without_words_is_answered_and_kept(twilio_post, fake_rasa):
    xml = twilio_post("/sms/inbound", {**inbound(""), "NumMedia": "1"}).get_data(as_text=True)
    assert "only read words" in xml and fake_rasa.requests == []
    assert _stored()[0].relay_status == "kept"


def test_the_phone_number_is_never_logged(twilio_post, fake_rasa, rasa_down, caplog):
    caplog.set_level(logging.DEBUG)
    twilio_post("/sms/inbound", inbound("hello", sid="SM1"))
    twilio_post("/sms/inbound", inbound("hello", sid="SM1"))
    twilio_post("/sms/inbound", inbound("hi"), auth_token="wrong")
    assert caplog.records
    assert not [record for record in caplog.records if "7700900123" in record.getMessage()]


def test_the_signature_is_checked_against_public_base_url_behind_a_proxy(twilio_post, fake_rasa, app,
                                                                       monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://feedback.example.gov.uk")
    assert twilio_post("/sms/inbound", inbound("hi")).status_code == 403
    ok = twilio_post("/sms/inbound", inbound("hi", sid="SM2"), url_base="https://feedback.example.gov.uk")
    assert ok.status_code == 200
