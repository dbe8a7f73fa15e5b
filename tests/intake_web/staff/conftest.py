"""Fixtures for the officers' console: fast password hashing, a fresh login rate limit, signed-in clients."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from flask import g
from flask.testing import FlaskClient

from intake_web.staff.auth import limiter
from tests.intake_web.staff.staff_factories import create_staff_user, sign_in


@pytest.fixture(autouse=True)
def _console_test_settings(app):
    saved = app.config.get("STAFF_PASSWORD_HASHING")
    app.config["STAFF_PASSWORD_HASHING"] = "cheapest"
    limiter.reset()
    yield
    limiter.reset()
    app.config["STAFF_PASSWORD_HASHING"] = saved


class FreshContextClient(FlaskClient):
    """A test client whose every request starts with an empty `g`, as in production.

    The suite's autouse fixture keeps one app context open for the whole test, and Flask reuses it
    for each request, so without this `g` would carry the CSRF token and Flask-Login's cached user
    from one request to the next.
    """

    def open(self, *args, **kwargs):
        g.__dict__.clear()
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    """The console's tests use a client with a fresh `g` per request (see FreshContextClient)."""
    app.test_client_class = FreshContextClient
    try:
        return app.test_client()
    finally:
        app.test_client_class = None


@pytest.fixture
def officer(app):
    return create_staff_user("officer@example.gov.uk", "officer", name="Olive Officer")


@pytest.fixture
def officer_client(client, officer):
    response = sign_in(client, officer.email)
    assert response.status_code == 302, response.text
    return client


@pytest.fixture
def manager(app):
    return create_staff_user("ai-manager@example.gov.uk", "team_manager", team="assessment_intervention",
                             name="Mo Manager")


@pytest.fixture
def manager_client(client, manager):
    assert sign_in(client, manager.email).status_code == 302
    return client


@pytest.fixture
def admin(app):
    return create_staff_user("admin@example.gov.uk", "admin", name="Ada Admin")


@pytest.fixture
def admin_client(client, admin):
    assert sign_in(client, admin.email).status_code == 302
    return client


@pytest.fixture
def fake_twilio(app):
    """A stand-in for Twilio's REST API on loopback; yields the list of messages it was asked to send."""
    sent = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            form = {key: values[0] for key, values in parse_qs(self.rfile.read(length).decode()).items()}
            sid = f"SM{len(sent) + 1:032d}"
            sent.append({"path": self.path, **form, "sid": sid})
            body = json.dumps({"sid": sid, "status": "queued", "to": form.get("To"), "from": form.get("From"),
                               "body": form.get("Body"), "account_sid": "ACtest"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    saved = app.config["TWILIO_API_BASE"]
    app.config["TWILIO_API_BASE"] = f"http://127.0.0.1:{server.server_address[1]}"
    yield sent
    app.config["TWILIO_API_BASE"] = saved
    server.shutdown()
    server.server_close()
