from __future__ import annotations

from typing import Any

from django import forms

from criticalmass.charter.models import Commitment
from criticalmass.core.models import Organization, User
from criticalmass.trainings.models import (
    AgreedAction,
    Attendance,
    Cycle,
    Dialogue,
    FollowUp,
    Item,
    Programme,
    Session,
    Tally,
)

DATE = forms.DateInput(attrs={"type": "date"})


def limit_organisations(form: forms.ModelForm[Any], organisations: list[Organization] | None) -> None:
    """A partner picks one of the organisations he plans for; the secretariat any, or none (its own)."""
    field = form.fields["organization"]
    assert isinstance(field, forms.ModelChoiceField)
    if organisations is None:
        field.empty_label = "The secretariat"
        return
    field.queryset = Organization.objects.filter(pk__in=[o.pk for o in organisations])
    field.required = True
    field.empty_label = None


class ProgrammeForm(forms.ModelForm[Programme]):
    class Meta:
        model = Programme
        fields = ["title", "slug", "topic", "track", "audience", "language", "format", "trains_trainers",
                  "youth", "organization"]

    def __init__(self, *args: Any, organisations: list[Organization] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_organisations(self, organisations)


class CycleForm(forms.ModelForm[Cycle]):
    class Meta:
        model = Cycle
        fields = ["name", "country", "starts_on", "ends_on", "items"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "items": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        items = self.fields["items"]
        assert isinstance(items, forms.ModelMultipleChoiceField)
        items.queryset = Item.objects.filter(active=True)


class SessionForm(forms.ModelForm[Session]):
    class Meta:
        model = Session
        fields = ["date", "place", "online", "facilitators"]
        widgets = {"date": DATE}


class AttendanceForm(forms.ModelForm[Attendance]):
    class Meta:
        model = Attendance
        fields = ["role", "women", "men", "not_stated"]


class TallyForm(forms.ModelForm[Tally]):
    class Meta:
        model = Tally
        fields = ["item", "phase", "score_1", "score_2", "score_3", "score_4", "score_5"]

    def __init__(self, *args: Any, cycle: Cycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        item = self.fields["item"]
        assert isinstance(item, forms.ModelChoiceField)
        item.queryset = cycle.items.all()


class TrainerForm(forms.Form):
    member = forms.SlugField(label="The trainer's public address on this site (the member's slug)",
                             help_text="As in /accountability/partners/<slug>/; ask the member for it.")

    def clean_member(self) -> User:
        slug = self.cleaned_data["member"]
        found = User.objects.filter(slug=slug, is_active=True).first()
        if found is None:
            raise forms.ValidationError(f"No member has the address '{slug}'.")
        return found


class FollowUpForm(forms.ModelForm[FollowUp]):
    class Meta:
        model = FollowUp
        fields = ["people_trained", "country", "place", "language"]


class ItemForm(forms.ModelForm[Item]):
    class Meta:
        model = Item
        fields = ["text", "kind", "active"]


class DialogueForm(forms.ModelForm[Dialogue]):
    class Meta:
        model = Dialogue
        fields = ["title", "slug", "date", "place", "format", "organization", "event", "women", "men",
                  "not_stated"]
        widgets = {"date": DATE}

    def __init__(self, *args: Any, organisations: list[Organization] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_organisations(self, organisations)

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if slug == "new":
            raise forms.ValidationError("'new' is the address of another page; choose another.")
        return slug


class AgreedActionForm(forms.ModelForm[AgreedAction]):
    class Meta:
        model = AgreedAction
        fields = ["text"]


class CommitmentLinkForm(forms.Form):
    """A partner says which of his commitments takes up an agreed action."""

    commitment = forms.ModelChoiceField(queryset=Commitment.objects.none(), empty_label=None)

    def __init__(self, *args: Any, partner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["commitment"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Commitment.objects.filter(owner=partner).order_by("-pk")
