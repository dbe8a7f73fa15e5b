"""The form's own CSS and JavaScript: the council's brand, served by the app, compressed and small."""
import re

import pytest

from tests.intake_web.public.public_form_helpers import parse

FIRST_VISIT_BUDGET = 60 * 1024
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd"


@pytest.fixture
def asset_client(client, built_assets):
    return client


def _assets_linked_from(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def _wire_size(response) -> int:
    """Body bytes as sent, plus the status line and headers."""
    headers = sum(len(f"{name}: {value}\r\n") for name, value in response.headers.items())
    return len(response.get_data()) + headers + len("HTTP/1.1 200 OK\r\n\r\n")


def test_first_visit_to_the_start_page_transfers_under_60_kb(asset_client, capsys):
    headers = {"Accept-Encoding": BROWSER_ACCEPT_ENCODING}
    page = asset_client.get("/", headers=headers)
    html = page.get_data(as_text=True)
    sizes = {"/": _wire_size(page)}
    assets = _assets_linked_from(html) + ["/static/dist/govuk-frontend.min.js"]  # imported by app.js
    for path in assets:
        response = asset_client.get(path, headers=headers)
        assert response.status_code == 200, path
        sizes[path] = _wire_size(response)
        response.close()
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nFirst visit to the start page (test client): {total:,} bytes "
              + ", ".join(f"{path} {size:,}" for path, size in sizes.items()))
    assert total < FIRST_VISIT_BUDGET, sizes


@pytest.mark.parametrize("path", ["/static/dist/app.css", "/static/dist/govuk-frontend.min.js"])
def test_css_and_javascript_are_sent_compressed(asset_client, path):
    response = asset_client.get(path, headers={"Accept-Encoding": BROWSER_ACCEPT_ENCODING})
    assert response.headers.get("Content-Encoding") in ("br", "zstd")
    assert "Accept-Encoding" in response.headers.get("Vary", "")
    response.close()
    plain = asset_client.get(path)
    assert "Content-Encoding" not in plain.headers
    plain.close()


def test_pages_are_not_compressed_because_they_hold_the_csrf_token(asset_client):
    response = asset_client.get("/feedback/who-are-you", headers={"Accept-Encoding": BROWSER_ACCEPT_ENCODING})
    assert "Content-Encoding" not in response.headers


def test_css_has_the_councils_colour_and_font_and_nothing_reserved_for_gov_uk(built_assets, app):
    css = (built_assets / "app.css").read_text(encoding="utf-8")
    brand = app.extensions["council"].council["brand"]
    assert brand["primary_colour"].lower() in css.lower()
    assert "font-family:arial,sans-serif" in css.replace(" ", "")
    assert "GDS Transport" not in css and "@font-face" not in css
    assert "url(" not in css  # no GOV.UK images (the crest) or fonts


def test_javascript_sets_js_enabled_from_a_file_and_starts_govuk_frontend(built_assets):
    assert "js-enabled" in (built_assets / "js-enabled.js").read_text()
    app_js = (built_assets / "app.js").read_text()
    assert "import { initAll } from './govuk-frontend.min.js'" in app_js
    assert "sourceMappingURL" not in (built_assets / "govuk-frontend.min.js").read_text()


def test_pages_load_scripts_from_files_only_and_have_no_gov_uk_branding(asset_client):
    html = asset_client.get("/").get_data(as_text=True)
    page = parse(html)
    assert page.inline_scripts == 0 and page.style_attributes == 0
    assert '<script src="/static/dist/js-enabled.js"></script>' in html
    assert '<script type="module" src="/static/dist/app.js"></script>' in html
    for reserved in ("govuk-logo", "govuk-header__logotype", "crown", "GOV.UK", "govuk-icon"):
        assert reserved not in html, reserved


def test_security_headers_forbid_inline_scripts_on_form_pages(asset_client):
    response = asset_client.get("/feedback/who-are-you")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
