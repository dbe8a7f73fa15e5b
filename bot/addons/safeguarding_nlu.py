"""Safeguarding before everything: an NLU component that cannot be out-voted.

The intent classifier learns `safeguarding` from examples, but a model can miss a
disclosure it has never seen. This component runs after every classifier, asks
the triage library's detector (triage/safeguarding.py: standard library only, and
importing the triage package loads nothing heavy) and, when it finds a
disclosure, makes `safeguarding` the intent whatever the model said. The rules
then answer it first.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any, Callable

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.training_data.message import Message

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
SAFEGUARDING_INTENT = "safeguarding"


def load_detector() -> Callable[[str], list[str]] | None:
    """Return triage's detect_safeguarding(text) -> evidence, or None if triage is not there."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.append(str(REPO_ROOT))
    try:
        from triage.safeguarding import detect_safeguarding
    except ImportError as error:
        log.error("no safeguarding detector (%s): relying on the intent classifier alone", error)
        return None
    return detect_safeguarding


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafeguardingIntentOverride(GraphComponent, IntentClassifier):
    """Sets the intent to `safeguarding` whenever triage's detector finds a disclosure."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any], detector: Callable[[str], list[str]] | None) -> None:
        self.component_config = config
        self.detector = detector

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> SafeguardingIntentOverride:
        return cls(config, load_detector())

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text") or ""
            if self.detector is None or not text or text.startswith("/"):
                continue
            if self.detector(text):
                override = {"name": SAFEGUARDING_INTENT, "confidence": 1.0}
                ranking = [entry for entry in message.get("intent_ranking") or []
                           if entry.get("name") != SAFEGUARDING_INTENT]
                message.set("intent", override, add_to_output=True)
                message.set("intent_ranking", [override, *ranking], add_to_output=True)
        return messages
