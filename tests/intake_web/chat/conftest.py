"""Helpers for the web chat's tests; `fake_rasa` and `rasa_down` come from tests/conftest.py."""
import re


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
