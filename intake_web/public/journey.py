"""The order of the web form's questions, which ones each person sees, and what the answers mean.

Pure functions over a draft's data, so the branching is easy to test. A page's
answers count only once the page has been submitted without errors ("done"), and,
for a page that depends on an earlier answer, only while that answer is unchanged:
the contact details page is done for one way of contacting someone, not for another.
"""
from dataclasses import dataclass
from typing import Callable

from intake_web.intake import FeedbackSubmission
from intake_web.validators import normalise_phone

# Radio values are kebab-case; the case store uses the taxonomy's ids.
WHO_CHOICES = [
    ("young-person", "I am a child or young person"),
    ("care-leaver", "I have left care, or I am leaving care"),
    ("parent-or-carer", "I am a parent or carer"),
    ("foster-carer", "I am a foster carer"),
    ("someone-else", "Someone else"),
]
# (complainant_role, is_young_person). Care leavers are young people too (16 to 25),
# with the same right to an advocate (Children Act 1989 s.26A).
ROLE_FOR_WHO = {
    "young-person": ("child_or_young_person", True),
    "care-leaver": ("care_leaver", True),
    "parent-or-carer": ("parent_or_carer", False),
    "foster-carer": ("foster_carer", False),
    "someone-else": ("other", False),
}
YOUNG_PEOPLE = ("young-person", "care-leaver")

KIND_CHOICES = [
    ("something-wrong", "Something is wrong"),
    ("something-good", "Something was good"),
    ("advocate", "I want an advocate"),
    ("not-sure", "I am not sure"),
]
FEEDBACK_KIND_FOR = {value: value.replace("-", "_") for value, _ in KIND_CHOICES}

YES_NO = [("yes", "Yes"), ("no", "No")]

CONTACT_CHOICES = [
    ("email", "Email"),
    ("text", "Text message"),
    ("phone", "Phone call"),
    ("post", "Letter"),
    ("none", "Do not contact me"),
]
CONTACT_METHOD_FOR = {"email": "email", "text": "sms", "phone": "phone", "post": "post", "none": "none"}
# The one detail each way of contacting someone needs, asked on the page after "How should we contact you?".
# There is none for "Do not contact me", so that page is skipped.
CONTACT_DETAIL_FIELD = {"email": "contact_email", "text": "contact_mobile", "phone": "contact_phone",
                        "post": "contact_address"}


def needs_contact_details(answers: dict) -> bool:
    return answers.get("contact_method") in CONTACT_DETAIL_FIELD


def offers_advocate(answers: dict) -> bool:
    """Every young person and care leaver is offered an advocate, and anyone who asked for one."""
    return answers.get("who") in YOUNG_PEOPLE or answers.get("kind") == "advocate"


@dataclass(frozen=True)
class Page:
    name: str  # the URL's last part, and the page's name in the draft
    endpoint: str
    fields: tuple[str, ...]
    applies: Callable[[dict], bool] = lambda answers: True
    # Earlier answers this page's answer was given for: if one changes, the page must be answered again.
    depends_on: tuple[str, ...] = ()


PAGES = (
    Page("who-are-you", "public.who_are_you", ("who",)),
    Page("what-kind", "public.what_kind", ("kind",)),
    Page("formal-complaint", "public.formal_complaint", ("formal",),
         lambda answers: answers.get("kind") == "something-wrong"),
    Page("what-happened", "public.what_happened", ("what_happened",)),
    Page("put-it-right", "public.put_it_right", ("put_it_right",),
         lambda answers: answers.get("kind") != "something-good"),
    Page("advocate", "public.advocate", ("advocate",), offers_advocate),
    Page("your-name", "public.your_name", ("your_name",)),
    Page("child-name", "public.child_name", ("child_name",),
         lambda answers: answers.get("who") not in YOUNG_PEOPLE),
    Page("contact", "public.contact", ("contact_method",)),
    Page("contact-details", "public.contact_details", tuple(CONTACT_DETAIL_FIELD.values()),
         needs_contact_details, depends_on=("contact_method",)),
)
PAGES_BY_NAME = {page.name: page for page in PAGES}


def done_pages(data: dict) -> set[str]:
    """The names of pages submitted without errors, for the earlier answers they still depend on."""
    answers, given_for = data.get("answers", {}), data.get("given_for", {})
    return {page.name for page in PAGES if page.name in data.get("done", [])
            and all(given_for.get(page.name, {}).get(field) == answers.get(field) for field in page.depends_on)}


def mark_done(data: dict, page: Page) -> dict:
    """Return new draft data with `page` done, noting the earlier answers it was given for."""
    given_for = dict(data.get("given_for", {}))
    if page.depends_on:
        given_for[page.name] = {field: data["answers"].get(field) for field in page.depends_on}
    done = [name for name in data.get("done", []) if name != page.name]
    return {**data, "done": [*done, page.name], "given_for": given_for}


def done_answers(data: dict) -> dict:
    """The answers from pages that are done."""
    answers, done = data.get("answers", {}), done_pages(data)
    return {field: answers.get(field) for page in PAGES if page.name in done for field in page.fields}


def applicable_pages(data: dict) -> list[Page]:
    answers = done_answers(data)
    return [page for page in PAGES if page.applies(answers)]


def first_unfinished_page(data: dict) -> Page | None:
    """The first question this person still has to answer, or None when all are done."""
    done = done_pages(data)
    return next((page for page in applicable_pages(data) if page.name not in done), None)


def page_after(data: dict, page: Page) -> Page | None:
    pages = applicable_pages(data)
    later = [candidate for candidate in pages if PAGES.index(candidate) > PAGES.index(page)]
    return later[0] if later else None


def page_before(data: dict, page: Page) -> Page | None:
    pages = applicable_pages(data)
    earlier = [candidate for candidate in pages if PAGES.index(candidate) < PAGES.index(page)]
    return earlier[-1] if earlier else None


def submission_from_answers(data: dict) -> FeedbackSubmission:
    """Turn a finished draft into the submission the case store takes."""
    answers = done_answers(data)
    pages = {page.name for page in applicable_pages(data)}
    role, young = ROLE_FOR_WHO[answers["who"]]
    kind = answers["kind"]
    method = answers["contact_method"]
    detail = answers.get(CONTACT_DETAIL_FIELD.get(method, ""), None)
    phone = normalise_phone(detail) if method in ("text", "phone") and detail else None
    name = (answers.get("your_name") or "").strip() or None
    return FeedbackSubmission(
        channel="web",
        text=answers["what_happened"],
        complainant_role=role,
        is_young_person=young,
        feedback_kind=FEEDBACK_KIND_FOR[kind],
        formal_complaint_requested="formal-complaint" in pages and answers.get("formal") == "yes",
        desired_outcome=(answers.get("put_it_right") or None) if "put-it-right" in pages else None,
        advocate_requested="advocate" in pages and answers.get("advocate") == "yes",
        anonymous=method == "none" and not name,
        contact_method=CONTACT_METHOD_FOR[method],
        contact_email=detail if method == "email" else None,
        contact_phone=phone,
        contact_address=detail if method == "post" else None,
        # Choosing a way to be contacted is agreeing to be contacted that way.
        consent_to_contact=method != "none",
        complainant_name=name,
        child_name=((answers.get("child_name") or "").strip() or None) if "child-name" in pages else None,
    )
