"""The published 2021/22 report as a test.

The demo dataset (intake_web/demo/seed_counts.yaml turned into cases) is loaded, the annual report
for 2021/22 is generated from it, and every count in the generated tables is compared with the seed:
once against seed_counts.yaml, and again against figures typed in below straight from the seed text
(shared/seeds/000_a5632cdedb2cdf19.txt), so that a wrong query and a wrong data file cannot agree by
accident. Every percentage is checked to be its count divided by its stated total, worked out here
independently of the report's helper.

Where the seed disagrees with itself, the data follows the seed's counts (never its percentages or its
totals of parts), and the tests named test_seed_inconsistency_* say which figure won and check that the
report shows a note about it.
"""
import csv
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from html import unescape

import pytest
import sqlalchemy as sa
import yaml

from intake_web.demo import SEED_COUNTS
from intake_web.demo.loader import load_demo
from intake_web.extensions import db
from intake_web.models import FeedbackItem
from intake_web.reports.render import write_annual_report

TODAY = date(2026, 11, 28)


def exact_percent(count: int, total: int) -> Decimal:
    """Count as a percentage of total, rounded half up to one place (re-implemented here on purpose)."""
    return (Decimal(count) * 1000 / Decimal(total)).to_integral_value(ROUND_HALF_UP) / 10


@pytest.fixture(scope="module")
def generated(app, tmp_path_factory):
    """Load the demo data once, write the 2021/22 report, keep what the tests need, then empty the tables."""
    folder = tmp_path_factory.mktemp("report")
    with app.app_context():
        load_demo(SEED_COUNTS, today=TODAY)
        written = write_annual_report(2021, folder, pdf=True, compare_with=SEED_COUNTS)
        names = {name for (name,) in db.session.execute(
            sa.select(FeedbackItem.complainant_name).where(FeedbackItem.complainant_name.is_not(None)))}
        hidden = {name for (name,) in db.session.execute(
            sa.select(FeedbackItem.complainant_name).where(FeedbackItem.do_not_share.is_(True),
                                                           FeedbackItem.complainant_name.is_not(None)))}
        narratives = [text for (text,) in db.session.execute(sa.select(FeedbackItem.narrative).limit(200))]
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
    html = written.html.read_text(encoding="utf-8")
    return {"report": written.report, "written": written, "html": html, "text": _visible_text(html),
            "names": names, "hidden": hidden, "narratives": narratives}


