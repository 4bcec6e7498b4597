"""Opening doors: decision-making posts and their holders (public), and the advocates' meeting requests,
meetings, promises and reprisal records (sensitive: encrypted at rest, every read logged).

Whom a sensitive record is shown to is decided in doors.access; how a request moves in lib.doors.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from criticalmass.core.encryption import EncryptedTextField
from criticalmass.lib import doors


class Post(models.Model):
    """A decision-making post (not a person), serving a mission or process and/or a country."""

    class Kind(models.TextChoices):
        SRSG = "srsg", "Special Representative of the Secretary-General"
        DEPUTY_SRSG = "deputy_srsg", "Deputy Special Representative"
        FORCE_COMMANDER = "force_commander", "Force commander"
        POLICE_COMMISSIONER = "police_commissioner", "Police commissioner"
        SPECIAL_ENVOY = "special_envoy", "Special envoy"
        CHIEF_MEDIATOR = "chief_mediator", "Chief mediator"
        MINISTER = "minister", "Minister"
        AMBASSADOR_UN = "ambassador_un", "Ambassador to the UN"
        REGIONAL_HEAD = "regional_head", "Head of a regional body's mission"

    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=300, help_text="e.g. Force Commander, UNMISS")
    process = models.ForeignKey("parity.Process", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="posts", help_text="The mission or negotiation it serves.")
    country = models.ForeignKey("core.Country", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="posts")

    class Meta:
        ordering = ["title", "pk"]
        constraints = [models.UniqueConstraint(fields=["title"], name="doors_post_title_unique")]

    def __str__(self) -> str:
        return self.title


class Holder(models.Model):
    """Someone in a post for a time. Sex as self-identified or officially published, never guessed."""

    class Sex(models.TextChoices):
        WOMAN = "woman", "Woman"
        MAN = "man", "Man"
        NOT_PUBLISHED = "not published", "Not published"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="holders")
    name = models.CharField(max_length=200)
    sex = models.CharField(max_length=20, choices=Sex.choices, default=Sex.NOT_PUBLISHED)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Empty while in post.")
    citation = models.TextField(help_text="Where the appointment (and the sex, if given) is published.")
    url = models.URLField(blank=True)
    source = models.ForeignKey("core.Source", null=True, blank=True, on_delete=models.SET_NULL,
                               help_text="The imported file it came from (criticalmass import-posts).")
    source_row = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["post_id", "-start_date"]
        constraints = [models.UniqueConstraint(fields=["post", "name", "start_date"],
                                               name="doors_holder_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_date}–{self.end_date or 'now'})"

    def term(self) -> doors.Term:
        return doors.Term(self.start_date, self.end_date, self.sex)


class Visibility(models.TextChoices):
    NOTHING = "nothing", "Nothing, ever (the default)"
    ACCOUNT = "account", "An anonymised account, once I consent to its text"


class MeetingRequest(models.Model):
    """An advocate asks for a door to be opened. Safety needs and contacts are encrypted."""

    advocate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="door_requests")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL)
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="requests")
    purpose = EncryptedTextField(help_text="What the meeting is for.")
    issue = EncryptedTextField(help_text="The issue you want to raise.")
    attendees = EncryptedTextField(help_text="Who would attend (roles; names only if you wish).")
    languages = models.CharField(max_length=200)
    safety_needs = EncryptedTextField(blank=True, help_text="What keeps you and others safe.")
    contact = EncryptedTextField(blank=True, help_text="How the broker may reach you.")
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.NOTHING)
    status = models.CharField(max_length=12, choices=[(s.value, s.value) for s in doors.Status],
                              default=doors.Status.REQUESTED.value)
    broker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="brokered_requests")
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", help_text="The secretariat member who assigned it.")
    shared_with = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                         help_text="Those she invited to see it.")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_activity = models.DateField(default=dt.date.today,
                                     help_text="The last follow-up: retention counts from it.")

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return f"Request {self.pk} to {self.post}"


class Offer(models.Model):
    """A partner with access offers to broker a request."""

    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="offers")
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]
        constraints = [models.UniqueConstraint(fields=["request", "partner"], name="doors_one_offer")]

    def __str__(self) -> str:
        return f"Offer by {self.partner_id} for request {self.request_id}"


class Meeting(models.Model):
    """The meeting a request led to. Names of attendees only with consent; notes encrypted."""

    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    held_on = models.DateField()
    attendees_by_role = models.CharField(max_length=300, help_text="e.g. 3 women peacebuilders, a broker")
    names = EncryptedTextField(blank=True, help_text="Names, only those who consented.")
    notes = EncryptedTextField(blank=True)
    asks = models.PositiveSmallIntegerField(default=0, help_text="How many asks were made.")
    with_civil_society = models.BooleanField(default=True,
                                             help_text="Women's civil society took part (the 'without us' "
                                                       "check counts these).")
    public_consent_at = models.DateTimeField(null=True, blank=True,
                                             help_text="When the advocate consented to the public account.")

    class Meta:
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return f"Meeting of request {self.request_id} on {self.held_on}"


class Promise(models.Model):
    """What was promised, by whom, by when: a follow-up with a deadline and reminders."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="promises")
    what = EncryptedTextField()
    by_whom = models.CharField(max_length=200, help_text="A role: 'the force commander'.")
    due = models.DateField()
    kept_on = models.DateField(null=True, blank=True)
    commitment = models.ForeignKey("charter.Commitment", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="door_promises",
                                   help_text="The partner's commitment it became.")

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"Promise {self.pk} by {self.by_whom}, due {self.due}"

    def overdue(self, today: dt.date | None = None) -> bool:
        return self.kept_on is None and self.due < (today or timezone.localdate())


class Reprisal(models.Model):
    """A reprisal or threat after a meeting. Seen only by the secretariat and whom she chooses."""

    class Severity(models.TextChoices):
        THREAT = "threat", "Threat"
        HARASSMENT = "harassment", "Harassment or intimidation"
        HARM = "harm", "Physical harm, detention or worse"

    class FollowUp(models.TextChoices):
        NONE = "none", "Not yet"
        REFERRED = "referred", "Referred to the UN reprisals focal point"
        PROTECTED = "protected", "Protection provided"

    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="reprisals")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    who = EncryptedTextField(help_text="Who did it, as far as known.")
    what = EncryptedTextField()
    occurred_on = models.DateField()
    severity = models.CharField(max_length=12, choices=Severity.choices)
    region = models.CharField(max_length=100, blank=True, help_text="For the public counts only.")
    follow_up = models.CharField(max_length=10, choices=FollowUp.choices, default=FollowUp.NONE)
    shared_with = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["-occurred_on", "pk"]

    def __str__(self) -> str:
        return f"Reprisal {self.pk} after request {self.request_id}"


class Reading(models.Model):
    """One read of a sensitive record: shown to the advocate ("who read mine"). Deleted with it."""

    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="readings")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    what = models.CharField(max_length=100)
    break_glass = models.BooleanField(default=False,
                                      help_text="The secretariat read a request not assigned to it.")

    class Meta:
        ordering = ["-at", "pk"]

    def __str__(self) -> str:
        return f"{self.reader_id} read {self.what} of request {self.request_id}"


class DoorReminder(models.Model):
    """A reminder sent, under a key, so a second run sends nothing new."""

    key = models.CharField(max_length=100, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
