"""How the form's pages arrive and fit: a small first visit, compressed assets, no sideways scrolling."""
import pytest

from tests.browser.browser_helpers import NetworkRecord, emulate_screen, scrolls_sideways
from tests.browser.public_form_steps import choose, fill, go, submit

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 60 * 1024


def test_first_visit_to_the_start_page_transfers_under_60_kb(chromium, live_server, capsys):
    record = NetworkRecord(chromium)
    record.clear()
    go(chromium, live_server("/"))
    sizes = record.collect(settle=1.0).transferred(live_server.url)
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nFirst visit to the start page (Chromium, bytes on the wire): {total:,} bytes: "
              + ", ".join(f"{url.removeprefix(live_server.url)} {size:,}" for url, size in sizes.items()))
    assert live_server("/static/dist/app.css") in sizes and live_server("/static/dist/govuk-frontend.min.js") in sizes
    assert total < FIRST_VISIT_BUDGET, sizes
    for asset in ("/static/dist/app.css", "/static/dist/govuk-frontend.min.js"):
        assert record.encoding(live_server(asset)) in ("br", "zstd"), asset


@pytest.mark.parametrize("width", [320, 375])
def test_pages_fit_a_small_phone_screen_without_sideways_scrolling(chromium, live_server, width):
    emulate_screen(chromium, width, 640)
    go(chromium, live_server("/"))
    assert not scrolls_sideways(chromium), "start page"
    go(chromium, live_server("/feedback/who-are-you"))
    submit(chromium)  # with its error summary
    assert not scrolls_sideways(chromium), "who are you, with an error"
    for value in ("parent-or-carer", "something-wrong", "yes"):
        choose(chromium, value)
        submit(chromium)
    fill(chromium, "what_happened", "A very long word: " + "x" * 120)
    submit(chromium)
    for _ in range(3):  # put it right, your name, the child's name
        submit(chromium)
    submit(chromium)
    assert not scrolls_sideways(chromium), "contact, with an error"
    choose(chromium, "post")
    submit(chromium)
    submit(chromium)
    assert not scrolls_sideways(chromium), "address, with an error"
    fill(chromium, "contact_address", "1 Example Street, Grimsby")
    submit(chromium)
    assert not scrolls_sideways(chromium), "check answers, with a long word in an answer"
    emulate_screen(chromium, 0)
