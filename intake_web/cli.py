"""Command-line tools: `flask --app intake_web <command>`."""
from datetime import date

import click
from flask import Flask, current_app

from intake_web.clock import StatutoryClock
from intake_web.constants import CLOCKS


def _parse_date(ctx, param, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD, like 2026-12-18") from None


@click.command("due-date")
@click.argument("stage", type=click.Choice(CLOCKS))
@click.argument("received_date", callback=_parse_date)
@click.option("--extended", is_flag=True, help="Use the extended timescale (stage_one: 20, stage_two: 65).")
def due_date_command(stage: str, received_date: date, extended: bool) -> None:
    """Print the ISO due date for STAGE when the clock starts on RECEIVED_DATE (YYYY-MM-DD)."""
    clock = StatutoryClock(current_app.extensions["council"].timescales)
    try:
        click.echo(clock.due_date(stage, received_date, extended=extended).isoformat())
    except ValueError as error:
        raise click.UsageError(str(error)) from None


@click.group("notifications")
def notifications_group() -> None:
    """Email and text messages waiting to be sent."""


@notifications_group.command("send-pending")
def send_pending_command() -> None:
    """Send every pending notification (run every few minutes by cron)."""
    from intake_web.notifications import send_pending

    sent, pending = send_pending()
    click.echo(f"sent {sent}, still pending {pending}")


def init_app(app: Flask) -> None:
    app.cli.add_command(due_date_command)
    app.cli.add_command(notifications_group)
    from intake_web.demo.cli import demo_group
    from intake_web.reports.cli import report_group

    app.cli.add_command(report_group)
    app.cli.add_command(demo_group)
