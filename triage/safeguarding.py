"""Rule-based detection of a disclosure that a child may be at risk of harm.

Standard library only: the chat assistant's action server (Python 3.10, no scikit-learn)
imports this module to spot disclosures while a young person is still typing to it.

Recall comes first. A missed disclosure can leave a child at risk, while a false alarm
costs a duty officer a few minutes, so the patterns are broad and only a few clear
figures of speech ("that hurt my feelings", "this wait is killing me") and disputes
about what a record says ("the report accuses me of hitting him, which is untrue") are
excluded. triage() adds a model on top: either can raise the flag.
"""
import re
from dataclasses import dataclass

from triage.normalise import normalise, sentences

__all__ = ["detect_safeguarding"]

_PERSON = (r"(?:me|us|him|her|them|mum|dad|nan|my (?:\w+ )?(?:son|daughter|child|children|kids?|brother|sister|baby"
           r"|mum|dad|boy|girl|sons|daughters|brothers|sisters|little one|nephew|niece|grandson|granddaughter))")

# A sentence that reports or disputes an allegation ("accused me of hitting him", "the minutes say
# there was domestic abuse, which is untrue") is a complaint about a record, not a new disclosure.
_CONTESTED = re.compile(
    r"\b(?:accus\w*|alleg\w*|untrue|not true|false\w*|lies|lying|lied|claim\w*|disput\w*|disagree\w*|do not agree|"
    r"said (?:that )?i (?:was|am|had|have)|says (?:that )?i (?:was|am|had|have)|minutes (?:say|said|state)|"
    r"report (?:says|said|states)|plan (?:says|lists|still lists)|referred to|in my file|on my file|"
    r"never (?:hit|hurt|touched|smacked)|has not had a drink|no concerns)\b")

# Figures of speech that sit just before a harm word: "it hurt me", "the decision killed me".
_FIGURATIVE_SUBJECT = (
    r"\b(?:it|its|this|that|which|what|decision|closure|news|delay|delays|wait|waiting|process|cut|cuts|change"
    r"|changes|comment|comments|remark|words|letter|paperwork|stress|meeting|response|reply)"
    r"(?: (?:really|is|was|are|were|has|have|had|so|just|deeply|truly|totally|properly|honestly|literally|been"
    r"|slowly|actually))*\s*$")


@dataclass(frozen=True)
class _Rule:
    evidence: str
    pattern: re.Pattern
    contestable: bool = False
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None


def _rule(evidence: str, pattern: str, *, contestable: bool = False, not_before: str | None = None,
          not_after: str | None = None) -> _Rule:
    return _Rule(evidence, re.compile(pattern), contestable,
                 re.compile(not_before) if not_before else None, re.compile(not_after) if not_after else None)


