"""Signals the apps share, kept in the foundation so a sender and its receivers never import each other."""

from django.dispatch import Signal

# Sent by the importers after a file is imported (committed), with `dataset` (its name) and `summary`:
# other apps refresh what they derive from imported data (the search index) without importing them.
dataset_imported = Signal()
