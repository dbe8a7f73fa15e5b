"""`flask --app intake_web report ...`: the statutory annual report and the figures officers enter."""
import time
from pathlib import Path

import click
from flask import current_app

from intake_web.extensions import db


@click.group("report")
def report_group() -> None:
    """The statutory annual report (regulation 13)."""


@report_group.command("annual")
@click.option("--year", type=int, required=True,
              help="The year the financial year starts in: 2021 means 1 April 2021 to 31 March 2022.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the HTML, the PDF and the CSV files (made if missing).")
@click.option("--no-pdf", is_flag=True, help="Skip the PDF (quicker).")
@click.option("--compare-with", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A published figures file (like intake_web/demo/seed_counts.yaml): differences become notes.")
def annual_command(year: int, out_dir: Path, no_pdf: bool, compare_with: Path | None) -> None:
    """Write the annual report for the financial year starting 1 April YEAR."""
    from intake_web.reports.percentages import TotalMismatch
    from intake_web.reports.render import write_annual_report

    started = time.perf_counter()
    try:
        written = write_annual_report(year, out_dir, pdf=not no_pdf, compare_with=compare_with)
    except TotalMismatch as error:
        raise click.ClickException(f"the report was not written because a table does not add up: {error}") from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    elapsed = time.perf_counter() - started
    report = written.report
    click.echo(f"Annual report {report.label} written in {elapsed:.1f} seconds:")
    click.echo(f"  {written.html}")
    if written.pdf:
        click.echo(f"  {written.pdf}")
    click.echo(f"  {len(written.csvs)} CSV files in {out_dir}")
    if report.data_notes:
        click.echo(f"{len(report.data_notes)} notes about gaps in the data are shown in the report.")
    if report.published_notes:
        click.echo(f"{len(report.published_notes)} differences from the published figures are listed in the report.")


@report_group.command("year-figures")
@click.option("--year", type=int, required=True, help="The year the financial year starts in (2021 for 2021/22).")
@click.option("--open-cases", type=click.IntRange(min=0), required=True,
              help="Open child-care cases at the end of the year.")
@click.option("--looked-after", type=click.IntRange(min=0), required=True,
              help="Looked-after children at the end of the year (included in the open cases).")
@click.option("--entered-by", default="command line", show_default=True, help="Who is entering the figures.")
def year_figures_command(year: int, open_cases: int, looked_after: int, entered_by: str) -> None:
    """Enter the open child-care cases and looked-after children for a financial year."""
    from intake_web.models import YearFigures
    from intake_web.reports.periods import financial_year

    period = financial_year(year)
    if looked_after > open_cases:
        raise click.UsageError("looked-after children are part of the open cases, so cannot be more than them")
    row = db.session.get(YearFigures, year) or YearFigures(financial_year=year)
    row.open_cases, row.looked_after_children, row.entered_by = open_cases, looked_after, entered_by
    db.session.add(row)
    db.session.commit()
    click.echo(f"{period.label}: {open_cases:,} open child-care cases, {looked_after:,} looked-after children.")
    current_app.logger.info("year figures entered for %s by %s", period.label, entered_by)
