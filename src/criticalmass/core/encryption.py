"""Sensitive text encrypted at rest: EncryptedTextField, with cryptography's MultiFernet.

Keys come from CRITICALMASS_ENCRYPTION_KEYS (comma-separated Fernet keys; the first encrypts, all
decrypt, so a new key goes first and the old ones stay until `criticalmass rotate-encryption-key` has
re-encrypted every value with it). Without the variable, a key derived from the secret key is used
only under CRITICALMASS_DEBUG=true or the test runner; anywhere else the first read or write of a
sensitive field stops with ImproperlyConfigured, and `criticalmass check --deploy` reports it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import sys
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction

MISSING = ("CRITICALMASS_ENCRYPTION_KEYS is not set: sensitive fields cannot be read or written. Set it to "
           "one or more Fernet keys, comma-separated (make one with: python -c \"from cryptography.fernet "
           "import Fernet; print(Fernet.generate_key().decode())\").")


def derived_key(secret: str) -> str:
    """A development and test key made from the secret key; never used in production."""
    digest = hashlib.sha256(f"criticalmass-encryption:{secret}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def configured_keys() -> list[str]:
    """The keys in force: the environment's, or in development and tests the derived one."""
    keys: list[str] = list(getattr(settings, "ENCRYPTION_KEYS", []))
    if keys:
        return keys
    if settings.DEBUG or "pytest" in sys.modules:
        return [derived_key(settings.SECRET_KEY)]
    return []


@functools.lru_cache(maxsize=8)
def cipher_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError:
        raise ImproperlyConfigured("CRITICALMASS_ENCRYPTION_KEYS holds a value that is not a Fernet key "
                                   "(32 bytes, URL-safe base64).") from None


def cipher() -> MultiFernet:
    keys = configured_keys()
    if not keys:
        raise ImproperlyConfigured(MISSING)
    return cipher_for(tuple(keys))


def encrypt(text: str) -> str:
    return cipher().encrypt(text.encode()).decode()


class UnreadableValue(ImproperlyConfigured):
    """A stored value no configured key decrypts: its key was removed from the environment."""


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken:
        raise UnreadableValue("A sensitive value cannot be decrypted with CRITICALMASS_ENCRYPTION_KEYS: "
                              "the key it was written with is missing from the list.") from None


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text stored as a Fernet token; Python code sees the plain text. Cannot be searched or ordered."""

    def deconstruct(self) -> Any:
        """Migrations see a TextField (the column is text; they never import the application)."""
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return None if value is None else encrypt(str(value))


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every installed model with encrypted fields, and those fields' names."""
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


ROTATE_CHUNK = 500


def rotate() -> int:
    """Re-encrypt every encrypted value with the first key (reading it with any); the values rewritten.

    Read in chunks of ids rather than with a server-side cursor, which PostgreSQL would leave open when
    a value cannot be decrypted."""
    rewritten = 0
    with transaction.atomic():
        for model, names in encrypted_fields():
            ids = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), ROTATE_CHUNK):
                for record in model._default_manager.filter(pk__in=ids[start:start + ROTATE_CHUNK]):
                    record.save(update_fields=names)
                    rewritten += len(names)
    return rewritten


@checks.register(checks.Tags.security, deploy=True)
def keys_configured(**kwargs: Any) -> list[checks.CheckMessage]:
    if getattr(settings, "ENCRYPTION_KEYS", []):
        return []
    return [checks.Error(MISSING, id="criticalmass.E001")]
