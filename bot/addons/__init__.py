"""Custom Rasa graph components (listed in config.yml by their module path)."""
