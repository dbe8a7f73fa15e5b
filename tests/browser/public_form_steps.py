"""Steps for driving the public web form in a browser by mouse (the keyboard tests use their own)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser.browser_helpers import wait_for_next_page, wait_for_page


def go(driver: WebDriver, url: str) -> None:
    driver.get(url)
    wait_for_page(driver)


def choose(driver: WebDriver, value: str) -> None:
    """Click the label of the radio with this value."""
    radio = driver.find_element(By.CSS_SELECTOR, f"input[type=radio][value='{value}']")
    driver.find_element(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']").click()


def fill(driver: WebDriver, field_id: str, text: str) -> None:
    element = driver.find_element(By.ID, field_id)
    element.clear()
    if len(text) > 500:
        # Typing 20,000 characters key by key is slow; set it, then let the page hear about it.
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                              "arguments[0].dispatchEvent(new Event('keyup', {bubbles: true}));", element, text)
    else:
        element.send_keys(text)


def submit(driver: WebDriver) -> None:
    """Press the form's button (Continue or Send) and wait for the next page."""
    wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "main form button.govuk-button").click)


def follow_back_link(driver: WebDriver) -> None:
    """Click the page's "Back" link and wait for the page it goes to."""
    wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "a.govuk-back-link").click)


def path_of(driver: WebDriver) -> str:
    return "/" + driver.current_url.split("/", 3)[3]


def h1(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text.strip()
