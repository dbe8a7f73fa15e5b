"""Signed-in clients for the dashboard tests, built with the console's own factories and settings."""
import pytest

from intake_web.staff.auth import limiter
from tests.intake_web.staff.staff_factories import create_staff_user, sign_in


@pytest.fixture
def staff_client(app):
    saved = app.config.get("STAFF_PASSWORD_HASHING")
    app.config["STAFF_PASSWORD_HASHING"] = "cheapest"
    limiter.reset()
    try:
        yield app.test_client()
    finally:
        app.config["STAFF_PASSWORD_HASHING"] = saved
        limiter.reset()


def _signed_in(client, email: str, role: str, team: str | None = None):
    create_staff_user(email, role, team=team)
    assert sign_in(client, email).status_code == 302
    return client


@pytest.fixture
def officer_client(staff_client):
    return _signed_in(staff_client, "officer@example.gov.uk", "officer")


@pytest.fixture
def manager_client(staff_client):
    return _signed_in(staff_client, "manager@example.gov.uk", "team_manager", team="assessment_intervention")


@pytest.fixture
def admin_client(staff_client):
    return _signed_in(staff_client, "admin@example.gov.uk", "admin")
