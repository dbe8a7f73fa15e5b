"""Text normalisation shared by the rules and the model. Standard library only.

Young people and parents write "dont", "u", "kms", "sw" and "wanna"; letters write
"do not", "you" and "social worker". Normalising both to one spelling lets a short
list of rules and a small model see them as the same thing.
"""
import re

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-"})

# Whole-token replacements. Only tokens that are unambiguous in this setting are listed:
# "ill" (sick) and "shed" (a garden shed) are deliberately left alone.
SLANG = {
    "u": "you", "ya": "you", "ur": "your", "r": "are", "y": "why", "im": "i am", "ive": "i have",
    "dont": "do not", "dnt": "do not", "doesnt": "does not", "didnt": "did not", "cant": "cannot", "cnt": "cannot",
    "wont": "will not", "isnt": "is not", "wasnt": "was not", "arent": "are not", "werent": "were not",
    "havent": "have not", "hvnt": "have not", "hasnt": "has not", "hadnt": "had not", "couldnt": "could not",
    "wouldnt": "would not", "shouldnt": "should not", "aint": "is not", "nt": "not",
    "wanna": "want to", "wana": "want to", "wannna": "want to", "gonna": "going to", "gunna": "going to",
    "gona": "going to", "gotta": "got to", "hes": "he is", "shes": "she is", "theyre": "they are",
    "theyll": "they will", "theyd": "they would", "youll": "you will", "hell": "he will", "hed": "he would",
    "thats": "that is", "whats": "what is", "wheres": "where is", "theres": "there is",
    "coz": "because", "cos": "because", "cuz": "because", "bc": "because", "becuz": "because", "becos": "because",
    "bcoz": "because", "pls": "please", "plz": "please", "plse": "please", "thx": "thanks",
    "thnx": "thanks", "ty": "thank you", "sw": "social worker", "sws": "social workers",
    "socialworker": "social worker",
    "mam": "mum", "mom": "mum", "mams": "mums", "moms": "mums", "mummy": "mum", "ppl": "people", "wat": "what",
    "wot": "what", "wen": "when", "dat": "that", "tho": "though", "thru": "through", "rn": "right now",
    "atm": "at the moment", "tbh": "to be honest", "ngl": "not going to lie", "idk": "i do not know",
    "dunno": "do not know", "kms": "kill myself", "kys": "kill yourself", "unalive": "kill", "sh": "self harm",
    "selfharm": "self harm", "od": "overdose", "oded": "overdosed", "bf": "boyfriend", "gf": "girlfriend",
    "b4": "before", "2day": "today", "2moro": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow", "2nite": "tonight",
    "2night": "tonight", "nite": "night", "gr8": "great", "m8": "mate", "l8": "late", "skl": "school",
    "skool": "school", "sum1": "someone", "some1": "someone", "no1": "no one", "any1": "anyone",
    "every1": "everyone", "evry1": "everyone", "lyk": "like", "wiv": "with", "wid": "with", "ov": "of",
    "yrs": "years", "yr": "year", "yo": "years old", "rly": "really", "realy": "really", "abt": "about",
    "msg": "message", "msgs": "messages", "txt": "text", "txts": "texts", "avocate": "advocate",
    "advokate": "advocate", "advocat": "advocate", "advacate": "advocate", "advicate": "advocate",
}

_TOKEN = re.compile(r"[a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_AGE = re.compile(r"\b(\d{1,2})\s*(?:yo|y/o|yrs? old|yr old|year old|years old)\b")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return lower-case text with apostrophes dropped, long letter runs shortened and slang expanded."""
    lowered = (text or "").translate(_QUOTES).lower()
    lowered = _REPEATS.sub(r"\1\1", lowered)
    lowered = _AGE.sub(r"\1 years old", lowered)
    lowered = lowered.replace("'", "")
    expanded = _TOKEN.sub(lambda match: SLANG.get(match.group(0), match.group(0)), lowered)
    return _SPACES.sub(" ", expanded).strip()


def sentences(normalised: str) -> list[str]:
    """Split normalised text into rough sentences (on . ! ? ; and line breaks)."""
    return [part.strip() for part in re.split(r"[.!?;\n]+", normalised) if part.strip()]
