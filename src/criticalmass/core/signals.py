"""Signals the apps share, kept in the foundation so a sender and its receivers never import each other."""

from django.dispatch import Signal

# Sent by the importers after a file is imported (committed), with `dataset` (its name) and `summary`:
# other apps refresh what they derive from imported data (the search index) without importing them.
dataset_imported = Signal()

# Sent once when an `import` or `import-all` command has imported its files, with `changed`: whether the
# data version moved (core.data_version), i.e. some import changed something. The search index is rebuilt
# on it, once per command and only when something changed (not after every file).
imports_finished = Signal()
