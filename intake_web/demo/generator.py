"""Turn counts into synthetic cases. Pure Python, no database: loader.py writes the result.

For the years the seed details (2020/21 and 2021/22) every count in seed_counts.yaml is met exactly:
each stage one complaint gets a service area, a type, an outcome and a timescale band drawn without
replacement from lists expanded from the counts, then shuffled with a seeded generator. Earlier
years get the minimal cases the seven-year summary needs. A few open cases dated just before
`today` make the console look lived in; they never fall in the seed's years.
"""
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

from intake_web.clock import WorkingDayCalendar
from intake_web.demo import narratives

LONDON = ZoneInfo("Europe/London")
DEMO_OFFICER = "demo-officer@example.nelincs.gov.uk"

ROLE_WEIGHTS = {"parent_or_carer": 60, "child_or_young_person": 9, "foster_carer": 8, "care_leaver": 6,
                "special_guardian": 7, "adoption": 4, "other": 6}
YOUNG_ROLE_WEIGHTS = {"child_or_young_person": 40, "care_leaver": 35, "parent_or_carer": 15, "foster_carer": 10}
CHANNEL_WEIGHTS = {"web": 35, "email": 30, "phone": 25, "chat": 5, "sms": 5}
OLD_CHANNEL_WEIGHTS = {"email": 45, "phone": 40, "web": 15}
# For years the seed gives no breakdown: typical shares, from the 2020/21 and 2021/22 tables.
AREA_WEIGHTS = {"assessment_intervention": 34, "court_child_protection": 26, "children_in_care_new_futures": 18,
                "integrated_front_door": 6, "fostering_adoption": 5, "childrens_disability": 2, "contact_services": 2,
                "safeguarding_reviewing": 2, "residential_units": 5}
TYPE_WEIGHTS = {"quality_of_service": 58, "staff_attitude": 16, "unwelcome_decision": 9,
                "assessment_care_management": 6, "delay": 5, "delivery_of_service": 4, "quantity_cost": 2}
OUTCOME_WEIGHTS = {"upheld": 17, "partially_upheld": 40, "not_upheld": 37, "withdrawn": 3, "no_finding": 3}
BAND_WEIGHTS = {"within": 55, "extended": 30, "late": 15}
STAGE_TWO_BAND_WEIGHTS = {"within": 20, "extended": 50, "late": 30}
OMBUDSMAN_WEIGHTS = {"premature": 50, "not_investigated": 20, "no_fault": 20, "fault_found": 10}
RESIDENTIAL_UNITS = ("Residential Unit A", "Residential Unit B", "Residential Unit C", "Residential Unit D",
                     "Residential Unit E")
EXTRA_COMPLIMENT_SUMMARIES = [
    "Thanking the social worker for their support through a difficult time.",
    "Parent thanking the team for keeping them informed throughout.",
    "Young person thanking their personal adviser for help finding a flat.",
    "Foster carer complimenting the support from their supervising social worker.",
    "Thanking staff at the residential unit for the care shown to a young person.",
    "Thanking the service for arranging contact quickly.",
]


@dataclass
class StageSpec:
    stage: str
    started_on: date
    due_on: date | None = None
    extended_due_on: date | None = None
    extension_reason: str | None = None
    responded_on: date | None = None
    outcome: str | None = None
    statement_agreed_on: date | None = None
    panel_met_on: date | None = None
    panel_report_on: date | None = None
    notes: str | None = None


@dataclass
class ActionSpec:
    description: str
    owner: str
    due_on: date
    completed_on: date | None


@dataclass
class LessonSpec:
    service_area: str
    lesson: str
    created_at: datetime


