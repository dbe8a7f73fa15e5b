"""The trained model: one shared vectoriser and one logistic regression per head."""
import hashlib
import json
import pickle
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
import sklearn
from scipy.special import expit
from sklearn.linear_model import SGDClassifier

from triage.config import ARTEFACT_NAME, HEADS, Taxonomy
from triage.errors import ModelNotBuilt, TaxonomyMismatch
from triage.features import LEXICONS, build_vectoriser, fast_row, model_text

ARTEFACT_FORMAT = 1

# Regularisation per head. Logistic regression fitted by stochastic gradient descent matched
# lbfgs logistic regression in cross-validation on the training split (docs/triage.md) and
# trains about ten times faster on the large character n-gram space.
HEAD_ALPHA = {"category": 1e-4, "complaint_type": 1e-4, "service_area": 1e-4, "safeguarding": 1e-4,
              "advocate_requested": 1e-4, "complainant_role": 1e-4}
EPOCHS = 50
# Which feature blocks each head sees. In cross-validation on the training split the word-list
# cues lifted category (mostly out-of-scope recall) and slightly hurt the others, and the
# safeguarding head was more precise on words alone: character n-grams let it learn that
# informal chat "looks like" a disclosure, which is style, not content.
HEAD_BLOCKS = {"category": ("words", "chars", "cues"), "complaint_type": ("words", "chars"),
               "service_area": ("words", "chars"), "safeguarding": ("words",),
               "advocate_requested": ("words", "chars"), "complainant_role": ("words", "chars")}

NONE_LABEL = "none"  # the complainant_role head's class for "the text does not say"


_BY_FEATURE: "weakref.WeakKeyDictionary[SGDClassifier, np.ndarray]" = weakref.WeakKeyDictionary()


def _weights_by_feature(classifier: SGDClassifier) -> np.ndarray:
    """Return the classifier's weights as one contiguous row per feature (cached), for fast row lookups."""
    weights = _BY_FEATURE.get(classifier)
    if weights is None:
        weights = _BY_FEATURE[classifier] = np.ascontiguousarray(classifier.coef_.T)
    return weights


def _block_columns(vectoriser) -> dict[str, slice]:
    """Return, for each head, the one contiguous column range holding the feature blocks it uses."""
    sizes = {name: len(part.vocabulary_) if name != "cues" else len(LEXICONS)
             for name, part in vectoriser.transformer_list}
    starts, position = {}, 0
    for name, _ in vectoriser.transformer_list:
        starts[name], position = position, position + sizes[name]
    columns = {}
    for head, blocks in HEAD_BLOCKS.items():
        start = min(starts[b] for b in blocks)
        stop = max(starts[b] + sizes[b] for b in blocks)
        if stop - start != sum(sizes[b] for b in blocks):
            raise ValueError(f"feature blocks {blocks} of head {head} are not next to each other")
        columns[head] = slice(start, stop)
    return columns


def head_label(row: dict, head: str) -> str | None:
    """Return a row's training label for a head as a string, or None when it is not labelled."""
    value = row.get(head)
    if head in ("safeguarding", "advocate_requested"):
        return None if value is None else str(bool(value))
    if head == "complainant_role":
        return value or NONE_LABEL
    return value


