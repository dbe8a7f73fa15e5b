"""One form per question. Every error message is written for the person (see messages.py)."""
from flask import current_app
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput, GovTextArea, GovTextInput
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation, ValidationError

from intake_web.public import journey, messages
from intake_web.validators import is_valid_email, normalise_phone

NAME_LIMIT = 200
EMAIL_LIMIT = 320
PHONE_LIMIT = 40
ADDRESS_LIMIT = 1000


def strip_whitespace(value):
    return value.strip() if isinstance(value, str) else value


class Required:
    """Stop with `message` when the field is empty.

    Unlike WTForms' DataRequired it sets no `required` attribute: the forms use
    `novalidate`, so the browser's own pop-up messages never replace ours.
    """

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        if field.data is None or (isinstance(field.data, str) and not field.data.strip()):
            raise StopValidation(self.message)


class MaxLength:
    """Fail with `message` when the text is longer than `limit` (or the app's MAX_TEXT_LENGTH)."""

    def __init__(self, message: str, limit: int | None = None) -> None:
        self.message, self.limit = message, limit

    def __call__(self, form, field) -> None:
        limit = self.limit or current_app.config["MAX_TEXT_LENGTH"]
        if field.data and len(field.data) > limit:
            raise ValidationError(self.message.format(limit=limit))


class RadioChoice(RadioField):
    """Radios whose only error, for no answer or a tampered one, is `message`."""

    def __init__(self, label, choices: list[tuple[str, str]], message: str, **kwargs) -> None:
        super().__init__(label, choices=[SelectChoice(value, text) for value, text in choices],
                         widget=GovRadioInput(), **kwargs)
        self.message = message

    def pre_validate(self, form) -> None:
        if self.data not in {choice.value for choice in self.choices}:
            raise StopValidation(self.message)


class QuestionForm(FlaskForm):
    """A form for one question: error messages come from messages.py, never WTForms' defaults."""


class WhoAreYouForm(QuestionForm):
    who = RadioChoice("Who are you?", journey.WHO_CHOICES, messages.WHO_REQUIRED)


class WhatKindForm(QuestionForm):
    kind = RadioChoice("What do you want to tell us?", journey.KIND_CHOICES, messages.KIND_REQUIRED)


class FormalComplaintForm(QuestionForm):
    formal = RadioChoice("Do you want to make a formal complaint?", journey.YES_NO, messages.FORMAL_REQUIRED)


class WhatHappenedForm(QuestionForm):
    what_happened = TextAreaField("What happened?", widget=GovCharacterCount(), filters=[strip_whitespace])

    def __init__(self, *args, required_message: str = messages.WHAT_HAPPENED_REQUIRED["something-wrong"],
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.what_happened.validators = [Required(required_message), MaxLength(messages.TEXT_TOO_LONG)]


class PutItRightForm(QuestionForm):
    put_it_right = TextAreaField("What would put it right? (optional)", widget=GovCharacterCount(),
                                 filters=[strip_whitespace], validators=[MaxLength(messages.TEXT_TOO_LONG)])


class AdvocateForm(QuestionForm):
    advocate = RadioChoice("Would you like an advocate?",
                           [("yes", "Yes, I would like an advocate"), ("no", "No, thank you")],
                           messages.ADVOCATE_REQUIRED)


class YourNameForm(QuestionForm):
    your_name = StringField("What is your name? (optional)", widget=GovTextInput(), filters=[strip_whitespace],
                            validators=[MaxLength(messages.NAME_TOO_LONG, NAME_LIMIT)])


class ChildNameForm(QuestionForm):
    child_name = StringField("What is the child's name? (optional)", widget=GovTextInput(),
                             filters=[strip_whitespace],
                             validators=[MaxLength(messages.CHILD_NAME_TOO_LONG, NAME_LIMIT)])


class ContactForm(QuestionForm):
    contact_method = RadioChoice("How should we contact you?", journey.CONTACT_CHOICES, messages.CONTACT_REQUIRED)


# The page after ContactForm asks for the one detail the chosen way needs, with one of these.
class ContactEmailForm(QuestionForm):
    contact_email = StringField("What is your email address?", widget=GovTextInput(), filters=[strip_whitespace],
                                validators=[Required(messages.EMAIL_REQUIRED)])

    def validate_contact_email(self, field) -> None:
        if len(field.data) > EMAIL_LIMIT or not is_valid_email(field.data):
            raise ValidationError(messages.EMAIL_INVALID)


class ContactMobileForm(QuestionForm):
    contact_mobile = StringField("What is your mobile phone number?", widget=GovTextInput(),
                                 filters=[strip_whitespace], validators=[Required(messages.MOBILE_REQUIRED)])

    def validate_contact_mobile(self, field) -> None:
        number = normalise_phone(field.data) if len(field.data) <= PHONE_LIMIT else None
        if not number or not number.startswith("+447"):
            raise ValidationError(messages.MOBILE_INVALID)


class ContactPhoneForm(QuestionForm):
    contact_phone = StringField("What is your phone number?", widget=GovTextInput(), filters=[strip_whitespace],
                                validators=[Required(messages.PHONE_REQUIRED)])

    def validate_contact_phone(self, field) -> None:
        if len(field.data) > PHONE_LIMIT or not normalise_phone(field.data):
            raise ValidationError(messages.PHONE_INVALID)


class ContactAddressForm(QuestionForm):
    contact_address = TextAreaField("What is your address?", widget=GovTextArea(), filters=[strip_whitespace],
                                    validators=[Required(messages.ADDRESS_REQUIRED),
                                                MaxLength(messages.ADDRESS_TOO_LONG, ADDRESS_LIMIT)])


CONTACT_DETAIL_FORMS = {"email": ContactEmailForm, "text": ContactMobileForm, "phone": ContactPhoneForm,
                        "post": ContactAddressForm}
