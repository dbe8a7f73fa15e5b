"""Administrators' pages: adding and changing staff accounts, and the settings page."""
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent, StaffUser
from tests.intake_web.staff.staff_factories import create_staff_user, post_form, sign_in


def _user(email):
    db.session.expire_all()
    return db.session.scalar(sa.select(StaffUser).where(StaffUser.email == email))


def test_admin_adds_a_team_manager(admin_client, admin):
    response = post_form(admin_client, "/staff/admin/users/new", {
        "email": "New.Manager@example.gov.uk", "name": "Nia", "role": "team_manager", "team": "graft",
        "password": "temporary password 1"})
    assert response.status_code == 302
    user = _user("new.manager@example.gov.uk")
    assert (user.role, user.team, user.name) == ("team_manager", "graft", "Nia")
    event = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "user-created")).one()
    assert event.actor == admin.email and "temporary" not in str(event.detail)
    assert "new.manager@example.gov.uk" in admin_client.get("/staff/admin/users").text


def test_new_user_form_explains_mistakes(admin_client, admin):
    response = post_form(admin_client, "/staff/admin/users/new", {
        "email": "nope", "name": "", "role": "team_manager", "team": "", "password": "short"})
    for message in ("Enter an email address in the right format", "Enter their full name",
                    "The password must be 12 characters or more"):
        assert message in response.text
    response = post_form(admin_client, "/staff/admin/users/new", {
        "email": admin.email, "name": "Copy", "role": "officer", "password": "long enough password"})
    assert "There is already an account with this email address" in response.text
    response = post_form(admin_client, "/staff/admin/users/new", {
        "email": "m@example.gov.uk", "name": "M", "role": "team_manager", "team": "", "password": "long enough pass"})
    assert "Choose the team this manager manages" in response.text


def test_admin_closes_an_account_and_resets_a_password(app, admin_client):
    officer = create_staff_user("o2@example.gov.uk")
    officer_browser = app.test_client()
    officer_browser.__class__ = admin_client.__class__
    assert sign_in(officer_browser, officer.email).status_code == 302
    post_form(admin_client, f"/staff/admin/users/{officer.id}", {
        "name": "O2", "role": "officer", "team": "", "active": "yes", "password": "reset password 123"})
    assert officer_browser.get("/staff/").status_code == 302  # the reset ended their session
    post_form(admin_client, f"/staff/admin/users/{officer.id}", {
        "name": "O2", "role": "officer", "team": "", "active": "no", "password": ""})
    assert _user("o2@example.gov.uk").is_active_account is False
    assert sign_in(officer_browser, officer.email, "reset password 123").status_code == 200


def test_the_last_administrator_cannot_be_removed(admin_client, admin):
    response = post_form(admin_client, f"/staff/admin/users/{admin.id}", {
        "name": "Ada", "role": "officer", "team": "", "active": "yes", "password": ""})
    assert "There must always be one administrator who can sign in" in response.text
    assert _user(admin.email).role == "admin"


def test_settings_page_shows_what_the_service_uses(app, admin_client):
    page = admin_client.get("/staff/admin/settings").text
    council = app.extensions["council"].council
    assert council["head_of_service_email"] in page
    assert council["advocacy_provider"]["referral_email"] in page
    assert "30 minutes without activity" in page
