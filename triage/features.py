"""Turn normalised text into the sparse features every head shares."""
import re
import weakref

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from triage.normalise import normalise

# Word lists for things a few hundred examples cannot teach by themselves: that a message
# about bins, potholes or a GP is out of scope even when no training example mentioned
# that service, and which words usually signal each complaint type. Each list becomes one
# count feature; the model learns how much to trust it.
LEXICONS = {
    "social_care": r"social workers?|contact|family time|foster\w*|care plan|in care|looked after|care leavers?"
                   r"|personal advis[eo]r|\bpa\b|pathway plan|new futures|\biro\b|reviewing officer|reviews?"
                   r"|conference|child protection|core group|\bplo\b|care proceedings|court|section (?:7|17|20|47)"
                   r"|assessments?|early help|front door|\bmash\b|family hub|referrals?|short breaks?|respite"
                   r"|direct payments?|disability (?:team|service)|childrens home|the home|key ?worker|residential"
                   r"|\bgraft\b|adopt\w*|special guardian\w*|\bsgo\b|kinship|connected carers?|placements?"
                   r"|supervising social worker|letterbox|advocate|childrens services|social services|social care"
                   r"|child in need|duty team|strategy meeting|safeguarding|care order|leaving care|staying put"
                   r"|family support worker|youth worker|carers?\b",
    "out_of_scope": r"\bbins?\b|recycling|\btip\b|fly ?tipping|potholes?|street ?lights?|lamp ?post|pavement"
                    r"|footpath|parking|traffic warden|council tax|housing benefit|universal credit|\bdwp\b"
                    r"|job ?centre|council house|housing (?:officer|application|list)|landlord|boiler|planning"
                    r"|licen[cs]e|library|leisure centre|swimming|play ?park|allotments?|public toilets|noise"
                    r"|\bdogs?\b|pest control|fox(?:es)?|gulls?|seagulls|cemetery|trees|grass|admissions?"
                    r"|excluded|exclusion|teachers?|headteacher|uniform|detention|academy|\bsen\b|senco|ehcp"
                    r"|school transport|bus pass|isolation|attendance|\bnhs\b|\bgp\b|hospital|a and e|camhs"
                    r"|dentist|health visitor|school nurse|police|adult social care|care home|blue badge"
                    r"|bus route|register a birth|registrars|food bank|cabinet|water|graffiti|roadworks"
                    r"|the school|schools|nursery funding|free school meals|electric bill|rent\b|wrong number"
                    r"|different council|another council|neighbouring council",
    "thanks": r"thank\w*|grateful|compliment\w*|brilliant|amazing|fantastic|wonderful|lovely|star\b|legend|lifeline"
              r"|appreciat\w*|shout ?out|kind(?:ness)?|helpful|best",
    "decision": r"decid\w*|decision|refused|refusal|turned down|not allowed|will not let|wont let|cannot (?:go|have"
                r"|see|live|stay)|said no|stopped (?:my|our|the)|disagree|not fair|unfair|criteria|threshold",
    "records": r"assessment|minutes|plan\b|plans\b|report|records?|notes|file|review(?:ed)?|wrong (?:name|date|school"
               r"|address)|incorrect|inaccurate|errors?|mistakes?|corrected|amend\w*|update\w*|says i|states",
    "attitude": r"rude|shout\w*|swore|swear\w*|laugh\w*|rolled (?:her|his) eyes|patronis\w*|judg\w*|dismissive"
                r"|unprofessional|spoke to me|talks? to me|called me|attitude|smirk\w*|humiliat\w*|disrespect\w*"
                r"|comments?|told me off|sarcastic|cold with",
    "delay": r"still waiting|waiting|delay\w*|months|weeks|since (?:january|february|march|april|may|june|july"
             r"|august|september|october|november|december)|years?|overdue|taking (?:so )?long|chase\w*|still no"
             r"|still not|not yet",
    "missed_service": r"cancel\w*|did not (?:turn up|come|show|happen)|never (?:came|happened|turned up|arrived)"
                      r"|no one came|nobody came|not happened|has not happened|not been arranged|not provided"
                      r"|promised|stopped|no respite|no support|no worker|not delivered",
    "money": r"allowance|money|paid|pay\w*|£|pounds?|quid|costs?|charg\w*|fees?|grant|budget|fund\w*|hours"
             r"|reduced|cut|bursary|rate|expenses|mileage|deposit|afford",
    "communication": r"call(?:s|ed)? back|ring(?:s)? (?:me )?back|return\w* (?:my )?calls?|no reply|not replied"
                     r"|nobody (?:tells|told)|no one (?:tells|told)|not told|not informed|kept informed|update"
                     r"|never (?:texts|emails|rings|answers)|changed (?:again|\d|three|four|five)|new social worker"
                     r"|another social worker|keeps changing|communication",
}

