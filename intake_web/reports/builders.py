"""Build report tables from PeriodFigures. Shared by the annual report and the dashboard.

Each builder takes `periods`: a list of (key, label, figures), newest first, and returns a Table
whose percentages and totals have been checked (Table.finalise()).
"""
from dataclasses import dataclass

from intake_web.council_config import CouncilConfig
from intake_web.reports.figures import EXTENDED, LATE, OPEN, UNKNOWN, WITHDRAWN, WITHIN, Bander, PeriodFigures
from intake_web.reports.periods import format_day
from intake_web.reports.tables import LIST, MONEY, PERCENT, SUBTOTAL, TOTAL, Chart, Column, Row, Table

# Service areas the report also adds up under an older name. CASS was one service until 2021/22.
SERVICE_AREA_GROUPS = {
    "cass": ("Children's Assessment and Safeguarding Service (CASS), both teams",
             ("assessment_intervention", "court_child_protection")),
}
STAGE_LABELS = {
    "concern": "Concerns",
    "stage_one": "Stage one",
    "stage_two": "Stage two",
    "stage_three": "Stage three",
    "ombudsman": "Ombudsman",
}
NOT_RECORDED = "Not recorded"

PeriodColumn = tuple[str, str, PeriodFigures]


@dataclass
class Labels:
    """People's names for taxonomy ids, from the council's config."""

    council: CouncilConfig

    def service_area(self, area: str | None) -> str:
        if area is None:
            return NOT_RECORDED
        team = self.council.teams.get(area)
        return team.name if team else self.council.label("service_areas", area).split(" (")[0] or area

    def complaint_type(self, complaint_type: str | None) -> str:
        return NOT_RECORDED if complaint_type is None else self.council.label("complaint_types", complaint_type)

    def outcome(self, outcome: str | None) -> str:
        return self.council.label("outcomes", outcome) if outcome else "No outcome recorded yet"

    def ombudsman_outcome(self, outcome: str | None) -> str:
        return self.council.label("ombudsman_outcomes", outcome) if outcome else "Decision not recorded yet"

    @property
    def ombudsman_outcome_order(self) -> list[str]:
        return list(self.council.taxonomy.get("ombudsman_outcomes", {}))

    @property
    def area_order(self) -> list[str]:
        return list(self.council.taxonomy["service_areas"])


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"


def count_columns(periods: list[PeriodColumn], with_percent: bool = True) -> list[Column]:
    columns = []
    # With one period (the dashboard) the columns need no year heading.
    several = len(periods) > 1
    for key, label, _ in periods:
        group = label if several else ""
        if with_percent:
            columns.append(Column(f"count_{key}", "Number", group=group))
            columns.append(Column(f"percent_{key}", "Percentage", PERCENT, percent_of=f"count_{key}", group=group))
        else:
            columns.append(Column(f"count_{key}", f"Number in {label}" if several else "Number"))
    return columns


def _ordered(keys, order: list[str]) -> list:
    """Known ids in the config's order, then unknown ids alphabetically, then None."""
    keys = set(keys)
    known = [key for key in order if key in keys]
    unknown = sorted(key for key in keys if key is not None and key not in order)
    return known + unknown + ([None] if None in keys else [])


# 1. Complaints over the years ------------------------------------------------------------

def summary_by_year_table(years: list[tuple[str, dict[str, int]]]) -> Table:
    """One row per financial year (newest first): concerns, stages one to three, ombudsman."""
    columns = [Column(stage, label) for stage, label in [
        ("concern", "Concerns"), ("stage_one", "Stage one complaints"), ("stage_two", "Stage two investigations"),
        ("stage_three", "Stage three review panels"), ("ombudsman", "Taken to the Ombudsman")]]
    rows = [Row(label, label, dict(counts), group=label) for label, counts in years]
    return Table(
        id="complaints-by-year", title="Concerns and complaints each year", row_header="Year",
        columns=columns, rows=rows,
        intro="How many concerns and complaints started at each stage of the procedure, in each financial year "
              "(1 April to 31 March) that our records cover.",
        chart=Chart(series=["stage_one"], horizontal=False, reverse=True, title="Stage one complaints each year"),
    ).finalise()


# 2. Complaints compared with open cases ----------------------------------------------------

