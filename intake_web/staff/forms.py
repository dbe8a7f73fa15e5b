"""Forms for the officers' console, rendered with GOV.UK Frontend widgets.

Validators here never add the HTML `required` attribute: the browser's own messages would hide
ours, and every error should say in words what to do.
"""
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovDateInput,
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, Field, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation, ValidationError

from intake_web.staff.auth import ROLE_LABELS
from intake_web.validators import is_valid_email

MAX_NOTE = 5000


def as_choices(pairs) -> list[SelectChoice]:
    """Turn (value, label) pairs into WTForms choices."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def strip(value):
    return value.strip() if isinstance(value, str) else value


class Required:
    """Stop with `message` when the field is empty (no HTML `required` flag)."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        data = field.data
        if data is None or data is False or data == [] or (isinstance(data, str) and not data.strip()):
            field.errors[:] = []
            raise StopValidation(self.message)


class MaxLength:
    def __init__(self, limit: int, what: str) -> None:
        self.limit, self.what = limit, what

    def __call__(self, form, field) -> None:
        if field.data and len(field.data) > self.limit:
            raise ValidationError(f"{self.what} must be {self.limit:,} characters or fewer")


class MinLength:
    def __init__(self, limit: int, message: str) -> None:
        self.limit, self.message = limit, message

    def __call__(self, form, field) -> None:
        if field.data and len(field.data) < self.limit:
            raise ValidationError(self.message)


class ValidEmail:
    def __call__(self, form, field) -> None:
        if field.data and not is_valid_email(field.data):
            raise ValidationError("Enter an email address in the right format, like name@example.com")


class OneOfChoices:
    """The value must be one of the field's choices (WTForms' own check says only 'Not a valid choice')."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        allowed = {str(choice.value) for choice in field.choices}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in allowed for value in values if value not in (None, "")):
            raise StopValidation(self.message)


class _SafeDateInput(GovDateInput):
    """GOV.UK date input that copes with a form posted without the field."""

    def map_gov_params(self, field, **kwargs):
        if field.raw_data is not None and len(field.raw_data) != 3:
            field.raw_data = None
        return super().map_gov_params(field, **kwargs)


class GovDateField(Field):
    """A date typed as day, month and year boxes, with GOV.UK error messages."""

    widget = _SafeDateInput()

    def __init__(self, label=None, validators=None, what: str = "the date", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.what = what

    def _value(self):
        return self.data.strftime("%d %m %Y") if isinstance(self.data, date) else ""

    def process_formdata(self, valuelist):
        parts = [value.strip() for value in valuelist]
        if not parts or not any(parts):
            self.data = None
            return
        what = self.what[0].upper() + self.what[1:]
        if len(parts) != 3 or not all(parts):
            self.data = None
            raise ValueError(f"{what} must include a day, month and year")
        if not all(part.isdigit() for part in parts) or len(parts[2]) != 4:
            self.data = None
            raise ValueError(f"{what} must be a real date, like 27 3 2027")
        try:
            self.data = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            self.data = None
            raise ValueError(f"{what} must be a real date, like 27 3 2027") from None

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation(self.process_errors[0])


class PoundsField(StringField):
    """An amount of money in pounds, like 150 or £1,250.50."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        self.amount = None
        text = (self.data or "").strip().replace(",", "").lstrip("£").strip()
        if not text:
            return
        if not re.fullmatch(r"\d{1,7}(\.\d{1,2})?", text):
            raise ValueError("Enter the amount in pounds, like 150 or 150.50")
        try:
            self.amount = Decimal(text)
        except InvalidOperation:
            raise ValueError("Enter the amount in pounds, like 150 or 150.50") from None

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation(self.process_errors[0])


def _radio(label, message, choices=(), **kwargs):
    return RadioField(label, choices=as_choices(choices), validate_choice=False, widget=GovRadioInput(),
                      validators=[Required(message), OneOfChoices(message)], **kwargs)


def _select(label, message=None, choices=(), **kwargs):
    validators = [Required(message), OneOfChoices(message)] if message else [OneOfChoices("Choose from the list")]
    return SelectField(label, choices=as_choices(choices), validate_choice=False, widget=GovSelect(),
                       validators=validators, **kwargs)


def _text(label, message=None, limit=200, what=None, **kwargs):
    validators = ([Required(message)] if message else []) + [MaxLength(limit, what or label)]
    return StringField(label, filters=[strip], widget=GovTextInput(), validators=validators, **kwargs)


