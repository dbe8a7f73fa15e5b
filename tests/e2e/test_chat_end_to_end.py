"""A whole conversation over /chat/messages with the real Rasa, action server and intake service."""
import pytest
import sqlalchemy as sa

from tests.e2e.helpers import REFERENCE, ChatUser, find_item, texts, wait_for_items

pytestmark = pytest.mark.rasa

NARRATIVE = "my social worker never rings me back and i missed my review because nobody told me it was on"


def test_a_complaint_over_the_web_chat_becomes_a_triaged_case(stack):
    from intake_web.models import ChatMessage
    from intake_web.extensions import db

    person = ChatUser(stack)
    assert "I am a computer, not a person." in person.opening
    assert "People in our team read what you send." in person.opening
    assert "Something is wrong" in person.opening  # the choices, as buttons

    assert "What happened?" in texts(person.say("/complain"))
    assert "Who or which team" in texts(person.say(NARRATIVE))
    assert "What would make it better?" in texts(person.say("my social worker"))
    replies = person.say("for her to ring me back when she says she will")
    assert "Do you want an advocate?" in texts(replies)
    assert [b["title"] for b in replies[-1]["buttons"]] == ["Yes", "No", "What is an advocate?"]
    assert "Can we get in touch" in texts(person.say("/affirm"))
    read_back = texts(person.say("/deny"))
    assert f"What happened: {NARRATIVE}" in read_back and "Advocate: yes please" in read_back
    assert "Contact: none, you stay anonymous" in read_back

    sent = texts(person.say("/affirm"))
    reference = REFERENCE.search(sent).group(0)
    assert "We will write back by" in sent

    item = find_item(stack.app, reference)
    assert item.channel == "chat" and item.sender_id == person.sender
    assert item.narrative.startswith(NARRATIVE)
    assert "Who or which service it is about: my social worker" in item.narrative
    assert item.desired_outcome == "for her to ring me back when she says she will"
    assert item.advocate_requested is True and item.anonymous is True
    assert item.triage_status == "done" and item.category in ("concern", "stage_one")
    assert item.service_area is not None and not item.safeguarding
    with stack.app.app_context():
        stored = db.session.scalars(sa.select(ChatMessage).where(ChatMessage.chat_session_id == person.sender)).all()
        assert [m.text for m in stored if m.direction == "in"][:2] == ["Something is wrong", NARRATIVE]
        assert all(m.relay_status == "relayed" for m in stored if m.direction == "in")


def test_a_disclosure_in_the_middle_of_the_form_is_answered_first_and_reaches_a_person(stack):
    from intake_web.models import FeedbackItem

    person = ChatUser(stack)
    person.say("i want to complain")
    person.say("the staff at my home never listen to me")
    replies = texts(person.say("the night staff. one of them grabbed me and hurt my arm"))
    first = replies.splitlines()[0]
    assert "999" in first and "0800 1111" in first and "01632 960 999" in first
    assert "telling a person now" in first
    assert "What would make it better?" in replies or "Who or which team" in replies  # the form carries on
    [item] = wait_for_items(stack.app, FeedbackItem.sender_id == person.sender)
    assert item.safeguarding and item.urgent and item.channel == "chat"
    assert "hurt my arm" in item.narrative
    # The young person leaves now: the item is already there, nothing else is needed.


def test_stop_sends_nothing(stack):
    from intake_web.models import FeedbackItem

    person = ChatUser(stack)
    person.say("/complain")
    person.say("my foster carer keeps reading my messages on my phone")
    assert "I have not sent anything" in texts(person.say("stop"))
    assert wait_for_items(stack.app, FeedbackItem.sender_id == person.sender, timeout=2) == []


def test_where_is_my_complaint_from_the_same_chat(stack):
    person = ChatUser(stack)
    person.say("/compliment")
    person.say("my key worker at the home")
    reference = REFERENCE.search(texts(person.say("she helped me sort out my college place"))).group(0)
    answer = texts(person.say(f"where is {reference}"))
    assert "We have finished" in answer or "pass it on" in answer or "look at it" in answer or "step" in answer
    stranger = ChatUser(stack)
    assert "can not find that one" in texts(stranger.say(f"where is {reference}"))


def test_when_the_intake_service_is_down_nothing_is_lost(stack):
    from intake_web.models import FeedbackItem

    person = ChatUser(stack)
    person.say("/compliment")
    person.say("the contact team")
    stack.api_switch.down = True
    try:
        replies = texts(person.say("they made my visits with my brother really fun"))
    finally:
        stack.api_switch.down = False
    assert "I could not send it just now" in replies and "saved it" in replies
    # The action server's outbox delivers it once the service is back, exactly once.
    [item] = wait_for_items(stack.app, FeedbackItem.sender_id == person.sender, timeout=60)
    assert "visits with my brother" in item.narrative and item.channel == "chat"
    assert len(wait_for_items(stack.app, FeedbackItem.sender_id == person.sender, count=2, timeout=3)) == 1