def open_cases_table(years: list[tuple[str, int, int | None, int | None]]) -> Table:
    """Rows of (year label, stage one complaints, open child-care cases, looked-after children)."""
    columns = [
        Column("stage_one", "Stage one complaints"),
        Column("open_cases", "Open child-care cases"),
        Column("looked_after_children", "Looked-after children"),
        Column("percent", "Complaints as a percentage of open cases", PERCENT, percent_of="stage_one",
               denominator="open_cases"),
    ]
    rows, notes = [], []
    for label, stage_one, open_cases, looked_after in years:
        rows.append(Row(label, label, {"stage_one": stage_one, "open_cases": open_cases,
                                       "looked_after_children": looked_after}, group=label))
        if open_cases is None:
            notes.append(f"The number of open child-care cases for {label} has not been entered, so no percentage "
                         f"can be worked out. An officer can enter it with: flask --app intake_web report "
                         f"year-figures --year {label[:4]} --open-cases NUMBER --looked-after NUMBER")
    notes.append("Open cases are counted on one day (the end of the year), but the number changes during the year, "
                 "so the percentage is a guide only. Looked-after children are included in the open cases.")
    return Table(id="complaints-and-open-cases", title="Stage one complaints compared with open cases",
                 row_header="Year", columns=columns, rows=rows, notes=notes,
                 intro="Open child-care cases and looked-after children are entered by an officer for each year.",
                 ).finalise()


# 3. Service areas ----------------------------------------------------------------------------

def service_area_table(periods: list[PeriodColumn], labels: Labels, table_id: str = "service-areas") -> Table:
    columns = count_columns(periods)
    counts_by_period = {key: figures.service_areas for key, _, figures in periods}
    present = {area for counts in counts_by_period.values() for (area, _), n in counts.items() if n}
    units: dict[str, set] = {}
    for counts in counts_by_period.values():
        for (area, unit), n in counts.items():
            if unit is not None and area is not None:
                units.setdefault(area, set()).add(unit)

    def values_for(area, unit=..., members=()) -> dict:
        values = {}
        for key, counts in counts_by_period.items():
            if members:
                n = sum(n for (a, _), n in counts.items() if a in members)
            elif unit is ...:
                n = sum(n for (a, _), n in counts.items() if a == area)
            else:
                n = counts.get((area, unit), 0)
            values[f"count_{key}"] = n
        return values

    rows: list[Row] = []
    notes: list[str] = []
    grouped = {member: group for group, (_, members) in SERVICE_AREA_GROUPS.items() for member in members}
    started_groups = set()
    for area in _ordered(present | set(units), labels.area_order):
        level = 0
        group = grouped.get(area)
        if group:
            group_label, members = SERVICE_AREA_GROUPS[group]
            present_members = tuple(m for m in members if m in present or m in units)
            if group not in started_groups:
                started_groups.add(group)
                rows.append(Row(group, group_label, values_for(None, members=present_members), kind=SUBTOTAL,
                                members=present_members))
                member_names = " and the ".join(labels.service_area(m) for m in members)
                notes.append(f"{group_label.split(',')[0]} is now recorded as two teams: the {member_names}. "
                             f"Its line adds the two teams together, so that earlier years can be compared.")
            level = 1
        if area in units:
            unit_keys = [f"{area}/{unit}" for unit in sorted(units[area])]
            has_unrecorded = any(counts.get((area, None), 0) for counts in counts_by_period.values())
            if has_unrecorded:
                unit_keys.append(f"{area}/")
            rows.append(Row(area, labels.service_area(area), values_for(area), kind=SUBTOTAL, members=tuple(unit_keys),
                            level=level))
            for unit in sorted(units[area]):
                rows.append(Row(f"{area}/{unit}", unit, values_for(area, unit), level=level + 1))
            if has_unrecorded:
                rows.append(Row(f"{area}/", "Unit not recorded", values_for(area, None), level=level + 1))
                notes.append(f"Some complaints about {labels.service_area(area)} do not say which unit they were "
                             f"about.")
        else:
            rows.append(Row(area or "not-recorded", labels.service_area(area), values_for(area), level=level))
    rows.append(Row("total", "All stage one complaints",
                    {f"count_{key}": figures.stage_one_total for key, _, figures in periods}, kind=TOTAL))
    for key, label, figures in periods:
        missing = sum(n for (area, _), n in figures.service_areas.items() if area is None)
        if missing:
            notes.append(f"{plural(missing, 'stage one complaint')} in {label} "
                         f"{'has' if missing == 1 else 'have'} no service area recorded.")
    quiet = [labels.service_area(area) for area in labels.area_order if area not in present and area not in units]
    if quiet:
        notes.append("No stage one complaints were about: " + "; ".join(quiet) + ".")
    this_key, this_label, _ = periods[0]
    return Table(
        id=table_id, title="Stage one complaints by service area", row_header="Service area",
        columns=columns, rows=rows, notes=notes,
        intro="Which service each stage one complaint was about, with its share of all stage one complaints.",
        chart=Chart(series=[f"count_{this_key}"], skip_empty=True, title=f"Stage one complaints by service area, "
                                                                          f"{this_label}"),
    ).finalise()