@dataclass
class TriageModel:
    """Shared features plus one classifier per head, with the metadata written beside them."""

    vectoriser: object
    heads: dict[str, SGDClassifier]
    columns: dict[str, slice]
    meta: dict = field(default_factory=dict)

    @classmethod
    def fit(cls, rows: list[dict], *, seed: int, head_alpha: dict[str, float] | None = None) -> "TriageModel":
        """Fit the vectoriser on all rows and each head on the rows labelled for it."""
        head_alpha = {**HEAD_ALPHA, **(head_alpha or {})}
        texts = [model_text(row["text"], row.get("channel")) for row in rows]
        vectoriser = build_vectoriser()
        matrix = vectoriser.fit_transform(texts).tocsr()
        columns = _block_columns(vectoriser)
        heads = {}
        for head in HEADS:
            keep = [i for i, row in enumerate(rows) if head_label(row, head) is not None]
            labels = [head_label(rows[i], head) for i in keep]
            if len(set(labels)) < 2:
                raise ValueError(f"head {head} needs at least two labels to train, got {sorted(set(labels))}")
            # tol=None runs a fixed number of epochs: deterministic, and no convergence warnings.
            classifier = SGDClassifier(loss="log_loss", alpha=head_alpha[head], class_weight="balanced",
                                       max_iter=EPOCHS, tol=None, random_state=seed)
            classifier.fit(matrix[keep][:, columns[head]], labels)
            heads[head] = classifier
        return cls(vectoriser=vectoriser, heads=heads, columns=columns)

    def probabilities(self, text: str, channel: str | None = None) -> dict[str, dict[str, float]]:
        """Return, for each head, the probability of each label for one text (fast single-item path)."""
        indices, values = fast_row(self.vectoriser, model_text(text, channel))
        result = {}
        for head, classifier in self.heads.items():
            columns = self.columns[head]
            inside = (indices >= columns.start) & (indices < columns.stop)
            # The same sums as SGDClassifier.predict_proba (log loss, one-vs-rest, then normalised).
            scores = values[inside] @ _weights_by_feature(classifier)[indices[inside] - columns.start] \
                + classifier.intercept_
            probs = expit(scores)
            probs = np.array([1.0 - probs[0], probs[0]]) if probs.shape[0] == 1 else probs / probs.sum()
            result[head] = dict(zip(map(str, classifier.classes_), map(float, probs), strict=True))
        return result

    def sklearn_probabilities(self, text: str, channel: str | None = None) -> dict[str, dict[str, float]]:
        """Return probabilities() computed through scikit-learn's own predict_proba (slower; for checking)."""
        return self.batch_probabilities([text], [channel])[0]

    def batch_probabilities(self, texts: list[str], channels: list[str | None]) -> list[dict[str, dict[str, float]]]:
        """Return probabilities() for many texts at once (faster for evaluation)."""
        matrix = self.vectoriser.transform([model_text(t, c) for t, c in zip(texts, channels)]).tocsr()
        per_head = {head: classifier.predict_proba(matrix[:, self.columns[head]])
                    for head, classifier in self.heads.items()}
        return [{head: dict(zip(map(str, self.heads[head].classes_), (float(p) for p in np.asarray(probs)[i])))
                 for head, probs in per_head.items()} for i in range(len(texts))]

    def check_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Raise TaxonomyMismatch if the model predicts a label taxonomy.yaml does not have."""
        for head, classifier in self.heads.items():
            allowed = set(taxonomy.ids(head)) | {NONE_LABEL}
            unknown = sorted(set(map(str, classifier.classes_)) - allowed)
            if unknown:
                raise TaxonomyMismatch(f"the model's {head} labels {unknown} are not in taxonomy.yaml; "
                                       "run `python -m triage train` to retrain it")

    def save(self, directory: Path) -> Path:
        """Write the artefact into `directory` and return its path."""
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / ARTEFACT_NAME
        joblib.dump({"format": ARTEFACT_FORMAT, "model": self}, path, compress=3)
        return path

    @property
    def version(self) -> str:
        """Return the model version recorded at training time."""
        return str(self.meta.get("model_version", "unversioned"))


def model_version(rows: list[dict], seed: int) -> str:
    """Return a version that changes whenever the training data, seed, settings or library change."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps([row.get("text"), row.get("channel")] + [head_label(row, h) for h in HEADS],
                                 ensure_ascii=False).encode("utf-8"))
    settings = [seed, HEAD_ALPHA, EPOCHS, HEAD_BLOCKS, sorted(LEXICONS.values()), ARTEFACT_FORMAT, sklearn.__version__]
    digest.update(json.dumps(settings).encode("utf-8"))
    return f"triage-{ARTEFACT_FORMAT}.{digest.hexdigest()[:10]}"


def load_model(directory: Path) -> TriageModel:
    """Load the artefact from `directory`, or raise ModelNotBuilt saying how to build it."""
    path = directory / ARTEFACT_NAME
    if not path.is_file():
        raise ModelNotBuilt(f"no triage model at {path}; run `python -m triage train` to build it")
    try:
        payload = joblib.load(path)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, KeyError, pickle.UnpicklingError) \
            as error:
        raise ModelNotBuilt(f"cannot read {path} ({type(error).__name__}); run `python -m triage train`") from error
    if not isinstance(payload, dict) or payload.get("format") != ARTEFACT_FORMAT:
        raise ModelNotBuilt(f"{path} was built by another version of triage; run `python -m triage train`")
    return payload["model"]
