"""The generated annual report passes axe-core (WCAG 2.2 A and AA) and makes no outside requests."""
import pytest

from intake_web.demo.loader import load_demo
from intake_web.reports.render import write_annual_report
from tests.browser.browser_helpers import NetworkRecord, assert_no_axe_violations, wait_for_page

pytestmark = pytest.mark.browser


@pytest.fixture
def report_file(app, tmp_path):
    from datetime import date

    load_demo(today=date(2026, 11, 28))
    written = write_annual_report(2021, tmp_path, pdf=False, compare_with=None)
    return written.html


@pytest.mark.parametrize("width", [1280, 360])
def test_annual_report_has_no_wcag_violations(make_chromium, report_file, width):
    driver = make_chromium(width=width)
    driver.get_log("performance")
    driver.get(report_file.as_uri())
    wait_for_page(driver)
    assert driver.find_element("tag name", "h1").text.startswith("Children's social care complaints")
    assert_no_axe_violations(driver, label=f"the annual report at {width}px wide")
    requests = NetworkRecord(driver).collect(settle=0.2).page_requests()
    assert requests == [], f"the report file fetched {requests}: it must be self-contained"
