from datetime import date

import pytest

from intake_web.extensions import db
from intake_web.models import YearFigures
from tests.intake_web.reports.report_factories import create_case, stage_one


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_report_annual_writes_html_pdf_and_one_csv_per_table(runner, tmp_path):
    create_case(stages=[stage_one(date(2021, 6, 1), date(2021, 6, 10))])
    result = runner.invoke(args=["report", "annual", "--year", "2021", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Annual report 2021/22 written in" in result.output
    files = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert "annual-report-2021-22.html" in files
    assert "annual-report-2021-22.pdf" in files
    assert len([name for name in files if name.endswith(".csv")]) == 12
    assert (tmp_path / "out" / "annual-report-2021-22.pdf").read_bytes().startswith(b"%PDF-")


def test_report_annual_can_skip_the_pdf_and_compare_with_published_figures(runner, tmp_path):
    published = tmp_path / "published.yaml"
    published.write_text("source: the 2021/22 report\nsummary_by_year:\n  2021: {stage_one: 3}\n", encoding="utf-8")
    create_case(stages=[stage_one(date(2021, 6, 1), date(2021, 6, 10))])
    result = runner.invoke(args=["report", "annual", "--year", "2021", "--out", str(tmp_path), "--no-pdf",
                                 "--compare-with", str(published)])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "annual-report-2021-22.pdf").exists()
    assert "1 differences from the published figures" in result.output
    html = (tmp_path / "annual-report-2021-22.html").read_text(encoding="utf-8")
    assert "stage one complaints: the published report gave 3; the records give 1." in html


def test_report_annual_refuses_a_year_it_cannot_report_on(runner, tmp_path):
    result = runner.invoke(args=["report", "annual", "--year", "21", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "not a financial year" in result.output


def test_year_figures_are_entered_from_the_command_line(runner):
    result = runner.invoke(args=["report", "year-figures", "--year", "2021", "--open-cases", "2380",
                                 "--looked-after", "613"])
    assert result.exit_code == 0, result.output
    assert "2021/22: 2,380 open child-care cases, 613 looked-after children." in result.output
    assert db.session.get(YearFigures, 2021).open_cases == 2380
    result = runner.invoke(args=["report", "year-figures", "--year", "2021", "--open-cases", "10",
                                 "--looked-after", "11"])
    assert result.exit_code != 0
    assert "cannot be more than them" in result.output


def test_long_lists_are_cut_in_the_html_with_a_note_but_kept_whole_in_the_csv(app, tmp_path):
    from intake_web.reports.render import LIST_LIMIT, write_annual_report

    for number in range(LIST_LIMIT + 5):
        create_case(category="compliment", service_area="graft", received=date(2021, 5, 3),
                    compliment_summary=f"Thank you number {number}.")
    written = write_annual_report(2021, tmp_path, pdf=False)
    html = written.html.read_text(encoding="utf-8")
    assert html.count("Thank you number") == LIST_LIMIT
    assert f"This shows the first {LIST_LIMIT} of {LIST_LIMIT + 5}." in html
    compliments_csv = next(path for path in written.csvs if path.name.endswith("-compliments.csv"))
    assert compliments_csv.read_text(encoding="utf-8-sig").count("Thank you number") == LIST_LIMIT + 5


def test_the_pdf_is_tagged_for_screen_readers(app):
    from intake_web.reports.annual import build_annual_report
    from intake_web.reports.render import pdf_bytes, render_html

    create_case(stages=[stage_one(date(2021, 6, 1), date(2021, 6, 10))])
    pdf = pdf_bytes(render_html(build_annual_report(2021, as_of=date(2022, 6, 1))), uncompressed=True)
    assert b"/StructTreeRoot" in pdf and b"/Lang" in pdf
    assert b"/S /TH" in pdf and b"/S /H1" in pdf
