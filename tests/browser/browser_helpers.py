"""Helpers for browser tests of any page: axe-core checks, keyboard-only driving, network records.

Import with `from tests.browser.browser_helpers import ...` in tests under tests/browser/; the
fixtures (live_server, browser, browser_without_js, make_browser) are in conftest.py.
"""
import json
import time
from pathlib import Path
from urllib.parse import urlsplit

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver import ActionChains, Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = PROJECT_ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags wcag2a/aa..., wcag22aa). 2.2 added no A rules in axe.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# axe-core runs with its own settings, reset before every run: no rule or check is
# switched off or loosened, so every violation it finds fails the test. (GOV.UK
# Frontend's conditionally revealed questions set aria-expanded on radios and
# checkboxes, which axe reports as aria-allowed-attr: ask the question on the next
# page instead.)
_RUN_AXE = """
const [context, tags, done] = arguments;
axe.reset();
axe.run(context || document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(results => done({violations: results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}))
  .catch(error => done({error: String(error)}));
"""


def axe_violations(driver: WebDriver, context: str | None = None, tags=WCAG_TAGS) -> list[dict]:
    """Run axe-core on the current page (or the CSS selector `context`) and return its violations."""
    if not AXE_SCRIPT.exists():
        raise AssertionError(f"{AXE_SCRIPT} is missing: run scripts/build_assets.sh "
                             "(it installs frontend/node_modules)")
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
    driver.set_script_timeout(30)
    result = driver.execute_async_script(_RUN_AXE, context, list(tags))
    if "error" in result:
        raise AssertionError(f"axe-core failed on {driver.current_url}: {result['error']}")
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {(node['summary'] or '').splitlines()[-1].strip()}")
    return "\n".join(lines)


def assert_no_axe_violations(driver: WebDriver, context: str | None = None, tags=WCAG_TAGS, label: str = "") -> None:
    """Fail, listing every problem, if axe-core finds any WCAG 2.2 A/AA violation on the current page."""
    violations = axe_violations(driver, context, tags)
    where = label or driver.current_url
    assert not violations, f"axe-core found WCAG problems on {where}:\n{format_violations(violations)}"


def wait_for_page(driver: WebDriver, timeout: float = 10) -> None:
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _gone(element: WebElement):
    """A wait condition: true once `element` has left the page (selenium's staleness_of, made sturdier)."""

    def check(driver) -> bool:
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            # While the old page is being replaced, Chromium sometimes answers this way instead.
            if "does not belong to the document" in str(error):
                return True
            raise

    return check


def wait_for_next_page(driver: WebDriver, action, timeout: float = 10) -> None:
    """Do `action()` (a click, a key press) and wait until the page it leads to has loaded."""
    page = driver.find_element("tag name", "html")
    action()
    WebDriverWait(driver, timeout).until(_gone(page))
    wait_for_page(driver, timeout)


def block_page_scripts(driver: WebDriver) -> None:
    """Stop the page's own JavaScript loading (Chromium only), to see it as a browser without JavaScript
    shows it while still letting the test run axe-core."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.js", "*.mjs"]})


def press(driver: WebDriver, *keys: str) -> None:
    """Press keys on whatever has focus, as a keyboard user would."""
    actions = ActionChains(driver)
    for key in keys:
        actions.send_keys(key)
    actions.perform()


def type_text(driver: WebDriver, text: str) -> None:
    """Type into the focused element, key by key."""
    ActionChains(driver).send_keys(text).perform()


def focused(driver: WebDriver) -> WebElement:
    return driver.switch_to.active_element


def describe(element: WebElement) -> str:
    tag = element.tag_name
    ident = element.get_attribute("id") or element.get_attribute("name") or ""
    text = (element.text or element.get_attribute("value") or "").strip()[:40]
    return f"<{tag} id={ident!r}> {text!r}"


def tab_to(driver: WebDriver, matches, max_presses: int = 80) -> WebElement:
    """Press Tab until `matches(element)` is true for the focused element, and return it.

    `matches` may also be a string: an element id, or the visible text of a link or button.
    """
    if isinstance(matches, str):
        wanted = matches

        def matches(element, wanted=wanted):
            return element.get_attribute("id") == wanted or (element.text or "").strip() == wanted

    seen = []
    for _ in range(max_presses):
        press(driver, Keys.TAB)
        element = focused(driver)
        if matches(element):
            return element
        seen.append(element)
    path = [describe(element) for element in seen[:30]]
    raise AssertionError(f"Could not reach the element with Tab on {driver.current_url}. Focus went: {path}")


def emulate_screen(driver: WebDriver, width: int, height: int = 800, mobile: bool | None = None) -> None:
    """Show pages as on a screen `width` CSS pixels wide (Chromium only); width=0 goes back to the window."""
    if width == 0:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": width < 700 if mobile is None else mobile})


def scrolls_sideways(driver: WebDriver) -> bool:
    """True when the page is wider than the screen (WCAG 1.4.10 Reflow wants no sideways scrolling at 320px)."""
    return driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


def save_full_page_screenshot(driver: WebDriver, path: Path) -> Path:
    """Save a PNG of the whole page, not just what fits on the screen (Chromium only)."""
    import base64

    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


class NetworkRecord:
    """What the browser fetched, from Chromium's performance log (needs the logging capability set)."""

    def __init__(self, driver: WebDriver) -> None:
        self.driver = driver
        self.urls: dict[str, str] = {}
        self.bytes: dict[str, int] = {}
        self.encodings: dict[str, str] = {}

    def clear(self) -> None:
        self.driver.get_log("performance")
        self.urls.clear(), self.bytes.clear(), self.encodings.clear()

    def collect(self, settle: float = 0.5) -> "NetworkRecord":
        time.sleep(settle)  # let late requests (the favicon) finish
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                self.urls[params["requestId"]] = params["request"]["url"]
            elif message["method"] == "Network.responseReceived":
                headers = {key.lower(): value for key, value in params["response"].get("headers", {}).items()}
                self.encodings[params["requestId"]] = headers.get("content-encoding", "")
            elif message["method"] == "Network.loadingFinished":
                self.bytes[params["requestId"]] = int(params["encodedDataLength"])
        return self

    def page_requests(self) -> list[str]:
        """Every URL the page asked for (Chromium's own chrome:// pages left out)."""
        return [url for url in self.urls.values() if urlsplit(url).scheme in ("http", "https", "ws", "wss")]

    def transferred(self, origin: str) -> dict[str, int]:
        """Bytes on the wire (headers and compressed bodies) for each URL fetched from `origin`."""
        return {self.urls[request_id]: size for request_id, size in self.bytes.items()
                if self.urls.get(request_id, "").startswith(origin)}

    def encoding(self, url: str) -> str:
        return next((self.encodings.get(request_id, "") for request_id, seen in self.urls.items() if seen == url), "")
