"""Words the web form shows people when something needs fixing. Tests use these too.

Young people use this form, so every message is short and plain: say what to do,
not what went wrong in technical terms.
"""

WHO_REQUIRED = "Choose who you are"
KIND_REQUIRED = "Choose what you want to tell us"
FORMAL_REQUIRED = "Choose yes if you want to make a formal complaint"
WHAT_HAPPENED_REQUIRED = {
    "something-wrong": "Tell us what happened",
    "something-good": "Tell us what was good",
    "advocate": "Tell us what you need help with",
    "not-sure": "Tell us what happened",
}
TEXT_TOO_LONG = "What you wrote is too long. Use {limit:,} characters or less."
ADVOCATE_REQUIRED = "Choose yes if you would like an advocate"
NAME_TOO_LONG = "Your name must be 200 characters or less"
CHILD_NAME_TOO_LONG = "The child's name must be 200 characters or less"
CONTACT_REQUIRED = "Choose how we should contact you"
EMAIL_REQUIRED = "Enter your email address"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"
MOBILE_REQUIRED = "Enter your mobile phone number"
MOBILE_INVALID = "Enter a mobile phone number, like 07700 900 982"
PHONE_REQUIRED = "Enter your phone number"
PHONE_INVALID = "Enter a phone number, like 01632 960 001 or 07700 900 982"
ADDRESS_REQUIRED = "Enter your address"
ADDRESS_TOO_LONG = "Your address must be 1,000 characters or less"

# Notices: not errors, so they may be two short sentences.
DRAFT_EXPIRED_NOTICE = "Your answers were deleted after 24 hours to keep them safe. Please start again."
