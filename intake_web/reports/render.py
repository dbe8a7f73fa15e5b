"""Write the annual report: one HTML file, a PDF of it (WeasyPrint) and one CSV per table.

The HTML is self-contained: its CSS is in a <style> element, its charts are inline SVG, and it
makes no request to anywhere, so it can be emailed, published or opened from a folder.
"""
import csv
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import render_template

from intake_web.reports.annual import AnnualReport, build_annual_report
from intake_web.reports.charts import render_charts
from intake_web.reports.tables import display_cell

# Most summaries (compliments, lessons) one service area shows in the HTML and PDF; the CSV has all.
LIST_LIMIT = 25


@dataclass
class WrittenReport:
    report: AnnualReport
    html: Path
    pdf: Path | None
    csvs: list[Path]


def render_html(report: AnnualReport) -> str:
    render_charts(report.tables)
    return render_template("reports/annual_report.html", report=report, cell=display_cell, list_limit=LIST_LIMIT)


def pdf_bytes(html: str, *, uncompressed: bool = False) -> bytes:
    """Print the report's HTML to PDF with WeasyPrint."""
    from weasyprint import HTML  # imported here: it is slow to import and only the PDF needs it

    # WeasyPrint logs every layout step at INFO; keep the command's output to what matters.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    # A tagged PDF: headings, tables (with header cells) and figures are marked up for screen readers,
    # and the document carries its title and language.
    return HTML(string=html).write_pdf(pdf_tags=True, uncompressed_pdf=uncompressed)


def write_pdf(html: str, path: Path) -> None:
    path.write_bytes(pdf_bytes(html))


def write_csvs(report: AnnualReport, folder: Path) -> list[Path]:
    paths = []
    for number, table in enumerate(report.tables, start=1):
        path = folder / f"{report.file_stem}-{number:02d}-{table.id}.csv"
        # utf-8-sig: Excel then reads the pound sign and accented letters correctly.
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            csv.writer(handle).writerows(table.csv_rows())
        paths.append(path)
    return paths


def write_annual_report(year: int, folder: Path, *, pdf: bool = True, compare_with: Path | None = None,
                        as_of: date | None = None) -> WrittenReport:
    """Build the report for the financial year starting in `year` and write its files into `folder`."""
    report = build_annual_report(year, as_of=as_of)
    if compare_with is not None:
        from intake_web.reports.published import compare, load_published

        compare(report, load_published(compare_with))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    html = render_html(report)
    html_path = folder / f"{report.file_stem}.html"
    html_path.write_text(html, encoding="utf-8")
    pdf_path = None
    if pdf:
        pdf_path = folder / f"{report.file_stem}.pdf"
        write_pdf(html, pdf_path)
    return WrittenReport(report=report, html=html_path, pdf=pdf_path, csvs=write_csvs(report, folder))
