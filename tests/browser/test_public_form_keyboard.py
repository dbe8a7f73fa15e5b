"""A person can fill in the whole form with a keyboard only, with or without JavaScript."""
import re

import pytest
import sqlalchemy as sa
from selenium.webdriver import Keys
from selenium.webdriver.common.by import By

from intake_web.extensions import db
from intake_web.models import FeedbackItem
from tests.browser.browser_helpers import focused, press, tab_to, type_text, wait_for_next_page, wait_for_page

pytestmark = pytest.mark.browser


def _is_radio(value: str):
    return lambda element: element.get_attribute("type") == "radio" and element.get_attribute("value") == value


def _button(text: str):
    return lambda element: element.tag_name in ("button", "a") and element.text.strip().startswith(text)


def _continue(driver, text: str = "Continue") -> None:
    tab_to(driver, _button(text))
    wait_for_next_page(driver, lambda: press(driver, Keys.ENTER))


def _choose_with_arrows(driver, name: str, value: str) -> None:
    """Tab into a radio group, then use the arrow keys to reach `value` (which also selects it)."""
    first = tab_to(driver, lambda element: element.get_attribute("name") == name
                   and element.get_attribute("type") == "radio")
    if first.get_attribute("value") == value:
        press(driver, Keys.SPACE)
    for _ in range(8):
        if focused(driver).get_attribute("value") == value:
            break
        press(driver, Keys.ARROW_DOWN)
    assert _is_radio(value)(focused(driver)) and focused(driver).is_selected(), f"could not choose {value}"


def _type_into(driver, field_id: str, text: str) -> None:
    tab_to(driver, field_id)
    type_text(driver, text)


def _follow_change_link(driver, href_end: str) -> None:
    tab_to(driver, lambda element: (element.get_attribute("href") or "").endswith(href_end))
    wait_for_next_page(driver, lambda: press(driver, Keys.ENTER))


def _h1(driver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text.strip()


def _keyboard_journey(driver, live_server) -> str:
    """Start to confirmation by keyboard; return the confirmation page's text."""
    driver.get(live_server("/"))
    wait_for_page(driver)
    # The first Tab reaches the skip link.
    press(driver, Keys.TAB)
    assert focused(driver).get_attribute("class").startswith("govuk-skip-link")
    _continue(driver, "Start now")

    assert _h1(driver) == "Who are you?"
    _choose_with_arrows(driver, "who", "young-person")
    _continue(driver)
    assert _h1(driver) == "What do you want to tell us?"
    _choose_with_arrows(driver, "kind", "something-wrong")
    _continue(driver)
    assert _h1(driver) == "Do you want to make a formal complaint?"
    _choose_with_arrows(driver, "formal", "yes")
    _continue(driver)
    assert _h1(driver) == "What happened?"
    _type_into(driver, "what_happened", "Nobody came to my review.")
    _continue(driver)
    _type_into(driver, "put_it_right", "Say sorry.")
    _continue(driver)
    assert _h1(driver) == "Would you like an advocate?"
    _choose_with_arrows(driver, "advocate", "yes")
    _continue(driver)
    _type_into(driver, "your_name", "Sam")
    _continue(driver)

    assert _h1(driver) == "How should we contact you?"
    _choose_with_arrows(driver, "contact_method", "email")
    _continue(driver)
    assert _h1(driver) == "What is your email address?"
    _type_into(driver, "contact_email", "sam@example.com")
    _continue(driver)

    assert _h1(driver) == "Check your answers"
    # Change an answer from check answers, and come back to it.
    _follow_change_link(driver, "/feedback/advocate?change=yes")
    _choose_with_arrows(driver, "advocate", "no")
    _continue(driver)
    assert _h1(driver) == "Check your answers"
    assert "No, thank you" in driver.find_element(By.TAG_NAME, "main").text
    # A new way to contact them asks for its detail before going back to check answers.
    _follow_change_link(driver, "/feedback/contact?change=yes")
    _choose_with_arrows(driver, "contact_method", "text")
    _continue(driver)
    assert _h1(driver) == "What is your mobile phone number?"
    _type_into(driver, "contact_mobile", "07700 900 982")
    _continue(driver)
    assert _h1(driver) == "Check your answers"
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Text message" in main and "07700 900 982" in main and "sam@example.com" not in main
    _continue(driver, "Send")

    assert _h1(driver) == "We got your message"
    return driver.find_element(By.TAG_NAME, "main").text


def _assert_confirmed(text: str) -> None:
    item = db.session.scalars(sa.select(FeedbackItem)).one()
    assert item.reference in text
    assert re.search(r"We will reply by \d{1,2} [A-Z][a-z]+ \d{4}", text), text
    assert item.narrative == "Nobody came to my review."
    assert item.advocate_requested is False
    assert (item.contact_method, item.contact_phone, item.contact_email) == ("sms", "+447700900982", None)


def test_keyboard_only_journey_with_javascript(chromium, live_server):
    _assert_confirmed(_keyboard_journey(chromium, live_server))


def test_keyboard_only_journey_without_javascript(chromium_without_js, live_server):
    _assert_confirmed(_keyboard_journey(chromium_without_js, live_server))
    body_class = chromium_without_js.find_element(By.TAG_NAME, "body").get_attribute("class")
    assert "js-enabled" not in body_class  # JavaScript really was off


def test_error_summary_takes_keyboard_focus_and_links_to_the_question(chromium, live_server):
    chromium.get(live_server("/feedback/who-are-you"))
    wait_for_page(chromium)
    _continue(chromium)
    summary = chromium.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert focused(chromium) == summary  # GOV.UK Frontend moves focus to it
    link = tab_to(chromium, lambda element: (element.get_attribute("href") or "").endswith("#who"))
    assert link.text == "Choose who you are"
    press(chromium, Keys.ENTER)
    assert focused(chromium).get_attribute("id") == "who"
