"""Shared fixtures: an application on a database built by the Alembic migrations.

The database is TEST_DATABASE_URL when set (CI sets a PostgreSQL one), otherwise a
SQLite file in a temporary folder. Tables are emptied after every test, so each
test starts from an empty case store and may commit as the real code does.
"""
import os
from pathlib import Path

import flask_migrate
import pytest
import sqlalchemy as sa

from intake_web import create_app
from intake_web.extensions import db
from intake_web.settings import Test

API_TOKEN = Test.INTAKE_API_TOKEN


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


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
def database_url(tmp_path_factory):
    url = _database_url(tmp_path_factory)
    _reset_schema(url)
    return url


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, **_test_overrides()})
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


def free_port() -> int:
    """Return a TCP port on loopback that nothing is listening on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
