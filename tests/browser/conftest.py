"""Fixtures for browser tests: the test app on a live server, driven by headless Chromium.

Reuse them for any page (the chat window, the staff console): put the test under
tests/browser/, mark it `@pytest.mark.browser`, and use

    live_server          the `app` fixture (same database, CSRF on) served on 127.0.0.1
    chromium             headless Chromium with JavaScript, cookies cleared for each test
    chromium_without_js  the same with JavaScript switched off
    make_chromium        a factory for other sizes or settings: make_chromium(width=375)

and from tests.browser.browser_helpers: assert_no_axe_violations(driver), tab_to, press, type_text,
NetworkRecord. Debian's chromium and chromium-driver are used (`make system-packages`);
set CHROMIUM_BINARY and CHROMEDRIVER to use others.
"""
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_BINARY = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_ARGUMENTS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
)


@pytest.fixture(scope="session")
def built_assets() -> Path:
    """Build the CSS and JavaScript (skipped by the script when they are up to date)."""
    subprocess.run([str(PROJECT_ROOT / "scripts" / "build_assets.sh")], check=True, cwd=PROJECT_ROOT,
                   stdout=subprocess.DEVNULL)
    return PROJECT_ROOT / "intake_web" / "static" / "dist"


@dataclass
class LiveServer:
    url: str

    def __call__(self, path: str = "/") -> str:
        return self.url + path


@pytest.fixture(scope="session")
def live_server(app, built_assets):
    """The test app, served by a real HTTP server in a thread, on a free port on 127.0.0.1."""
    assert app.config.get("WTF_CSRF_ENABLED", True), "browser tests must run with CSRF protection on"
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield LiveServer(f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def _check_binaries() -> None:
    missing = [path for path in (CHROMIUM_BINARY, CHROMEDRIVER) if not shutil.which(path)]
    if missing:
        pytest.fail(f"Browser tests need Chromium and its driver; missing: {', '.join(missing)}. "
                    "Run `make system-packages` (Debian: apt-get install chromium chromium-driver), "
                    "or deselect them with -m 'not browser'.")


@pytest.fixture(scope="session")
def make_chromium(tmp_path_factory):
    """Return a function that starts headless Chromium; every one started is closed at the end."""
    _check_binaries()
    drivers = []

    def make(javascript: bool = True, width: int = 1280, height: int = 900) -> webdriver.Chrome:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM_BINARY
        for argument in CHROMIUM_ARGUMENTS:
            options.add_argument(argument)
        options.add_argument(f"--window-size={width},{height}")
        options.add_argument(f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp())}")
        # The performance log lets tests see every request the page makes (NetworkRecord).
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        if not javascript:
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(30)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()


def _fresh(driver: webdriver.Chrome) -> webdriver.Chrome:
    """Forget cookies, cache and logs from the test before."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get("about:blank")
    driver.get_log("performance")
    driver.get_log("browser")
    return driver


@pytest.fixture(scope="session")
def _shared_chromium(make_chromium):
    return make_chromium(javascript=True)


@pytest.fixture(scope="session")
def _shared_chromium_without_js(make_chromium):
    return make_chromium(javascript=False)


@pytest.fixture
def chromium(_shared_chromium, live_server):
    """Headless Chromium with JavaScript on, with no cookies or cache from earlier tests."""
    return _fresh(_shared_chromium)


@pytest.fixture
def chromium_without_js(_shared_chromium_without_js, live_server):
    """Headless Chromium with JavaScript switched off, as some people browse."""
    return _fresh(_shared_chromium_without_js)
