"""GET and POST /chat (works without JavaScript), POST /chat/messages (JSON), POST /chat/end.

The conversation is kept on the server (chat_session, chat_message); the session
cookie holds only the conversation's random id, which is also the sender id Rasa
knows it by. Every message in and out is stored, so nothing is lost.
"""
from flask import abort, current_app, jsonify, redirect, render_template, request, session, url_for

from intake_web.chat import bp, messages
from intake_web.chat.conversation import display_text, greeting_when_down, take_turn
from intake_web.chat.dao import (KEPT, RELAYED, dao_create_chat_session, dao_fetch_chat_session,
                                 dao_fetch_last_buttons, dao_record_inbound, dao_record_opening,
                                 dao_record_replies)
from intake_web.chat.rasa_client import RasaUnavailable, send_to_rasa
from intake_web.extensions import csrf
from intake_web.models import ChatSession

SESSION_KEY = "chat_session_id"
CHANNEL = "chat"
# The assistant's first turn: it introduces itself and offers the choices.
OPENING_PAYLOAD = "/greet"
MAX_MESSAGE_LENGTH = 5000


def _current_chat() -> ChatSession | None:
    return dao_fetch_chat_session(session.get(SESSION_KEY))


def _start_chat() -> ChatSession:
    chat = dao_create_chat_session()
    session[SESSION_KEY] = chat.id
    try:
        replies = [reply.as_dict() for reply in send_to_rasa(chat.id, OPENING_PAYLOAD, CHANNEL)]
    except RasaUnavailable as error:
        current_app.logger.error("assistant unavailable at the start of a chat (%s)", error)
        replies = greeting_when_down()
    dao_record_opening(chat, replies)
    return chat


def _problem(status: int, message: str):
    return jsonify(errors=[{"field": "text", "message": message}]), status


def _turn(chat: ChatSession, text: str) -> list[dict]:
    offered = dao_fetch_last_buttons(chat)
    inbound = dao_record_inbound(chat, display_text(text, offered))
    result = take_turn(sender_id=chat.id, text=text, channel=CHANNEL, offered=offered,
                       down_messages=[messages.ASSISTANT_DOWN, messages.ASSISTANT_DOWN_WEB_FORM])
    dao_record_replies(chat, inbound, result.replies, RELAYED if result.relayed else KEPT, case=result.case)
    return result.replies


@bp.get("")
def chat_page():
    """The chat, with the whole conversation so far (a new one starts with the assistant's hello)."""
    chat = _current_chat() or _start_chat()
    return render_template("chat/chat.html", chat=chat, buttons=dao_fetch_last_buttons(chat),
                           problem=session.pop("chat_problem", None), max_length=MAX_MESSAGE_LENGTH)


@bp.post("")
def chat_form():
    """The same chat without JavaScript: a typed message or a chosen button, then the page again."""
    chat = _current_chat()
    if chat is None:
        return redirect(url_for("chat.chat_page"))
    offered = dao_fetch_last_buttons(chat)
    choice = request.form.get("choice")
    if choice is not None:
        if not choice.isdigit() or int(choice) >= len(offered):
            return redirect(url_for("chat.chat_page"))
        text = offered[int(choice)]["payload"]
    else:
        text = (request.form.get("text") or "").strip()
        if not text:
            session["chat_problem"] = messages.EMPTY
            return redirect(url_for("chat.chat_page", _anchor="chat-text"))
        if len(text) > MAX_MESSAGE_LENGTH:
            session["chat_problem"] = messages.TOO_LONG.format(limit=MAX_MESSAGE_LENGTH)
            return redirect(url_for("chat.chat_page", _anchor="chat-text"))
    _turn(chat, text)
    return redirect(url_for("chat.chat_page", _anchor="latest"))


@bp.post("/messages")
@csrf.exempt
def post_message():
    """JSON: {"sender": ..., "text": ...} -> {"sender": ..., "messages": [{"text", "buttons"}]}.

    `sender` must be this browser's own conversation (from the page); without one, a
    new conversation starts. Only JSON is accepted, so a form on another site cannot
    post here (and the session cookie is SameSite=Lax).
    """
    if not request.is_json:
        return _problem(415, "send JSON with the header Content-Type: application/json")
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return _problem(400, 'send a JSON object like {"sender": "...", "text": "hello"}')
    text = payload["text"].strip()
    if not text:
        return _problem(422, messages.EMPTY)
    if len(text) > MAX_MESSAGE_LENGTH:
        return _problem(413, messages.TOO_LONG.format(limit=MAX_MESSAGE_LENGTH))
    chat = _current_chat()
    if chat is None:
        chat = _start_chat()
        opening = [{"text": m.text, "buttons": m.buttons or []} for m in chat.messages]
    else:
        opening = []
        if payload.get("sender") not in (None, chat.id):
            abort(403, description=messages.CHAT_ENDED)
    replies = _turn(chat, text)
    return jsonify(sender=chat.id, messages=opening + replies)


@bp.post("/end")
def end_chat():
    """Forget this browser's conversation (the messages stay with the officers) and start afresh."""
    session.pop(SESSION_KEY, None)
    return redirect(url_for("chat.chat_page"))
