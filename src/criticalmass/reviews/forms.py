"""Submitting a document, assigning its reviewer, and the review itself (one answer per checklist item)."""

from __future__ import annotations

from typing import Any

from django import forms

from criticalmass.core import membership
from criticalmass.core.models import Organization, User
from criticalmass.reviews.gate import eligible_reviewers
from criticalmass.reviews.models import ChecklistItem, CheckResult, Document


class SubmitForm(forms.ModelForm[Document]):
    url = forms.URLField(required=False, max_length=500, assume_scheme="https",
                         label="Where the draft can be read (web address)")

    class Meta:
        model = Document
        fields = ["kind", "title", "url", "excerpt", "organization", "plan", "process"]
        labels = {"excerpt": "Passages to review",
                  "organization": "Organisation whose document it is", "plan": "National plan it concerns",
                  "process": "Mission or peace process it concerns"}

    def __init__(self, *args: Any, submitter: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organization"]
        assert isinstance(organisation, forms.ModelChoiceField)
        if not submitter.is_secretariat:  # a member answers for her own organisations only
            organisation.queryset = Organization.objects.filter(pk__in=membership.organisation_ids(submitter))
        organisation.error_messages["invalid_choice"] = "Choose one of your own organisations."

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if not cleaned.get("url") and not cleaned.get("excerpt"):
            raise forms.ValidationError("Give a web address where the draft can be read, or paste the "
                                        "passages to review.")
        return cleaned


def public_name(user: User) -> str:
    return user.public_name


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(queryset=User.objects.none(), error_messages={
        "invalid_choice": "Choose a gender adviser (reviewer) or a focal point.",
        "required": "Choose a gender adviser (reviewer) or a focal point."})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: forms.ModelChoiceField[User] = self.fields["reviewer"]  # type: ignore[assignment]
        field.queryset = eligible_reviewers()
        field.label_from_instance = public_name  # type: ignore[method-assign,assignment]


DECISIONS = [("changes", "Return with changes"), ("approve", "Approve")]


class ReviewForm(forms.Form):
    """One answer and comment per active checklist item, the comments returned, the decision."""

    comments = forms.CharField(widget=forms.Textarea, max_length=10000, required=False,
                               label="Comments returned to the submitter")
    decision = forms.ChoiceField(choices=DECISIONS, error_messages={
        "required": "Choose to approve or to return with changes.",
        "invalid_choice": "Choose to approve or to return with changes."})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(ChecklistItem.objects.filter(active=True))
        for item in self.items:
            self.fields[f"answer_{item.slug}"] = forms.ChoiceField(
                choices=CheckResult.Answer.choices, label=item.name, help_text=item.description,
                error_messages={"required": f"Answer “{item.name}”."})
            self.fields[f"comment_{item.slug}"] = forms.CharField(required=False, max_length=2000,
                                                                  label="Comment")

    def answers(self) -> dict[ChecklistItem, tuple[str, str]]:
        return {item: (self.cleaned_data[f"answer_{item.slug}"], self.cleaned_data[f"comment_{item.slug}"])
                for item in self.items}

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if cleaned.get("decision") == "changes" and not cleaned.get("comments", "").strip():
            self.add_error("comments", "Say which changes are needed: the comments go back to the submitter.")
        return cleaned
