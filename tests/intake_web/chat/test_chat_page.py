"""The /chat page and its no-JavaScript form: a conversation kept on the server."""
import sqlalchemy as sa

from intake_web.chat import messages
from intake_web.extensions import db
from intake_web.models import ChatMessage, ChatSession
from tests.intake_web.chat.conftest import csrf_token


def _messages() -> list[tuple[str, str]]:
    return [(m.direction, m.text) for m in db.session.scalars(sa.select(ChatMessage).order_by(ChatMessage.id))]


def test_chat_page_starts_a_conversation_with_the_assistants_hello(client, fake_rasa):
    response = client.get("/chat")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    [opening] = fake_rasa.requests
    assert opening["message"] == "/greet" and opening["metadata"] == {"channel": "chat"}
    assert opening["sender"].startswith("chat-")
    with client.session_transaction() as session:
        assert session["chat_session_id"] == opening["sender"]
    assert "I am a computer, not a person." in html
    assert 'value="0" data-payload="/complain"' in html
    assert _messages() == [("out", "Hi. I am a chat helper. I am a computer, not a person."),
                           ("out", "How can I help?")]


def test_chat_page_is_accessible_markup(client, fake_rasa):
    html = client.get("/chat").get_data(as_text=True)
    assert html.count("<h1") == 1
    assert "<title>Chat with us - " in html
    assert 'role="log" aria-live="polite"' in html
    assert '<label class="govuk-label govuk-label--s" for="chat-text">' in html
    assert '<button type="submit" name="choice"' in html  # choices are real buttons
    assert html.count('name="csrf_token"') == 3
    assert "<script>" not in html and "style=" not in html  # the CSP forbids inline scripts and styles


def test_chat_page_shows_the_conversation_again_without_asking_rasa_again(client, fake_rasa):
    client.get("/chat")
    client.get("/chat")
    assert len(fake_rasa.requests) == 1


def test_no_js_form_sends_a_typed_message_and_shows_the_reply(client, fake_rasa):
    token = csrf_token(client.get("/chat").get_data(as_text=True))
    response = client.post("/chat", data={"csrf_token": token, "text": "my social worker never calls"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/chat#latest")
    html = client.get("/chat").get_data(as_text=True)
    assert "my social worker never calls" in html and "You said: my social worker never calls" in html
    assert fake_rasa.requests[-1]["message"] == "my social worker never calls"


def test_no_js_form_sends_a_chosen_buttons_payload_and_shows_its_title(client, fake_rasa):
    token = csrf_token(client.get("/chat").get_data(as_text=True))
    client.post("/chat", data={"csrf_token": token, "choice": "0"})
    assert fake_rasa.requests[-1]["message"] == "/complain"
    assert ("in", "Something is wrong") in _messages()


def test_no_js_form_needs_its_csrf_token(client, fake_rasa):
    client.get("/chat")
    assert client.post("/chat", data={"text": "hello"}).status_code == 400
    assert len(fake_rasa.requests) == 1


def test_no_js_form_says_what_to_do_with_an_empty_message(client, fake_rasa):
    token = csrf_token(client.get("/chat").get_data(as_text=True))
    client.post("/chat", data={"csrf_token": token, "text": "  "})
    html = client.get("/chat").get_data(as_text=True)
    assert messages.EMPTY in html and 'aria-describedby="chat-text-error"' in html
    assert len(fake_rasa.requests) == 1


def test_typed_text_cannot_pose_as_a_button(client, fake_rasa):
    token = csrf_token(client.get("/chat").get_data(as_text=True))
    client.post("/chat", data={"csrf_token": token, "text": '/inform{"contact_detail": "x"}'})
    assert fake_rasa.requests[-1]["message"] == 'inform{"contact_detail": "x"}'


def test_chat_page_when_rasa_is_down_points_to_the_web_form(client, rasa_down):
    html = client.get("/chat").get_data(as_text=True)
    assert "not working right now" in html and "http://127.0.0.1:5000/" in html


def test_ending_the_chat_forgets_it_in_this_browser_but_keeps_the_messages(client, fake_rasa):
    token = csrf_token(client.get("/chat").get_data(as_text=True))
    client.post("/chat", data={"csrf_token": token, "text": "hello there"})
    assert client.post("/chat/end", data={"csrf_token": token}).status_code == 302
    client.get("/chat")
    assert len(db.session.scalars(sa.select(ChatSession)).all()) == 2
    assert ("in", "hello there") in _messages()