# 4. Complaint types --------------------------------------------------------------------------

def complaint_type_table(periods: list[PeriodColumn], labels: Labels) -> Table:
    columns = count_columns(periods)
    keys = set(labels.council.taxonomy["complaint_types"])
    for _, _, figures in periods:
        keys |= {k for k, n in figures.complaint_types.items() if n}
    rows = []
    for complaint_type in _ordered(keys, list(labels.council.taxonomy["complaint_types"])):
        rows.append(Row(complaint_type or "not-recorded", labels.complaint_type(complaint_type),
                        {f"count_{key}": figures.complaint_types.get(complaint_type, 0)
                         for key, _, figures in periods}))
    rows.append(Row("total", "All stage one complaints",
                    {f"count_{key}": figures.stage_one_total for key, _, figures in periods}, kind=TOTAL))
    notes = []
    for key, label, figures in periods:
        missing = figures.complaint_types.get(None, 0)
        if missing:
            recorded = figures.stage_one_total - missing
            notes.append(f"{plural(missing, 'stage one complaint')} of {figures.stage_one_total:,} in {label} "
                         f"{'has' if missing == 1 else 'have'} no complaint type recorded, so the types themselves add "
                         f"up to {recorded:,}. They are shown as '{NOT_RECORDED}' so that the table still adds up.")
    this_key, this_label, _ = periods[0]
    return Table(
        id="complaint-types", title="What stage one complaints were about", row_header="Complaint type",
        columns=columns, rows=rows, notes=notes,
        intro="Each stage one complaint is given one main type when it is recorded.",
        chart=Chart(series=[f"count_{this_key}"], title=f"Stage one complaints by type, {this_label}"),
    ).finalise()


# 5. Outcomes ---------------------------------------------------------------------------------

def outcomes_table(key: str, label: str, figures: PeriodFigures, labels: Labels) -> Table:
    stages = ("stage_one", "stage_two", "stage_three")
    columns = []
    for stage in stages:
        columns.append(Column(f"count_{stage}", "Number", group=STAGE_LABELS[stage]))
        columns.append(Column(f"percent_{stage}", "Percentage", PERCENT, percent_of=f"count_{stage}",
                              group=STAGE_LABELS[stage]))
    order = list(labels.council.taxonomy["outcomes"])
    keys = set(order) | {k for stage in stages for k, n in figures.outcomes[stage].items() if n}
    rows = [Row(outcome or "no-outcome", labels.outcome(outcome),
                {f"count_{stage}": figures.outcomes[stage].get(outcome, 0) for stage in stages})
            for outcome in _ordered(keys, order)]
    rows.append(Row("total", "Total", {f"count_{stage}": figures.stage_counts[stage] for stage in stages}, kind=TOTAL))
    notes = []
    for stage in stages:
        missing = figures.outcomes[stage].get(None, 0)
        if missing:
            notes.append(f"{plural(missing, STAGE_LABELS[stage].lower() + ' complaint')} in {label} "
                         f"{'has' if missing == 1 else 'have'} no outcome recorded yet (most are still being "
                         f"answered).")
    return Table(
        id=f"outcomes-{key}", title=f"Outcomes of complaints that started in {label}", row_header="Outcome",
        columns=columns, rows=rows, notes=notes,
        intro="The outcome recorded at each stage. Each percentage is of the complaints at that stage.",
        chart=Chart(series=["count_stage_one"], title=f"Outcomes of stage one complaints, {label}"),
    ).finalise()


# 6. Timescales -------------------------------------------------------------------------------

