from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from criticalmass.grants.models import ApplicantKind, Application, BudgetLine, Call, GrantReport, RubricItem
from criticalmass.lib.limits import MAX_UPLOAD, MB


class ApplicationForm(forms.ModelForm[Application]):
    class Meta:
        model = Application
        fields = ["applicant_kind", "group_name", "country", "project_title", "project", "advances_women",
                  "starts_on", "ends_on", "timeline"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}),
                   "ends_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"applicant_kind": "You apply as", "advances_women":
                  "How it advances women's participation"}

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        kind = self.fields["applicant_kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(k, ApplicantKind(k).label) for k in call.eligible_kinds()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The project cannot end before it starts.")
        return cleaned


class BudgetLineForm(forms.ModelForm[BudgetLine]):
    class Meta:
        model = BudgetLine
        fields = ["item", "amount"]


class BaseBudgetLines(forms.BaseInlineFormSet):  # type: ignore[type-arg]
    """At least one line; the lines' total within the call's maximum per grant."""

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call

    def clean(self) -> None:
        super().clean()
        amounts = [f.cleaned_data["amount"] for f in self.forms
                   if f.cleaned_data.get("amount") is not None and not f.cleaned_data.get("DELETE")]
        if not amounts:
            raise forms.ValidationError("Give at least one budget line (what you need, and how much).")
        total = sum(amounts, Decimal(0))
        if total > self.call.max_per_grant:
            raise forms.ValidationError(f"The budget lines add up to {total} {self.call.currency}, over the "
                                        f"call's maximum of {self.call.max_per_grant} {self.call.currency}.")


BudgetLines = forms.inlineformset_factory(Application, BudgetLine, form=BudgetLineForm,
                                          formset=BaseBudgetLines, extra=5, max_num=20, can_delete=False)


class ReviewForm(forms.Form):
    conflict = forms.BooleanField(required=False, label="I have a conflict of interest with this application "
                                  "(I will not score it).")
    no_conflict = forms.BooleanField(required=False, label="I declare I have no conflict of interest with "
                                     "this applicant or their group.")
    comment = forms.CharField(widget=forms.Textarea, max_length=2000, required=False)

    def __init__(self, *args: Any, rubric: list[RubricItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        for item in rubric:
            self.fields[f"item_{item.pk}"] = forms.IntegerField(
                min_value=0, max_value=item.max_score, required=False,
                label=f"{item.name} (0–{item.max_score})", help_text=item.guidance)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("conflict"):
            return cleaned
        if not cleaned.get("no_conflict"):
            self.add_error("no_conflict", "Declare that you have a conflict of interest, or none.")
        for item in self.rubric:
            if cleaned.get(f"item_{item.pk}") is None and f"item_{item.pk}" not in self.errors:
                self.add_error(f"item_{item.pk}", "Score this criterion.")
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("fund", "Fund"), ("decline", "Decline")])
    amount = forms.DecimalField(max_digits=14, decimal_places=2, required=False,
                                help_text="The grant, in the call's currency (when funding).")
    reason = forms.CharField(widget=forms.Textarea, max_length=2000,
                             help_text="Why; recorded with the decision and told to the applicant.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "fund" and cleaned.get("amount") is None:
            self.add_error("amount", "Give the amount of the grant.")
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ReceiptsField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class GrantReportForm(forms.ModelForm[GrantReport]):
    receipts = ReceiptsField(required=False, help_text=f"PDF, JPEG, PNG or WebP; up to {MAX_UPLOAD // MB} MB "
                             "each. You can add more later.")

    class Meta:
        model = GrantReport
        fields = ["activities", "spent"]
        labels = {"activities": "What you did", "spent": "Money spent"}
