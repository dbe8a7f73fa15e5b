"""The one way the web application talks to Rasa: its REST channel on loopback.

Both the web chat and SMS use it. The channel goes in the message metadata, so the
assistant's actions know whether a conversation is "chat" or "sms".
"""
from dataclasses import dataclass, field

import requests
from flask import current_app

# Rasa answers after its actions have run (and they may have called the intake API,
# which triages): allow for that, but not forever.
CONNECT_TIMEOUT = 2
DEFAULT_REPLY_TIMEOUT = 30


class RasaUnavailable(Exception):
    """Rasa did not answer, or answered with an error."""


@dataclass
class BotMessage:
    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"text": self.text, "buttons": self.buttons}


def send_to_rasa(sender_id: str, text: str, channel: str) -> list[BotMessage]:
    """Send one message to the assistant and return its replies, in order."""
    url = current_app.config["RASA_URL"].rstrip("/") + "/webhooks/rest/webhook"
    timeout = (CONNECT_TIMEOUT, current_app.config.get("RASA_REPLY_TIMEOUT", DEFAULT_REPLY_TIMEOUT))
    try:
        response = requests.post(url, json={"sender": sender_id, "message": text, "metadata": {"channel": channel}},
                                 timeout=timeout)
    except requests.RequestException as error:
        raise RasaUnavailable(type(error).__name__) from None
    if response.status_code != 200:
        raise RasaUnavailable(f"HTTP {response.status_code}")
    try:
        replies = response.json()
    except ValueError:
        raise RasaUnavailable("not JSON") from None
    messages = []
    for reply in replies if isinstance(replies, list) else []:
        text = reply.get("text") or ""
        buttons = [{"title": str(button.get("title", "")), "payload": str(button.get("payload", ""))}
                   for button in reply.get("buttons") or [] if button.get("title") and button.get("payload")]
        if text or buttons:
            messages.append(BotMessage(text=text, buttons=buttons))
    return messages


def safe_text_for_rasa(text: str, offered_payloads: list[str]) -> str:
    """Pass a button's payload through; stop typed text from posing as one.

    Rasa treats a message starting with "/" as an intent (and can set slots from it),
    so only payloads the assistant itself offered may start with one.
    """
    text = text.strip()
    if text in offered_payloads:
        return text
    return text.lstrip("/").strip() or text.replace("/", "").strip()
