"""Exceptions raised by the triage package. Standard library only."""


class ModelNotBuilt(RuntimeError):
    """No usable model artefact: run `python -m triage train` to build one."""


class TaxonomyMismatch(ModelNotBuilt):
    """The model was trained on labels that config/taxonomy.yaml no longer has: retrain it."""


class CorpusError(ValueError):
    """A labelled example is malformed or uses a label the taxonomy does not have."""
