"""Free text from the public, cleaned once before it is stored.

No markup survives (bleach strips every tag), but ordinary characters do: a child
typing "I <3 my carer" or "mum & dad" keeps those words. Text is stored unescaped
and escaped again by Jinja on output.
"""
import html
import re
import unicodedata

import bleach

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str | None) -> str | None:
    """Return `value` without markup or control characters, or None if nothing is left."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    # Repeat until stable so that escaped markup ("&lt;b&gt;") cannot come back as a tag.
    for _ in range(5):
        cleaned = html.unescape(bleach.clean(text, tags=set(), attributes={}, strip=True, strip_comments=True))
        if cleaned == text:
            break
        text = cleaned
    text = text.strip()
    return text or None
