"""Passwords are stored with Argon2 and must be long and uncommon."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from criticalmass.core.models import User


def test_it_hashes_passwords_with_argon2(personas):
    partner = User.objects.get(pk=personas["partner"].pk)
    assert partner.password.startswith("argon2")
    assert "partner-password-123" not in partner.password
    assert partner.check_password("partner-password-123")


def test_it_upgrades_an_older_hash_to_argon2_at_the_next_login(db, client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    User.objects.create_user("old", password="an-old-password-123")
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    assert User.objects.get(username="old").password.startswith("pbkdf2")
    response = client.post("/accounts/login/", {"login": "old", "password": "an-old-password-123"})
    assert response.status_code == 302
    assert User.objects.get(username="old").password.startswith("argon2")


@pytest.mark.parametrize("password", ["short-pw", "password1234", "123456789012"])
def test_it_refuses_short_common_or_numeric_passwords(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_it_accepts_a_long_uncommon_password():
    validate_password("correct horse battery staple")


@pytest.mark.parametrize(("username", "display_name", "password"), [
    ("weakuser", "", "weakuser-weakuser"),
    ("amina", "Amina Mohammed Diallo", "amina mohammed diallo!"),
    ("k.osei", "", "k.osei-k.osei-2026"),
])
def test_it_refuses_a_password_much_like_the_username_or_display_name(db, username, display_name, password):
    user = User(username=username, display_name=display_name, email=f"{username}@example.org")
    with pytest.raises(ValidationError, match="too similar to your name"):
        validate_password(password, user)


def test_it_accepts_a_long_password_unlike_the_account(db):
    user = User(username="weakuser", display_name="Weak User", email="weakuser@example.org")
    validate_password("correct horse battery staple", user)
