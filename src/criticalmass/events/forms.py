from __future__ import annotations

from django import forms


class PledgeForm(forms.Form):
    confirm = forms.BooleanField(
        required=True, label="I will not sit on a panel without women, and I will suggest women experts "
        "to organisers. My pledge is listed publicly.",
        error_messages={"required": "To take the pledge, tick the box."},
    )
