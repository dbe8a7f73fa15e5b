"""Messages kept for officers: chat messages and texts sent while the assistant was down, in the console."""
import logging
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent, ChatMessage, FeedbackItem, InboundSms
from tests.intake_web.sms.conftest import inbound, twilio_post  # noqa: F401 (a fixture used here too)
from tests.intake_web.staff.staff_factories import (
    create_case,
    create_kept_chat_message,
    create_kept_text,
    csrf_token,
    post_form,
    sign_in,
)

NUMBER = "+447700900123"
LIST = "/staff/kept-messages"


def _url(message, action: str = "") -> str:
    channel = "chat" if isinstance(message, ChatMessage) else "sms"
    return f"{LIST}/{channel}/{message.id}" + (f"/{action}" if action else "")


def _events(action: str) -> list[AuditEvent]:
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def _items() -> list[FeedbackItem]:
    return db.session.scalars(sa.select(FeedbackItem).order_by(FeedbackItem.id)).all()


# --- Who may see them -------------------------------------------------------------------------------

def _every_kept_message_url(message) -> list[str]:
    return [LIST, _url(message), _url(message, "make-case"), _url(message, "dealt-with")]


@pytest.mark.parametrize("who", ["manager_client", "admin_client"])
def test_only_officers_may_open_kept_messages(request, who):
    client = request.getfixturevalue(who)
    message = create_kept_text()
    for url in _every_kept_message_url(message):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "nobody came to my review" not in response.text and NUMBER not in response.text
    refusals = _events("access-refused")
    assert len(refusals) == 4 and {event.detail["reason"] for event in refusals} == {"role"}


def test_a_team_manager_cannot_make_a_case_or_mark_a_message_dealt_with(manager_client):
    message = create_kept_chat_message()
    token = csrf_token(manager_client.get("/staff/").text)
    for action in ("make-case", "dealt-with"):
        assert manager_client.post(_url(message, action), data={"csrf_token": token}).status_code == 403
    db.session.expire_all()
    assert message.handled_at is None and _items() == []


def test_anonymous_visitors_are_sent_to_sign_in(client):
    message = create_kept_text()
    for url in _every_kept_message_url(message):
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"].startswith("/staff/login")


def test_a_message_that_was_not_kept_is_not_found(officer_client):
    answered = create_kept_text(relay_status="relayed")
    assert officer_client.get(_url(answered)).status_code == 404
    assert officer_client.get(f"{LIST}/email/1").status_code == 404


def test_officers_see_kept_messages_in_the_navigation_and_team_managers_do_not(officer_client, manager):
    assert 'href="/staff/kept-messages"' in officer_client.get("/staff/").text
    officer_client.post("/staff/logout", data={"csrf_token": csrf_token(officer_client.get("/staff/").text)})
    sign_in(officer_client, manager.email)
    assert 'href="/staff/kept-messages"' not in officer_client.get("/staff/").text


# --- The list and the queue's count -----------------------------------------------------------------

def test_the_list_shows_each_waiting_message_with_channel_time_words_and_phone_number(officer_client):
    now = datetime.now(timezone.utc)
    text = create_kept_text("my sw never calls back", received_at=now - timedelta(hours=2))
    chat = create_kept_chat_message("contact was cancelled again", received_at=now - timedelta(hours=5))
    create_kept_text("thanks for sorting it", number="+447700900999", relay_status="relayed")
    page = officer_client.get(LIST).text
    assert "<h1 class=\"govuk-heading-l\">Messages kept for officers</h1>" in page
    assert "Waiting for an officer: 2" in page
    assert page.index("Web chat message received") < page.index(f"Text message from {NUMBER}, received")  # oldest first
    assert "contact was cancelled again" in page and "my sw never calls back" in page
    assert NUMBER in page and "thanks for sorting it" not in page
    for message in (text, chat):
        assert f'href="{_url(message)}"' in page and f'href="{_url(message, "make-case")}"' in page
        assert f'href="{_url(message, "dealt-with")}"' in page
    assert [event.detail for event in _events("kept-messages-viewed")] == [{"page": "kept-messages"}]


def test_the_list_says_when_nothing_is_waiting(officer_client):
    page = officer_client.get(LIST).text
    assert "No messages are waiting." in page and "Waiting for an officer: 0" in page


def test_the_queue_counts_waiting_messages_for_officers(officer_client):
    assert 'id="kept-messages-waiting"' not in officer_client.get("/staff/").text
    create_kept_text()
    create_kept_chat_message()
    done = create_kept_text("sorted", number="+447700900555")
    done.handled_at, done.handled_by = datetime.now(timezone.utc), "officer@example.gov.uk"
    db.session.commit()
    page = officer_client.get("/staff/").text
    assert "2 messages kept for officers</a>" in page and "are waiting" in page


