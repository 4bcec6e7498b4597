from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from criticalmass.trainings.models import Cycle, FollowUp, Programme


def test_it_creates_the_demo_trainings_once_after_the_demo_accounts(db):
    with pytest.raises(CommandError, match="create-demo-accounts first"):
        call_command("create_demo_trainings", stdout=io.StringIO())
    call_command("create_demo_accounts", stdout=io.StringIO())
    call_command("create_demo_trainings", stdout=io.StringIO())
    call_command("create_demo_trainings", stdout=io.StringIO())
    assert Programme.objects.count() == 1 and Cycle.objects.count() == 2 and FollowUp.objects.count() == 1
