"""Plain-language cues that decide or support a head: formal request, escalation, advocate, who is writing.

Each function takes *normalised* text (see triage.normalise) and returns short cue names,
never stretches of the person's words. Standard library only.
"""
import re

from triage.normalise import sentences

# --- Category -------------------------------------------------------------------------------------

_ESCALATION = (
    ("asks for stage two or three", r"\bstage (?:2|two|3|three)\b"),
    ("mentions a review panel", r"\b(?:review|complaints?) panel\b|\bpanel (?:hearing|review)\b"),
    ("mentions the Ombudsman", r"\bombudsman\b|\blgsco\b|\blgo\b"),
    ("asks for an independent investigation", (r"\bindependent (?:investigation|investigator)\b"
     r"|\bsomeone (?:else )?(?:independent|higher up|who does not work)\b|\bsomeone else (?:to )?look at it\b"
     r"|\b(?:looked at|look at it) again by someone\b")),
    ("asks to escalate", (r"\bescalat\w* (?:my |the |this |our )?(?:complaint|it|matter|this)\b"
     r"|\b(?:want|like|wish|ask|asking|request\w*|please|to be|be) (?:for )?(?:it |this |my complaint )?(?:to be )?"
     r"escalat\w*|\bescalation\b")),
    ("takes an earlier complaint further", (r"\b(?:take|taking|took|go|going) (?:it|this|my complaint|the complaint"
     r"|the matter|things|our complaint) (?:further|higher|to the next stage)\b|\bnext stage\b"
     r"|\bcomplain again but higher\b|\bhigher up\b")),
    ("refers to the response to an earlier complaint",
     (r"\b(?:response|reply|answer|outcome|letter|findings|adjudication|report|answered|responded|responding|upheld)"
     r"(?: \w+){0,4} (?:to|about|on|regarding|of) (?:my|our|the|her|his) (?:\w+ ){0,2}complaint\b"
     r"|\bcomplaint (?:response|reply|answer|outcome|outcome letter|ref\w*|was (?:not |partly |partially )?upheld"
     r"|(?:is|was) (?:not |partly |partially )?upheld)\b|\bstage (?:1|one) (?:response|reply|outcome|letter|findings)\b"
     r"|\b(?:not|partly|partially) upheld\b|\bcf-\d")),
    ("says they complained before", (r"\b(?:i|we|she|he) (?:already |previously )?complained (?:in|last|before|about "
     r"this before|already|\d+ (?:weeks|months) ago|(?:two|three|four|six|a few) (?:weeks|months) ago|to (?:new futures"
     r"|you|the council)|because|about)\b|\b(?:my|our|the) (?:previous|earlier|last|original|first|stage (?:1|one))"
     r" complaint\b|\bsame complaint\b|\bmy complaint from\b|\bno (?:reply|response) to my complaint\b")),
)
_ESCALATION_RE = tuple((name, re.compile(pattern)) for name, pattern in _ESCALATION)

_FORMAL_REQUEST = re.compile(
    r"\b(?:make|making|made|put in|putting in|raise|raising|lodge|lodging|log|register|submit|file|start|treat this as)"
    r"(?: \w+){0,2} (?:formal |official |stage (?:one|1) )?complaint\b"
    r"|\b(?:formal|official) complaint\b|\bstage (?:one|1) complaint\b"
    r"|\b(?:i|we|she|he|they|daughter|son) (?:\w+ ){0,2}(?:want|wants|wish|wishes|would like|need|am going|are going"
    r"|writing|ringing|calling|have decided|has decided|decided)(?: \w+){0,2} (?:to )?complain\w*\b"
    r"|\b(?:i am|we are|i|we) (?:making a |writing to |ringing to |calling to )?complaining\b"
    r"|\b(?:this is|accept this as|treat this as|log this as) (?:a |my |our )?(?:formal |stage (?:one|1) )?complaint\b"
    r"|\bcomplaint please\b|^complaint\b|\bmy complaint (?:is|concerns|relates|regards)\b|\bwant to complain\b"
    r"|\bwish to complain\b|\bi complain\b|\bcomplaint about\b|\bcomplain about\b")

_DECLINES_FORMAL = re.compile(
    r"\bnot (?:a|making a|wanting (?:a|to make a)|looking to make a|after a|raising a)(?: formal| big| official)?"
    r" complaint\b|\b(?:do not|did not|does not) want (?:to make |to put in |to raise |it to be )?(?:a |this as a )?"
    r"(?:big |formal |official )?complain\w*|\bwithout (?:making )?a (?:formal )?complaint\b|\bnot wanting "
    r"(?:a )?formal complaint\b|\bnot complaining\b|\bnot (?:a|the) complaint\b|\bnot a big complaint\b"
    r"|\bjust a query\b|\bnot to complain\b|\bcomplain as such\b|\bnot wanting to make a big complaint\b")

_THANKS = re.compile(r"\b(?:thank|thanks|thankyou|grateful|compliment|brilliant|amazing|fantastic|wonderful|star"
                     r"|legend|lifeline|appreciate\w*|shoutout|praise)\b")
