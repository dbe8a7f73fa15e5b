"""Synthetic, anonymised words for demo cases: what people might write, with no real names.

Sentences are picked with the caller's seeded random generator, so the same seed always gives the
same text. Nobody is named in a narrative: people are "my son", "the social worker", "the manager".
"""
import random

# Who is writing: how they refer to the child, and something they might say about themselves.
VOICES = {
    "parent_or_carer": (("my son", "my daughter", "my children", "my youngest"),
                        ("I am a single parent.", "I have parental responsibility.", "")),
    "foster_carer": (("the child I foster", "the two children placed with me"),
                     ("I have been a foster carer for six years.", "I am a foster carer.", "")),
    "child_or_young_person": (("me",), ("I am 15 and in care.", "I am 14.", "")),
    "care_leaver": (("me",), ("I left care last year.", "I am a care leaver.", "")),
    "special_guardian": (("my grandchildren", "my grandson"), ("I am a special guardian.", "")),
    "adoption": (("our adopted son", "our adopted daughter"), ("We adopted two years ago.", "")),
    "other": (("my niece", "my nephew"), ("I am a close family friend.", "I am the children's aunt.", "")),
}
OPENINGS = {
    "quality_of_service": [
        "I am not happy with the service we have had from {team}.",
        "The support from {team} has not been good enough.",
        "I want to complain about how {team} has handled our case.",
        "Things have gone wrong with the service from {team} over the last few months.",
    ],
    "staff_attitude": [
        "I want to complain about the way a worker from {team} spoke to me.",
        "The social worker was rude and dismissive when I asked a simple question.",
        "At the last meeting the worker talked over me and would not listen.",
        "I felt judged and belittled by a member of staff from {team}.",
    ],
    "unwelcome_decision": [
        "I disagree with the decision {team} has made about {who}.",
        "I was told a decision had been made about {who} and nobody asked for my views.",
        "I want the decision to stop contact to be looked at again.",
        "{team} have refused our request and I do not think the reasons are fair.",
    ],
    "assessment_care_management": [
        "The assessment of our family has mistakes in it.",
        "I have still not been given a copy of the assessment.",
        "The care plan for {who} was changed without anyone telling me.",
        "The review meeting was cancelled twice and the plan has not been updated.",
    ],
    "delay": [
        "I have been waiting weeks for a decision from {team}.",
        "Nothing has happened since the meeting two months ago.",
        "We were promised an answer by the end of the month and are still waiting.",
    ],
    "delivery_of_service": [
        "The support we were promised has not started.",
        "Contact sessions keep being cancelled at short notice.",
        "The transport that was arranged did not turn up again.",
    ],
    "quantity_cost": [
        "The allowance we get has been cut without any explanation.",
        "The number of contact sessions has been reduced and I do not know why.",
        "We were told we would have to pay for something that was meant to be provided.",
    ],
    None: [
        "I want to make a complaint about {team}.",
        "Please can someone look at what has happened with our case.",
    ],
}
DETAILS = [
    "I have phoned and emailed several times and nobody has called me back.",
    "We have had four different social workers in a year and have to explain everything again each time.",
    "Nobody told us the meeting had been moved.",
    "The report says things that are not true about our family.",
    "I was not sent the minutes of the meeting.",
    "{upset}",
    "The worker said they would visit last week but did not come.",
    "I asked for a copy of the plan a month ago.",
    "Important information was shared with another family member without my agreement.",
    "I found out about the decision from someone else, not from the service.",
    "The letter we were sent had the wrong dates in it.",
    "My messages to the duty team were not passed on.",
]
OUTCOMES = [
    "I would like an apology and an explanation of what went wrong.",
    "I want a new social worker.",
    "Please put the support in place that we were promised.",
    "I want the mistakes in the assessment corrected.",
    "I would like a meeting with the manager.",
    "I want to be kept informed from now on.",
    "I want the decision looked at again by someone else.",
]
CONCERNS = [
    "Could someone please call me back about next week's contact session? I have left two messages.",
    "I have not received the letter I was told would be sent. Can you check?",
    "The social worker's email address on the letter does not work.",
    "I need to know who is covering while our social worker is off.",
    "Can the time of the meeting be changed? I work on Tuesdays.",
    "I was told a form would be posted to me but it has not arrived.",
]
ESCALATIONS = [
    "I am not happy with the stage one response and want an independent investigation.",
    "The response did not deal with the main points of my complaint, so I want to go to stage two.",
]
PANEL_REQUESTS = [
    "I am still not satisfied after the investigation and would like a review panel.",
]
COMPLIMENTS = [
    "I just want to say thank you to our social worker, who has been brilliant.",
    "Thank you for all the help during a really difficult time.",
    "The worker listened to us and made a real difference to our family.",
    "Please pass on my thanks to the team for everything they have done.",
]
FIRST_NAMES = ("Alex", "Sam", "Jordan", "Casey", "Morgan", "Riley", "Jamie", "Taylor", "Robin", "Charlie",
               "Frankie", "Kit", "Ashley", "Drew", "Jesse", "Sky", "Rowan", "Quinn", "Reese", "Hayden")
# Invented surnames, so that no generated name is a real person's.
SURNAMES = ("Ashdown", "Brackley", "Corrow", "Dunmere", "Elsworth", "Fenwold", "Garside", "Holloway-Pike",
            "Ingleby", "Jessop-Vane", "Kettering", "Lowmoor", "Marrick", "Northey", "Orsett", "Pellow")


def complaint_narrative(rng: random.Random, complaint_type: str | None, team: str, role: str) -> tuple[str, str]:
    """Return (narrative, desired outcome) for a complaint of this type about this team."""
    people, contexts = VOICES.get(role, VOICES["other"])
    who = rng.choice(people)
    if who == "me":
        upset = "I am upset and do not understand what is happening."
    else:
        plural_child = who.endswith(("children", "grandchildren", "two children placed with me"))
        upset = f"{who[0].upper() + who[1:]} {'are' if plural_child else 'is'} upset and " \
                f"{'do' if plural_child else 'does'} not understand what is happening."
    values = {"team": team, "who": who, "upset": upset}
    sentences = [rng.choice(contexts)]
    sentences.append(rng.choice(OPENINGS.get(complaint_type, OPENINGS[None])).format(**values))
    for detail in rng.sample(DETAILS, rng.randint(1, 3)):
        sentences.append(detail.format(**values))
    return " ".join(sentence for sentence in sentences if sentence), rng.choice(OUTCOMES)


def concern_narrative(rng: random.Random) -> str:
    return rng.choice(CONCERNS)


def escalation_note(rng: random.Random, stage: str) -> str:
    return rng.choice(PANEL_REQUESTS if stage == "stage_three" else ESCALATIONS)


def compliment_narrative(rng: random.Random, summary: str | None) -> str:
    opening = rng.choice(COMPLIMENTS)
    return f"{opening} {summary}" if summary else opening


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
