"""criticalmass rotate-encryption-key: re-encrypt every sensitive value with the current (first) key."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from criticalmass.core import encryption
from criticalmass.core.models import audit


class Command(BaseCommand):
    help = "Re-encrypt every sensitive field with the first key of CRITICALMASS_ENCRYPTION_KEYS, in one " \
           "transaction. Put the new key first, run this, then remove the old key."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            rewritten = encryption.rotate()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from None
        audit("encryption.rotated", detail={"values": rewritten})
        self.stdout.write(f"Re-encrypted {rewritten} value(s) with the current key.")
