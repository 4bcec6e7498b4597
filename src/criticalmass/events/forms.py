from __future__ import annotations

from django import forms

from criticalmass.core.models import Organization
from criticalmass.events.models import Event


class PledgeForm(forms.Form):
    confirm = forms.BooleanField(
        required=True, label="I will not sit on a panel without women, and I will suggest women experts "
        "to organisers. My pledge is listed publicly.",
        error_messages={"required": "To take the pledge, tick the box."},
    )


class EventForm(forms.ModelForm[Event]):
    """A partner records an event his organisation organises; the organiser is one of his organisations."""

    url = forms.URLField(required=False, assume_scheme="https", label="Web address")

    class Meta:
        model = Event
        fields = ["name", "slug", "date", "place", "organizer", "url"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: object, organisations: list[Organization], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        organizer = self.fields["organizer"]
        assert isinstance(organizer, forms.ModelChoiceField)
        organizer.queryset = Organization.objects.filter(pk__in=[o.pk for o in organisations])
        organizer.required = True
        organizer.empty_label = None


class BreachAnswerForm(forms.Form):
    text = forms.CharField(max_length=1500, widget=forms.Textarea(attrs={"rows": 2}), label="Your answer",
                           error_messages={"required": "Write an answer before sending it."})
