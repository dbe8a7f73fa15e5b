"""Checks shared by the web form and the JSON API, with messages written for people."""
import re

# Deliberately simple: something@something.something, no spaces. Stricter checks
# reject real addresses; the acknowledgement email tells us if one is wrong.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# UK numbers as people type them: digits, spaces, brackets, dashes, optional +44.
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{10,20}$")


def is_valid_email(value: str) -> bool:
    return bool(EMAIL_PATTERN.match(value.strip())) and len(value) <= 320


def normalise_phone(value: str) -> str | None:
    """Return a UK phone number in E.164 form (+447700900123), or None if it is not one."""
    value = value.strip()
    if not PHONE_PATTERN.match(value):
        return None
    digits = re.sub(r"[^0-9+]", "", value)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif digits.startswith("+"):
        return digits if 8 <= len(digits) <= 16 else None
    if not digits.startswith("0") or len(digits) not in (10, 11):
        return None
    return "+44" + digits[1:]
