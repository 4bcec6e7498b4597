"""The scorecard form: for each rubric item a rating, the mandate's (or agreement's) words and where."""

from __future__ import annotations

from typing import Any

from django import forms

from criticalmass.agreements.models import Agreement, Mandate, RubricItem, ScoreEntry

NOT_RATED = ""


class ScorecardForm(forms.Form):
    def __init__(self, *args: Any, target: Mandate | Agreement, items: list[RubricItem],
                 **kwargs: Any) -> None:
        self.target, self.items = target, items
        self.kind = "mandate" if isinstance(target, Mandate) else "agreement"
        existing = {e.item_id: e for e in target.entries.all()}
        initial = {}
        for item in items:
            entry = existing.get(item.pk)
            if entry:
                initial.update({f"rating_{item.pk}": entry.rating, f"quote_{item.pk}": entry.quote,
                                f"reference_{item.pk}": entry.reference})
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        choices = [(NOT_RATED, "Not rated yet"), *ScoreEntry.Rating.choices]
        for item in items:
            self.fields[f"rating_{item.pk}"] = forms.ChoiceField(
                label=item.name, choices=choices, required=False, help_text=item.description)
            self.fields[f"quote_{item.pk}"] = forms.CharField(
                label="Quoted text", required=False, widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"reference_{item.pk}"] = forms.CharField(
                label="Reference (paragraph)", required=False, max_length=200)

    def rows(self) -> list[tuple[RubricItem, list[forms.BoundField]]]:
        return [(item, [self[f"{name}_{item.pk}"] for name in ("rating", "quote", "reference")])
                for item in self.items]

    def clean(self) -> dict[str, Any]:
        """A provision said to be there is quoted and located, so anyone can check it."""
        data = super().clean() or {}
        for item in self.items:
            if data.get(f"rating_{item.pk}") in (ScoreEntry.Rating.YES, ScoreEntry.Rating.PARTIAL):
                for name, what in (("quote", f"the {self.kind}'s words"), ("reference", "where they are")):
                    if not data.get(f"{name}_{item.pk}", "").strip():
                        self.add_error(f"{name}_{item.pk}", f"Give {what}: a provision rated as there "
                                                            "is quoted and located.")
        return data

    def save(self, user: Any) -> int:
        """Write the ratings; an item set back to 'not rated' loses its entry. Returns entries changed."""
        changed = 0
        existing = {e.item_id: e for e in self.target.entries.all()}
        for item in self.items:
            rating = self.cleaned_data[f"rating_{item.pk}"]
            values = {"rating": rating, "quote": self.cleaned_data[f"quote_{item.pk}"].strip(),
                      "reference": self.cleaned_data[f"reference_{item.pk}"].strip()}
            entry = existing.get(item.pk)
            if rating == NOT_RATED:
                changed += entry.delete()[0] if entry else 0
            elif entry is None or any(getattr(entry, k) != v for k, v in values.items()):
                scored: dict[str, Any] = {self.kind: self.target, "item": item}
                ScoreEntry.objects.update_or_create(**scored, defaults={**values, "updated_by": user})
                changed += 1
        return changed