_RULES = (
    # Suicidal thoughts.
    _rule("mentions suicidal thoughts", r"\b(?:kill|killing|killed|end|ending|take|taking|took) (?:my ?self|my own life"
          r"|my life|themselves|himself|herself)\b", not_after=r"^\s*story"),
    _rule("mentions suicidal thoughts", r"\bsuicid\w*"),
    _rule("mentions suicidal thoughts", r"\b(?:want|wanting|wanted|wish|wishing|going|trying) to (?:die|be dead"
          r"|disappear|not (?:be here|exist|wake up|be alive))\b"),
    _rule("mentions suicidal thoughts", r"\bwish (?:i|that i) (?:was|were|had) (?:dead|not (?:alive|here|born)"
          r"|never been born|gone)\b"),
    _rule("mentions suicidal thoughts", r"\b(?:do not|not|never) want to (?:be alive|live|be here|wake up)\b"),
    _rule("mentions suicidal thoughts", r"\b(?:better off (?:dead|without me)|end it all|ending it all|no point "
          r"(?:in )?(?:living|being alive|going on)|if i (?:was|were) gone|do something stupid|want it all to stop"
          r"|cannot keep going|(?:about|of) ending it)\b|\bcannot go on(?! (?:the|a|an|my|his|her|holiday|trips?"
          r"|school))"
          r"\b"),
    _rule("mentions suicidal thoughts", r"\bkill yourself\b"),
    _rule("mentions suicidal thoughts", r"\b(?:going to|want to|will|might|about to) end it\b(?! with| there)"
          r"|\b(?:goodbye|suicide) (?:note|letter)\b|\bjump (?:off|in front of) (?:a |the |that )?(?:bridge|train"
          r"|building|roof|car|cliff|bus|lorry|multi ?storey)\b"),
    # Self-harm.
    _rule("mentions self-harm", r"\bself[ -]?harm\w*"),
    _rule("mentions self-harm", r"\b(?:cut|cuts|cutting|scratch\w*|burn\w*|hurt|hurts|hurting|harm|harming|hit|hitting"
          r"|starv\w*|punish\w*) (?:my ?self|myself|herself|himself|themselves|themself|(?:my|her|his|their) (?:arms?"
          r"|wrists?|legs?|skin|thighs?))\b"),
    _rule("mentions self-harm", r"\b(?:overdos\w*|(?:took|take|taking|swallowed|swallow) (?:\w+ ){0,3}(?:tablets|pills"
          r"|paracetamol))\b"),
    _rule("mentions self-harm", r"\b(?:not (?:eating|eaten|eat) for (?:days|weeks)|make my ?self sick|making my ?self"
          r" sick)\b"),
    # Physical violence and threats.
    _rule("mentions physical violence", r"\b(?:hit|hits|hitting|punch\w*|kick|kicks|kicked|kicking|slap\w*|beat|beats"
          r"|beating|beaten|batter\w*|smack\w*|chok\w*|strangl\w*|throttl\w*|whack\w*|hurt|hurts|hurting|bit|bites"
          r"|burnt|burned|attacked|attacks|threw (?:\w+ ){0,2}at|chucks? (?:\w+ ){0,2}at|throws? (?:\w+ ){0,2}at) "
          + _PERSON + r"\b", contestable=True, not_before=_FIGURATIVE_SUBJECT,
          not_after=r"^\s*(?:hard|off|up (?:on|with)|inside|to hear|to see|to read|when (?:i|we) (?:read|heard))"),
    _rule("mentions physical violence", r"\b(?:pushed|shoved|dragged|grabbed|held|hold|holds) (?:me|him|her|us|them)"
          r"(?: \w+){0,2} (?:down|over|into|against|by the|and hit|the stairs|up against)\b", contestable=True),
    _rule("mentions physical violence", r"\bgrabbed (?:me|my (?:arm|neck|throat|hair|wrist)|him|her)\b"),
    _rule("mentions physical violence", r"\b(?:got|get|been|was|were|being|gets) (?:hit|punched|beaten|beat up"
          r"|battered|attacked|assaulted|stabbed|jumped|kicked|slapped)\b"),
    _rule("mentions physical violence", r"\b(?:beat|beats|beaten|beating) (?:\w+ )?up\b", contestable=True),
    _rule("mentions physical violence", r"\b(?:violen\w*|domestic abuse|dv|assault\w*)\b",
          contestable=True),
    _rule("mentions injuries", r"\b(?:bruis\w*|black eye|stitches|marks on (?:his|her|their|my) \w+|unexplained "
          r"(?:injur\w*|marks?)|swollen|cut above)\b", contestable=True),
    _rule("mentions restraint by staff", r"\brestrain\w*"),
    _rule("mentions a weapon", r"\b(?:knife|knives|blade|machete|stab|stabbed|stabbing|gun|weapon)\b"),
    _rule("mentions threats of harm", r"\bthreat\w* (?:\w+ ){0,2}(?:to |with )?(?:kill|hurt|stab|beat|harm|batter"
          r"|smash|a knife|take (?:me|him|her|them|the (?:kids|children)) and)\b"),
    _rule("mentions threats of harm", r"\b(?:come and get|take|taking) (?:me|him|her|them) away\b|\bcome and get me\b"
          r"|\bthreat\w* to (?:take|snatch|grab) (?:me|him|her|them)\b"
          r"|\b(?:are|is) after (?:me|him|her|us)\b"),
    _rule("mentions threats of harm", r"\b(?:kill|stab|batter|smash|hurt|harm) (?:me|us|you|him|her|them|my (?:\w+ )?"
          r"(?:mum|dad|son|daughter|kids|children|family|brother|sister)) (?:if|when|next|in)\b"),
    _rule("mentions threats of harm", r"\b(?:kill|killing|killed) (?:me|us|him|her|them|the (?:kids|children|baby)"
          r"|my (?:\w+ )?(?:son|daughter|kids|children|mum|baby))\b",
          not_before=_FIGURATIVE_SUBJECT + r"|\b(?:is|are|was|its)\s*$",
          not_after=r"^\s*inside"),
    # Sexual harm.
    _rule("mentions sexual abuse", r"\b(?:touch|touches|touched|touching) (?:me|him|her|them|my|us)\b",
          not_before=r"\b(?:in|keep|get|got|stay|kept) (?:\w+ )?$|" + _FIGURATIVE_SUBJECT,
          not_after=r"^\s*(?:heart|hearts|soul)", contestable=True),
    _rule("mentions sexual abuse", r"\b(?:sexual\w*|sexually|rape|raped|raping|molest\w*|grope\w*|groped|indecent\w*"
          r"|nudes?|naked|private parts|for sex|have sex|had sex|sex with)\b", contestable=True,
          not_before=r"\bnon[- ]?$"),
    _rule("mentions abuse", r"\babus(?:e|ed|es|ing|ive)\b|\bphysical(?:ly)? (?:abus|hurt|harm|violen|punish"
          r"|chastis)\w*",
          contestable=True, not_before=r"\bnot\s*$",
          not_after=r"^\s*of (?:power|process|position|authority|the system|trust)"),
    _rule("mentions sexual abuse", r"\b(?:ask\w* (?:me )?for|wants?|sends? me|sent me|send (?:him|her|them)|sending "
          r"(?:him|her|them)|post (?:my|her|his)) (?:\w+ )?(?:pics|nudes|videos|vids|photos)\b"),
    _rule("mentions sexual abuse", r"\b(?:pics|pictures|photos|videos) of me\b"),
    _rule("mentions sexual abuse", r"\b(?:make|makes|made|making) me do (?:stuff|things|stuff to|things to)\b"),
    _rule("mentions sexual abuse", r"\b(?:comes?|came|coming) (?:in|into) (?:my|our|her|his) (?:bed)?room at night"
          r"|(?:get|got|getting) in (?:the )?(?:shower|bath|bed) with me|sit on his (?:knee|lap)|(?:our|a) (?:little )?"
          r"secret\b|keep (?:it )?(?:a )?secret|not to tell (?:anyone|my mum|my dad|you|us|them)|tried to kiss me"
          r"|kiss me\b"),
    # Going missing and having nowhere safe.
    _rule("mentions going missing or running away", r"\b(?:ran|run|running|runs|runaway) (?:away|off)\b"),
    _rule("mentions going missing or running away", r"\b(?:went|gone|goes|going|go|been|was|is|reported|keeps going"
          r"|keep going) missing\b", not_before=r"\b(?:clothes|letters?|paperwork|documents?|pages|forms?|money"
          r"|items|things|stuff|files?|post|parcels?|photos)(?: \w+){0,2}\s*$"),
    _rule("mentions going missing or running away", r"\bmissing (?:from (?:home|care|placement|the home|school|her "
          r"placement|his placement)|overnight|since|for (?:\d+|two|three|several|a few) (?:days|nights|hours))\b"),
    _rule("mentions going missing or running away", r"\b(?:did not|never|not) (?:come|came) home\b|\b(?:did not|not)"
          r" come back (?:till|until|last night|all night|for)\b|\b(?:have not|not) "
          r"been (?:back|home) (?:to|for)\b|\bstay(?:ed|ing|s)? out (?:all night|overnight|till|until)\b|\bclimbed "
          r"out (?:of )?(?:the|my) window\b|\bleft (?:my|the|her|his) placement\b|\bout all night\b"),
    _rule("mentions having nowhere safe to stay", r"\b(?:sleeping|slept|sleep) (?:rough|on the streets?|in (?:my|a|the)"
          r" car|at different|on (?:friends|peoples|mates))\b|\bnowhere (?:safe |else )?to (?:go|sleep|stay|live)\b"
          r"|\b(?:kicked|thrown|chucked) out(?! of (?:school|college|class|the club))\b|\bhomeless\b"),
    # Exploitation.
    _rule("mentions exploitation", r"\b(?:county lines|cuckoo\w*|trap house|groom\w*|exploit\w*|cse|cce|drug deal\w*"
          r"|dealing drugs|sell drugs|selling drugs)\b"),
    _rule("mentions exploitation", r"\b(?:carry|carrying|hold|holding|drop(?:ping)? off|take|taking|deliver\w*|move"
          r"|moving) (?:\w+ ){0,2}(?:stuff|packages?|parcels?|bags?|drugs)(?: for| to| off| around)?\b"
          r"|\b(?:stuff|things|bags?|packages?|parcels?) to (?:carry|take|drop|hold|deliver)\b",
          not_after=r"^\s*(?:to school|to contact|home)"),
    _rule("mentions exploitation", r"\b(?:owe|owes|owed|owing) (?:them|him|some (?:lads|boys|men|people)|people|money"
          r" to)\b|\bsay (?:i|he|she) owes?\b|\bin debt to\b"),
    _rule("mentions exploitation", r"\bolder (?:boys|lads|men|man|guys|males|people)\b|\bmen much older\b"),
    _rule("mentions exploitation", r"\bgives? (?:me|her|him|them) (?:money|weed|drugs|vapes|lifts|cash|drink|alcohol"
          r"|phones?|things)\b|\bgave (?:me|her|him|them) (?:money|weed|drugs|vapes|cash|drink|alcohol)\b"),
    _rule("mentions exploitation", r"\b(?:man|men|guy|someone|person|people|lad|boy) (?:i|she|he) met online\b"
          r"|\bmet (?:\w+ ){0,2}online\b|\b(?:guy|man|someone|person|bloke|men) online\b|\bwants? (?:me |her |him )?"
          r"to meet (?:him|her|up)\b|\bpay (?:me|her|him) (?:if|to)\b|\b(?:being paid|pays? (?:me|him|her)) to\b"),
    _rule("mentions exploitation", r"\b(?:comes?|came|coming) (?:back|home) with (?:new )?(?:phones?|money|cash|"
          r"clothes|trainers|things)\b|\b(?:boyfriend|girlfriend) (?:is|who is) (?:1[89]|[2-9]\d)\b"
          r"|\b(?:make|makes|made|making) me (?:nick|steal|shoplift|sell|carry|hold)\b|\bnick stuff\b"),
    _rule("mentions drugs or alcohol around a child", r"\b(?:gave|gives|give|giving) (?:me|us|her|him) (?:drink|drugs"
          r"|weed|alcohol|pills)\b|\b(?:drunk|wasted|off (?:his|her|their) face|high on|using again)\b",
          contestable=True),
    # Feeling unsafe.
    _rule("says they feel unsafe", r"\b(?:do not|not|never) (?:feel|feeling|felt) safe\b|\bunsafe\b|\bnot safe\b"
          r"|\b(?:living|live|lived) in fear\b"),
    _rule("says they feel unsafe", r"\b(?:scared|frightened|afraid|terrified|petrified) (?:of (?:him|her|them|my|the"
          r" other|one of|his|her)|to (?:go|be|leave|walk|sleep|come) (?:home|back|out|there|on my own|the house"
          r")|for (?:her|him"
          r"|them|my|the (?:kids|children)|their)|at night)\b"),
    _rule("says they feel unsafe", r"\b(?:do not|not) want to (?:go|be) (?:home|back)\b"
          r"|\bwe are scared\b|\b(?:kids|children) are scared\b"),
    # Neglect.
    _rule("mentions neglect", r"\bno food\b|\b(?:have not|not|never) (?:been )?(?:fed|eaten)\b|\b(?:left|leaves?"
                              r"|leaving) "
          r"(?:me |him |her |them |us |the kids |the children )?(?:alone|on (?:their|his|her|my|our) own|home alone)\b"
          r"|\b(?:bed|school) hungry\b|\blocks? the fridge\b|\bneglect(?:ed|ing)?\b|\b(?:lock|locks|locked) (?:m"
          r"e|him|her"
          r"|them|us) (?:in|out)\b|\b(?:sleep|sleeping) in the shed\b|\b(?:do not|does not|not) get (?:tea|fed"
          r"|dinner|food)\b|\b(?:have|has) to look after (?:my )?(?:mum|dad|(?:little )?(?:brothers?|sisters?|si"
          r"blings))\b"
          r"|\bi (?:feed|look after) my (?:little )?(?:brothers?|sisters?)\b"
          r"|\b(?:have not|has not|not) (?:had|eaten) (?:any )?(?:tea|food|dinner|breakfast|lunch"
          r"|anything to eat)\b(?! (?:menus?|money|vouchers?))"
          r"|\bnothing to eat\b", contestable=True,
          not_after=r"^\s*(?:to|my complaint|our complaint)"),
)


def _first_hit(rule: _Rule, sentence: str) -> str | None:
    for match in rule.pattern.finditer(sentence):
        before, after = sentence[:match.start()], sentence[match.end():]
        if rule.not_before is not None and rule.not_before.search(before[-60:]):
            continue
        if rule.not_after is not None and rule.not_after.search(after[:30]):
            continue
        return match.group(0)
    return None


def _cue(text: str) -> str:
    words = text.split()
    return " ".join(words[:4])[:40]


def detect_safeguarding(text: str) -> list[str]:
    """Return short evidence phrases for any disclosure of risk of harm in `text`; empty if none."""
    evidence: list[str] = []
    seen: set[str] = set()
    for sentence in sentences(normalise(text)):
        contested = bool(_CONTESTED.search(sentence))
        for rule in _RULES:
            if rule.evidence in seen or (rule.contestable and contested):
                continue
            cue = _first_hit(rule, sentence)
            if cue:
                seen.add(rule.evidence)
                evidence.append(f'{rule.evidence} ("{_cue(cue)}")')
    return evidence
