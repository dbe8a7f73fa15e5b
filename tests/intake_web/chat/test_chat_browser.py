"""The /chat page in headless Chromium: axe-core WCAG 2.2 A/AA, keyboard only, small phones, no JavaScript.

The assistant is faked on loopback (fake_rasa): these tests are about the page. The
end-to-end tests in tests/e2e/ hold real conversations with the real Rasa.
"""
import pytest
from selenium.webdriver import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.browser_helpers import (assert_no_axe_violations, block_page_scripts, emulate_screen, focused,
                                           press, scrolls_sideways,
                                           tab_to, type_text, wait_for_next_page, wait_for_page)
from tests.browser.conftest import (_shared_chromium, _shared_chromium_without_js, built_assets,  # noqa: F401
                                    chromium, chromium_without_js, live_server, make_chromium)

pytestmark = pytest.mark.browser


def _messages(driver) -> list[str]:
    return [element.text for element in driver.find_elements("css selector", "#chat-messages .app-chat__text")]


def _wait_for_messages(driver, count: int) -> list[str]:
    WebDriverWait(driver, 15).until(lambda d: len(_messages(d)) >= count and not
                                    d.find_element("id", "chat-send").get_attribute("disabled"))
    return _messages(driver)


def _has_visible_focus(driver) -> bool:
    style = driver.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor];")
    outline_style, outline_width, box_shadow, _ = style
    return (outline_style != "none" and outline_width != "0px") or box_shadow != "none"


def test_chat_page_works_without_javascript_at_all(chromium_without_js, live_server, fake_rasa):
    driver = chromium_without_js
    driver.get(live_server("/chat"))
    wait_for_page(driver)
    driver.find_element("id", "chat-text").send_keys("hello from a browser without javascript")
    wait_for_next_page(driver, lambda: driver.find_element("id", "chat-send").click())
    assert "You said: hello from a browser without javascript" in _messages(driver)


def test_chat_page_has_no_wcag_problems(chromium, live_server, fake_rasa):
    chromium.get(live_server("/chat"))
    wait_for_page(chromium)
    assert_no_axe_violations(chromium, label="/chat")


def test_a_whole_exchange_by_keyboard_only_with_javascript(chromium, live_server, fake_rasa):
    chromium.get(live_server("/chat"))
    wait_for_page(chromium)
    start = len(_messages(chromium))
    # The choices are real buttons, reached with Tab and pressed with Enter.
    button = tab_to(chromium, "Something is wrong")
    assert button.tag_name == "button" and _has_visible_focus(chromium)
    press(chromium, Keys.ENTER)
    texts = _wait_for_messages(chromium, start + 2)
    assert texts[-2:] == ["Something is wrong", "What happened? Tell me in your own words."]
    assert focused(chromium).get_attribute("id") == "chat-text"
    assert _has_visible_focus(chromium)
    type_text(chromium, "my social worker never calls me back")
    press(chromium, Keys.ENTER)
    texts = _wait_for_messages(chromium, start + 5)
    assert "You said: my social worker never calls me back" in texts
    assert fake_rasa.texts()[-1] == "my social worker never calls me back"
    assert focused(chromium).get_attribute("id") == "chat-text"
    # The new messages went into the live region, which screen readers announce.
    log = chromium.find_element("css selector", ".app-chat__log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    assert_no_axe_violations(chromium, label="/chat after an exchange")


def test_the_same_page_works_as_plain_forms_without_javascript(chromium, live_server, fake_rasa):
    # The page's own scripts are blocked; axe-core can still run (chromium_without_js could not run it).
    driver = chromium
    block_page_scripts(driver)
    driver.get(live_server("/chat"))
    wait_for_page(driver)
    assert_no_axe_violations(driver, label="/chat without JavaScript")
    tab_to(driver, "Something is wrong")
    wait_for_next_page(driver, lambda: press(driver, Keys.ENTER))
    assert _messages(driver)[-2:] == ["Something is wrong", "What happened? Tell me in your own words."]
    tab_to(driver, "chat-text")
    type_text(driver, "they cancelled my contact again")
    wait_for_next_page(driver, lambda: press(driver, Keys.ENTER))
    assert "You said: they cancelled my contact again" in _messages(driver)
    assert driver.current_url.endswith("/chat#latest")
    assert_no_axe_violations(driver, label="/chat without JavaScript, after an exchange")


def test_the_chat_fits_a_small_phone(chromium, live_server, fake_rasa):
    emulate_screen(chromium, 320, 640)
    chromium.get(live_server("/chat"))
    wait_for_page(chromium)
    assert not scrolls_sideways(chromium)
    assert_no_axe_violations(chromium, label="/chat at 320px")
    chromium.find_element("id", "chat-text").send_keys("a long message " * 20, Keys.ENTER)
    _wait_for_messages(chromium, 4)
    assert not scrolls_sideways(chromium)


def test_an_error_is_shown_next_to_the_box_and_read_out(chromium, live_server, fake_rasa):
    chromium.get(live_server("/chat"))
    wait_for_page(chromium)
    tab_to(chromium, "chat-text")
    press(chromium, Keys.ENTER)
    error = chromium.find_element("id", "chat-text-error")
    assert error.is_displayed() and "Type a message first." in error.text
    assert focused(chromium).get_attribute("aria-describedby") == "chat-text-error"
    assert_no_axe_violations(chromium, label="/chat with an error")
