"""A stand-in for Rasa's REST channel on loopback, for tests that are not about Rasa itself.

It answers POST /webhooks/rest/webhook with whatever `reply(sender, text, metadata)`
returns (a list of {"text", "buttons"}), records every request, and can pretend to
be down (HTTP 500) or be stopped altogether.
"""
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MENU = [{"title": "Something is wrong", "payload": "/complain"},
        {"title": "Something was good", "payload": "/compliment"}]


def free_port() -> int:
    """A loopback port nothing listens on right now (to play a service that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def default_reply(sender: str, text: str, metadata: dict) -> list[dict]:
    if text == "/greet":
        return [{"text": "Hi. I am a chat helper. I am a computer, not a person."},
                {"text": "How can I help?", "buttons": MENU}]
    if text == "/complain":
        return [{"text": "What happened? Tell me in your own words."}]
    return [{"text": f"You said: {text}"}, {"text": "Is this right?",
                                            "buttons": [{"title": "Yes", "payload": "/affirm"},
                                                        {"title": "No", "payload": "/deny"}]}]


class FakeRasa:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.down = False
        self.reply = default_reply
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-rasa", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "FakeRasa":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def texts(self) -> list[str]:
        return [request["message"] for request in self.requests]

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                if fake.down or self.path != "/webhooks/rest/webhook":
                    self.send_response(500)
                    self.end_headers()
                    return
                replies = [{"recipient_id": body["sender"], **reply}
                           for reply in fake.reply(body["sender"], body["message"], body.get("metadata") or {})]
                data = json.dumps(replies).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