@dataclass
class CaseSpec:
    received_at: datetime
    category: str | None
    channel: str
    narrative: str
    complainant_role: str | None = None
    complainant_name: str | None = None
    child_name: str | None = None
    desired_outcome: str | None = None
    service_area: str | None = None
    service_unit: str | None = None
    complaint_type: str | None = None
    anonymous: bool = False
    do_not_share: bool = False
    contact_method: str = "none"
    compliment_summary: str | None = None
    compensation_paid: Decimal | None = None
    status: str = "closed"
    triaged: bool = True
    stages: list[StageSpec] = field(default_factory=list)
    actions: list[ActionSpec] = field(default_factory=list)
    lessons: list[LessonSpec] = field(default_factory=list)

    def stage(self, name: str) -> StageSpec | None:
        return next((s for s in self.stages if s.stage == name), None)


@dataclass
class YearPlan:
    """What one financial year must contain. Lists are exact (one entry per case); None means draw freely."""

    year: int
    stage_one: int
    concerns: int
    stage_two: int
    stage_three: int
    ombudsman: int
    areas: list[tuple[str | None, str | None]] | None = None   # (service area, unit) per stage one complaint
    types: list[str | None] | None = None
    outcomes: list[str] | None = None
    bands: list[str] | None = None
    stage_two_outcomes: list[str] | None = None
    stage_two_bands: list[str] | None = None
    stage_three_outcomes: list[str] | None = None
    stage_three_bands: list[str] | None = None
    ombudsman_outcomes: list[str] | None = None
    ombudsman_areas: tuple[str, ...] = ()
    compliments: list[tuple[str, str | None]] = field(default_factory=list)  # (service area, summary)
    with_action: int = 0
    compensation: list[Decimal] = field(default_factory=list)
    lessons: dict[str, list[str]] = field(default_factory=dict)
    detailed: bool = False


def _expand(counts: dict) -> list:
    return [key for key, n in counts.items() for _ in range(int(n))]


def _counts_of(section: dict | None) -> dict:
    return {key: (value["count"] if isinstance(value, dict) else value) for key, value in (section or {}).items()}


def plans_from_seed(seed: dict) -> list[YearPlan]:
    """Read seed_counts.yaml into one YearPlan per year of the summary table."""
    demo = seed.get("demo_only") or {}
    plans = []
    for year, summary in sorted(seed["summary_by_year"].items()):
        year = int(year)
        plan = YearPlan(year=year, stage_one=summary["stage_one"], concerns=summary["concern"],
                        stage_two=summary["stage_two"], stage_three=summary["stage_three"],
                        ombudsman=summary["ombudsman"])
        areas = _counts_of((seed.get("service_areas") or {}).get(year))
        if areas:
            plan.detailed = True
            split = (demo.get("cass_split") or {}).get(year) or {}
            entries = []
            for key, n in areas.items():
                if key == "cass":
                    if sum(split.values()) != n:
                        raise ValueError(f"demo_only.cass_split for {year} must add up to {n}")
                    entries += [(area, None) for area in _expand(split)]
                elif "/" in key:
                    area, unit = key.split("/", 1)
                    entries += [(area, unit)] * n
                else:
                    entries += [(key, None)] * n
            plan.areas = entries
            types = (_counts_of((seed.get("complaint_types") or {}).get(year))
                     or (demo.get("complaint_types") or {}).get(year))
            if types:
                listed = _expand(types)
                plan.types = listed + [None] * (plan.stage_one - len(listed))
            outcomes = (seed.get("outcomes") or {}).get(year) or {}
            plan.outcomes = _expand(_counts_of(outcomes.get("stage_one")))
            plan.stage_two_outcomes = _expand(_counts_of(outcomes.get("stage_two")))
            plan.stage_three_outcomes = _expand(_counts_of(outcomes.get("stage_three")))
            bands = (seed.get("timescales") or {}).get(year) or {}
            plan.bands = _expand(_counts_of(bands.get("stage_one")))
            plan.stage_two_bands = _expand(_counts_of(bands.get("stage_two")))
            plan.stage_three_bands = _expand(_counts_of(bands.get("stage_three")))
            compliments = (seed.get("compliments") or {}).get(year) or {}
            by_area = compliments.get("by_service_area")
            if by_area:
                for area, figure in by_area.items():
                    summaries = list(figure.get("summaries") or [])
                    plan.compliments += [(area, summaries[i] if i < len(summaries) else None)
                                         for i in range(figure["count"])]
            else:
                split = (demo.get("compliments_by_service_area") or {}).get(year) or {}
                if sum(split.values()) != compliments.get("total", 0):
                    raise ValueError(f"demo_only.compliments_by_service_area for {year} must add up to "
                                     f"{compliments.get('total', 0)}")
                plan.compliments = [(area, None) for area in _expand(split)]
            plan.with_action = (demo.get("complaints_with_action") or {}).get(year, 0)
            compensation = (seed.get("compensation") or {}).get(year) or {}
            if compensation.get("cases"):
                each = Decimal(str(compensation["total"])) / compensation["cases"]
                plan.compensation = [each.quantize(Decimal("0.01"))] * compensation["cases"]
            ombudsman = (seed.get("ombudsman") or {}).get(year) or (demo.get("ombudsman") or {}).get(year)
            if ombudsman:
                plan.ombudsman_outcomes = _expand(ombudsman)
            if year == seed.get("report_year"):
                # "both of which related to Children's Assessment and Safeguarding Services"
                plan.ombudsman_areas = ("assessment_intervention", "court_child_protection")
            plan.lessons = (seed.get("lessons") or {}).get(year) or {}
        plans.append(plan)
    return plans


