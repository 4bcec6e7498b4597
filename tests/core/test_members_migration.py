"""The migration to several roles per account keeps each account's old role as a grant and gives every
account a public slug made from its display name, never from its login name."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("core", "0004_source_versions"), ("charter", "0001_initial")]


def leaves() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_moves_each_old_role_to_a_grant_and_slugs_from_display_names():
    after = leaves()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldUser = old.get_model("core", "User")
    OldUser.objects.create(username="jdoe-login", role="partner", display_name="Jane Doe")
    OldUser.objects.create(username="reviewer-login", role="reviewer", display_name="")
    OldUser.objects.create(username="visitor-login", role="visitor", display_name="Jane Doe")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    User = new.get_model("core", "User")
    grants = {(g.user.username, g.role) for g in new.get_model("core", "RoleGrant").objects.all()}
    assert grants == {("jdoe-login", "partner"), ("reviewer-login", "reviewer"), ("visitor-login", "visitor")}
    slugs = dict(User.objects.values_list("username", "slug"))
    reviewer_pk = User.objects.get(username="reviewer-login").pk
    assert slugs == {"jdoe-login": "jane-doe", "reviewer-login": f"member-{reviewer_pk}",
                     "visitor-login": "jane-doe-2"}