_PROBLEM = re.compile(r"\b(?:only (?:thing|moan|hiccup|issue|problem|niggle|downside)|small thing|one thing|however"
                      r"|although|did have to|except|apart from|complain\w*|late|chase\w*|cancel\w*|bad|wrong|poor"
                      r"|shame|would help|suggestion|hiccup|niggle|broke|frustrat\w*|disappoint\w*|slow)\b")


def escalation_cues(text: str) -> list[str]:
    """Name the cues showing that `text` is about an earlier complaint's response."""
    return [name for name, pattern in _ESCALATION_RE if pattern.search(text)]


def asks_for_formal_complaint(text: str) -> bool:
    """True when the person says they want to complain (their right), and does not say the opposite."""
    if _DECLINES_FORMAL.search(text):
        return False
    return bool(_FORMAL_REQUEST.search(text))


def declines_formal_complaint(text: str) -> bool:
    """True when the person says this is not a formal complaint."""
    return bool(_DECLINES_FORMAL.search(text))


def mixed_praise(text: str) -> bool:
    """True when thanks and a problem appear together ("great worker, only thing is ...")."""
    return bool(_THANKS.search(text)) and bool(_PROBLEM.search(text))


# --- Advocate -------------------------------------------------------------------------------------

_ADVOCATE_WORD = re.compile(r"\b(?:advocate|advocates|advocacy|nyas|coram(?: voice)?|interpreter)\b")
_ADVOCATE_ASK = re.compile(
    r"\b(?:want|wants|wanted|need|needs|like|can (?:i|we|he|she|you)|could (?:i|we|you|someone)|get|have|arrange\w*"
    r"|help\w*|support\w*|with (?:my|an|the|help)|from|referral|request\w*|ask\w*|please|pls|come|bring|do (?:i|we)"
    r"|is there|cost|written with|writing with|on behalf|through|who does|via me|on my side)\b")
_ADVOCATE_DECLINED = re.compile(r"\b(?:do not|did not|does not|not) (?:need|want) (?:an? |one|it|any|advocacy"
                                r"|advocate)|\bdo not want one\b|\bno advocate\b|\bdo not need (?:an advocate|one)\b")
_ADVOCATE_FOR_OTHERS = re.compile(r"\badvocat\w* for (?:the )?(?:children|kids|young people|them|families|her|him"
                                  r"|the child)\b|\badvocating\b|\badvocated\b|\bfierce advocate\b")
_HELP_TO_COMPLAIN = re.compile(
    r"\b(?:someone|somebody|a person|an independent person|anyone) (?:to |who can |that can |who could )?(?:help"
    r"|support"
    r"|speak|talk|stand up|be on my side|on my side|come)(?: \w+){0,4} (?:complain\w*|complaint|for me|on my side"
    r"|my side|meeting with me|with me)\b|\bhelp (?:me |us |him |her )?(?:to )?(?:write|make|put|say|with|do) "
    r"(?:\w+ ){0,2}(?:complaint|it in writing|what i want|this|it)\b|\bon my side\b|\bspeak for me\b"
    r"|\bsomeone to help me\b|\bhelp me (?:complain|ask)\b|\bsupport (?:me )?(?:with|to make|to write|through) "
    r"(?:the |my |this |a )?complaint\b|\bsomeone to speak for\b")


def advocate_cues(text: str) -> list[str]:
    """Name the cues showing the person asks for (or already has) an advocate; empty if none or declined."""
    cues = []
    for sentence in sentences(text):
        if _ADVOCATE_DECLINED.search(sentence):
            return []
        if _ADVOCATE_WORD.search(sentence) and not _ADVOCATE_FOR_OTHERS.search(sentence) \
                and _ADVOCATE_ASK.search(sentence):
            cues.append("asks for an advocate")
        elif _HELP_TO_COMPLAIN.search(sentence):
            cues.append("asks for help to make the complaint")
    return sorted(set(cues))


def declines_advocate(text: str) -> bool:
    """True when the person says they do not want an advocate."""
    return bool(_ADVOCATE_DECLINED.search(text))


# --- Who is writing -------------------------------------------------------------------------------

_OTHER_PEOPLE = (r"grandmother|grandfather|grandma|grandad|granddad|grandparents?|nan|nana|gran|aunt|auntie|uncle"
                 r"|great aunt|great uncle|godmother|godfather|neighbour|family friend|friend of the family|step-?grand"
                 r"\w*|paternal \w+|maternal \w+|teacher|headteacher|head of year|senco|dsl|designated safeguard"
                 r"ing lead"
                 r"|gp|doctor|health visitor|school nurse|nurse|police officer|pcso|youth worker|coach|childminder"
                 r"|councillor|mp|independent visitor|volunteer|taxi driver|bus driver|dance teacher|camhs \w+"
                 r"|family support worker|practitioner|chair of|dads sister|mums sister|dads brother|mums brother"
                 r"|childrens guardian|guardian in the proceedings|youth justice officer|school|charity")