def _textarea(label, message=None, limit=MAX_NOTE, what=None, **kwargs):
    validators = ([Required(message)] if message else []) + [MaxLength(limit, what or label)]
    return StringField(label, filters=[strip], widget=GovTextArea(), validators=validators, **kwargs)


class LoginForm(FlaskForm):
    email = StringField("Email address", filters=[strip], widget=GovTextInput(),
                        validators=[Required("Enter your email address"), MaxLength(320, "Your email address")])
    password = StringField("Password", widget=GovPasswordInput(),
                           validators=[Required("Enter your password"), MaxLength(1000, "Your password")])


class LogoutForm(FlaskForm):
    pass


class QueueFilterForm(FlaskForm):
    """The queue's filters, read from the query string (GET, no CSRF)."""

    class Meta:
        csrf = False

    search = _text("Reference or words", limit=200, what="The search")
    category = _select("Category")
    team = _select("Team")
    stage = _select("Stage")
    status = _select("Status")
    sort = _select("Order", choices=[("newest", "Urgent and newest first"), ("due", "Soonest due first")])
    show = SelectMultipleField("Only show", validate_choice=False, widget=GovCheckboxesInput(),
                               choices=as_choices([("overdue", "Overdue"), ("due_soon", "Due within 2 working days"),
                                                   ("needs_review", "Needs review")]),
                               validators=[OneOfChoices("Choose from the list")])


class TriageForm(FlaskForm):
    category = _radio("What kind of feedback is it?", "Choose what kind of feedback this is")
    complaint_type = _select("What is the complaint about?",
                             description="Needed for concerns, stage one complaints and escalations")
    service_area = _select("Which team does it go to?", description="Not needed if it is out of scope")
    complainant_role = _select("Who is giving the feedback?")
    safeguarding = _radio("Could a child be at risk of harm?", "Say whether a child could be at risk of harm",
                          choices=[("yes", "Yes: keep it at the top of the queue and alert the duty team"),
                                   ("no", "No")])


class ConvertForm(FlaskForm):
    converted_on = GovDateField("Date it became a stage one complaint", what="the date it became a complaint",
                                validators=[Required("Enter the date it became a stage one complaint")],
                                description="The stage one clock starts again from this date. For example, 27 3 2027")


class ExtensionForm(FlaskForm):
    new_due_on = GovDateField("New reply date", what="the new reply date",
                              validators=[Required("Enter the new reply date")])
    reason = _textarea("Why does the reply need more time?", "Enter why the reply needs more time", what="The reason")


class ResponseForm(FlaskForm):
    responded_on = GovDateField("Date the council responded", what="the date the council responded",
                                validators=[Required("Enter the date the council responded")])
    outcome = _radio("Outcome", "Choose the outcome")
    notes = _textarea("Notes (optional)", what="The notes")


class EscalateForm(FlaskForm):
    requested_on = GovDateField("Date the complainant asked", what="the date the complainant asked",
                                validators=[Required("Enter the date the complainant asked")],
                                description="The new stage's clock starts from this date")


class StatementAgreedForm(FlaskForm):
    agreed_on = GovDateField("Date the statement of complaint was agreed", what="the date it was agreed",
                             validators=[Required("Enter the date the statement of complaint was agreed")])


class PanelForm(FlaskForm):
    panel_met_on = GovDateField("Date the review panel met", what="the date the panel met")
    panel_report_on = GovDateField("Date the council received the panel's report (if it has)",
                                   what="the date of the panel's report")


class OmbudsmanForm(FlaskForm):
    contacted_on = GovDateField("Date the ombudsman got in touch", what="the date the ombudsman got in touch",
                                validators=[Required("Enter the date the ombudsman got in touch")])
    notes = _textarea("What the ombudsman is looking at", "Enter what the ombudsman is looking at",
                      what="The notes", description="Include the ombudsman's reference")


class LessonForm(FlaskForm):
    lesson = _textarea("What did the service learn?", "Enter what the service learned", what="The lesson")
    service_area = _select("Which service is it for?", "Choose the service the lesson is for")


class ImprovementActionForm(FlaskForm):
    description = _textarea("What will the service change?", "Enter what the service will change",
                            what="The action")
    owner = _text("Who owns it?", "Enter who owns the action", what="The owner",
                  description="A name or a job title")
    due_on = GovDateField("When is it due?", what="the due date", validators=[Required("Enter when it is due")])


