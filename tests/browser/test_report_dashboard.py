"""The dashboard in the officers' console passes axe-core (WCAG 2.2 A and AA), with its chart images loaded."""
from datetime import date

import pytest
from selenium.webdriver.common.by import By

from intake_web.demo.loader import load_demo
from intake_web.staff.auth import limiter
from tests.browser.browser_helpers import assert_no_axe_violations, wait_for_next_page, wait_for_page
from tests.intake_web.staff.staff_factories import PASSWORD, create_staff_user

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(app):
    saved = app.config.get("STAFF_PASSWORD_HASHING")
    app.config["STAFF_PASSWORD_HASHING"] = "cheapest"
    limiter.reset()
    yield create_staff_user("dashboard-officer@example.gov.uk", "officer", name="Dee Officer")
    app.config["STAFF_PASSWORD_HASHING"] = saved
    limiter.reset()


def _sign_in(driver, live_server, email):
    driver.get(live_server("/staff/login"))
    wait_for_page(driver)
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click)


@pytest.mark.parametrize("width", [1280, 360])
def test_dashboard_has_no_wcag_violations(make_chromium, live_server, officer, width):
    load_demo(today=date(2026, 11, 28))
    driver = make_chromium(width=width)
    _sign_in(driver, live_server, officer.email)
    driver.get(live_server("/staff/dashboard?from=2021-04-01&to=2022-03-31"))
    wait_for_page(driver)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    images = driver.find_elements(By.CSS_SELECTOR, "img.app-dashboard-chart")
    assert len(images) >= 6
    assert all(driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image)
               for image in images), "every chart image loads"
    assert_no_axe_violations(driver, label=f"the dashboard at {width}px wide")
    csp_errors = [entry for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert csp_errors == []


def test_a_bad_date_is_explained_accessibly(make_chromium, live_server, officer):
    driver = make_chromium()
    _sign_in(driver, live_server, officer.email)
    driver.get(live_server("/staff/dashboard?from=2025-13-01"))
    wait_for_page(driver)
    assert "Enter the start date as a real date" in driver.find_element(By.CLASS_NAME, "govuk-error-summary").text
    assert_no_axe_violations(driver, label="the dashboard with an error")
