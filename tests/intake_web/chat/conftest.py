import re

import pytest

from tests.intake_web.chat.fake_rasa import FakeRasa, free_port


@pytest.fixture
def fake_rasa(app):
    """Rasa's REST channel, faked on loopback, with RASA_URL pointing at it for this test."""
    fake = FakeRasa().start()
    saved = app.config["RASA_URL"]
    app.config["RASA_URL"] = fake.url
    yield fake
    app.config["RASA_URL"] = saved
    fake.stop()


@pytest.fixture
def rasa_down(app):
    """RASA_URL pointing at a loopback port where nothing listens."""
    saved = app.config["RASA_URL"]
    app.config["RASA_URL"] = f"http://127.0.0.1:{free_port()}"
    yield
    app.config["RASA_URL"] = saved


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
