"""Check the action server's replies against Rasa's schema without re-checking the schema.

Rasa 3.6 checks every reply from the action server with `jsonschema.validate(reply,
schema)`, and that function first checks the schema itself against JSON Schema's
2020-12 meta-schema: on every call, for a schema that never changes. Profiling the
running assistant (py-spy, bot/README.md) put more than half of Rasa's time per
message there. This builds the validator once; the reply is still checked in full
and a bad reply still raises the same ValidationError with Rasa's message.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error: ValidationError | None = best_match(_reply_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def install() -> None:
    """Replace RemoteAction's check with the one above (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result
