"""Fixtures for the end-to-end tests: the real stack (see stack.py), started once per session."""
from pathlib import Path

import flask_migrate
import pytest

from tests.e2e.stack import (API_TOKEN, TWILIO_AUTH_TOKEN, ApiSwitch, Stack, free_port, missing_pieces,
                             serve_in_thread, start_processes, stop_processes)
from tests.fakes import FakeTwilio


@pytest.fixture(scope="session")
def fake_twilio_api():
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def fake_smtp():
    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope.content)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received
    controller.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, fake_twilio_api, fake_smtp):
    reason = missing_pieces()
    if reason:
        pytest.skip(reason)
    from intake_web import create_app
    from intake_web.extensions import db
    from intake_web.settings import Test

    tmp = tmp_path_factory.mktemp("e2e")
    web_port = free_port()
    processes = {}
    try:
        processes, logs, rasa_url, actions_url, outbox = start_processes(tmp, web_port)
        overrides = {key: getattr(Test, key) for key in dir(Test) if key.isupper()}
        app = create_app({**overrides, "TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'e2e.sqlite3'}",
                          "INTAKE_API_TOKEN": API_TOKEN, "RASA_URL": rasa_url,
                          "TWILIO_AUTH_TOKEN": TWILIO_AUTH_TOKEN, "TWILIO_API_BASE": fake_twilio_api.url,
                          "SMTP_HOST": "127.0.0.1", "SMTP_PORT": fake_smtp[0]})
        with app.app_context():
            flask_migrate.upgrade(directory=str(Path(app.root_path) / "migrations"))
        switch = ApiSwitch(app.wsgi_app)
        app.wsgi_app = switch
        server = serve_in_thread(app, web_port)
        yield Stack(web_url=f"http://127.0.0.1:{web_port}", rasa_url=rasa_url, actions_url=actions_url, app=app,
                    api_switch=switch, outbox_path=outbox, processes=list(processes.values()), logs=logs)
        server.shutdown()
        with app.app_context():
            db.engine.dispose()
    finally:
        stop_processes(processes)
