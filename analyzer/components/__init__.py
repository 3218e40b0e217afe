"""Registered spaCy components of the analyzer, one per module.

Each factory is exposed through the ``spacy_factories`` entry point (see ``pyproject.toml``), so
``nlp.add_pipe("unanchored_comparatives")`` works without importing this package first.
"""
