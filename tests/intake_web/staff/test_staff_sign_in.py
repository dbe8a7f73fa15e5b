"""Signing in and out: argon2 passwords, audited failures, the rate limit, idle sessions and cookie flags."""
import time

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent, StaffUser
from intake_web.staff.auth import SESSION_LAST_SEEN
from tests.intake_web.staff.staff_factories import PASSWORD, create_staff_user, csrf_token, sign_in


def _events(action: str) -> list[AuditEvent]:
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def test_password_is_stored_as_an_argon2id_hash(officer):
    assert officer.password_hash.startswith("$argon2id$")
    assert PASSWORD not in officer.password_hash


def test_sign_in_with_right_password_opens_the_queue_and_is_audited(client, officer):
    response = sign_in(client, officer.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"
    page = client.get("/staff/")
    assert "Signed in as" in page.text and "Olive Officer" in page.text
    assert _events("signed-in")[0].actor == officer.email
    assert db.session.get(StaffUser, officer.id).last_login_at is not None


def test_sign_in_email_is_not_case_sensitive(client, officer):
    assert sign_in(client, "Officer@Example.GOV.uk").status_code == 302


def test_wrong_password_is_refused_in_words_and_audited(client, officer):
    response = sign_in(client, officer.email, password="not the password")
    assert response.status_code == 200
    assert "The email address or password is not right" in response.text
    assert response.text.count("<h1") == 1
    assert "<title>Error: Sign in" in response.text or "Sign in" in response.text
    failure = _events("sign-in-failed")[0]
    assert failure.actor == officer.email
    assert failure.detail["reason"] == "wrong-password"
    assert "not the password" not in str(failure.detail)
    assert client.get("/staff/").status_code == 302


def test_unknown_address_is_refused_the_same_way_and_audited(client):
    response = sign_in(client, "nobody@example.gov.uk")
    assert "The email address or password is not right" in response.text
    assert _events("sign-in-failed")[0].detail["reason"] == "no-account"


def test_a_password_typed_in_the_email_box_is_not_kept_in_the_audit(client):
    sign_in(client, "hunter2hunter2")
    failure = _events("sign-in-failed")[0]
    assert failure.actor == "(not an email address)"


def test_closed_account_cannot_sign_in(client):
    create_staff_user("gone@example.gov.uk", active=False)
    response = sign_in(client, "gone@example.gov.uk")
    assert "The email address or password is not right" in response.text
    assert _events("sign-in-failed")[0].detail["reason"] == "account-closed"


def test_empty_sign_in_form_explains_each_error(client):
    page = client.get("/staff/login")
    response = client.post("/staff/login", data={"csrf_token": csrf_token(page.text), "email": "", "password": ""})
    assert "Enter your email address" in response.text
    assert "Enter your password" in response.text
    assert 'href="#email"' in response.text


def test_sign_in_is_rate_limited_per_address_and_the_limit_is_audited(app, client, officer):
    limit = int(app.config["STAFF_LOGIN_RATE_LIMIT"].split()[0])
    page = client.get("/staff/login")
    token = csrf_token(page.text)
    for _ in range(limit):
        response = client.post("/staff/login", data={"csrf_token": token, "email": officer.email, "password": "wrong"})
        assert response.status_code == 200
    blocked = client.post("/staff/login", data={"csrf_token": token, "email": officer.email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many attempts to sign in. Wait a minute, then try again." in blocked.text
    assert _events("sign-in-rate-limited")[0].actor == officer.email
    # Even the right password is refused until the minute is up; the page still works for reading.
    assert client.get("/staff/login").status_code == 200
    assert client.get("/staff/").status_code == 302


def test_session_cookie_is_httponly_samesite_and_expires_with_the_session(client, officer):
    response = sign_in(client, officer.email)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" in cookie  # a permanent session, refreshed on each request


def test_session_cookie_is_secure_when_the_setting_is_on(app, client, officer):
    saved = app.config["SESSION_COOKIE_SECURE"]
    app.config["SESSION_COOKIE_SECURE"] = True
    try:
        response = sign_in(client, officer.email)
    finally:
        app.config["SESSION_COOKIE_SECURE"] = saved
    assert "Secure" in response.headers["Set-Cookie"]


def test_production_settings_make_cookies_secure():
    from intake_web.settings import Production

    assert Production.SESSION_COOKIE_SECURE is True
    assert Production.PERMANENT_SESSION_LIFETIME == 30 * 60


def test_session_ends_after_30_idle_minutes(officer_client):
    assert officer_client.get("/staff/").status_code == 200
    with officer_client.session_transaction() as session:
        session[SESSION_LAST_SEEN] = time.time() - 31 * 60
    response = officer_client.get("/staff/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/staff/login")
    assert "signed out because you did nothing for 30 minutes" in officer_client.get("/staff/login").text
    assert officer_client.get("/staff/").status_code == 302


def test_activity_keeps_the_session_alive(officer_client):
    with officer_client.session_transaction() as session:
        session[SESSION_LAST_SEEN] = time.time() - 29 * 60
    assert officer_client.get("/staff/").status_code == 200
    with officer_client.session_transaction() as session:
        assert time.time() - session[SESSION_LAST_SEEN] < 60


def test_expired_session_cookie_is_refused_by_its_signature(officer_client, monkeypatch):
    """A copied cookie stops working too: Flask checks the age of the cookie's signature against the lifetime."""
    import itsdangerous.timed

    assert officer_client.get("/staff/").status_code == 200
    real = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp",
                        lambda self: real(self) + 31 * 60)
    assert officer_client.get("/staff/").status_code == 302


def test_sign_out_is_a_post_with_csrf_and_is_audited(officer_client, officer):
    assert officer_client.get("/staff/logout").status_code == 405
    assert officer_client.post("/staff/logout").status_code == 400  # no CSRF token
    page = officer_client.get("/staff/")
    response = officer_client.post("/staff/logout", data={"csrf_token": csrf_token(page.text)})
    assert response.headers["Location"] == "/staff/login"
    assert "You have signed out" in officer_client.get("/staff/login").text
    assert officer_client.get("/staff/").status_code == 302
    assert _events("signed-out")[0].actor == officer.email


def test_changing_password_signs_out_other_sessions(app, officer_client, officer):
    other_browser = app.test_client()
    other_browser.__class__ = officer_client.__class__
    assert sign_in(other_browser, officer.email).status_code == 302
    page = officer_client.get("/staff/account/password")
    response = officer_client.post("/staff/account/password", data={
        "csrf_token": csrf_token(page.text), "current_password": PASSWORD, "new_password": "a brand new passphrase"})
    assert response.status_code == 302
    assert officer_client.get("/staff/").status_code == 200
    assert other_browser.get("/staff/").status_code == 302
    assert _events("password-changed")


def test_change_password_explains_mistakes(officer_client):
    page = officer_client.get("/staff/account/password")
    response = officer_client.post("/staff/account/password", data={
        "csrf_token": csrf_token(page.text), "current_password": "wrong", "new_password": "short"})
    assert "The new password must be 12 characters or more" in response.text
    response = officer_client.post("/staff/account/password", data={
        "csrf_token": csrf_token(page.text), "current_password": "wrong", "new_password": "long enough password"})
    assert "Your current password is not right" in response.text


def test_colleagues_at_one_address_are_not_locked_out_by_one_persons_mistakes(app, client, officer):
    create_staff_user("colleague@example.gov.uk")
    page = client.get("/staff/login")
    token = csrf_token(page.text)
    limit = int(app.config["STAFF_LOGIN_RATE_LIMIT"].split()[0])
    for _ in range(limit + 1):
        client.post("/staff/login", data={"csrf_token": token, "email": officer.email, "password": "wrong"})
    response = client.post("/staff/login", data={"csrf_token": token, "email": "colleague@example.gov.uk",
                                                 "password": PASSWORD})
    assert response.status_code == 302


def test_guessing_across_many_accounts_from_one_address_is_limited_too(app, client):
    page = client.get("/staff/login")
    token = csrf_token(page.text)
    limit = int(app.config["STAFF_LOGIN_RATE_LIMIT_PER_ADDRESS"].split()[0])
    statuses = [client.post("/staff/login", data={"csrf_token": token, "email": f"guess{number}@example.gov.uk",
                                                  "password": "wrong"}).status_code
                for number in range(limit + 1)]
    assert statuses[:limit] == [200] * limit
    assert statuses[limit] == 429
