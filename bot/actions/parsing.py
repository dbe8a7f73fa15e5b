"""Pure helpers that turn what people type into slot values. No Rasa, no network."""
import re

YES_WORDS = {"yes", "y", "yeah", "yep", "yup", "ya", "ye", "yea", "ok", "okay", "k", "sure", "please",
             "yes please", "go on", "correct", "right", "thats right", "that's right", "fine", "aye"}
NO_WORDS = {"no", "n", "nope", "nah", "na", "no thanks", "no thank you", "not really", "dont", "don't"}
DONT_KNOW_WORDS = {"not sure", "dont know", "don't know", "do not know", "idk", "dunno", "no idea", "unsure",
                   "i dont know", "i don't know", "i'm not sure", "im not sure", "skip", "pass"}

# Intents whose meaning is the answer, whatever the words.
YES_INTENTS = {"affirm"}
NO_INTENTS = {"deny"}

CONTACT_METHOD_WORDS = {
    "sms": ("text", "txt", "sms", "message me", "msg"),
    "email": ("email", "e-mail", "e mail", "mail"),
    "phone": ("phone", "call", "ring", "rang", "voice"),
}

EMAIL_IN_TEXT = re.compile(r"[^@\s<>(),;:\"']+@[^@\s<>(),;:\"']+\.[^@\s<>(),;:\"']+")
PHONE_IN_TEXT = re.compile(r"\+?[0-9][0-9 ()\-]{8,18}[0-9]")
REFERENCE_IN_TEXT = re.compile(r"\b(?:cf)\s*[-/ ]?\s*(\d{4})\s*[-/ ]?\s*(\d{1,5})\b", re.IGNORECASE)

# Openers that only say what kind of thing they want to tell us, not what happened.
_OPENER = re.compile(
    r"^((hi|hello|hiya|hey|ok|okay|so|um|erm|well|right|yeah|yes|please)[\s,.!]+)*"
    r"(i\s*(would like|want|wanna|need|have)\s*(to)?\s*"
    r"(make|send|report|raise|tell you about|say|put in|do)?\s*(a|an|my)?\s*(formal\s*)?"
    r"(complaint|complain|problem|issue|concern)s?|something('?s| is| has)?\s*(gone\s*)?(wrong|bad)|"
    r"i('?m| am)\s*(not happy|unhappy|upset)|complain(t)?)"
    r"(\s*(about|with|that|because|cos|coz))?[\s,.!]*",
    re.IGNORECASE,
)

CHANGE_FIELD_WORDS = {
    "what_happened": ("what happened", "happened", "story", "what i said", "first"),
    "who": ("who", "which team", "service", "person", "about"),
    "make_better": ("better", "put it right", "help", "fix", "want to happen", "outcome"),
    "advocate": ("advocate",),
    "contact": ("contact", "email", "phone", "number", "text", "anonymous", "reach me", "get in touch"),
    "compliment_who": ("who", "thank", "person", "team"),
    "compliment_what": ("what they did", "did well", "what", "why"),
    "advocate_about": ("help with", "about", "what i need", "reason"),
}


def _clean(text: str | None) -> str:
    return re.sub(r"[^\w\s'@+.-]", " ", (text or "").lower()).strip()


def _words(text: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", (text or "").lower())).strip()


def parse_yes_no(text: str | None, intent: str | None = None) -> bool | None:
    """Return True for yes, False for no, None if the answer is neither."""
    if intent in YES_INTENTS:
        return True
    if intent in NO_INTENTS:
        return False
    words = _words(text)
    if words in YES_WORDS or words.startswith(("yes ", "yeah ", "yep ")):
        return True
    if words in NO_WORDS or words.startswith(("no ", "nah ", "nope ")):
        return False
    return None


def is_dont_know(text: str | None, intent: str | None = None) -> bool:
    """Return True when the person says they do not know or want to skip."""
    return intent == "dont_know" or _words(text) in DONT_KNOW_WORDS


def parse_contact_method(text: str | None) -> str | None:
    """Return sms, email or phone from 'text me', 'by email please', '1' and the like."""
    words = _words(text)
    if EMAIL_IN_TEXT.search(text or ""):
        return "email"
    for method, keys in CONTACT_METHOD_WORDS.items():
        if any(re.search(rf"\b{re.escape(key)}", words) for key in keys):
            return method
    return None


def find_email(text: str | None) -> str | None:
    """Return the email address in `text`, or None."""
    match = EMAIL_IN_TEXT.search(text or "")
    if not match:
        return None
    email = match.group(0).strip(".")
    return email if len(email) <= 320 else None


def find_uk_phone(text: str | None) -> str | None:
    """Return the UK phone number in `text` as +447700900123, or None.

    The same rules as the intake service's validator, so the API never refuses a
    number the assistant has accepted.
    """
    match = PHONE_IN_TEXT.search(text or "")
    if not match:
        return None
    digits = re.sub(r"[^0-9+]", "", match.group(0))
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif digits.startswith("+"):
        return None
    if not digits.startswith("0") or len(digits) not in (10, 11):
        return None
    return "+44" + digits[1:]


def find_reference(text: str | None) -> str | None:
    """Return a reference like CF-2026-00042 from 'cf 2026 42' and the like, or None."""
    match = REFERENCE_IN_TEXT.search(text or "")
    if not match:
        return None
    year, number = match.groups()
    return f"CF-{year}-{int(number):05d}"


def narrative_in_opener(text: str | None, min_words: int = 5) -> str | None:
    """Return the opening message if it already says what happened, else None.

    "I want to make a complaint" says only what kind of thing it is; "my social
    worker never rings me back" already tells us what happened.
    """
    text = (text or "").strip()
    if not text or text.startswith("/"):
        return None
    rest = _OPENER.sub("", text, count=1).strip()
    return text if len(rest.split()) >= min_words else None


def parse_change_field(text: str | None, allowed: tuple[str, ...]) -> str | None:
    """Return which of `allowed` answers the person wants to change, or None if unclear."""
    words = _words(text)
    if words in allowed:
        return words
    for field in allowed:
        if any(re.search(rf"\b{re.escape(key)}\b", words) for key in CHANGE_FIELD_WORDS.get(field, ())):
            return field
    return None


def is_too_short(text: str | None) -> bool:
    """Return True when an answer to 'what happened' is too short to act on."""
    return len(_words(text)) < 3
