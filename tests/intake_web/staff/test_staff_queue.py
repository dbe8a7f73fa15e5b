"""The queue: safeguarding pinned in a banner, columns, filters, search and the at-a-glance counts."""
import re
from datetime import date, timedelta

from intake_web.clock import WorkingDayCalendar
from intake_web.extensions import db
from intake_web.staff.case_actions import london_today
from tests.intake_web.staff.staff_factories import create_case

CALENDAR = WorkingDayCalendar()


def _working_days_ago(days: int) -> date:
    day = london_today()
    while days:
        day -= timedelta(days=1)
        if CALENDAR.is_working_day(day):
            days -= 1
    return day


def _rows(html: str) -> list[str]:
    body = html.split('id="queue"', 1)[1]
    return re.findall(r'<th scope="row" class="govuk-table__header">\s*'
                      r'<a class="govuk-link" href="/staff/cases/([^"]+)"', body)


def test_safeguarding_items_are_pinned_in_a_banner_above_everything(officer_client):
    older_safeguarding = create_case(safeguarding=True, received_on=date(2026, 1, 5))
    newest = create_case()
    page = officer_client.get("/staff/").text
    banner = page.split('id="safeguarding-banner"', 1)[1].split("</div>\n</div>", 1)[0]
    assert older_safeguarding.reference in banner and newest.reference not in banner
    assert "1 open item may show a child at risk of harm" in page
    assert _rows(page)[0] == older_safeguarding.reference
    assert page.index("safeguarding-banner") < page.index('id="queue"')


def test_closed_safeguarding_items_leave_the_banner(officer_client):
    create_case(safeguarding=True, status="closed")
    assert 'id="safeguarding-banner"' not in officer_client.get("/staff/").text


def test_queue_lists_newest_first_with_every_column(officer_client):
    old = create_case(received_on=date(2026, 2, 2), channel="sms")
    new = create_case(received_on=date(2026, 6, 1), complaint_type="staff_attitude",
                      service_area="fostering_adoption")
    page = officer_client.get("/staff/").text
    assert _rows(page) == [new.reference, old.reference]
    for heading in ("Reference", "Received", "Channel", "Category", "Complaint type", "Team", "Stage", "Due",
                    "Working days left"):
        assert f'class="govuk-table__header">{heading}</th>' in page
    assert "1 June 2026" in page and "Attitude or behaviour of staff" in page
    assert "Fostering and Adoption Services" in page and "Stage one (local resolution)" in page


def test_days_left_counts_working_days_and_flags_overdue(officer_client):
    overdue = create_case(received_on=_working_days_ago(12))  # due 10 working days after receipt
    page = officer_client.get("/staff/").text
    row = page.split(overdue.reference, 2)[2].split("</tr>", 1)[0]
    # Two working days late on a working day; at a weekend, only the working days gone by count.
    late = -CALENDAR.working_days_between(london_today(), overdue.current_stage.due_on)
    assert late in (1, 2)
    assert f"{late} overdue" in row


def test_filters_by_category_team_stage_and_status(officer_client):
    concern = create_case(category="concern", service_area="graft")
    stage_one = create_case(category="stage_one", service_area="graft")
    closed = create_case(category="stage_one", status="closed")
    compliment = create_case(category="compliment", complaint_type=None, stage=None)
    assert _rows(officer_client.get("/staff/?category=concern").text) == [concern.reference]
    assert set(_rows(officer_client.get("/staff/?team=graft").text)) == {concern.reference, stage_one.reference}
    assert _rows(officer_client.get("/staff/?stage=stage_one&team=graft").text) == [stage_one.reference]
    assert _rows(officer_client.get("/staff/?stage=none").text) == [compliment.reference]
    assert closed.reference not in _rows(officer_client.get("/staff/").text)
    assert _rows(officer_client.get("/staff/?status=closed").text) == [closed.reference]
    assert closed.reference in _rows(officer_client.get("/staff/?status=all").text)


def test_filters_overdue_due_soon_and_needs_review(officer_client):
    overdue = create_case(received_on=_working_days_ago(11))
    due_soon = create_case(received_on=_working_days_ago(9))
    later = create_case(received_on=london_today())
    review = create_case(needs_review=True, status="for-triage")
    replied = create_case(received_on=_working_days_ago(11))
    replied.current_stage.responded_on = london_today()
    db.session.commit()
    assert _rows(officer_client.get("/staff/?show=overdue").text) == [overdue.reference]
    assert _rows(officer_client.get("/staff/?show=due_soon").text) == [due_soon.reference]
    assert set(_rows(officer_client.get("/staff/?show=overdue&show=due_soon").text)) == {overdue.reference,
                                                                                        due_soon.reference}
    assert _rows(officer_client.get("/staff/?show=needs_review").text) == [review.reference]
    assert later.reference in _rows(officer_client.get("/staff/").text)


def test_at_a_glance_counts_match_the_filters(officer_client):
    create_case(received_on=_working_days_ago(11))
    create_case(received_on=_working_days_ago(12))
    create_case(received_on=_working_days_ago(9))
    create_case(needs_review=True)
    glance = officer_client.get("/staff/").text.split('id="at-a-glance"', 1)[1].split("</ul>", 1)[0]
    numbers = re.findall(r'<span class="govuk-heading-l govuk-!-margin-bottom-1">(\d+)</span> ([a-z0-9 ]+)', glance)
    assert numbers == [("2", "overdue"), ("1", "due within 2 working days"), ("1", "need their triage checked")]


def test_search_finds_references_and_words(officer_client):
    hit = create_case(narrative="The contact centre cancelled our Saturday session")
    miss = create_case(narrative="Nobody rang me back")
    assert _rows(officer_client.get("/staff/?search=saturday+session").text) == [hit.reference]
    assert _rows(officer_client.get(f"/staff/?search={miss.reference.lower()}").text) == [miss.reference]
    assert _rows(officer_client.get("/staff/?search=100%25").text) == []  # % is a character, not a wildcard
    assert _rows(officer_client.get("/staff/?search=_").text) == []


def test_unknown_filter_values_are_explained_and_ignored(officer_client):
    item = create_case()
    page = officer_client.get("/staff/?category=nonsense").text
    assert "There is a problem" in page and "Choose from the list" in page
    assert _rows(page) == [item.reference]


def test_queue_pages_through_long_lists(officer_client):
    for _ in range(51):
        create_case()
    first = officer_client.get("/staff/").text
    assert len(_rows(first)) == 50 and "page 1 of 2" in first
    assert "page=2" in first
    assert len(_rows(officer_client.get("/staff/?page=2").text)) == 1


def test_queue_works_without_javascript(officer_client):
    create_case(safeguarding=True)
    page = officer_client.get("/staff/").text
    form = page.split('<form method="get" action="/staff/"', 1)[1].split("</form>", 1)[0]
    assert 'type="submit"' in form  # a plain form submit applies the filters
    assert "<details" in page  # the filters fold away without script
