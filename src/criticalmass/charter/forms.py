"""Forms partners and reviewers fill in. Every check answers with a sentence, nothing half-saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from criticalmass.charter.models import (
    ChampionVetting,
    CharterGoal,
    Commitment,
    ConsultationComment,
    Report,
    ReportingCycle,
    Signature,
    Verification,
    VettingOpinion,
)
from criticalmass.core.models import Organization


class SignatureForm(forms.ModelForm):  # type: ignore[type-arg]
    photo_url = forms.URLField(required=False, label="Photo (web address)", assume_scheme="https")
    consent = forms.BooleanField(
        required=True, label="I agree to be listed publicly as a signatory, with my name, title, "
        "organization and the date I signed.",
        error_messages={"required": "To sign, tick the box agreeing to be listed publicly."},
    )

    class Meta:
        model = Signature
        fields = ["name", "title", "organization", "show_profile", "photo_url", "bio"]
        labels = {"show_profile": "Also show my photo and bio publicly"}

    def clean_photo_url(self) -> str:
        """A photo the page can show: on a host the site's Content Security Policy allows."""
        url = str(self.cleaned_data.get("photo_url") or "")
        if url and not any(url.startswith(origin + "/") for origin in settings.IMAGE_SOURCES):
            allowed = ", ".join(settings.IMAGE_SOURCES) or "none yet (the secretariat can list some)"
            raise ValidationError(f"This site shows photos only from the image hosts it allows: {allowed}. "
                                  "Put the photo there, or leave the address empty.")
        return url


REASON_LENGTH = 100  # django-simple-history's history_change_reason


def reason_field() -> forms.CharField:
    return forms.CharField(
        max_length=REASON_LENGTH, label="Reason for this correction (shown publicly)",
        help_text="Shown publicly beside the record as \"secretariat correction: <reason>\".",
        error_messages={"required": "Say why you correct this record: the reason is shown publicly."})


class CommitmentForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Commitment
        fields = ["cycle", "what", "indicator", "baseline", "target", "deadline", "process", "organization",
                  "event", "plan", "goal"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}
        labels = {"process": "Process or mission it concerns", "what": "What you will do",
                  "organization": "Organization it concerns", "event": "Event it concerns",
                  "plan": "Plan or law it concerns", "goal": "Charter goal it works towards"}

    def __init__(self, *args: Any, reason_required: bool = False, signed_version: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if reason_required and self.instance.pk is not None:
            self.fields["reason"] = reason_field()  # the secretariat corrects someone's commitment
        plan = self.fields["plan"]
        plan.queryset = plan.queryset.select_related("country")  # type: ignore[attr-defined]
        goal = self.fields["goal"]
        assert isinstance(goal, forms.ModelChoiceField)
        goals = CharterGoal.objects.filter(version_id=signed_version).select_related("version")
        if self.instance.goal_id:  # a goal already chosen stays choosable
            goals = goals | CharterGoal.objects.filter(pk=self.instance.goal_id).select_related("version")
        goal.queryset = goals

    def clean_cycle(self) -> ReportingCycle:
        cycle: ReportingCycle = self.cleaned_data["cycle"]
        if not cycle.is_open() and (self.instance.pk is None or self.instance.cycle_id != cycle.pk):
            raise ValidationError(f"The cycle {cycle} is not open: commitments are made between "
                                  f"{cycle.opens_on} and {cycle.deadline}.")
        return cycle


class ReportForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Report
        fields = ["progress", "narrative", "evidence"]
        widgets = {"progress": forms.RadioSelect, "evidence": forms.Textarea(attrs={"rows": 3})}
        labels = {"evidence": "Evidence links (one web address a line)"}

    def clean_evidence(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["evidence"].splitlines() if line.strip()]
        check = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(lines, start=1):
            try:
                check(line)
            except ValidationError:
                raise ValidationError(f"Line {number} is not a web address: {line[:100]}") from None
        return "\n".join(lines)


class VerificationForm(forms.ModelForm):  # type: ignore[type-arg]
    """A verdict, given on behalf of one of the reviewer's women's organisations: she chooses when she
    belongs to several; with one, it is that one."""

    class Meta:
        model = Verification
        fields = ["verdict", "comment", "organization"]
        widgets = {"verdict": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 3})}
        labels = {"organization": "On behalf of"}

    def __init__(self, *args: Any, organisations: list[Organization] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        choices = organisations or []
        field.queryset = Organization.objects.filter(pk__in=[o.pk for o in choices]).order_by("name")
        field.required, field.empty_label = True, None
        field.error_messages["invalid_choice"] = "Choose one of your women's organisations."
        if self.is_bound and len(choices) == 1 and not self.data.get("organization"):
            data = self.data.copy()  # type: ignore[attr-defined]  # a bound form's data is a QueryDict
            data["organization"] = str(choices[0].pk)
            self.data = data


class AnswerForm(forms.Form):
    answer = forms.CharField(max_length=1500, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Write an answer before sending it."})


class CommentForm(forms.Form):
    """A comment on one paragraph of a draft; an advocate may sign it with a pseudonym, a member of an
    invited organisation says which organisation she speaks for."""

    paragraph = forms.TypedChoiceField(coerce=int, label="Paragraph",
                                       error_messages={"invalid_choice": "Choose one of the draft's "
                                                       "paragraphs (%(value)s is not one)."})
    text = forms.CharField(max_length=3000, widget=forms.Textarea(attrs={"rows": 4}), label="Your comment",
                           error_messages={"required": "Write a comment before sending it."})
    organization = forms.TypedChoiceField(coerce=int, required=False, empty_value=None,
                                          label="Speaking for")
    pseudonym = forms.CharField(max_length=100, required=False,
                                label="Pseudonym (advocates: shown instead of your name)")

    def __init__(self, *args: Any, paragraphs: int, organisations: list[tuple[int, str]], personal: bool,
                 advocate: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.personal = personal
        paragraph = self.fields["paragraph"]
        assert isinstance(paragraph, forms.ChoiceField)
        paragraph.choices = [(n, f"¶ {n}") for n in range(1, paragraphs + 1)]
        organization = self.fields["organization"]
        assert isinstance(organization, forms.ChoiceField)
        organization.choices = [*([("", "Myself (invited by name)")] if personal else []), *organisations]
        if not advocate:
            del self.fields["pseudonym"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("organization") is None and not self.personal and "organization" not in self.errors:
            self.add_error("organization", "Choose the invited organisation you speak for.")
        if cleaned.get("organization") is not None and cleaned.get("pseudonym"):
            self.add_error("pseudonym", "A pseudonym is for advocates speaking for themselves; an "
                           "organisation's comment is shown under its name.")
        return cleaned


class ResponseForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ConsultationComment
        fields = ["response", "reason"]
        widgets = {"response": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 2})}
        labels = {"reason": "Answer (a reason is required when declining)"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["response"].required = True
        self.fields["response"].error_messages["required"] = "Choose accepted, changed or declined."

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("response") == ConsultationComment.Response.DECLINED and not cleaned.get("reason"):
            self.add_error("reason", "Say why the comment is declined: the commenter reads it.")
        return cleaned


class OpinionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = VettingOpinion
        fields = ["stance", "reason"]
        widgets = {"stance": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 2})}
        labels = {"reason": "Reason (seen by the secretariat only)"}


class DecisionForm(forms.Form):
    status = forms.ChoiceField(choices=[(ChampionVetting.Status.LISTED, "List him as a champion"),
                                        (ChampionVetting.Status.DECLINED, "Do not list him")],
                               widget=forms.RadioSelect,
                               error_messages={"required": "Choose whether to list him."})
