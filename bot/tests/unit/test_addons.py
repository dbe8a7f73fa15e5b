"""The custom graph components and the cheaper action-reply check in addons/."""
import numpy as np
import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix

import addons  # noqa: F401 - importing the package installs the faster check
from addons.intent_classifier import TunedLogisticRegressionClassifier

REPLIES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hi"}]},
    {"events": "not a list"},
    {"events": [{"no_event_key": True}]},
    {"responses": [{"text": 5}]},
]


@pytest.mark.parametrize("reply", REPLIES)
def test_action_reply_check_agrees_with_jsonschema_validate(reply):
    schema = RemoteAction.action_response_format_spec()
    try:
        validate(reply, schema)
        expected = None
    except ValidationError as error:
        expected = error.message
    action = RemoteAction("action_x", None)
    if expected is None:
        assert action._validate_action_result(reply) is True
    else:
        with pytest.raises(ValidationError) as raised:
            action._validate_action_result(reply)
        assert raised.value.message.startswith(expected)
        assert "Failed to validate Action server response" in raised.value.message


def _message(vector, intent=None):
    message = Message(data={TEXT: "x", **({"intent": intent} if intent else {})})
    message.add_features(Features(csr_matrix(np.array([vector], dtype=float)), "sentence", TEXT, "test"))
    return message


def test_logistic_regression_takes_its_strength_and_scores_as_scikit_learn_does(tmp_path):
    component = TunedLogisticRegressionClassifier(
        {**TunedLogisticRegressionClassifier.get_default_config(), "C": 5, "random_state": 1},
        "lr", LocalModelStorage(tmp_path), Resource("lr"))
    assert component.clf.C == 5.0
    rng = np.random.default_rng(0)
    examples = [_message(rng.poisson(1.0, 40) + 3 * (np.arange(40) % 3 == k), intent=name)
                for k, name in enumerate(["a", "b", "c"]) for _ in range(15)]
    component.train(TrainingData(training_examples=examples))

    assert component.clf.coef_.flags.f_contiguous
    probe = [_message(rng.poisson(1.0, 40)) for _ in range(5)]
    component.process(probe)
    X = component._create_X(probe)
    row_major = np.ascontiguousarray(component.clf.coef_)
    expected = X @ row_major.T + component.clf.intercept_
    expected = np.exp(expected - expected.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    for message, row in zip(probe, expected):
        ranking = {entry["name"]: entry["confidence"] for entry in message.get("intent_ranking")}
        assert [ranking[name] for name in component.clf.classes_] == pytest.approx(list(row), abs=1e-9)


def test_loading_any_addon_installs_the_cheaper_action_reply_check():
    from addons import action_response_validation

    assert RemoteAction._validate_action_result is action_response_validation._validate_action_result
