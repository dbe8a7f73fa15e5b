"""Settings read from the environment, and what production refuses to start without."""
import os
import subprocess
import sys

import pytest

from intake_web.settings import Production

PRODUCTION_SECRETS = {"SECRET_KEY": "s", "DATABASE_URL": "postgresql+psycopg://x@db/x", "INTAKE_API_TOKEN": "t",
                      "TWILIO_AUTH_TOKEN": "t"}


def _setting_in_a_fresh_process(name: str, environment: dict[str, str]) -> str:
    """Import the settings in a new interpreter (they read the environment once, at import)."""
    env = {key: value for key, value in os.environ.items() if key != "PUBLIC_BASE_URL"} | environment
    code = f"from intake_web.settings import Development; print(repr(Development.{name}))"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_public_base_url_comes_from_the_environment():
    assert _setting_in_a_fresh_process("PUBLIC_BASE_URL", {"PUBLIC_BASE_URL": "https://feedback.example.gov.uk"}) \
        == "'https://feedback.example.gov.uk'"


def test_public_base_url_is_none_in_development_when_not_set():
    assert _setting_in_a_fresh_process("PUBLIC_BASE_URL", {}) == "None"


def test_links_use_the_councils_website_when_public_base_url_is_not_set(app):
    from intake_web.chat.safety_net import web_form_url

    assert app.config["PUBLIC_BASE_URL"] is None
    assert web_form_url() == app.extensions["council"].contacts["website"].rstrip("/") + "/"


@pytest.fixture
def production_secrets(monkeypatch):
    for name, value in PRODUCTION_SECRETS.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("public_base_url, refusal", [(None, "Set these environment variables.*PUBLIC_BASE_URL"),
                                                      ("", "PUBLIC_BASE_URL"),
                                                      ("http://feedback.example.gov.uk", "https://")])
def test_production_refuses_to_start_without_an_https_public_base_url(production_secrets, monkeypatch,
                                                                      public_base_url, refusal):
    if public_base_url is None:
        monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("PUBLIC_BASE_URL", public_base_url)
    with pytest.raises(RuntimeError, match=refusal):
        Production()


def test_production_starts_with_an_https_public_base_url(production_secrets, monkeypatch):
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://feedback.example.gov.uk")
    assert Production().SESSION_COOKIE_SECURE is True