def timescale_row_labels(bander: Bander) -> dict[str, list[tuple[str, str, bool]]]:
    """Per stage: (band, label, always shown). Bands shown only when not empty are data gaps."""
    return {
        "stage_one": [
            (WITHIN, f"Stage one: answered within {bander.stage_one} working days", True),
            (EXTENDED, f"Stage one: answered in {bander.stage_one + 1} to {bander.stage_one_extended} working days "
                       f"(the extended timescale)", True),
            (LATE, f"Stage one: answered after more than {bander.stage_one_extended} working days", True),
            (OPEN, "Stage one: not answered yet", True),
            (UNKNOWN, "Stage one: dates cannot be checked", False),
        ],
        "stage_two": [
            (WITHIN, f"Stage two: answered within {bander.stage_two} working days", True),
            (EXTENDED, f"Stage two: answered in {bander.stage_two + 1} to {bander.stage_two_extended} working days "
                       f"(the extended timescale)", True),
            (LATE, f"Stage two: answered after more than {bander.stage_two_extended} working days", True),
            (OPEN, "Stage two: investigation still going on", True),
            (WITHDRAWN, "Stage two: withdrawn", True),
            (UNKNOWN, "Stage two: dates cannot be checked", False),
        ],
        "stage_three": [
            (WITHIN, f"Stage three: council's response within {bander.stage_three_response} working days of the "
                     f"panel's report", True),
            (LATE, f"Stage three: council's response later than {bander.stage_three_response} working days after "
                   f"the panel's report", True),
            (OPEN, "Stage three: not answered yet", False),
            (WITHDRAWN, "Stage three: withdrawn", False),
            (UNKNOWN, "Stage three: dates cannot be checked (no panel report date)", False),
        ],
    }


def timescales_table(periods: list[PeriodColumn], bander: Bander) -> Table:
    columns = count_columns(periods)
    rows, notes = [], []
    for stage, bands in timescale_row_labels(bander).items():
        for band, label, always in bands:
            values = {f"count_{key}": figures.timescales[stage].get(band, 0) for key, _, figures in periods}
            if always or any(values.values()):
                rows.append(Row(f"{stage}_{band}", label, values, group=stage))
        rows.append(Row(f"{stage}_total", f"{STAGE_LABELS[stage]}: total", {
            f"count_{key}": figures.stage_counts[stage] for key, _, figures in periods}, kind=TOTAL, group=stage))
    for key, label, figures in periods:
        if figures.answered_late_without_extension:
            n = figures.answered_late_without_extension
            notes.append(f"{plural(n, 'stage one complaint')} in {label} answered in {bander.stage_one + 1} to "
                         f"{bander.stage_one_extended} working days {'has' if n == 1 else 'have'} no extension "
                         f"recorded, so {'it was' if n == 1 else 'they were'} late against the "
                         f"{bander.stage_one}-day timescale.")
        for stage, overdue in figures.open_overdue.items():
            if overdue:
                longest = bander.longest(stage)
                notes.append(f"{plural(overdue, STAGE_LABELS[stage].lower() + ' complaint')} from {label} "
                             f"{'is' if overdue == 1 else 'are'} not answered yet and already more than {longest} "
                             f"working days old on {format_day(figures.as_of)}.")
        for stage in ("stage_one", "stage_two", "stage_three"):
            if figures.timescales[stage].get(UNKNOWN):
                n = figures.timescales[stage][UNKNOWN]
                notes.append(f"The dates of {plural(n, STAGE_LABELS[stage].lower() + ' complaint')} in {label} "
                             f"cannot be checked against the timescale (a missing date, or an answer dated before "
                             f"the complaint started). Please correct {'it' if n == 1 else 'them'}.")
    this_key, this_label, _ = periods[0]
    series = [f"count_{key}" for key, _, _ in periods]
    return Table(
        id="timescales", title="How quickly we answered complaints", row_header="Stage and time taken",
        columns=columns, rows=rows, notes=notes,
        intro="Working days are counted from the day after a stage started to the day of our answer, leaving out "
              "weekends and bank holidays. Each percentage is of all complaints at that stage.",
        chart=Chart(series=series, groups=("stage_one",), skip_empty=True,
                    title="Time taken to answer stage one complaints"),
    ).finalise()


# 7. Ombudsman --------------------------------------------------------------------------------

def ombudsman_table(periods: list[PeriodColumn], labels: Labels) -> Table:
    columns = count_columns(periods, with_percent=False)
    keys = set()
    for _, _, figures in periods:
        keys |= {k for k, n in figures.outcomes["ombudsman"].items() if n}
    rows = [Row(outcome or "not-decided", labels.ombudsman_outcome(outcome),
                {f"count_{key}": figures.outcomes["ombudsman"].get(outcome, 0) for key, _, figures in periods})
            for outcome in _ordered(keys, labels.ombudsman_outcome_order)]
    rows.append(Row("total", "Complaints taken to the Ombudsman",
                    {f"count_{key}": figures.stage_counts["ombudsman"] for key, _, figures in periods}, kind=TOTAL))
    return Table(id="ombudsman", title="What the Local Government and Social Care Ombudsman decided",
                 row_header="Decision", columns=columns, rows=rows,
                 intro="Complaints people took to the Ombudsman, counted in the year they took them.").finalise()


# 8. Compensation -----------------------------------------------------------------------------

