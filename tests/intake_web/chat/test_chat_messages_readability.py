"""What the web application itself says in the chat and by text follows the assistant's rules."""
import pytest
import textstat

from intake_web.chat import messages

SAMPLES = {"web_form_url": "https://www.nelincs.gov.uk/", "emergency_phone": "999", "childline_phone": "0800 1111",
           "out_of_hours_phone": "01632 960 999", "limit": 5000}
TEXTS = {name: value for name, value in vars(messages).items() if name.isupper() and isinstance(value, str)}


@pytest.fixture(autouse=True)
def _offline_syllables(monkeypatch):
    monkeypatch.setattr("textstat.backend.counts._count_syllables.get_cmudict", lambda lang: None)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_message_is_easy_to_read_and_short(name):
    text = TEXTS[name].format(**SAMPLES)
    assert textstat.flesch_reading_ease(text) >= 80, f"{name}: {text}"
    assert len(text) <= 320, name