def test_the_queue_does_not_count_kept_messages_for_team_managers(manager_client):
    create_kept_text()
    assert "kept for officers" not in manager_client.get("/staff/").text


# --- The conversation around it ---------------------------------------------------------------------

def test_a_kept_chat_message_shows_the_whole_chat(officer_client):
    first = create_kept_chat_message("hi", relay_status="relayed", replies=("Hi. I am a chat helper.",))
    kept = create_kept_chat_message("my foster carer shouts at me", chat=first.chat_session,
                                    replies=("Sorry, our chat helper is not working right now.",))
    page = officer_client.get(_url(kept)).text
    assert "Waiting for an officer" in page
    chat = page[page.index('id="conversation-lines"'):]
    assert chat.index(">hi<") < chat.index("Hi. I am a chat helper.") < chat.index('id="the-kept-message"') \
        < chat.index("my foster carer shouts at me") < chat.index("Sorry, our chat helper is not working right now.")
    [view] = _events("kept-messages-viewed")
    assert view.detail == {"channel": "chat", "message_id": kept.id, "page": "conversation"}
    assert view.actor == "officer@example.gov.uk"


def test_a_kept_text_shows_the_numbers_texts_around_it_and_not_other_numbers(officer_client):
    create_kept_text("earlier text", relay_status="relayed", reply="What happened?")
    create_kept_text("someone else", number="+447700900999")
    kept = create_kept_text("my placement is too far from school")
    page = officer_client.get(_url(kept)).text
    assert "earlier text" in page and "What happened?" in page and "my placement is too far from school" in page
    assert "someone else" not in page and NUMBER in page


def test_the_conversation_page_lists_cases_already_made_from_it(officer_client):
    kept = create_kept_text()
    earlier = create_case(channel="sms", sender_id=NUMBER)
    page = officer_client.get(_url(kept)).text
    assert "This phone number already has a case" in page and earlier.reference in page


# --- Make a case ------------------------------------------------------------------------------------

def test_making_a_case_from_a_kept_chat_message_goes_through_intake(officer_client, officer, smtp_server):
    received_at = datetime(2026, 11, 30, 20, 15, tzinfo=timezone.utc)
    kept = create_kept_chat_message("My social worker has not visited for six weeks and nobody calls me back.",
                                    received_at=received_at)
    page = officer_client.get(_url(kept, "make-case"))
    assert "It is triaged like any other" in page.text
    response = post_form(officer_client, _url(kept, "make-case"), {})
    [item] = _items()
    assert response.status_code == 302 and response.headers["Location"] == f"/staff/cases/{item.reference}"
    assert (item.channel, item.sender_id) == ("chat", kept.chat_session_id)
    assert item.narrative == "My social worker has not visited for six weeks and nobody calls me back."
    assert item.received_at.replace(tzinfo=timezone.utc) == received_at
    assert item.triage_status in ("done", "failed") and item.stages, "intake triages it and opens a stage"
    assert item.stages[0].started_on == received_at.date()
    db.session.expire_all()
    assert kept.feedback_item_id == item.id and kept.handled_by == officer.email and kept.handled_at
    [made] = _events("kept-message-made-case")
    assert (made.actor, made.feedback_item_id, made.detail) == (officer.email, item.id,
                                                                  {"channel": "chat", "message_id": kept.id})
    [received] = [event for event in _events("received") if event.feedback_item_id == item.id]
    assert received.actor == officer.email and received.detail["kept_message_id"] == kept.id
    assert f"Case {item.reference} made from the message" in officer_client.get(response.headers["Location"]).text
    if item.service_area:
        assert [message for message in smtp_server if item.reference in message["Subject"]], "the team is told"


def test_making_a_case_from_a_kept_text_uses_the_phone_number_as_sender(officer_client, smtp_server):
    kept = create_kept_text("they moved my contact to a school day again")
    post_form(officer_client, _url(kept, "make-case"), {})
    [item] = _items()
    assert (item.channel, item.sender_id, item.narrative) == ("sms", NUMBER,
                                                              "they moved my contact to a school day again")
    list_page = officer_client.get(LIST).text
    assert "No messages are waiting." in list_page and "Made into case" in list_page and item.reference in list_page


def test_a_message_becomes_only_one_case(officer_client, smtp_server):
    kept = create_kept_text()
    page = officer_client.get(_url(kept, "make-case"))
    token = csrf_token(page.text)
    first = officer_client.post(_url(kept, "make-case"), data={"csrf_token": token})
    again = officer_client.post(_url(kept, "make-case"), data={"csrf_token": token})
    assert first.status_code == 302 and again.status_code == 302
    assert again.headers["Location"] == _url(kept)
    assert len(_items()) == 1 and len(_events("kept-message-made-case")) == 1
    assert "already been dealt with" in officer_client.get(_url(kept)).text


