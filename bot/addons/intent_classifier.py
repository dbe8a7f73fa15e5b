"""Rasa's LogisticRegressionClassifier with its regularisation strength as a setting.

Rasa 3.6 fixes scikit-learn's `C` at 1.0. On this assistant's few thousand short
examples that over-smooths the probabilities: a message seen word for word in
training ("i want to complain") came back below the FallbackClassifier's threshold.
A larger C fits the examples more closely; bot/README.md gives the measurements.

It also stores the trained weights column-major. scikit-learn scores a message as
`X @ coef_.T`; with row-major weights scipy copies the whole transposed matrix (tens
of thousands of n-gram columns) for every message, which profiling showed as a
visible share of each reply's time.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TunedLogisticRegressionClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier plus `C` (inverse regularisation strength)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage,
                 resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]))

    def train(self, training_data: TrainingData) -> Resource:
        resource = super().train(training_data)
        self._weights_column_major()
        return resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TunedLogisticRegressionClassifier":
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        component._weights_column_major()
        return component

    def _weights_column_major(self) -> None:
        if hasattr(self.clf, "coef_"):
            self.clf.coef_ = np.asfortranarray(self.clf.coef_)
