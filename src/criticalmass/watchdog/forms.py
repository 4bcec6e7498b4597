from __future__ import annotations

from django import forms

from criticalmass.watchdog.models import Action, StatusUpdate


class ActionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Action
        fields = ["objective", "indicator", "baseline", "target", "deadline", "responsible_unit",
                  "budget_amount", "budget_currency", "budget_year", "status"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}

    def clean_budget_currency(self) -> str:
        value: str = self.cleaned_data["budget_currency"].strip().upper()
        if value and not (len(value) == 3 and value.isalpha()):
            raise forms.ValidationError("A currency is a three-letter ISO 4217 code, e.g. USD.")
        return value

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("budget_amount") is not None and not data.get("budget_currency"):
            self.add_error("budget_currency", "An amount needs its currency.")
        return data


class StatusUpdateForm(forms.ModelForm):  # type: ignore[type-arg]
    evidence_url = forms.URLField(label="Evidence (a web address)", required=False, max_length=500,
                                  assume_scheme="https")

    class Meta:
        model = StatusUpdate
        fields = ["status", "note", "evidence_url"]
