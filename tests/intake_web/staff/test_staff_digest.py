"""The daily overdue digest: each team manager gets their items; the head of service a summary."""
from datetime import date

import sqlalchemy as sa

from intake_web.digest import build_digest, compose_digest, send_digest
from intake_web.extensions import db
from intake_web.models import AuditEvent, Notification
from tests.intake_web.staff.staff_factories import create_case

# Fixed dates: 1 June 2026 is a Monday. A stage one complaint received on 15 May is due on 1 June
# (10 working days, skipping the spring bank holiday on 25 May).
ON = date(2026, 6, 1)


def _setup_cases():
    overdue = create_case(service_area="assessment_intervention", received_on=date(2026, 5, 11),
                          complainant_name="Kerry Smith", narrative="Secret words about Jayden")
    due_today = create_case(service_area="assessment_intervention", received_on=date(2026, 5, 15), safeguarding=True)
    due_soon = create_case(service_area="fostering_adoption", category="concern", received_on=date(2026, 5, 27))
    not_yet = create_case(service_area="graft", received_on=date(2026, 5, 29))
    closed = create_case(service_area="graft", received_on=date(2026, 4, 1), status="closed")
    untriaged = create_case(service_area=None, category=None, complaint_type=None, stage="stage_one",
                            received_on=date(2026, 5, 1))
    return overdue, due_today, due_soon, not_yet, closed, untriaged


def test_digest_groups_overdue_and_soon_due_items_by_team():
    overdue, due_today, due_soon, _not_yet, _closed, untriaged = _setup_cases()
    assert due_today.current_stage.due_on == ON
    digest = build_digest(ON)
    team = digest.teams["assessment_intervention"]
    assert [row.item.reference for row in team.overdue] == [overdue.reference]
    assert [row.item.reference for row in team.due_soon] == [due_today.reference]
    assert [row.item.reference for row in digest.teams["fostering_adoption"].due_soon] == [due_soon.reference]
    assert not digest.teams["graft"].overdue and not digest.teams["graft"].due_soon
    assert [row.item.reference for row in digest.teams[""].overdue] == [untriaged.reference]
    assert digest.safeguarding_count == 1


def test_each_manager_gets_only_their_teams_items_and_no_personal_details(app):
    overdue, due_today, due_soon, *_ = _setup_cases()
    messages = {message.recipient: message for message in compose_digest(build_digest(ON))}
    teams = app.extensions["council"].teams
    ai = messages[teams["assessment_intervention"].manager_email]
    assert overdue.reference in ai.body and due_today.reference in ai.body
    assert due_soon.reference not in ai.body
    assert "1 overdue, 1 due within 2 working days" in ai.subject
    assert "SAFEGUARDING" in ai.body and "due today" in ai.body
    assert "Kerry" not in ai.body and "Jayden" not in ai.body
    assert teams["fostering_adoption"].manager_email in messages
    assert teams["graft"].manager_email not in messages  # nothing due: no email


def test_head_of_service_gets_a_summary_of_every_team(app):
    _setup_cases()
    head = app.extensions["council"].council["head_of_service_email"]
    summary = {message.recipient: message for message in compose_digest(build_digest(ON))}[head]
    assert "2 overdue, 2 due within 2 working days" in summary.subject
    assert "Assessment and Intervention Service: 1 overdue, 1 due soon" in summary.body
    assert "No team yet (not triaged): 1 overdue, 0 due soon" in summary.body
    assert "Open safeguarding items: 1" in summary.body


def test_digest_is_sent_by_email_and_recorded(app, smtp_server):
    _setup_cases()
    sent = send_digest(ON)
    assert {message["To"] for message in smtp_server} == {message.recipient for message in sent}
    assert len(smtp_server) == 3
    stored = db.session.scalars(sa.select(Notification).where(Notification.purpose.like("overdue-%"))).all()
    assert len(stored) == 3 and all(note.status == "sent" for note in stored)
    event = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "digest-sent")).one()
    assert event.detail["on"] == "2026-06-01"


def test_digest_command_sends_and_dry_run_only_prints(app, smtp_server):
    _setup_cases()
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["digest", "--on", "2026-06-01", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Subject: Complaints for Assessment and Intervention Service" in dry.output
    assert smtp_server == []
    real = runner.invoke(args=["digest", "--on", "2026-06-01"])
    assert real.exit_code == 0, real.output
    assert real.output.count("sent to ") == 3
    assert len(smtp_server) == 3


def test_digest_command_rejects_a_bad_date(app):
    result = app.test_cli_runner().invoke(args=["digest", "--on", "1 June"])
    assert result.exit_code != 0
    assert "is not a date" in result.output


def test_quiet_day_sends_only_the_head_of_service_summary(app, smtp_server):
    send_digest(ON)
    assert len(smtp_server) == 1
    assert "Nothing is overdue or due soon." in smtp_server[0].get_content()


def test_queue_shows_the_same_counts_as_the_digest(officer_client):
    """The digest and the queue's 'at a glance' use one definition of overdue and due soon."""
    from intake_web.dao.case_dao import dao_count_queue_alerts
    from intake_web.staff.case_actions import due_soon_limit

    _setup_cases()
    digest = build_digest(ON)
    counts = dao_count_queue_alerts(today=ON, due_soon_limit=due_soon_limit(ON), team_only=None)
    assert (counts["overdue"], counts["due_soon"]) == (digest.overdue_count, digest.due_soon_count)
