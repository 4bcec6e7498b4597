"""The practice-and-story form: consent required, anonymity optional, nothing saved when a check fails."""

from __future__ import annotations

import secrets

from django import forms
from django.utils.text import slugify

from criticalmass.hub.models import Practice, tags_text


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
