"""Fixtures for the officers' console: fast password hashing, a fresh login rate limit, signed-in clients."""
import pytest

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