def compensation_table(periods: list[PeriodColumn]) -> Table:
    columns = [Column("total", "Compensation paid", MONEY), Column("cases", "Number of cases")]
    rows = [Row(key, label, {"total": figures.compensation_total, "cases": figures.compensation_cases}, group=key)
            for key, label, figures in periods]
    notes = []
    for key, label, figures in periods:
        if figures.compensation_unconcluded:
            notes.append(f"{plural(figures.compensation_unconcluded, 'case')} received in {label} "
                         f"{'has' if figures.compensation_unconcluded == 1 else 'have'} compensation recorded but no "
                         f"response date, so {'it is' if figures.compensation_unconcluded == 1 else 'they are'} not "
                         f"counted here yet.")
    return Table(id="compensation", title="Compensation paid", row_header="Year", columns=columns, rows=rows,
                 notes=notes,
                 intro="Compensation paid to complainants, counted in the year the case was concluded (its last "
                       "answer). Late or missing payments that were later paid are not compensation.").finalise()


# 9. Actions and improvements -----------------------------------------------------------------

def actions_table(periods: list[PeriodColumn]) -> Table:
    columns = count_columns(periods)
    rows = [
        Row("with-action", "Complaints that led to at least one action or improvement",
            {f"count_{key}": figures.complaints_with_action for key, _, figures in periods}),
        Row("without-action", "Complaints with no action or improvement recorded",
            {f"count_{key}": figures.stage_one_total - figures.complaints_with_action for key, _, figures in periods}),
        Row("total", "All stage one complaints",
            {f"count_{key}": figures.stage_one_total for key, _, figures in periods}, kind=TOTAL),
    ]
    return Table(id="actions", title="Complaints that led to an action or improvement", row_header="Complaints",
                 columns=columns, rows=rows,
                 intro="A complaint counts here when at least one improvement action is recorded on its case.",
                 ).finalise()


# 10. Lessons learned -------------------------------------------------------------------------

def lessons_table(key: str, label: str, figures: PeriodFigures, labels: Labels) -> Table:
    columns = [Column("number", "Number of lessons"), Column("lessons", "Lessons learned", LIST)]
    rows = [Row(area or "not-recorded", labels.service_area(area),
                {"number": len(figures.lessons[area]), "lessons": figures.lessons[area]})
            for area in _ordered(figures.lessons, labels.area_order)]
    total = sum(len(items) for items in figures.lessons.values())
    rows.append(Row("total", "All lessons", {"number": total, "lessons": None}, kind=TOTAL))
    notes = [] if total else [f"No lessons learned were recorded on cases in {label}."]
    return Table(id="lessons-learned", title="Lessons learned, by service", row_header="Service area",
                 columns=columns, rows=rows, notes=notes, layout="sections",
                 intro=f"What services told us they learned from complaints, as recorded on the cases during {label}.",
                 ).finalise()


# 11. Compliments -----------------------------------------------------------------------------

def compliments_table(periods: list[PeriodColumn], labels: Labels) -> Table:
    this_key, this_label, this = periods[0]
    columns = count_columns(periods, with_percent=False)
    columns.append(Column("summaries", f"What people said in {this_label}", LIST))
    present = set()
    for _, _, figures in periods:
        present |= {area for area, n in figures.compliments.items() if n}
    rows = []
    for area in _ordered(present, labels.area_order):
        values = {f"count_{key}": figures.compliments.get(area, 0) for key, _, figures in periods}
        values["summaries"] = this.compliment_summaries.get(area, [])
        rows.append(Row(area or "not-recorded", labels.service_area(area), values))
    total = {f"count_{key}": figures.compliments_total for key, _, figures in periods}
    total["summaries"] = None
    rows.append(Row("total", "All compliments", total, kind=TOTAL))
    notes = []
    for key, label, figures in periods[:1]:
        without = figures.compliments_total - sum(len(s) for s in figures.compliment_summaries.values())
        if without:
            notes.append(f"{plural(without, 'compliment')} in {label} {'has' if without == 1 else 'have'} no "
                         f"summary recorded.")
        if figures.compliments.get(None):
            notes.append(f"{plural(figures.compliments[None], 'compliment')} in {label} "
                         f"{'has' if figures.compliments[None] == 1 else 'have'} no service area recorded.")
    return Table(id="compliments", title="Compliments by service area", row_header="Service area",
                 columns=columns, rows=rows, notes=notes, layout="sections",
                 intro="Compliments are counted in the year we received them.",
                 chart=Chart(series=[f"count_{this_key}"], title=f"Compliments by service area, {this_label}"),
                 ).finalise()