def test_a_text_with_no_words_cannot_be_made_a_case(officer_client):
    kept = create_kept_text("", reply="Sorry, I can only read words.")
    assert 'href="' + _url(kept, "make-case") not in officer_client.get(LIST).text
    response = officer_client.get(_url(kept, "make-case"))
    assert response.status_code == 302 and response.headers["Location"] == _url(kept)
    assert "no words to make a case from" in officer_client.get(_url(kept)).text
    assert _items() == []


def test_making_a_case_needs_the_csrf_token(officer_client):
    kept = create_kept_text()
    assert officer_client.post(_url(kept, "make-case"), data={}).status_code == 400
    assert _items() == []


def test_a_failure_while_making_the_case_puts_the_message_back_to_waiting(officer_client, monkeypatch):
    kept = create_kept_text()
    token = csrf_token(officer_client.get(_url(kept, "make-case")).text)

    def fail(submission, actor):
        raise RuntimeError("database went away")

    monkeypatch.setattr("intake_web.staff.kept_message_views.submit_feedback", fail)
    assert officer_client.post(_url(kept, "make-case"), data={"csrf_token": token}).status_code == 500
    db.session.expire_all()
    assert kept.handled_at is None and kept.handled_by is None


# --- Mark as dealt with -----------------------------------------------------------------------------

def test_marking_a_message_dealt_with_keeps_the_note_and_audits_it(officer_client, officer):
    kept = create_kept_chat_message()
    response = post_form(officer_client, _url(kept, "dealt-with"), {"note": "Same as CF-2026-00001, rang the carer"})
    assert response.status_code == 302 and response.headers["Location"] == LIST
    db.session.expire_all()
    assert (kept.handled_by, kept.handled_note) == (officer.email, "Same as CF-2026-00001, rang the carer")
    assert kept.handled_at and kept.feedback_item_id is None and _items() == []
    [event] = _events("kept-message-dealt-with")
    assert (event.actor, event.detail) == (officer.email, {"channel": "chat", "message_id": kept.id,
                                                           "with_note": True})
    page = officer_client.get(LIST).text
    assert "Message marked as dealt with." in page and "Marked as dealt with" in page
    assert "Same as CF-2026-00001" in officer_client.get(_url(kept)).text


def test_the_note_is_optional(officer_client):
    kept = create_kept_text()
    assert post_form(officer_client, _url(kept, "dealt-with"), {"note": ""}).status_code == 302
    db.session.expire_all()
    assert kept.handled_at and kept.handled_note is None
    assert _events("kept-message-dealt-with")[0].detail["with_note"] is False


def test_a_note_that_is_too_long_is_refused_with_a_reason(officer_client):
    kept = create_kept_text()
    response = post_form(officer_client, _url(kept, "dealt-with"), {"note": "x" * 5001})
    assert response.status_code == 200 and "The note must be 5,000 characters or fewer" in response.text
    db.session.expire_all()
    assert kept.handled_at is None


def test_a_message_already_dealt_with_cannot_be_dealt_with_again(officer_client):
    kept = create_kept_text()
    post_form(officer_client, _url(kept, "dealt-with"), {"note": ""})
    response = officer_client.get(_url(kept, "dealt-with"))
    assert response.status_code == 302 and response.headers["Location"] == _url(kept)
    assert len(_events("kept-message-dealt-with")) == 1


# --- Messages the safety net already made into cases, and personal data -----------------------------

def test_a_disclosure_kept_while_rasa_is_down_is_already_an_urgent_case(officer_client, twilio_post, rasa_down,
                                                                      smtp_server):
    twilio_post("/sms/inbound", inbound("my stepdad hits me"))
    [item] = _items()
    kept = db.session.scalars(sa.select(InboundSms)).one()
    assert kept.relay_status == "kept" and kept.feedback_item_id == item.id and kept.handled_by == "system"
    page = officer_client.get(LIST).text
    assert "No messages are waiting." in page
    assert "automatically, because it may show a child at risk of harm" in page and item.reference in page


def test_the_phone_number_and_words_are_never_logged(officer_client, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    first, second = create_kept_text("please ring me back"), create_kept_text("second text")
    officer_client.get(LIST)
    officer_client.get(_url(first))
    post_form(officer_client, _url(first, "make-case"), {})
    post_form(officer_client, _url(second, "dealt-with"), {"note": "rang them"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "7700900123" not in logged and "please ring me back" not in logged and "rang them" not in logged