_ROLES = (
    ("care_leaver", "says they are a care leaver",
     (r"\bcare leavers?\b|\b(?:i|we) (?:have )?left care\b|\bleaving care (?:grant|interview|team)\b"
     r"|\bmy (?:pa|personal advis[eo]r)\b|\bmy (?:staying put|setting up home)\b"
     r"|\bnew futures (?:team )?(?:helped|got|said|would|wont|will"
     r"|refus\w*)\b|\b(?:when i was|i was) in care\b|\bformer foster carers\b")),
    ("special_guardian", "says they are a special guardian",
     r"\bspecial guardian\w*|\bsgo\b|\bguardianship order\b"),
    ("adoption", "says they are affected by adoption",
     (r"\b(?:we|i) (?:have )?adopted\b|\b(?:i was|i am|was|were) adopted\b|\badopt(?:ive|er|ers)\b|\bbirth (?:mum"
     r"|mother|dad|father|parent)s?\b(?: of| whose| here)|\b(?:i am|i|am) (?:a |the )?birth (?:mum|mother|dad|father"
     r"|parent)\b|\bmy adopted\b|\bour adopted\b|\b(?:apply|applied|applying|want|wanted) to adopt\b|\badopted "
     r"(?:adult|person|young person|child)\b|\bto adopt\b")),
    ("foster_carer", "says they are a foster carer",
     (r"\b(?:i am|we are|we have been|i have been|as|were|im) (?:a |an |the |his |her |their |experienced "
     r"|local authority |agency |ifa |connected |kinship )*(?:foster (?:carer|carers|parent|parents|family)"
     r"|connected carers?|ifa carers?)\b"
     r"|\b(?:we|i) (?:have )?foster(?:ed)?\b|\bfostered for\b|\bour (?:foster (?:son|daughter|child|children|placement"
     r"|kids?|boy|girl)|fostering allowance|supervising social worker|placement)\b|\bthe (?:child|children|young person"
     r"|boy|girl|little one|siblings?|little boy|little girl|\w+ year old|\d+ year old)(?: \w+)? (?:we|i) (?:foster"
     r"|look after|care for|cared for|looked after)\b|\b(?:in|placed in|placed with) our care\b|\bplaced with us\b"
     r"|\bmy supervising social worker\b|\bas (?:his|her|their) carers\b")),
    ("child_or_young_person", "says they are a child or young person",
     (r"\b(?:i am|im) (?:1[0-7]|[5-9])(?: years old)?\b|\bmy (?:foster (?:carer|carers|mum|dad|family|home|placement"
     r"|parents)|carers|key ?worker|iro|advocate|review|placement plan|home)\b|\b(?:i am|i have been|i live|i was"
     r" placed) (?:in care|in foster care|in a childrens home|with foster carers|at the home)\b"
     r"|\b(?:staff|kids|lads) at (?:my|the) home\b|\bthe home i am in\b|\bat school\b.*\bmy social worker\b")),
    ("other", "says they write for someone else",
     r"\b(?:i am|im|i work as|as|we are|as a|on behalf of|writing as)(?: a| an| the| their| his| her| the childrens"
     r"| one of the)* (?:" + _OTHER_PEOPLE + r")\b|^(?:caller is (?:a |the )?)?(?:" + _OTHER_PEOPLE + r") (?:ran"
                                                                                                      r"g|called"
     r"|phoned|reports|says|asked)\b|\bi (?:am|work) (?:in|at) (?:a|the) (?:school|takeaway|college)\b"
     r"|\bon behalf of (?:a|my client|my constituent|a constituent|several)\b|\bmy (?:client|constituent|pupil|p"
     r"layer)s?\b"),
    ("parent_or_carer", "says they are a parent",
     (r"\bmy (?:son|daughter|sons|daughters|child|children|kids?|boy|girl|baby|little (?:one|boy|girl)|toddler|lad"
     r"|eldest|youngest|twins|little ones)\b|\bour (?:son|daughter|sons|daughters|children|kids|child|little one)\b"
     r"|\b(?:i am|im|as) (?:his|her|their|the) (?:mum|mother|dad|father|parent)\b|\b(?:mother|father|mum|dad) of\b"
     r"|^(?:mum|dad|mother|father|parent|parents) (?:rang|called|phoned|states|reports|says|wants|asked|asking)\b"
     r"|\bmummy\b")),
    ("other", "says they write for a relative",
     r"\bmy (?:grandson|granddaughter|grandchildren|grandkids|grandchild|niece|nephew|nieces|nephews|great-?\w+)\b"),
)
_ROLES_RE = tuple((role, reason, re.compile(pattern)) for role, reason, pattern in _ROLES)


def role_cue(text: str) -> tuple[str, str] | None:
    """Return (role id, reason) for the first clear statement of who is writing, or None."""
    for role, reason, pattern in _ROLES_RE:
        if pattern.search(text):
            return role, reason
    return None
