"""Console commands: `users`, `digest` and `triage export-corrections`.

    flask --app intake_web users create --role admin EMAIL     (asks for a password)
    flask --app intake_web digest                              (daily, from cron)
    flask --app intake_web triage export-corrections FILE.jsonl
"""
import json
import sys
from datetime import date

import click
from flask import Flask, current_app

from intake_web.constants import ACTOR_SYSTEM
from intake_web.validators import is_valid_email

MIN_PASSWORD = 12


@click.group("users")
def users_group() -> None:
    """Staff accounts for the complaints console."""


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD:
        raise click.UsageError(f"the password must be {MIN_PASSWORD} characters or more")
    return password


@users_group.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["officer", "team_manager", "admin"]), required=True,
              help="officer: all cases; team_manager: their team's cases; admin: users and settings.")
@click.option("--team", help="The service area a team manager manages (an id from config/taxonomy.yaml).")
@click.option("--name", help="Their full name.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
def create_user_command(email: str, role: str, team: str | None, name: str | None, password_stdin: bool) -> None:
    """Create a staff account for EMAIL (the first administrator, for example)."""
    from intake_web.dao.case_dao import dao_save_case_change
    from intake_web.dao.staff_user_dao import dao_create_staff_user, dao_fetch_staff_user_by_email
    from intake_web.staff.auth import hash_password

    email = email.strip().lower()
    if not is_valid_email(email):
        raise click.UsageError(f"{email!r} is not an email address")
    teams = current_app.extensions["council"].teams
    if role == "team_manager" and team not in teams:
        raise click.UsageError(f"a team manager needs --team, one of: {', '.join(teams)}")
    if role != "team_manager" and team:
        raise click.UsageError("only a team manager has a team")
    if dao_fetch_staff_user_by_email(email):
        raise click.UsageError(f"there is already an account for {email}")
    password = _read_password(password_stdin)
    user = dao_create_staff_user(email=email, password_hash=hash_password(password), role=role, team=team, name=name)
    dao_save_case_change(ACTOR_SYSTEM, "user-created", None, {"user": user.email, "role": role, "team": team,
                                                              "via": "command line"})
    click.echo(f"created {role} {user.email}")


@users_group.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
def set_password_command(email: str, password_stdin: bool) -> None:
    """Set a new password for EMAIL (this signs them out everywhere)."""
    from intake_web.dao.case_dao import dao_save_case_change
    from intake_web.dao.staff_user_dao import dao_fetch_staff_user_by_email
    from intake_web.staff.auth import hash_password

    user = dao_fetch_staff_user_by_email(email)
    if user is None:
        raise click.UsageError(f"no account has the email address {email}")
    user.password_hash = hash_password(_read_password(password_stdin))
    dao_save_case_change(ACTOR_SYSTEM, "user-changed", None, {"user": user.email, "changes": {"password": "reset"},
                                                              "via": "command line"})
    click.echo(f"password changed for {user.email}")


@users_group.command("list")
def list_users_command() -> None:
    """List every staff account."""
    from intake_web.dao.staff_user_dao import dao_fetch_all_staff_users

    for user in dao_fetch_all_staff_users():
        state = "active" if user.is_active_account else "closed"
        click.echo(f"{user.email}\t{user.role}\t{user.team or '-'}\t{state}")


def _parse_date(ctx, param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD, like 2027-01-06") from None


@click.command("digest")
@click.option("--on", "on", callback=_parse_date, help="Count as if today were this date (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Print the emails instead of sending them.")
def digest_command(on: date | None, dry_run: bool) -> None:
    """Email each team manager their overdue and soon-due items, and the head of service a summary."""
    from intake_web.digest import send_digest
    from intake_web.staff.case_actions import london_today

    messages = send_digest(on or london_today(), dry_run=dry_run)
    for message in messages:
        if dry_run:
            click.echo(f"To: {message.recipient}\nSubject: {message.subject}\n\n{message.body}\n")
        else:
            click.echo(f"sent to {message.recipient}: {message.subject}")
    if not messages:
        click.echo("nothing to send")


@click.group("triage")
def triage_group() -> None:
    """Triage data kept by the console."""


@triage_group.command("export-corrections")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def export_corrections_command(path: str) -> None:
    """Write officers' confirmed and corrected triage as JSON lines for `python -m triage train --include PATH`.

    Each line holds the person's words and the labels; never a name, address, email or phone number
    from the case's own fields.
    """
    from intake_web.dao.case_dao import dao_fetch_latest_corrections

    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for correction, item in dao_fetch_latest_corrections():
            handle.write(json.dumps({
                "text": item.narrative,
                "channel": correction.channel or item.channel,
                "category": correction.category,
                "complaint_type": correction.complaint_type,
                "service_area": correction.service_area,
                "safeguarding": bool(correction.safeguarding),
                "advocate_requested": bool(correction.advocate_requested),
                "complainant_role": correction.complainant_role,
            }, ensure_ascii=False) + "\n")
            count += 1
    click.echo(f"wrote {count} labelled example{'s' if count != 1 else ''} to {path}")


def init_app(app: Flask) -> None:
    app.cli.add_command(users_group)
    app.cli.add_command(digest_command)
    app.cli.add_command(triage_group)
