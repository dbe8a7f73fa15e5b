"""The officers' console in Chromium: an end-to-end journey, and axe-core on every console page.

The journey signs in, opens the case in the safeguarding banner, corrects its triage and records an
outcome. The accessibility check visits every page of the console (messages kept for officers too), and
each form in its error state, and expects no WCAG 2.2 A or AA problem from axe-core.
"""
from datetime import date

import pytest
import sqlalchemy as sa
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from intake_web.extensions import db
from intake_web.models import FeedbackItem, ImprovementAction, TriageCorrection
from intake_web.staff.auth import limiter
from tests.browser.browser_helpers import (
    axe_violations,
    block_page_scripts,
    format_violations,
    wait_for_next_page,
    wait_for_page,
)
from tests.intake_web.staff.staff_factories import (
    PASSWORD,
    create_case,
    create_kept_chat_message,
    create_kept_text,
    create_staff_user,
)

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh_login_limit():
    limiter.reset()
    yield
    limiter.reset()


def _sign_in(driver, live_server, email: str) -> None:
    driver.get(live_server("/staff/"))
    wait_for_page(driver)
    assert "/staff/login" in driver.current_url
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    _submit(driver)


def _submit(driver) -> None:
    wait_for_next_page(driver, lambda: driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click())


def _severe_console_messages(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
            and "favicon" not in entry["message"]]


def test_officer_signs_in_corrects_the_safeguarding_case_and_records_an_outcome(chromium, live_server):
    driver = chromium
    create_staff_user("officer@example.gov.uk", "officer", name="Olive Officer")
    create_case(narrative="My son came home with bruises and says he is scared of his carer.", category="concern",
                complaint_type="quality_of_service", service_area="contact_services", needs_review=True,
                safeguarding=True, status="for-triage", received_on=date(2026, 3, 2))
    create_case(narrative="Nobody returned my calls.")

    _sign_in(driver, live_server, "officer@example.gov.uk")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Queue"
    assert "Signed in as Olive Officer" in driver.find_element(By.TAG_NAME, "header").text

    banner = driver.find_element(By.ID, "safeguarding-banner")
    assert "may show a child at risk of harm" in banner.text
    wait_for_next_page(driver, lambda: banner.find_element(By.TAG_NAME, "a").click())
    reference = driver.find_element(By.TAG_NAME, "h1").text.removeprefix("Case ")
    assert "scared of his carer" in driver.find_element(By.ID, "narrative").text

    wait_for_next_page(driver, lambda: driver.find_element(By.ID, "action-triage").click())
    driver.find_element(By.CSS_SELECTOR, "input[name=category][value=stage_one]").click()
    Select(driver.find_element(By.ID, "complaint_type")).select_by_value("staff_attitude")
    Select(driver.find_element(By.ID, "service_area")).select_by_value("fostering_adoption")
    Select(driver.find_element(By.ID, "complainant_role")).select_by_value("parent_or_carer")
    _submit(driver)
    assert "Triage corrected" in driver.find_element(By.CSS_SELECTOR, ".govuk-notification-banner").text
    assert "Fostering and Adoption Services" in driver.find_element(By.ID, "triage").text

    wait_for_next_page(driver, lambda: driver.find_element(By.ID, "action-response").click())
    driver.find_element(By.CSS_SELECTOR, "input[name=outcome][value=partially_upheld]").click()
    _submit(driver)
    assert "Response recorded" in driver.find_element(By.CSS_SELECTOR, ".govuk-notification-banner").text
    assert "Closed" in driver.find_element(By.ID, "case-summary").text
    assert "Partially upheld" in driver.find_element(By.ID, "stages").text
    assert _severe_console_messages(driver) == []

    db.session.expire_all()
    item = db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.reference == reference))
    assert (item.category, item.service_area, item.status) == ("stage_one", "fostering_adoption", "closed")
    assert item.current_stage.stage == "stage_one" and item.current_stage.outcome == "partially_upheld"
    correction = db.session.scalars(sa.select(TriageCorrection)).one()
    assert correction.corrected_by == "officer@example.gov.uk" and correction.safeguarding is True


class Audit:
    """Runs axe-core on each page and keeps every problem, so one run reports them all."""

    def __init__(self, driver, live_server) -> None:
        self.driver, self.live_server = driver, live_server
        self.problems: dict[str, list] = {}
        self.checked: list[str] = []

    def visit(self, path: str, label: str | None = None) -> None:
        self.driver.get(self.live_server(path))
        self.check(label or path)

    def check(self, label: str) -> None:
        wait_for_page(self.driver)
        assert len(self.driver.find_elements(By.TAG_NAME, "h1")) == 1, label
        self.checked.append(label)
        violations = axe_violations(self.driver)
        if violations:
            self.problems[label] = violations

    def submit_empty(self, label: str) -> None:
        """Send the page's form with nothing filled in (or as it is), to check its error state."""
        for box in self.driver.find_elements(By.CSS_SELECTOR, "main form input[type=text], main form textarea"):
            box.clear()
        _submit(self.driver)
        self.check(label)

    def assert_clean(self) -> None:
        report = "\n".join(f"{label}:\n{format_violations(found)}" for label, found in self.problems.items())
        assert not self.problems, f"axe-core found WCAG problems:\n{report}"


