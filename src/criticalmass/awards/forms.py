from __future__ import annotations

from typing import Any

from django import forms

from criticalmass.awards.models import MAX_MARK, Category, Criterion, Nomination, Round
from criticalmass.core.models import Organization, Role, User


class PartnerChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Members are shown by their public name, never their login name."""

    def label_from_instance(self, obj: Any) -> str:
        user = obj.nominee if isinstance(obj, Nomination) else obj
        return str(user.public_name)


class NominationForm(forms.Form):
    category = forms.ModelChoiceField(queryset=Category.objects.none(), empty_label=None)
    nominee = PartnerChoice(queryset=User.objects.none(), label="Partner you nominate")
    organization = forms.ModelChoiceField(queryset=Organization.objects.all(), required=False,
                                          label="Their organisation (if the award is also theirs)")
    reason = forms.CharField(widget=forms.Textarea, max_length=3000, label="Why they deserve it")

    def __init__(self, *args: Any, round_: Round, nominator: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        nominee = self.fields["nominee"]
        assert isinstance(category, forms.ModelChoiceField) and isinstance(nominee, forms.ModelChoiceField)
        category.queryset = round_.categories.all()
        nominee.queryset = (User.objects.filter(role_grants__role=Role.PARTNER, is_active=True)
                            .exclude(pk=nominator.pk).order_by("display_name", "pk"))


class MarkForm(forms.Form):
    conflict = forms.BooleanField(required=False, label="I have a conflict of interest with this nominee "
                                  "(I will not mark them).")
    no_conflict = forms.BooleanField(required=False, label="I declare I have no conflict of interest with "
                                     "this nominee, their organisation or the nominator.")
    note = forms.CharField(max_length=500, required=False, label="Note (the conflict, or your remarks)")

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
                min_value=0, max_value=MAX_MARK, decimal_places=2, required=False,
                label=f"{criterion.name} (0–10, weight {criterion.weight})", help_text=criterion.guidance)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("conflict"):
            return cleaned
        if not cleaned.get("no_conflict"):
            self.add_error("no_conflict", "Declare that you have a conflict of interest, or none.")
        for criterion in self.criteria:
            name = f"criterion_{criterion.pk}"
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, "Mark this criterion.")
        return cleaned


class DecisionForm(forms.Form):
    laureate = PartnerChoice(queryset=Nomination.objects.none(), empty_label=None)
    reason = forms.CharField(widget=forms.Textarea, max_length=3000,
                             help_text="Why; published with the laureate. When nominees are tied, say how "
                                       "the tie was broken.")

    def __init__(self, *args: Any, category: Category, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        laureate = self.fields["laureate"]
        assert isinstance(laureate, forms.ModelChoiceField)
        laureate.queryset = category.nominations.select_related("nominee")
