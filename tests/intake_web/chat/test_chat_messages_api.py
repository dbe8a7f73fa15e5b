"""POST /chat/messages: the JSON endpoint the page's script uses."""
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import ChatMessage, FeedbackItem


def _start(client) -> str:
    client.get("/chat")
    with client.session_transaction() as session:
        return session["chat_session_id"]


def test_a_message_is_relayed_with_the_sender_and_the_replies_come_back(client, fake_rasa):
    sender = _start(client)
    response = client.post("/chat/messages", json={"sender": sender, "text": "they never ring me"})
    assert response.status_code == 200
    assert response.json["sender"] == sender
    assert response.json["messages"][0] == {"text": "You said: they never ring me", "buttons": []}
    assert response.json["messages"][1]["buttons"][0] == {"title": "Yes", "payload": "/affirm"}
    assert fake_rasa.requests[-1] == {"sender": sender, "message": "they never ring me",
                                      "metadata": {"channel": "chat"}}


def test_every_message_in_and_out_is_stored(client, fake_rasa):
    sender = _start(client)
    client.post("/chat/messages", json={"sender": sender, "text": "hello"})
    client.post("/chat/messages", json={"sender": sender, "text": "/affirm"})
    stored = db.session.scalars(sa.select(ChatMessage).order_by(ChatMessage.id)).all()
    assert [(m.direction, m.text, m.relay_status) for m in stored if m.direction == "in"] == \
        [("in", "hello", "relayed"), ("in", "Yes", "relayed")]
    assert len([m for m in stored if m.direction == "out"]) == 6


def test_the_endpoint_needs_no_csrf_token_but_only_takes_json(client, fake_rasa):
    sender = _start(client)
    assert client.post("/chat/messages", data={"sender": sender, "text": "hi"}).status_code == 415
    assert client.post("/chat/messages", json={"sender": sender, "text": "hi"}).status_code == 200


def test_someone_elses_sender_is_refused(client, fake_rasa):
    _start(client)
    response = client.post("/chat/messages", json={"sender": "chat-someone-else", "text": "where is CF-2026-00001"})
    assert response.status_code == 403
    assert response.json["errors"][0]["message"]
    assert fake_rasa.texts() == ["/greet"]


def test_without_a_conversation_one_starts_and_the_hello_comes_first(client, fake_rasa):
    response = client.post("/chat/messages", json={"sender": None, "text": "hi"})
    assert response.status_code == 200
    assert response.json["sender"].startswith("chat-")
    assert response.json["messages"][0]["text"].startswith("Hi. I am a chat helper")
    assert fake_rasa.texts() == ["/greet", "hi"]


def test_empty_and_too_long_messages_are_refused_with_a_reason(client, fake_rasa):
    sender = _start(client)
    assert client.post("/chat/messages", json={"sender": sender, "text": " "}).status_code == 422
    assert client.post("/chat/messages", json={"sender": sender, "text": "x" * 5001}).status_code == 413
    assert client.post("/chat/messages", json=["hi"]).status_code == 400


def test_when_rasa_is_down_the_message_is_kept_and_the_reply_is_honest(client, app, fake_rasa):
    sender = _start(client)
    fake_rasa.down = True
    response = client.post("/chat/messages", json={"sender": sender, "text": "my contact keeps being cancelled"})
    assert response.status_code == 200
    texts = [m["text"] for m in response.json["messages"]]
    assert "kept your message" in texts[0] and "web form" in texts[1]
    kept = db.session.scalar(sa.select(ChatMessage).where(ChatMessage.direction == "in"))
    assert kept.relay_status == "kept" and kept.text == "my contact keeps being cancelled"
    assert db.session.scalars(sa.select(FeedbackItem)).all() == []


def test_a_disclosure_while_rasa_is_down_still_reaches_a_person_now(client, app, fake_rasa, smtp_server):
    sender = _start(client)
    fake_rasa.down = True
    response = client.post("/chat/messages", json={"sender": sender, "text": "my step dad hits me"})
    first = response.json["messages"][0]["text"]
    assert "999" in first and "0800 1111" in first and "01632 960 999" in first
    [item] = db.session.scalars(sa.select(FeedbackItem)).all()
    assert item.safeguarding and item.urgent and item.channel == "chat" and item.sender_id == sender
    duty = app.extensions["council"].council["duty_team_email"]
    assert [m for m in smtp_server if m["To"] == duty]
    kept = db.session.scalar(sa.select(ChatMessage).where(ChatMessage.direction == "in"))
    assert (kept.relay_status, kept.feedback_item_id, kept.handled_by) == ("kept", item.id, "system")
