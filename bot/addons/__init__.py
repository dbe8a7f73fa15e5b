"""Custom Rasa graph components (listed in config.yml by their module path).

Rasa imports this package when it loads the model, so this is also where the
action-reply check is made cheaper (see action_response_validation.py).
"""
from addons.action_response_validation import install as _install_fast_action_validation

_install_fast_action_validation()