class CompleteActionForm(FlaskForm):
    completed_on = GovDateField("Date it was done", what="the date it was done",
                                validators=[Required("Enter the date it was done")])
    evidence = _textarea("Evidence that it was done", "Enter the evidence that it was done", what="The evidence",
                         description="For example, where the new checklist is kept, or the training dates")


class CompensationForm(FlaskForm):
    amount = PoundsField("Total compensation paid, in pounds", widget=GovTextInput(), filters=[strip],
                         validators=[Required("Enter the amount in pounds, or 0 if none was paid")],
                         description="For example, 150 or 150.50. Enter 0 to clear it")


class ForwardComplimentForm(FlaskForm):
    manager_email = _text("Manager's email address", "Enter the manager's email address", limit=320,
                          what="The email address")
    worker_name = _text("Name of the worker (optional)", what="The name")
    summary = _textarea("Summary for the annual report", "Enter a short summary for the annual report",
                        limit=500, what="The summary",
                        description="One sentence, with no names. For example: Thanking the social worker for "
                                    "their support")

    def validate_manager_email(self, field):
        ValidEmail()(self, field)


class AdvocacyReferralForm(FlaskForm):
    shared = SelectMultipleField("What did the young person agree to share?", validate_choice=False,
                                 widget=GovCheckboxesInput(), validators=[OneOfChoices("Choose from the list")],
                                 description="The referral always has our reference and the dates. Tick only what "
                                             "they agreed to")
    confirmed = BooleanField("The young person asked for an advocate and agreed to this referral",
                             widget=GovCheckboxInput(),
                             validators=[Required("Confirm that the young person asked for an advocate and agreed "
                                                  "to the referral")])


class AdvocateArrangedForm(FlaskForm):
    arranged_on = GovDateField("Date the advocate was arranged", what="the date the advocate was arranged",
                               validators=[Required("Enter the date the advocate was arranged")])
    extend = BooleanField("Extend stage one to 20 working days while the advocate is appointed",
                          widget=GovCheckboxInput())


class DoNotShareForm(FlaskForm):
    do_not_share = _radio("Should the names on this case be hidden from exports?",
                          "Say whether the names should be hidden from exports",
                          choices=[("yes", "Yes, do not share the names"), ("no", "No, the names may be shared")])


class UpdateForm(FlaskForm):
    template = _radio("Which update do you want to send?", "Choose the update to send")


class MakeCaseForm(FlaskForm):
    """Make a case from a kept message: nothing to fill in, the button confirms it."""


class DealtWithForm(FlaskForm):
    note = _textarea("Note (optional)", what="The note",
                     description="For example, what you did, or why it needs nothing more")


class NewUserForm(FlaskForm):
    email = _text("Email address", "Enter the email address", limit=320, what="The email address")
    name = _text("Full name", "Enter their full name", what="The name")
    role = _radio("Role", "Choose a role", choices=list(ROLE_LABELS.items()))
    team = _select("Team (team managers only)")
    password = StringField("Temporary password", widget=GovPasswordInput(),
                           validators=[Required("Enter a temporary password"), MinLength(
                               12, "The password must be 12 characters or more"), MaxLength(200, "The password")],
                           description="At least 12 characters. Ask them to change it when they first sign in")

    def validate_email(self, field):
        ValidEmail()(self, field)


class EditUserForm(FlaskForm):
    name = _text("Full name", "Enter their full name", what="The name")
    role = _radio("Role", "Choose a role", choices=list(ROLE_LABELS.items()))
    team = _select("Team (team managers only)")
    active = _radio("Can they sign in?", "Say whether they can sign in",
                    choices=[("yes", "Yes"), ("no", "No, the account is closed")])
    password = StringField("New password (optional)", widget=GovPasswordInput(),
                           validators=[MinLength(12, "The password must be 12 characters or more"),
                                       MaxLength(200, "The password")],
                           description="Leave empty to keep their password. Setting one signs them out everywhere")


class ChangePasswordForm(FlaskForm):
    current_password = StringField("Current password", widget=GovPasswordInput(),
                                   validators=[Required("Enter your current password")])
    new_password = StringField("New password", widget=GovPasswordInput(),
                               validators=[Required("Enter a new password"),
                                           MinLength(12, "The new password must be 12 characters or more"),
                                           MaxLength(200, "The new password")],
                               description="At least 12 characters. A few unrelated words make a good one")
