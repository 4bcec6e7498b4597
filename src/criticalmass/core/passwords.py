"""A password must not be built from the account's own names (username, display name)."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError

OTHER_CHARACTERS = 8  # letters and digits that must remain once the names are taken out
NAME_PART = 3  # shorter parts of a name ("Al", "de") are too common to take out


def letters_and_digits(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def name_parts(user: Any) -> list[str]:
    """The username whole and split, and the display name's words: longest first."""
    names = [str(getattr(user, attribute, "") or "") for attribute in ("username", "display_name")]
    parts = {letters_and_digits(name) for name in names}
    parts |= {letters_and_digits(word) for name in names for word in re.split(r"[\W_]+", name)}
    return sorted((p for p in parts if len(p) >= NAME_PART), key=len, reverse=True)


class NotBuiltFromNamesValidator:
    """Refuses a password that, once the account's names are taken out of it, has fewer than
    OTHER_CHARACTERS letters and digits left ("weakuser-weakuser", "k.osei-k.osei-2026")."""

    def validate(self, password: str, user: Any = None) -> None:
        if user is None:
            return
        rest = letters_and_digits(password)
        for part in name_parts(user):
            rest = rest.replace(part, "")
        if len(rest) < OTHER_CHARACTERS:
            raise ValidationError(
                "The password is too similar to your name: take your names out of it and at least "
                f"{OTHER_CHARACTERS} other letters or digits must remain.", code="password_too_similar")

    def get_help_text(self) -> str:
        return (f"Your password cannot be made of your names: at least {OTHER_CHARACTERS} other letters "
                "or digits.")
