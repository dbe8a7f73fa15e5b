"""Shared fixtures: an application on a database built by the Alembic migrations.

The database is TEST_DATABASE_URL when set (CI sets a PostgreSQL one), otherwise an
in-memory SQLite database (fast; tests/intake_web/test_sqlite_settings.py checks what a
SQLite file gets). Tables are emptied after every test, so each
test starts from an empty case store and may commit as the real code does.

The services the app talks to are faked on loopback (tests/fakes.py): `fake_rasa`,
`rasa_down`, `fake_twilio`, and a real SMTP server, `smtp_server`.
"""
import os
from pathlib import Path

import flask_migrate
import pytest
import sqlalchemy as sa
from flask import g, has_app_context
from flask.testing import FlaskClient

from intake_web import create_app
from intake_web.extensions import db
from intake_web.settings import Test
from tests.fakes import FakeRasa, FakeTwilio, free_port

API_TOKEN = Test.INTAKE_API_TOKEN


def _database_url() -> str:
    return os.environ.get("TEST_DATABASE_URL") or "sqlite://"


def _reset_schema(url: str) -> None:
    """Start PostgreSQL runs from an empty schema so the migrations really run."""
    if not url.startswith("postgresql"):
        return
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url():
    url = _database_url()
    _reset_schema(url)
    return url


class FreshContextClient(FlaskClient):
    """A test client whose every request starts with an empty `g`, as in production.

    The autouse fixture below keeps one app context open for the whole test, and Flask reuses it
    for each request, so without this `g` would carry the CSRF token and Flask-Login's cached user
    from one request to the next.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            g.__dict__.clear()
        return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app({**_test_overrides(), "SQLALCHEMY_DATABASE_URI": database_url})
    app.test_client_class = FreshContextClient
    with app.app_context():
        flask_migrate.upgrade(directory=str(Path(app.root_path) / "migrations"))
    yield app
    with app.app_context():
        db.engine.dispose()


def _test_overrides() -> dict:
    from intake_web.settings import Test

    return {key: getattr(Test, key) for key in dir(Test) if key.isupper()} | {"TESTING": True}


@pytest.fixture(autouse=True)
def _app_context_and_clean_tables(request):
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        yield
        db.session.rollback()
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api_headers():
    return {"Authorization": f"Bearer {API_TOKEN}", "Content-Type": "application/json"}


@pytest.fixture
def is_postgres(database_url) -> bool:
    return database_url.startswith("postgresql")


@pytest.fixture
def smtp_server(app):
    """A real SMTP server on loopback; yields the list of messages it received."""
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    saved = {key: app.config[key] for key in ("SMTP_HOST", "SMTP_PORT")}
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
    yield received
    app.config.update(saved)
    controller.stop()


@pytest.fixture
def fake_rasa(app, monkeypatch):
    """Rasa's REST channel, faked on loopback, with RASA_URL pointing at it for this test."""
    with FakeRasa() as fake:
        monkeypatch.setitem(app.config, "RASA_URL", fake.url)
        yield fake


@pytest.fixture
def rasa_down(app, monkeypatch):
    """RASA_URL pointing at a loopback port where nothing listens."""
    monkeypatch.setitem(app.config, "RASA_URL", f"http://127.0.0.1:{free_port()}")


@pytest.fixture
def fake_twilio(app, monkeypatch):
    """Twilio's REST API on loopback, with TWILIO_API_BASE pointing at it; `.sent` lists what it was asked to send."""
    with FakeTwilio() as fake:
        monkeypatch.setitem(app.config, "TWILIO_API_BASE", fake.url)
        yield fake
