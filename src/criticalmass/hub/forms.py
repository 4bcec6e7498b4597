"""The practice-and-story form: consent required, anonymity optional, nothing saved when a check fails."""

from __future__ import annotations

import secrets

from django import forms
from django.utils.text import slugify

from criticalmass.core.models import User
from criticalmass.hub.models import ConsentRequest, Practice, tags_text


class PracticeForm(forms.ModelForm):  # type: ignore[type-arg]
    themes_text = forms.CharField(required=False, label="Themes (comma-separated)", max_length=400)
    consent = forms.BooleanField(
        required=True,
        label="I agree that the secretariat reviews this and, if accepted, publishes it on this site "
        "(with my name unless I choose to stay anonymous, and my contacts only if I tick the box).",
        error_messages={"required": "To submit, tick the box agreeing to review and publication."},
    )

    class Meta:
        model = Practice
        fields = [
            "type",
            "title",
            "what",
            "country",
            "where",
            "who",
            "results",
            "contacts",
            "show_contacts",
            "anonymous",
        ]
        labels = {
            "what": "What was done (or your story)",
            "show_contacts": "Publish my contacts too",
            "anonymous": "Publish without my name",
        }

    def save(self, commit: bool = True) -> Practice:
        practice: Practice = super().save(commit=False)
        practice.consent = True
        practice.themes = tags_text(
            [t.strip().lower() for t in self.cleaned_data["themes_text"].split(",") if t.strip()]
        )
        practice.slug = f"{slugify(practice.title)[:60] or practice.type}-{secrets.token_hex(3)}"
        if commit:
            practice.save()
        return practice


class ReviewForm(forms.Form):
    slug = forms.SlugField(max_length=80)
    decision = forms.ChoiceField(choices=[("publish", "Publish"), ("reject", "Do not publish")])


class ConsentAnswerForm(forms.Form):
    """The author's answer to one of her pending consent requests (another's is no choice here)."""

    request = forms.ModelChoiceField(queryset=ConsentRequest.objects.none(), error_messages={
        "invalid_choice": "There is no such request waiting for your answer.",
        "required": "Choose the request you answer."})
    decision = forms.ChoiceField(choices=[("confirm", "Confirm"), ("decline", "Decline")], error_messages={
        "required": "Choose to confirm or decline.", "invalid_choice": "Choose to confirm or decline."})

    def __init__(self, author: User, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field: forms.ModelChoiceField[ConsentRequest] = self.fields["request"]  # type: ignore[assignment]
        field.queryset = ConsentRequest.objects.filter(practice__author=author,
                                                       answer=ConsentRequest.Answer.PENDING)
