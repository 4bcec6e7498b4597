"""Signals the apps share, kept in the foundation so a sender and its receivers never import each other."""

from django.dispatch import Signal

# Sent by the importers after a file is imported (committed), with `dataset` (its name) and `summary`:
# other apps refresh what they derive from imported data (the search index) without importing them.
dataset_imported = Signal()

# Sent once when an `import` or `import-all` command has imported its files, with `changed`: whether the
# data version moved (core.data_version), i.e. some import changed something. The search index is rebuilt
# on it, once per command and only when something changed (not after every file).
imports_finished = Signal()
# Sent when a member asks for their data, with `user`: each app answers {section: [records as dicts]}.
member_data_requested = Signal()
# Sent (inside the transaction) when a member deletes their data, with `user`: each app removes or
# anonymises what is personal; public commitments and reports stay, shown as a former member's.
member_forgotten = Signal()
# Sent (inside the transaction) when the secretariat approves a request to join, with `user`, `kind` (the
# JoinRequest.Kind asked for), `role` (the role granted) and `by`: the charter opens a champion's vetting.
member_approved = Signal()