CASE_PAGES = ["triage", "convert", "extend", "response", "escalate/stage-two", "escalate/stage-three",
              "statement-agreed", "panel", "ombudsman", "lessons/new", "improvement-actions/new", "compensation",
              "forward-compliment", "advocacy-referral", "advocate-arranged", "do-not-share", "send-update"]


@pytest.mark.parametrize("scripts", ["with-javascript", "without-javascript"])
def test_every_console_page_has_no_wcag_violations(chromium, live_server, scripts):
    driver = chromium
    if scripts == "without-javascript":
        block_page_scripts(driver)
    create_staff_user("officer@example.gov.uk", "officer", name="Olive Officer")
    create_staff_user("admin@example.gov.uk", "admin", name="Ada Admin")
    safeguarding = create_case(safeguarding=True, needs_review=True, received_on=date(2026, 3, 2),
                               contact_method="email", contact_email="p@example.com", consent_to_contact=True,
                               complainant_name="Kerry", advocate_requested=True,
                               triage_details={"reasons": ["mentions bruises"]})
    concern = create_case(category="concern")
    stage_two = create_case(category="escalation", received_on=date(2026, 5, 11))
    stage_three = create_case(category="escalation", stage="stage_three", received_on=date(2026, 7, 1))
    compliment = create_case(category="compliment", complaint_type=None, stage=None)
    action = ImprovementAction(feedback_item=safeguarding, description="Checklist", owner="Manager",
                               due_on=date(2026, 12, 1))
    db.session.add(action)
    kept_chat = create_kept_chat_message(replies=("Sorry, our chat helper is not working right now.",))
    kept_text = create_kept_text("my placement is too far from school")
    create_kept_text("", number="+447700900555", reply="Sorry, I can only read words.")
    made_into_case = create_kept_text("i want to go home", number="+447700900999")
    made_into_case.record_case(concern, "officer@example.gov.uk")
    db.session.commit()
    audit = Audit(driver, live_server)

    driver.get(live_server("/staff/login"))
    audit.check("sign-in page")
    audit.submit_empty("sign-in page with errors")
    driver.find_element(By.ID, "email").send_keys("officer@example.gov.uk")
    driver.find_element(By.ID, "password").send_keys("wrong password")
    _submit(driver)
    audit.check("sign-in page after a wrong password")
    driver.delete_all_cookies()
    _sign_in(driver, live_server, "officer@example.gov.uk")
    audit.check("queue with the safeguarding banner")
    audit.visit("/staff/?category=concern&show=overdue&show=due_soon&status=all&sort=due", "queue, filtered")
    audit.visit("/staff/?category=nonsense", "queue with a filter error")
    audit.visit(f"/staff/cases/{safeguarding.reference}", "case page")
    audit.visit(f"/staff/cases/{compliment.reference}", "compliment's case page")
    for page in CASE_PAGES:
        item = {"convert": concern, "statement-agreed": stage_two, "escalate/stage-three": stage_two,
                "panel": stage_three, "forward-compliment": compliment}.get(page, safeguarding)
        audit.visit(f"/staff/cases/{item.reference}/{page}")
        audit.submit_empty(f"{page} with errors")
    audit.visit(f"/staff/cases/{safeguarding.reference}/improvement-actions/{action.id}/done")
    audit.submit_empty("improvement action done, with errors")
    audit.visit("/staff/kept-messages", "messages kept for officers")
    audit.visit(f"/staff/kept-messages/chat/{kept_chat.id}", "a kept chat message with its chat")
    audit.visit(f"/staff/kept-messages/sms/{kept_text.id}/make-case")
    audit.visit(f"/staff/kept-messages/sms/{kept_text.id}/dealt-with")
    audit.submit_empty("messages kept for officers, after one was dealt with")
    audit.visit(f"/staff/kept-messages/sms/{kept_text.id}", "a kept text, dealt with, with the texts around it")
    audit.visit("/staff/account/password")
    audit.submit_empty("change password with errors")
    audit.visit("/staff/admin/users", "an officer refused an admin page")
    audit.visit("/staff/cases/CF-2099-99999", "case not found")

    wait_for_next_page(driver, lambda: driver.find_element(By.CSS_SELECTOR, "header form button").click())
    audit.check("signed out")
    _sign_in(driver, live_server, "admin@example.gov.uk")
    audit.check("users")
    audit.visit("/staff/admin/users/new")
    audit.submit_empty("new user with errors")
    admin_id = db.session.scalar(sa.select(sa.text("id")).select_from(sa.text("staff_user"))
                                 .where(sa.text("email = 'admin@example.gov.uk'")))
    audit.visit(f"/staff/admin/users/{admin_id}")
    audit.visit("/staff/admin/settings")
    assert len(audit.checked) > 45
    audit.assert_clean()