@pytest.fixture(scope="module")
def seed():
    with SEED_COUNTS.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _visible_text(html: str) -> str:
    html = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _csv(generated, table_id: str) -> dict[str, dict[str, str]]:
    path = next(p for p in generated["written"].csvs if p.name.endswith(f"-{table_id}.csv"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    return {row[0]: dict(zip(header[1:], row[1:])) for row in rows[1:]}


# -- Figures typed straight from the seed text ---------------------------------------------------

SEED_SUMMARY = {  # "Summary of Findings 2021/22": Concern, Stage one, Stage two, Stage three, LGSCO
    "2021/22": (55, 105, 3, 1, 2), "2020/21": (51, 118, 1, 0, 4), "2019/20": (0, 152, 3, 0, 9),
    "2018/19": (0, 112, 0, 1, 2), "2017/18": (0, 99, 3, 0, 2), "2016/17": (1, 66, 2, 0, 0),
    "2015/16": (7, 106, 4, 2, 6),
}
SEED_SERVICE_AREAS_2021 = {"assessment_intervention": 37, "court_child_protection": 27,
                           "children_in_care_new_futures": 29, "integrated_front_door": 4, "fostering_adoption": 2,
                           "childrens_disability": 1, "residential_units/Residential Unit B": 2,
                           "residential_units/Residential Unit C": 1, "residential_units/Residential Unit D": 1,
                           "residential_units/Residential Unit E": 1}
SEED_SERVICE_AREAS_2020 = {"cass": 104, "children_in_care_new_futures": 7, "fostering_adoption": 4,
                           "contact_services": 1, "safeguarding_reviewing": 1,
                           "residential_units/Residential Unit A": 1}
SEED_TYPES_2021 = {"unwelcome_decision": 9, "assessment_care_management": 5, "staff_attitude": 17,
                   "quality_of_service": 63, "delay": 2, "delivery_of_service": 3, "quantity_cost": 1}
SEED_OUTCOMES = {  # stage one: upheld, partially upheld, not upheld, withdrawn, no finding
    2021: {"stage_one": (22, 45, 32, 2, 4), "stage_two": (0, 3, 0, 0, 0), "stage_three": (0, 1, 0, 0, 0)},
    2020: {"stage_one": (15, 43, 51, 6, 3), "stage_two": (0, 1, 0, 0, 0), "stage_three": (0, 0, 0, 0, 0)},
}
OUTCOME_ROWS = ("upheld", "partially_upheld", "not_upheld", "withdrawn", "no_finding")
SEED_TIMESCALES = {  # "Timescales for complaints"
    "2021": {"stage_one_within": 53, "stage_one_extended": 38, "stage_one_late": 14, "stage_two_within": 0,
             "stage_two_extended": 0, "stage_two_late": 3, "stage_two_open": 0, "stage_two_withdrawn": 0,
             "stage_three_within": 1, "stage_three_late": 0},
    "2020": {"stage_one_within": 64, "stage_one_extended": 28, "stage_one_late": 26, "stage_two_within": 0,
             "stage_two_extended": 1, "stage_two_late": 0, "stage_two_open": 0, "stage_two_withdrawn": 0,
             "stage_three_within": 0, "stage_three_late": 0},
}
SEED_COMPLIMENTS_2021 = {"assessment_intervention": 10, "integrated_front_door": 9, "children_in_care_new_futures": 6,
                         "court_child_protection": 3, "fostering_adoption": 2, "graft": 2}


def test_summary_by_year_matches_the_seed(generated):
    table = generated["report"].table("complaints-by-year")
    assert [row.label for row in table.rows] == list(SEED_SUMMARY)
    for year, expected in SEED_SUMMARY.items():
        row = table.row(year).values
        assert (row["concern"], row["stage_one"], row["stage_two"], row["stage_three"], row["ombudsman"]) == expected
    csv_rows = _csv(generated, "complaints-by-year")
    assert csv_rows["2019/20"]["Stage one complaints"] == "152"


def test_summary_by_year_matches_seed_counts_file(generated, seed):
    table = generated["report"].table("complaints-by-year")
    for year, counts in seed["summary_by_year"].items():
        label = f"{year}/{(year + 1) % 100:02d}"
        assert {stage: table.value(label, stage) for stage in counts} == counts


def test_share_of_open_cases(generated):
    table = generated["report"].table("complaints-and-open-cases")
    assert table.row("2021/22").values == {"stage_one": 105, "open_cases": 2380, "looked_after_children": 613,
                                           "percent": Decimal("4.4")}   # seed: "accounted for 4.4%"
    assert table.row("2020/21").values == {"stage_one": 118, "open_cases": 2376, "looked_after_children": 558,
                                           "percent": Decimal("5.0")}   # seed: "5% of the open cases"


def test_service_areas_match_the_seed_this_year_and_last(generated, seed):
    table = generated["report"].table("service-areas")
    for key, count in SEED_SERVICE_AREAS_2021.items():
        assert table.value(key, "count_2021") == count, key
    for key, count in SEED_SERVICE_AREAS_2020.items():
        assert table.value(key, "count_2020") == count, key
    # Every figure in the data file, zeros included (a zero row may be absent only if zero in both years).
    for year in (2021, 2020):
        for key, figure in seed["service_areas"][year].items():
            try:
                value = table.value(key, f"count_{year}")
            except KeyError:
                value = 0
            assert value == figure["count"], (year, key)
    assert table.value("cass", "count_2021") == 64    # 37 + 27: CASS as it was recorded before
    assert table.value("total", "count_2021") == 105
    assert table.value("total", "count_2020") == 118


def test_complaint_types_match_the_seed(generated, seed):
    table = generated["report"].table("complaint-types")
    for key, count in SEED_TYPES_2021.items():
        assert table.value(key, "count_2021") == count
        assert table.value(key, "count_2021") == seed["complaint_types"][2021][key]["count"]
    assert table.value("total", "count_2021") == 105


def test_outcomes_match_the_seed_at_every_stage(generated, seed):
    for year, stages in SEED_OUTCOMES.items():
        table = generated["report"].table(f"outcomes-{year}")
        for stage, counts in stages.items():
            assert tuple(table.value(row, f"count_{stage}") for row in OUTCOME_ROWS) == counts, (year, stage)
            for row in OUTCOME_ROWS:
                assert table.value(row, f"count_{stage}") == seed["outcomes"][year][stage][row]["count"]


def test_timescales_match_the_seed(generated, seed):
    table = generated["report"].table("timescales")
    for year, rows in SEED_TIMESCALES.items():
        for key, count in rows.items():
            assert table.value(key, f"count_{year}") == count, (year, key)
        for stage, bands in seed["timescales"][int(year)].items():
            for band, figure in bands.items():
                assert table.value(f"{stage}_{band}", f"count_{year}") == figure["count"]
    assert table.value("stage_one_open", "count_2021") == 0


def test_compensation_matches_the_seed(generated):
    table = generated["report"].table("compensation")
    assert table.row("2021").values == {"total": Decimal("650.00"), "cases": 1}
    assert table.row("2020").values == {"total": Decimal("0.00"), "cases": 0}
    assert _csv(generated, "compensation")["2021/22"] == {"Compensation paid": "650.00", "Number of cases": "1"}


def test_compliments_match_the_seed_with_their_summaries(generated, seed):
    table = generated["report"].table("compliments")
    for area, count in SEED_COMPLIMENTS_2021.items():
        assert table.value(area, "count_2021") == count
        assert sorted(table.value(area, "summaries")) == sorted(
            seed["compliments"][2021]["by_service_area"][area]["summaries"])
    assert table.value("total", "count_2021") == 32
    assert table.value("total", "count_2020") == 18
    assert "Judge complimenting the service for the way they have managed a difficult and complex case." in \
        generated["text"]


def test_actions_share_is_the_seeds_approximately_46_percent(generated):
    table = generated["report"].table("actions")
    assert table.value("with-action", "count_2021") == 48
    assert table.value("with-action", "percent_2021") == Decimal("45.7")
    assert round(table.value("with-action", "percent_2021")) == 46   # "Approximately 46%"


def test_lessons_are_grouped_by_service_as_in_the_seed(generated, seed):
    table = generated["report"].table("lessons-learned")
    for area, lessons in seed["lessons"][2021].items():
        assert sorted(table.value(area, "lessons")) == sorted(lessons)
    assert table.value("total", "number") == sum(len(v) for v in seed["lessons"][2021].values())


def test_ombudsman_decisions(generated):
    table = generated["report"].table("ombudsman")
    assert table.value("premature", "count_2021") == 2   # "both ... deemed to be premature"
    assert table.value("total", "count_2021") == 2
    assert table.value("total", "count_2020") == 4


def test_every_percentage_is_its_count_over_its_stated_total(generated):
    checked = 0
    for table in generated["report"].tables:
        for column in table.columns:
            if column.kind != "percent":
                continue
            for row in table.rows:
                count = row.values.get(column.percent_of)
                whole = (row.values.get(column.denominator) if column.denominator
                         else table.group_total(row.group).values.get(column.percent_of))
                value = row.values[column.key]
                if not whole:
                    assert value is None
                    continue
                assert value == exact_percent(count, whole), (table.id, row.key, column.key)
                checked += 1
    assert checked >= 100


def test_every_table_adds_up_and_the_csv_files_say_the_same(generated):
    report = generated["report"]
    assert len(generated["written"].csvs) == len(report.tables) == 12
    for table in report.tables:
        csv_rows = _csv(generated, table.id)
        for row in table.rows:
            for column in table.columns:
                if column.kind in ("count", "percent") and row.values.get(column.key) is not None:
                    assert csv_rows[row.label][column.full_label] == str(row.values[column.key])


def test_the_report_is_written_as_html_pdf_and_csv(generated):
    written = generated["written"]
    assert written.pdf.read_bytes()[:5] == b"%PDF-"
    assert written.pdf.stat().st_size > 20_000
    html = generated["html"]
    assert html.count("<svg role=\"img\"") == 7
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "").replace("http://www.w3.org/", "")
    assert "<link" not in html and "<script" not in html


def test_the_report_never_shows_names_or_narratives(generated):
    text, html = generated["text"], generated["html"]
    assert generated["hidden"], "the demo data must mark some names do-not-share"
    for name in generated["names"]:
        assert name not in html
    for narrative in generated["narratives"]:
        assert narrative not in text


def test_the_summary_uses_the_same_figures_as_the_tables(generated):
    headline = " ".join(generated["report"].headline)
    assert "we received 105 stage one complaints, 13 fewer than the 118 in 2020/21 (a fall of 11.0%)" in headline
    assert "55 concerns and received 32 compliments (18 in 2020/21)" in headline
    assert "14 (13.3%) took longer than the 20 working days allowed, compared with 26 (22.0%) in 2020/21" in headline
    assert "32 (30.5%) were not upheld" in headline


# -- Where the seed disagrees with itself -----------------------------------------------------------

def _published_notes(generated) -> str:
    assert "Checks against the report published earlier" in generated["text"]
    return " ".join(generated["report"].published_notes)


def test_seed_inconsistency_complaint_types_add_up_to_100_of_105(generated):
    """The seed's types add up to 100 although 105 complaints were received. The data follows the type
    counts and leaves 5 complaints with no type recorded; the report shows them and says so."""
    assert sum(SEED_TYPES_2021.values()) == 100
    table = generated["report"].table("complaint-types")
    assert table.value("not-recorded", "count_2021") == 5
    assert "5 stage one complaints of 105 in 2021/22 have no complaint type recorded" in generated["text"]
    assert "the published complaint types add up to 100, but 105 stage one complaints were received" in \
        _published_notes(generated)


def test_seed_inconsistency_delivery_and_quantity_percentages_do_not_match_their_counts(generated):
    """'Delivery or non-delivery of services 3 (0.9%)' and 'Quantity, change or cost 1 (4.7%)': the data
    follows the counts (3 and 1); the percentages are worked out again (2.9% and 1.0%)."""
    table = generated["report"].table("complaint-types")
    assert table.value("delivery_of_service", "percent_2021") == Decimal("2.9")
    assert table.value("quantity_cost", "percent_2021") == Decimal("1.0")
    notes = _published_notes(generated)
    assert "gave 3 as 0.9%, but 3 of 105 is 2.9% (the published percentage does not match its count)" in notes
    assert "gave 1 as 4.7%, but 1 of 105 is 1.0% (the published percentage does not match its count)" in notes


def test_seed_inconsistency_withdrawn_at_stage_one_printed_as_0_percent(generated):
    assert generated["report"].table("outcomes-2021").value("withdrawn", "percent_stage_one") == Decimal("1.9")
    assert "withdrawn: the published report gave 2 as 0%, but 2 of 105 is 1.9%" in _published_notes(generated)


def test_seed_inconsistency_percentages_cut_short_instead_of_rounded(generated):
    """Many of the seed's percentages are truncated (1 of 105 printed 0.9%; 45 of 105 printed 42.8%),
    and its text repeats them ('30.4% of stage one complaints were not upheld'). The report rounds."""
    notes = _published_notes(generated)
    assert "Children's Disability Service, 2021/22: the published report gave 1 as 0.9%, but 1 of 105 is 1.0% " \
           "(the published figure was cut short instead of rounded)" in notes
    assert "partially upheld: the published report gave 45 as 42.8%, but 45 of 105 is 42.9%" in notes
    assert "\"30.4% of stage one complaints were not upheld\": the records give 30.5%" in notes
    assert "\"50.4% of stage 1 complaints were responded to within 10 working days\": the records give 50.5%" in notes


def test_seed_inconsistency_2020_late_percentage(generated):
    """26 of 118 late at stage one in 2020/21 is 22.0%, printed 22.1% in the table and the text."""
    assert generated["report"].table("timescales").value("stage_one_late", "percent_2020") == Decimal("22.0")
    assert "Stage one: answered after more than 20 working days, 2020/21: the published report gave 26 as 22.1%, " \
           "but 26 of 118 is 22.0%" in _published_notes(generated)


def test_seed_inconsistency_cass_was_one_service_in_2020_21(generated):
    """The seed gives CASS as 104 in 2020/21 and as two teams in 2021/22. The report keeps a CASS line
    adding up the two teams, so both years compare; a note says why."""
    assert "is now recorded as two teams" in generated["text"]
    assert generated["report"].table("service-areas").value("cass", "count_2020") == 104


def test_no_published_count_differs_from_the_records(generated):
    """Every difference the comparison finds is a percentage or a total of parts, never a count."""
    for note in generated["report"].published_notes:
        assert "the records give" not in note or "The published text says" in note, note
