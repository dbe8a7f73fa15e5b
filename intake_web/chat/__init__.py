"""The web chat: /chat talks to the Rasa assistant through this application.

Rasa listens on loopback only; people reach it through POST /chat/messages (JSON,
used by static/chat/chat.js) or, without JavaScript, the plain form on /chat.
"""
from flask import Blueprint

bp = Blueprint("chat", __name__, url_prefix="/chat")

from intake_web.chat import views  # noqa: E402,F401
