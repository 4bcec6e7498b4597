"""The doors' forms: the secretariat's posts and holders, the advocate's request, the meeting log."""

from __future__ import annotations

from typing import Any

from django import forms

from criticalmass.charter.models import Commitment
from criticalmass.core.models import User
from criticalmass.doors.models import Holder, Meeting, MeetingRequest, Post, Promise, Reprisal


class PostForm(forms.ModelForm[Post]):
    class Meta:
        model = Post
        fields = ["kind", "title", "process", "country"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("process") and not data.get("country"):
            raise forms.ValidationError("Choose the mission or process the post serves, or its country.")
        return data


class HolderForm(forms.ModelForm[Holder]):
    url = forms.URLField(required=False, assume_scheme="https", label="Web address of the source")

    class Meta:
        model = Holder
        fields = ["name", "sex", "start_date", "end_date", "citation", "url"]
        labels = {"sex": "Sex, as self-identified or officially published (never guessed)"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", f"The end ({end}) is before the start ({start}).")
        return data


class RequestForm(forms.ModelForm[MeetingRequest]):
    class Meta:
        model = MeetingRequest
        fields = ["post", "organization", "purpose", "issue", "attendees", "languages", "safety_needs",
                  "contact", "visibility"]
        labels = {"visibility": "What may ever be shown publicly",
                  "organization": "For your organisation (optional: its members then see the request)"}

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = user.organizations.all()  # type: ignore[attr-defined]


class ShareForm(forms.Form):
    member = forms.SlugField(label="The public name (address) of the member to invite")

    def clean_member(self) -> User:
        slug = self.cleaned_data["member"]
        found = User.objects.filter(slug=slug, is_active=True).first()
        if found is None:
            raise forms.ValidationError(f"There is no member '{slug}'.")
        return found


class AssignForm(forms.Form):
    broker = forms.ModelChoiceField(queryset=User.objects.none(), label="The partner who brokers it")

    def __init__(self, request: MeetingRequest, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["broker"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=request.offers.values("partner"))


class MeetingForm(forms.ModelForm[Meeting]):
    class Meta:
        model = Meeting
        fields = ["held_on", "attendees_by_role", "names", "asks", "notes", "with_civil_society"]


class PromiseForm(forms.ModelForm[Promise]):
    class Meta:
        model = Promise
        fields = ["what", "by_whom", "due", "commitment"]
        labels = {"commitment": "It became this commitment of the partner (optional)"}

    def __init__(self, broker: User | None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = Commitment.objects.filter(  # type: ignore[attr-defined]
            owner=broker) if broker else Commitment.objects.none()


class ReprisalForm(forms.ModelForm[Reprisal]):
    class Meta:
        model = Reprisal
        fields = ["who", "what", "occurred_on", "severity", "region"]


class FollowUpForm(forms.ModelForm[Reprisal]):
    class Meta:
        model = Reprisal
        fields = ["follow_up"]
