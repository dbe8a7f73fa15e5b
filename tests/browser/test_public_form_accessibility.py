"""axe-core finds no WCAG 2.2 A or AA problem on any page of the web form, or any of its error states.

Each journey is checked twice: with the page's JavaScript, and as a browser without
JavaScript shows it (no live character count). axe-core runs with nothing switched
off: no page asks a question inside another (GOV.UK's conditional reveals set
aria-expanded on radios, which axe reports), so there is nothing to excuse.
"""
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from selenium.webdriver.common.by import By

from intake_web.extensions import db
from intake_web.public import messages
from intake_web.public.drafts import FormDraft
from tests.browser.browser_helpers import (NetworkRecord, axe_violations, block_page_scripts, format_violations,
                                           wait_for_next_page, wait_for_page)
from tests.browser.public_form_steps import choose, fill, follow_back_link, go, h1, path_of, submit

pytestmark = pytest.mark.browser

SCRIPTS = ["with-javascript", "without-javascript"]


class Audit:
    """Runs axe-core on each page state and keeps every problem, so one run reports them all."""

    def __init__(self, driver) -> None:
        self.driver = driver
        self.problems: dict[str, list] = {}
        self.checked: list[str] = []

    def check(self, label: str) -> None:
        wait_for_page(self.driver)
        label = f"{label} ({path_of(self.driver)})"
        self.checked.append(label)
        violations = axe_violations(self.driver)
        if violations:
            self.problems[label] = violations

    def assert_clean(self) -> None:
        report = "\n".join(f"{label}:\n{format_violations(found)}" for label, found in self.problems.items())
        assert not self.problems, f"axe-core found WCAG problems:\n{report}"


@pytest.fixture(params=SCRIPTS)
def audited(request, chromium):
    if request.param == "without-javascript":
        block_page_scripts(chromium)
    return Audit(chromium)


def _has_errors(driver) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary"))


def test_young_persons_journey_and_every_error_state(audited, live_server):
    driver, check = audited.driver, audited.check
    go(driver, live_server("/"))
    check("start page")
    go(driver, live_server("/feedback/who-are-you"))
    check("who are you")
    submit(driver)
    assert _has_errors(driver)
    check("who are you, nothing chosen")
    choose(driver, "young-person")
    submit(driver)

    check("what kind")
    submit(driver)
    check("what kind, nothing chosen")
    choose(driver, "something-wrong")
    submit(driver)

    check("formal complaint")
    submit(driver)
    check("formal complaint, nothing chosen")
    choose(driver, "yes")
    submit(driver)

    check("what happened")
    submit(driver)
    check("what happened, empty")
    fill(driver, "what_happened", "x" * 20_001)
    check("what happened, over the limit before sending")
    submit(driver)
    check("what happened, too long")
    fill(driver, "what_happened", "My social worker keeps missing our meetings.")
    submit(driver)

    check("put it right")
    fill(driver, "put_it_right", "x" * 20_001)
    submit(driver)
    check("put it right, too long")
    fill(driver, "put_it_right", "Tell me when they cannot come.")
    submit(driver)

    check("advocate")
    submit(driver)
    check("advocate, nothing chosen")
    choose(driver, "yes")
    submit(driver)

    check("your name")
    fill(driver, "your_name", "x" * 201)
    submit(driver)
    check("your name, too long")
    fill(driver, "your_name", "Sam Example")
    submit(driver)

    check("contact")
    submit(driver)
    check("contact, nothing chosen")
    choose(driver, "none")
    check("contact, no contact chosen")
    for method, field_id, bad in [("email", "contact_email", "sam at example"), ("text", "contact_mobile", "0163"),
                                  ("phone", "contact_phone", "12"), ("post", "contact_address", "")]:
        choose(driver, method)
        check(f"contact, {method} chosen")
        submit(driver)
        assert path_of(driver) == "/feedback/contact-details", method
        check(f"contact details for {method}")
        fill(driver, field_id, bad)
        submit(driver)
        assert _has_errors(driver), method
        check(f"contact details for {method}, not valid")
        follow_back_link(driver)
        assert path_of(driver) == "/feedback/contact", method
    choose(driver, "email")
    submit(driver)
    fill(driver, "contact_email", "sam@example.com")
    submit(driver)

    assert h1(driver) == "Check your answers"
    check("check answers")
    submit(driver)
    assert h1(driver) == "We got your message"
    check("confirmation")
    audited.assert_clean()


