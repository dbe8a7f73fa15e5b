"""Who may open what: anonymous visitors, officers, team managers and administrators."""
import re

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import AuditEvent
from intake_web.staff.auth import role_required
from tests.intake_web.staff.staff_factories import create_case, create_staff_user, sign_in


def _console_urls(app, reference: str = "CF-2026-00001") -> list[tuple[str, str]]:
    """Every console URL (and any other page mounted under /staff/) with each method it answers."""
    urls = []
    values = {"reference": reference, "slug": "stage-two", "action_id": 1, "user_id": 1, "channel": "sms",
              "message_id": 1}

    def fill(match) -> str:
        return str(values.get(match.group(1), "x"))

    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/staff"):
            continue
        url = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", fill, rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            urls.append((method, url))
    return urls


def test_every_console_url_refuses_anonymous_users(app, client):
    create_case()
    urls = _console_urls(app)
    assert len(urls) > 30
    for method, url in urls:
        if url == "/staff/login":
            continue
        response = client.open(url, method=method)
        # A form POST without a CSRF token is refused before it reaches the view; anything else goes to sign-in.
        assert response.status_code in (302, 400), (method, url, response.status_code)
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/staff/login"), (method, url)
        assert "Our social worker" not in response.text


def test_anonymous_user_is_sent_to_sign_in_and_back_afterwards(client, officer):
    item = create_case()
    response = client.get(f"/staff/cases/{item.reference}")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/staff/login?next=")
    signed_in = sign_in(client, officer.email, next_url=f"/staff/cases/{item.reference}")
    assert signed_in.headers["Location"] == f"/staff/cases/{item.reference}"


@pytest.mark.parametrize("next_url", ["https://evil.example.com/", "//evil.example.com/", "/api/v1/feedback"])
def test_sign_in_ignores_next_addresses_outside_the_console(client, officer, next_url):
    response = sign_in(client, officer.email, next_url=next_url)
    assert response.headers["Location"] == "/staff/"


@pytest.mark.parametrize("path", ["/staff/admin/users", "/staff/admin/users/new", "/staff/admin/settings"])
def test_officer_cannot_reach_admin_pages(officer_client, officer, path):
    response = officer_client.get(path)
    assert response.status_code == 403
    assert "You cannot open this page" in response.text
    refusal = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "access-refused")).one()
    assert refusal.actor == officer.email
    assert refusal.detail["reason"] == "role"


def test_officer_cannot_post_to_admin_pages(officer_client):
    page = officer_client.get("/staff/")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
    response = officer_client.post("/staff/admin/users/new", data={
        "csrf_token": token, "email": "new@example.gov.uk", "name": "New", "role": "admin", "password": "x" * 20})
    assert response.status_code == 403, response.text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "user-created")) == 0


def test_team_manager_cannot_open_another_teams_case(manager_client, manager):
    other = create_case(service_area="fostering_adoption", narrative="Fostering story")
    response = manager_client.get(f"/staff/cases/{other.reference}")
    assert response.status_code == 403
    assert "Fostering story" not in response.text
    refusal = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "access-refused")).one()
    assert refusal.feedback_item_id == other.id
    assert refusal.detail["reason"] == "team"


def test_team_manager_cannot_use_any_action_on_another_teams_case(app, manager_client):
    other = create_case(service_area="fostering_adoption")
    for method, url in _console_urls(app, other.reference):
        if f"/cases/{other.reference}" in url and method == "GET":
            assert manager_client.get(url).status_code in (403, 404), url


def test_team_manager_opens_own_teams_case(manager_client):
    own = create_case(service_area="assessment_intervention", narrative="Our own team's case")
    response = manager_client.get(f"/staff/cases/{own.reference}")
    assert response.status_code == 200
    assert "Our own team&#39;s case" in response.text


def test_team_manager_queue_lists_only_their_team(manager_client):
    own = create_case(service_area="assessment_intervention")
    other = create_case(service_area="fostering_adoption", safeguarding=True)
    untriaged = create_case(service_area=None, category=None, complaint_type=None, stage="stage_one")
    queue = manager_client.get("/staff/").text
    assert own.reference in queue
    assert other.reference not in queue
    assert untriaged.reference not in queue
    assert "Your team" in queue


def test_team_manager_without_a_team_sees_no_cases(client):
    create_staff_user("lost@example.gov.uk", "team_manager", team=None)
    item = create_case()
    sign_in(client, "lost@example.gov.uk")
    assert item.reference not in client.get("/staff/").text
    assert client.get(f"/staff/cases/{item.reference}").status_code == 403


def test_admin_manages_users_but_cannot_open_cases(admin_client):
    item = create_case()
    assert admin_client.get("/staff/").headers["Location"] == "/staff/admin/users"
    assert admin_client.get("/staff/admin/users").status_code == 200
    assert admin_client.get(f"/staff/cases/{item.reference}").status_code == 403


def test_officer_opens_every_teams_case(officer_client):
    for area in ("fostering_adoption", "graft", None):
        item = create_case(service_area=area)
        assert officer_client.get(f"/staff/cases/{item.reference}").status_code == 200


def test_unknown_case_reference_is_not_found(officer_client):
    response = officer_client.get("/staff/cases/CF-2099-99999")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_role_required_refuses_unknown_roles():
    with pytest.raises(ValueError):
        role_required("superuser")
    with pytest.raises(ValueError):
        role_required()


def test_closed_account_is_signed_out_at_its_next_request(app, officer_client, officer):
    assert officer_client.get("/staff/").status_code == 200
    officer.is_active_account = False
    db.session.commit()
    assert officer_client.get("/staff/").status_code == 302