class DemoGenerator:
    """Builds CaseSpecs from YearPlans. Same plans, seed and `today` give the same cases."""

    def __init__(self, calendar: WorkingDayCalendar, teams: dict[str, str], action_examples: list[str],
                 seed: int = 2022, today: date | None = None) -> None:
        self.calendar = calendar
        self.teams = teams
        self.action_examples = action_examples or ["Review the case and write to the family."]
        self.rng = random.Random(seed)
        self.today = today or date.today()

    # -- helpers ---------------------------------------------------------------------------------
    def _wd(self, start: date, days: int) -> date:
        return self.calendar.add_working_days(start, days)

    def _working_days_in(self, first: date, last: date) -> list[date]:
        days, day = [], first
        while day <= last:
            if self.calendar.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def _at(self, day: date) -> datetime:
        local = datetime.combine(day, time(self.rng.randint(8, 17), self.rng.randint(0, 59)), tzinfo=LONDON)
        return local.astimezone(timezone.utc)

    def _pick(self, weights: dict):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _person(self, case: CaseSpec, area: str | None, year: int) -> None:
        young = area in ("children_in_care_new_futures", "residential_units")
        case.complainant_role = self._pick(YOUNG_ROLE_WEIGHTS if young else ROLE_WEIGHTS)
        case.channel = self._pick(CHANNEL_WEIGHTS if year >= 2020 else OLD_CHANNEL_WEIGHTS)
        if self.rng.random() < 0.05:
            case.anonymous = True
            return
        case.complainant_name = narratives.person_name(self.rng)
        case.child_name = narratives.person_name(self.rng) if self.rng.random() < 0.6 else None
        case.contact_method = {"web": "email", "email": "email", "phone": "phone", "sms": "sms", "chat": "email"}[
            case.channel]
        # A referrer who gave their name but asked for it not to be shared ("DO NOT SHARE").
        case.do_not_share = self.rng.random() < 0.04

    def _team(self, area: str | None) -> str:
        return self.teams.get(area, "the service") if area else "the service"

    # -- one year ------------------------------------------------------------------------------
    def year_cases(self, plan: YearPlan) -> list[CaseSpec]:
        rng = self.rng
        first, last = date(plan.year, 4, 1), date(plan.year + 1, 3, 31)
        days = self._working_days_in(first, last)
        cases: list[CaseSpec] = []

        starts = sorted(rng.choice(days) for _ in range(plan.stage_one))
        areas = list(plan.areas) if plan.areas else [(self._pick(AREA_WEIGHTS), None) for _ in starts]
        areas = [(area, unit or (rng.choice(RESIDENTIAL_UNITS) if area == "residential_units" and not plan.detailed
                                 else unit)) for area, unit in areas]
        types = list(plan.types) if plan.types else [self._pick(TYPE_WEIGHTS) for _ in starts]
        outcomes = list(plan.outcomes) if plan.outcomes else [self._pick(OUTCOME_WEIGHTS) for _ in starts]
        bands = list(plan.bands) if plan.bands else [self._pick(BAND_WEIGHTS) for _ in starts]
        for values in (areas, types, outcomes, bands):
            if len(values) != plan.stage_one:
                raise ValueError(f"{plan.year}: {len(values)} values for {plan.stage_one} stage one complaints")
            rng.shuffle(values)

        stage_one_cases = []
        for start, (area, unit), complaint_type, outcome, band in zip(starts, areas, types, outcomes, bands):
            case = CaseSpec(received_at=self._at(start), category="stage_one", channel="web", narrative="",
                            service_area=area, service_unit=unit, complaint_type=complaint_type)
            self._person(case, area, plan.year)
            case.narrative, case.desired_outcome = narratives.complaint_narrative(
                rng, complaint_type, self._team(area), case.complainant_role or "other")
            working_days = {"within": rng.randint(2, 10), "extended": rng.randint(11, 20),
                            "late": rng.randint(21, 40)}[band]
            stage = StageSpec("stage_one", start, due_on=self._wd(start, 10),
                              responded_on=self._wd(start, working_days), outcome=outcome)
            if band != "within":
                stage.extended_due_on = self._wd(start, 20)
                stage.extension_reason = rng.choice(["Complex complaint: more time needed to investigate.",
                                                     "Time needed to arrange an advocate for the young person.",
                                                     "Several teams involved: more time needed."])
            case.stages.append(stage)
            stage_one_cases.append(case)
        cases += stage_one_cases

        self._escalate(plan, stage_one_cases, last)
        self._ombudsman(plan, stage_one_cases, last)
        self._compensation_and_actions(plan, stage_one_cases, last)
        self._lessons(plan, stage_one_cases, last)

        for _ in range(plan.concerns):
            start = rng.choice(days)
            area = self._pick(AREA_WEIGHTS)
            case = CaseSpec(received_at=self._at(start), category="concern", channel="web",
                            narrative=narratives.concern_narrative(rng), service_area=area,
                            service_unit=rng.choice(RESIDENTIAL_UNITS) if area == "residential_units" else None,
                            complaint_type=self._pick(TYPE_WEIGHTS))
            self._person(case, area, plan.year)
            case.stages.append(StageSpec("concern", start, due_on=self._wd(start, 5),
                                         responded_on=self._wd(start, rng.randint(1, 5))))
            cases.append(case)

        for area, summary in plan.compliments:
            day = rng.choice(days)
            summary = summary or rng.choice(EXTRA_COMPLIMENT_SUMMARIES)
            case = CaseSpec(received_at=self._at(day), category="compliment", channel="web",
                            narrative=narratives.compliment_narrative(rng, summary), service_area=area,
                            compliment_summary=summary)
            self._person(case, area, plan.year)
            cases.append(case)
        return cases

    def _escalate(self, plan: YearPlan, stage_one_cases: list[CaseSpec], last: date) -> None:
        rng = self.rng
        early = stage_one_cases[: max(plan.stage_two * 4, len(stage_one_cases) // 4)]
        candidates = [c for c in early if c.stages[0].outcome in ("not_upheld", "partially_upheld", "upheld")]
        if len(candidates) < plan.stage_two:
            raise ValueError(f"{plan.year}: not enough early stage one complaints to escalate")
        chosen = sorted(rng.sample(candidates, plan.stage_two), key=lambda c: c.stages[0].started_on)
        outcomes = list(plan.stage_two_outcomes) if plan.stage_two_outcomes else [
            self._pick({"partially_upheld": 50, "not_upheld": 35, "upheld": 15}) for _ in chosen]
        bands = list(plan.stage_two_bands) if plan.stage_two_bands else [
            self._pick(STAGE_TWO_BAND_WEIGHTS) for _ in chosen]
        if not len(outcomes) == len(bands) == len(chosen):
            raise ValueError(f"{plan.year}: stage two needs {len(chosen)} outcomes and bands, "
                             f"not {len(outcomes)} and {len(bands)}")
        rng.shuffle(outcomes)
        rng.shuffle(bands)
        for case, outcome, band in zip(chosen, outcomes, bands):
            start = self._wd(case.stages[0].responded_on, rng.randint(5, 15))
            days = {"within": rng.randint(15, 25), "extended": rng.randint(26, 65), "late": rng.randint(66, 78),
                    "withdrawn": rng.randint(5, 20), "open": None}[band]
            stage = StageSpec("stage_two", start, due_on=self._wd(start, 25),
                              responded_on=self._wd(start, days) if days else None,
                              outcome="withdrawn" if band == "withdrawn" else (outcome if days else None),
                              statement_agreed_on=self._wd(start, rng.randint(3, 8)),
                              notes=narratives.escalation_note(rng, "stage_two"))
            if band in ("extended", "late"):
                stage.extended_due_on = self._wd(start, 65)
                stage.extension_reason = "Complex investigation: the investigating officer needs more time."
            case.stages.append(stage)
        self._panels(plan, [c for c in chosen if c.stage("stage_two").responded_on], last)

    def _panels(self, plan: YearPlan, same_year: list[CaseSpec], last: date) -> None:
        rng = self.rng
        if not plan.stage_three:
            return
        first = date(plan.year, 4, 1)
        candidates = sorted(same_year, key=lambda c: c.stage("stage_two").responded_on)
        if len(candidates) < plan.stage_three:
            candidates += sorted(getattr(self, "_previous_stage_two", []),
                                 key=lambda c: c.stage("stage_two").responded_on, reverse=True)
        candidates = [c for c in candidates if c.stage("stage_three") is None][: plan.stage_three]
        if len(candidates) < plan.stage_three:
            raise ValueError(f"{plan.year}: no stage two investigation to take to a review panel")
        outcomes = list(plan.stage_three_outcomes) if plan.stage_three_outcomes else [
            self._pick({"partially_upheld": 50, "not_upheld": 50}) for _ in candidates]
        bands = list(plan.stage_three_bands) if plan.stage_three_bands else ["within"] * len(candidates)
        for case, outcome, band in zip(candidates, outcomes, bands):
            start = max(self._wd(case.stage("stage_two").responded_on, rng.randint(5, 12)), self._wd(first, 3))
            if start > last:
                raise ValueError(f"{plan.year}: a review panel would start after the end of the year")
            met = self._wd(start, rng.randint(15, 30))
            report = self._wd(met, 5)
            responded = self._wd(report, rng.randint(5, 15) if band == "within" else rng.randint(16, 25))
            case.stages.append(StageSpec("stage_three", start, due_on=self._wd(start, 30), panel_met_on=met,
                                         panel_report_on=report, responded_on=responded, outcome=outcome,
                                         notes=narratives.escalation_note(rng, "stage_three")))

    def _ombudsman(self, plan: YearPlan, stage_one_cases: list[CaseSpec], last: date) -> None:
        rng = self.rng
        if not plan.ombudsman:
            return
        candidates = [c for c in stage_one_cases if c.stages[0].outcome != "withdrawn" and len(c.stages) == 1
                      and self._wd(c.stages[0].responded_on, 15) <= last
                      and (not plan.ombudsman_areas or c.service_area in plan.ombudsman_areas)]
        chosen = rng.sample(candidates, plan.ombudsman)
        outcomes = list(plan.ombudsman_outcomes or []) or [self._pick(OMBUDSMAN_WEIGHTS) for _ in chosen]
        outcomes += [self._pick(OMBUDSMAN_WEIGHTS) for _ in range(len(chosen) - len(outcomes))]
        for case, outcome in zip(chosen, outcomes):
            # Referred soon after the stage one answer (the filter above keeps it inside the year).
            start = self._wd(case.stages[0].responded_on, rng.randint(5, 15))
            case.stages.append(StageSpec("ombudsman", start, responded_on=self._wd(start, rng.randint(10, 30)),
                                         outcome=outcome))

    def _compensation_and_actions(self, plan: YearPlan, stage_one_cases: list[CaseSpec], last: date) -> None:
        rng = self.rng
        upheld = [c for c in stage_one_cases if c.stages[0].outcome in ("upheld", "partially_upheld")]
        payable = [c for c in upheld if c.stages[0].outcome == "upheld" and len(c.stages) == 1
                   and c.stages[0].responded_on <= last]
        for case, amount in zip(rng.sample(payable, len(plan.compensation)), plan.compensation):
            case.compensation_paid = amount
        with_action = plan.with_action if plan.detailed else 0
        if with_action > len(upheld):
            raise ValueError(f"{plan.year}: more complaints with actions than upheld complaints")
        for case in rng.sample(upheld, with_action):
            responded = case.stages[0].responded_on
            how_many = min(len(self.action_examples), rng.choice((1, 1, 2)))
            for description in rng.sample(self.action_examples, how_many):
                due = self._wd(responded, rng.randint(10, 30))
                case.actions.append(ActionSpec(description, f"Team manager, {self._team(case.service_area)}", due,
                                               due - timedelta(days=rng.randint(0, 6)) if due < self.today else None))

    def _lessons(self, plan: YearPlan, stage_one_cases: list[CaseSpec], last: date) -> None:
        rng = self.rng
        for area, lessons in plan.lessons.items():
            in_area = [c for c in stage_one_cases if c.service_area == area] or stage_one_cases
            preferred = [c for c in in_area if c.actions] or in_area
            for lesson in lessons:
                case = rng.choice(preferred)
                day = min(self._wd(case.stages[0].responded_on, rng.randint(1, 10)), last)
                case.lessons.append(LessonSpec(area, lesson, datetime.combine(day, time(12), tzinfo=timezone.utc)))

    # -- a few cases in progress now -------------------------------------------------------------
    def current_cases(self) -> list[CaseSpec]:
        rng = self.rng
        cases = []
        start_window = self._working_days_in(self.today - timedelta(days=45), self.today - timedelta(days=1))
        for number in range(16):
            start = rng.choice(start_window)
            area = self._pick(AREA_WEIGHTS)
            complaint_type = self._pick(TYPE_WEIGHTS)
            kind = "concern" if number % 6 == 5 else "stage_one"
            case = CaseSpec(received_at=self._at(start), category=kind, channel="web", narrative="",
                            service_area=area, complaint_type=complaint_type, status="open",
                            service_unit=rng.choice(RESIDENTIAL_UNITS) if area == "residential_units" else None)
            self._person(case, area, self.today.year)
            if kind == "concern":
                case.narrative = narratives.concern_narrative(rng)
                case.stages.append(StageSpec("concern", start, due_on=self._wd(start, 5)))
            else:
                case.narrative, case.desired_outcome = narratives.complaint_narrative(
                    rng, complaint_type, self._team(area), case.complainant_role or "other")
                stage = StageSpec("stage_one", start, due_on=self._wd(start, 10))
                if number % 4 == 0:
                    stage.responded_on = min(self._wd(start, rng.randint(3, 10)), self.today)
                    stage.outcome = self._pick(OUTCOME_WEIGHTS)
                    case.status = "closed"
                elif number % 4 == 1:
                    stage.extended_due_on = self._wd(start, 20)
                    stage.extension_reason = "Complex complaint: more time needed to investigate."
                case.stages.append(stage)
            cases.append(case)
        # Waiting for an officer to check the triage.
        start = start_window[-1]
        case = CaseSpec(received_at=self._at(start), category=None, channel="sms", status="for-triage",
                        triaged=False, narrative="nobody has rung me back about my daughters contact, its been weeks")
        self._person(case, None, self.today.year)
        case.stages.append(StageSpec("stage_one", start, due_on=self._wd(start, 10)))
        cases.append(case)
        for summary in rng.sample(EXTRA_COMPLIMENT_SUMMARIES, 2):
            day = rng.choice(start_window)
            area = self._pick(AREA_WEIGHTS)
            case = CaseSpec(received_at=self._at(day), category="compliment", channel="web", service_area=area,
                            narrative=narratives.compliment_narrative(rng, summary), compliment_summary=summary)
            self._person(case, area, self.today.year)
            cases.append(case)
        return cases

    def build(self, plans: list[YearPlan], with_current: bool = True) -> list[CaseSpec]:
        """Return every case for the plans (oldest year first), then the current ones, sorted by receipt."""
        cases: list[CaseSpec] = []
        self._previous_stage_two: list[CaseSpec] = []
        latest_year = max((plan.year for plan in plans), default=0)
        for plan in sorted(plans, key=lambda p: p.year):
            year_cases = self.year_cases(plan)
            self._previous_stage_two = [c for c in year_cases
                                        if c.stage("stage_two") and c.stage("stage_two").responded_on]
            cases += year_cases
        today_year = self.today.year if self.today.month >= 4 else self.today.year - 1
        if with_current and today_year > latest_year:
            cases += self.current_cases()
        for case in cases:
            if any(stage.responded_on is None for stage in case.stages) and case.status == "closed":
                case.status = "open"
        cases.sort(key=lambda c: c.received_at)
        return cases


def stage_counts(cases: list[CaseSpec]) -> Counter:
    """Count stages by (financial year, stage): a quick self-check of a generated dataset."""
    counts = Counter()
    for case in cases:
        for stage in case.stages:
            year = stage.started_on.year if stage.started_on.month >= 4 else stage.started_on.year - 1
            counts[(year, stage.stage)] += 1
    return counts


def volume_plan(year: int, cases: int, seed: int = 10_000) -> YearPlan:
    """A year of `cases` feedback items in the seed's proportions, for benchmarks (not the seed's counts)."""
    rng = random.Random(seed + year)
    # 2021/22 had 105 stage one complaints, 55 concerns and 32 compliments.
    stage_one = round(cases * 105 / 192)
    compliments = round(cases * 32 / 192)
    concerns = cases - stage_one - compliments

    def draw(weights: dict, n: int) -> list:
        return rng.choices(list(weights), weights=list(weights.values()), k=n)

    areas = [(area, rng.choice(RESIDENTIAL_UNITS) if area == "residential_units" else None)
             for area in draw(AREA_WEIGHTS, stage_one)]
    types = draw({**TYPE_WEIGHTS, None: 5}, stage_one)
    outcomes = draw(OUTCOME_WEIGHTS, stage_one)
    stage_two = max(1, stage_one // 40)
    stage_three = max(1, stage_two // 4)
    plan = YearPlan(
        year=year, stage_one=stage_one, concerns=concerns, stage_two=stage_two, stage_three=stage_three,
        ombudsman=max(1, stage_one // 50), areas=areas, types=types, outcomes=outcomes,
        bands=draw(BAND_WEIGHTS, stage_one),
        stage_two_outcomes=draw({"partially_upheld": 50, "not_upheld": 35, "upheld": 15}, stage_two),
        stage_two_bands=draw(STAGE_TWO_BAND_WEIGHTS, stage_two),
        stage_three_outcomes=draw({"partially_upheld": 50, "not_upheld": 50}, stage_three),
        stage_three_bands=["within"] * stage_three,
        compliments=[(area, rng.choice(EXTRA_COMPLIMENT_SUMMARIES)) for area in draw(AREA_WEIGHTS, compliments)],
        with_action=round(0.4 * sum(o in ("upheld", "partially_upheld") for o in outcomes)),
        compensation=[Decimal("250.00")] * max(1, stage_one // 200),
        lessons={area: [f"Lesson {n + 1} for this service." for n in range(6)] for area in AREA_WEIGHTS},
        detailed=True,
    )
    return plan