_LEXICON_PATTERNS = tuple(re.compile(rf"(?:{pattern})") for pattern in LEXICONS.values())


class CueCounts(BaseEstimator, TransformerMixin):
    """Count matches of each word list in normalised text, as log(1 + count) features."""

    def fit(self, texts, y=None):
        """Nothing to learn: the word lists are fixed."""
        return self

    def transform(self, texts):
        """Return one row of cue counts per text."""
        rows = [[np.log1p(len(pattern.findall(text))) for pattern in _LEXICON_PATTERNS] for text in texts]
        return sparse.csr_matrix(np.array(rows, dtype=np.float64).reshape(len(rows), len(_LEXICON_PATTERNS)))

    def get_feature_names_out(self, input_features=None):
        """Name each feature after its word list."""
        return np.array([f"cue_{name}" for name in LEXICONS], dtype=object)


_PREPARED: "weakref.WeakKeyDictionary[TfidfVectorizer, tuple]" = weakref.WeakKeyDictionary()


def _prepared(part: TfidfVectorizer) -> tuple:
    """Return the vectoriser's analyser and idf weights, built once per fitted vectoriser."""
    if part not in _PREPARED:
        _PREPARED[part] = (part.build_analyzer(), np.asarray(part.idf_, dtype=np.float64))
    return _PREPARED[part]


def fast_row(vectoriser: FeatureUnion, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (column indices, values) of one text's features, as vectoriser.transform would, without its overhead.

    scikit-learn's per-call input validation and parallel dispatch cost milliseconds for a
    single short text; this does the same arithmetic in plain Python. A test checks both
    give the same numbers.
    """
    indices: list[int] = []
    values: list[float] = []
    offset = 0
    for name, part in vectoriser.transformer_list:
        weight = (vectoriser.transformer_weights or {}).get(name, 1.0)
        if isinstance(part, TfidfVectorizer):
            counts: dict[int, int] = {}
            vocabulary = part.vocabulary_
            analyse, idf = _prepared(part)
            for feature in analyse(text):
                column = vocabulary.get(feature)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            columns = np.fromiter(sorted(counts), dtype=np.int64, count=len(counts))
            tf = np.array([counts[c] for c in columns], dtype=np.float64)
            if part.sublinear_tf:
                tf = np.log(tf) + 1.0
            block = tf * idf[columns]
            norm = np.sqrt(np.dot(block, block))
            if norm > 0:
                block = block / norm
            size = len(vocabulary)
        else:
            block = np.array([np.log1p(len(pattern.findall(text))) for pattern in _LEXICON_PATTERNS])
            columns = np.arange(len(block))
            keep = block != 0
            block, columns = block[keep], columns[keep]
            size = len(_LEXICON_PATTERNS)
        indices.append(columns + offset)
        values.append(block * weight)
        offset += size
    return np.concatenate(indices), np.concatenate(values)


def model_text(text: str, channel: str | None = None) -> str:
    """Return the text the vectoriser sees: normalised words plus a channel marker when known."""
    marker = f" channel{channel}" if channel else ""
    return normalise(text) + marker


def build_vectoriser(cue_weight: float = 1.0) -> FeatureUnion:
    """Word unigrams and bigrams for meaning, character n-grams for misspellings and slang, and cue counts."""
    words = TfidfVectorizer(lowercase=False, token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2), min_df=1,
                            sublinear_tf=True, dtype=np.float64)
    chars = TfidfVectorizer(lowercase=False, analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                            dtype=np.float64)
    # Block order matters: every head's blocks are then one contiguous column range (see model.HEAD_BLOCKS),
    # and slicing a range is much faster than picking columns one by one.
    return FeatureUnion([("chars", chars), ("words", words), ("cues", CueCounts())],
                        transformer_weights={"chars": 1.0, "words": 1.0, "cues": cue_weight})