def test_parents_journey_with_the_childs_name(audited, live_server):
    driver, check = audited.driver, audited.check
    go(driver, live_server("/feedback/who-are-you"))
    for value in ("parent-or-carer", "something-good"):
        choose(driver, value)
        submit(driver)
    fill(driver, "what_happened", "The family support worker was very kind.")
    submit(driver)
    submit(driver)  # no name
    check("child's name")
    fill(driver, "child_name", "x" * 201)
    submit(driver)
    check("child's name, too long")
    fill(driver, "child_name", "Alex")
    submit(driver)
    choose(driver, "post")
    submit(driver)
    fill(driver, "contact_address", "1 Example Street\nGrimsby\nDN31 1AA")
    submit(driver)
    check("check answers for a compliment, with an address")
    wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "a[href$='/feedback/contact?change=yes']").click)
    check("changing how to contact them")
    choose(driver, "none")
    submit(driver)
    check("check answers for a compliment")
    submit(driver)
    check("confirmation of a compliment")
    audited.assert_clean()


def test_confirmation_with_a_safeguarding_warning(audited, live_server, monkeypatch):
    from intake_web.triage_adapter import TriageOutcome

    outcome = TriageOutcome(ok=True, category="stage_one", safeguarding=True, needs_review=False)
    monkeypatch.setattr("intake_web.intake.run_triage", lambda *args, **kwargs: outcome)
    driver = audited.driver
    go(driver, live_server("/feedback/who-are-you"))
    for value in ("young-person", "not-sure"):
        choose(driver, value)
        submit(driver)
    fill(driver, "what_happened", "Someone at home hurts me.")
    submit(driver)
    submit(driver)  # put it right: optional
    choose(driver, "yes")
    submit(driver)
    submit(driver)  # name: optional
    choose(driver, "none")
    submit(driver)
    submit(driver)
    banner = driver.find_element(By.CSS_SELECTOR, ".govuk-notification-banner")
    assert "999" in banner.text
    audited.check("confirmation with safeguarding warning")
    audited.assert_clean()


def test_error_pages(audited, live_server):
    driver = audited.driver
    go(driver, live_server("/feedback/no-such-page"))
    audited.check("page not found")
    go(driver, live_server("/feedback/who-are-you"))
    driver.delete_all_cookies()  # the CSRF token no longer matches a session
    choose(driver, "young-person")
    submit(driver)
    assert h1(driver) == "We could not save that page"
    audited.check("form sent without a session")
    audited.assert_clean()


def test_the_first_question_after_the_answers_were_deleted(audited, live_server):
    driver = audited.driver
    go(driver, live_server("/feedback/who-are-you"))
    choose(driver, "young-person")
    submit(driver)
    draft = db.session.scalar(sa.select(FormDraft))
    draft.updated_at = datetime.now(timezone.utc) - timedelta(hours=25)
    db.session.commit()
    choose(driver, "something-wrong")
    submit(driver)
    assert path_of(driver) == "/feedback/who-are-you"
    assert messages.DRAFT_EXPIRED_NOTICE in driver.find_element(By.CSS_SELECTOR, ".govuk-notification-banner").text
    audited.check("who are you, after the answers were deleted")
    audited.assert_clean()


def test_pages_make_no_requests_anywhere_else_and_break_no_security_rule(chromium, live_server):
    record = NetworkRecord(chromium)
    record.clear()
    go(chromium, live_server("/"))
    go(chromium, live_server("/feedback/who-are-you"))
    choose(chromium, "young-person")
    submit(chromium)
    record.collect()
    elsewhere = [url for url in record.page_requests() if not url.startswith(live_server.url)]
    assert not elsewhere, f"requests to other places: {elsewhere}"
    # A refused inline script or style (Content Security Policy) shows as a console error.
    problems = [entry["message"] for entry in chromium.get_log("browser") if entry["level"] == "SEVERE"]
    assert not problems, problems
    assert "js-enabled" in chromium.find_element(By.TAG_NAME, "body").get_attribute("class")
