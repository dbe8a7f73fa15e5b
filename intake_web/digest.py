"""The daily overdue digest: `flask --app intake_web digest`, run by cron each working morning.

Each team manager gets their team's items that are overdue or due within 2 working days; the head
of service gets a count for every team. The emails hold references, stages and dates only: never a
name or a word of what anyone wrote. Nothing is sent to a manager whose team has nothing due.
"""
from dataclasses import dataclass, field
from datetime import date

from flask import current_app

from intake_web.constants import ACTOR_SYSTEM
from intake_web.dao.case_dao import (
    QueueRow,
    dao_count_queue_alerts,
    dao_fetch_items_with_deadlines,
    dao_save_case_change,
)
from intake_web.intake import format_date
from intake_web.notifications import deliver_all, queue_notification
from intake_web.public_urls import public_url

NO_TEAM = "No team yet (not triaged)"


@dataclass
class TeamDigest:
    name: str
    manager_email: str | None
    overdue: list[QueueRow] = field(default_factory=list)
    due_soon: list[QueueRow] = field(default_factory=list)


@dataclass
class Digest:
    on: date
    teams: dict[str, TeamDigest]
    safeguarding_count: int

    @property
    def overdue_count(self) -> int:
        return sum(len(team.overdue) for team in self.teams.values())

    @property
    def due_soon_count(self) -> int:
        return sum(len(team.due_soon) for team in self.teams.values())


def build_digest(on: date) -> Digest:
    """Group every open item that is overdue or due within 2 working days by team."""
    from intake_web.staff.case_actions import due_soon_limit

    council = current_app.extensions["council"]
    limit = due_soon_limit(on)
    teams: dict[str, TeamDigest] = {key: TeamDigest(team.name, team.manager_email)
                                    for key, team in council.teams.items()}
    teams[""] = TeamDigest(NO_TEAM, None)
    for row in dao_fetch_items_with_deadlines(due_on_or_before=limit):
        digest = teams.get(row.item.service_area or "") or teams[""]
        (digest.overdue if row.due_on < on else digest.due_soon).append(row)
    safeguarding = dao_count_queue_alerts(today=on, due_soon_limit=limit, team_only=None)["safeguarding"]
    return Digest(on=on, teams=teams, safeguarding_count=safeguarding)


def _console_url() -> str:
    return public_url("/staff/")


def _lines(rows: list[QueueRow], on: date, template: dict) -> str:
    from intake_web.staff.case_actions import STAGE_LABELS, working_days_left

    if not rows:
        return template["none_line"]
    lines = []
    for row in rows:
        days = working_days_left(row.due_on, on)
        if days < 0:
            days_text = f"{-days} working day{'s' if days != -1 else ''} overdue"
        elif days == 0:
            days_text = "due today"
        else:
            days_text = f"{days} working day{'s' if days != 1 else ''} left"
        lines.append("- " + template["line"].format(
            reference=row.item.reference, stage_name=STAGE_LABELS.get(row.stage.stage, row.stage.stage),
            due_date=format_date(row.due_on), days_text=days_text,
            safeguarding_text=", SAFEGUARDING" if row.item.safeguarding else ""))
    return "\n".join(lines)


@dataclass
class DigestMessage:
    recipient: str
    subject: str
    body: str
    purpose: str


def compose_digest(digest: Digest) -> list[DigestMessage]:
    """Write the managers' emails and the head of service's summary."""
    council = current_app.extensions["council"]
    team_template = council.messages["overdue_digest"]
    summary_template = council.messages["overdue_summary"]
    messages = []
    for key, team in digest.teams.items():
        if not key or not (team.overdue or team.due_soon) or not team.manager_email:
            continue
        values = {"team_name": team.name, "overdue_count": len(team.overdue), "due_soon_count": len(team.due_soon),
                  "overdue_lines": _lines(team.overdue, digest.on, team_template),
                  "due_soon_lines": _lines(team.due_soon, digest.on, team_template),
                  "console_url": _console_url()}
        messages.append(DigestMessage(team.manager_email, team_template["email_subject"].format(**values),
                                      team_template["email_body"].format(**values), "overdue-digest"))
    head = council.council.get("head_of_service_email")
    if head:
        team_lines = "\n".join(
            "- " + summary_template["team_line"].format(team_name=team.name, overdue_count=len(team.overdue),
                                                        due_soon_count=len(team.due_soon))
            for team in digest.teams.values() if team.overdue or team.due_soon) or "Nothing is overdue or due soon."
        values = {"date": format_date(digest.on), "overdue_count": digest.overdue_count,
                  "due_soon_count": digest.due_soon_count, "team_lines": team_lines,
                  "safeguarding_count": digest.safeguarding_count, "console_url": _console_url()}
        messages.append(DigestMessage(head, summary_template["email_subject"].format(**values),
                                      summary_template["email_body"].format(**values), "overdue-summary"))
    return messages


def send_digest(on: date, *, dry_run: bool = False) -> list[DigestMessage]:
    """Build, store and send the digest for the day `on`; with dry_run, only return what would be sent."""
    messages = compose_digest(build_digest(on))
    if dry_run:
        return messages
    queued = [queue_notification(purpose=message.purpose, channel="email", recipient=message.recipient,
                                 subject=message.subject, body=message.body) for message in messages]
    dao_save_case_change(ACTOR_SYSTEM, "digest-sent", None,
                         {"on": on.isoformat(), "recipients": [message.recipient for message in messages]})
    deliver_all(queued)
    return messages

