"""Trainings' figures, each one Table for the page, the CSV and the API: programmes, a programme's
cycles and questionnaire results, the trainers' cascade, and dialogues. Aggregates only; every count
below five is shown as "fewer than 5" (lib.trainings)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.urls import reverse

from criticalmass.figures.tables import Column, Table
from criticalmass.lib import trainings as maths
from criticalmass.trainings.models import Cycle, Dialogue, FollowUp, Programme, Tally

SOURCE = "Trainings and dialogues recorded on this platform"
FEW = "fewer than 5"


class RecordsTable(Table):
    """A table of the platform's own records: cited as such, not as an imported file's rows."""

    @property
    def citation(self) -> str:
        return SOURCE


def people_columns() -> list[Column]:
    return [Column("women", "Women", "int", none=FEW), Column("men", "Men", "int", none=FEW),
            Column("not_stated", "Sex not stated", "int", none=FEW),
            Column("women_share", "Women (% of women and men)", "pct", none="fewer than 5 counted")]


def people(women: int | None, men: int | None, not_stated: int | None) -> dict[str, Any]:
    w, m, n = women or 0, men or 0, not_stated or 0
    return {"women": maths.shown_count(w), "men": maths.shown_count(m), "not_stated": maths.shown_count(n),
            "women_share": maths.women_share(w, m)}


ATTENDED = {"women": Sum("sessions__attendance__women"), "men": Sum("sessions__attendance__men"),
            "not_stated": Sum("sessions__attendance__not_stated")}


def programmes() -> QuerySet[Programme]:
    return Programme.objects.select_related("organization").order_by("title", "pk")


def programme_row(programme: Programme, totals: dict[str, Any]) -> dict[str, Any]:
    return {"programme": programme.title, "slug": programme.slug,
            "organisation": programme.organization.name if programme.organization else "Secretariat",
            "track": programme.get_track_display(), "format": programme.get_format_display(),
            "language": programme.language, "trains_trainers": programme.trains_trainers,
            "youth": programme.youth, "cycles": totals.get("cycles", 0),
            **people(totals.get("women"), totals.get("men"), totals.get("not_stated")), "source": SOURCE}


def programmes_table(shown: Iterable[Programme]) -> Table:
    """One row per programme: its cycles and everyone counted at its sessions."""
    listed = list(shown)
    totals = {row["programme"]: row for row in Cycle.objects.filter(programme__in=listed).values("programme")
              .annotate(cycles=Count("pk", distinct=True), **ATTENDED)}
    rows = [programme_row(p, totals.get(p.pk, {})) for p in listed]
    columns = [Column("programme", "Programme", row_header=True,
                      link=lambda r: reverse("trainings:programme", args=[r["slug"]])),
               Column("organisation", "Run by"), Column("track", "Track"), Column("format", "Format"),
               Column("language", "Language"), Column("trains_trainers", "Trains trainers", "yesno"),
               Column("youth", "For youth", "yesno"), Column("cycles", "Cycles", "int"), *people_columns()]
    return RecordsTable("programmes", "Training programmes and the people counted at their sessions",
                        columns, rows)


def cycles_table(programme: Programme) -> Table:
    found = (programme.cycles.select_related("country")
             .annotate(sessions_count=Count("sessions", distinct=True))
             .order_by("starts_on", "pk"))
    sums = {c["pk"]: c for c in programme.cycles.values("pk").annotate(**ATTENDED)}
    rows = [{"cycle": c.name, "country": c.country.name if c.country else None, "starts_on": c.starts_on,
             "ends_on": c.ends_on, "sessions": c.sessions_count,
             **people(sums[c.pk]["women"], sums[c.pk]["men"], sums[c.pk]["not_stated"]), "source": SOURCE}
            for c in found]
    columns = [Column("cycle", "Cycle", row_header=True), Column("country", "Country"),
               Column("starts_on", "Starts", "date"), Column("ends_on", "Ends", "date"),
               Column("sessions", "Sessions", "int"), *people_columns()]
    return RecordsTable("cycles", f"Cycles of {programme.title}, and the people counted at their sessions",
                        columns, rows)


def results_table(programme: Programme) -> Table:
    """Each cycle's questionnaire items: answers and mean before and after, and the change."""
    tallies = Tally.objects.filter(cycle__programme=programme).select_related("cycle", "item")
    found: dict[tuple[int, int], dict[str, maths.ScaleResult]] = {}
    labels: dict[tuple[int, int], tuple[Cycle, str, str]] = {}
    for tally in tallies:
        key = (tally.cycle_id, tally.item_id)
        found.setdefault(key, {})[tally.phase] = maths.scale_result(tally.counts)
        labels[key] = (tally.cycle, tally.item.text, tally.item.get_kind_display())
    none = maths.scale_result([0] * len(maths.SCALE))
    rows = []
    for key in sorted(labels, key=lambda k: (labels[k][0].starts_on, k)):
        cycle, text, kind = labels[key]
        pre, post = found[key].get("pre", none), found[key].get("post", none)
        rows.append({"cycle": cycle.name, "item": text, "kind": kind,
                     "pre_answers": maths.shown_count(pre.answers), "pre_mean": pre.mean,
                     "post_answers": maths.shown_count(post.answers), "post_mean": post.mean,
                     "change": maths.change(pre, post), "source": SOURCE})
    columns = [Column("cycle", "Cycle", row_header=True), Column("item", "Item"), Column("kind", "Measures"),
               Column("pre_answers", "Answers before", "int", none=FEW),
               Column("pre_mean", "Mean before (1–5)", "points", none=FEW + " answers"),
               Column("post_answers", "Answers after", "int", none=FEW),
               Column("post_mean", "Mean after (1–5)", "points", none=FEW + " answers"),
               Column("change", "Change", "trend", none="not shown")]
    return RecordsTable("results", "Questionnaire before and after each cycle (1 strongly disagree, "
                        "5 strongly agree; no figure from fewer than 5 answers)", columns, rows)


def cascade_table() -> Table:
    """People reached through trainers, by country and language: the latest follow-up of each trainer
    (the 6-month answer counts everything since the training, so it replaces the 3-month one)."""
    latest: dict[int, FollowUp] = {}
    for follow_up in FollowUp.objects.select_related("country").order_by("trainer_id", "months"):
        latest[follow_up.trainer_id] = follow_up
    reach = [maths.Reach(f.country.name, f.language.strip().capitalize(), f.people_trained)
             for f in latest.values()]
    rows = [{"country": country, "language": language, "people": count, "source": SOURCE}
            for country, language, count in maths.cascade(reach)]
    columns = [Column("country", "Country", row_header=True), Column("language", "Language"),
               Column("people", "People trained by trainers", "int", none=FEW)]
    return RecordsTable("cascade", "People reached through trainers, by country and language", columns, rows)


def dialogues() -> QuerySet[Dialogue]:
    return Dialogue.objects.select_related("organization").annotate(
        agreed=Count("actions", distinct=True),
        committed=Count("actions", filter=Q(actions__commitment__isnull=False), distinct=True),
    ).order_by("-date", "title", "pk")


def dialogues_table(shown: Iterable[Dialogue]) -> Table:
    rows = [{"dialogue": d.title, "slug": d.slug, "date": d.date, "place": d.place,
             "format": d.get_format_display(),
             "organisation": d.organization.name if d.organization else "Secretariat",
             **people(d.women, d.men, d.not_stated), "agreed_actions": getattr(d, "agreed", 0),
             "commitments": getattr(d, "committed", 0), "source": SOURCE} for d in shown]
    columns = [Column("dialogue", "Dialogue", row_header=True,
                      link=lambda r: reverse("trainings:dialogue", args=[r["slug"]])),
               Column("date", "Date", "date"), Column("place", "Place"), Column("format", "Format"),
               Column("organisation", "Organised by"), *people_columns(),
               Column("agreed_actions", "Agreed actions", "int"),
               Column("commitments", "Made commitments", "int")]
    return RecordsTable("dialogues", "Cross-gender dialogues: who sat at the table and what they agreed",
                        columns, rows)


def organisations_trainings(organisation_ids: Iterable[int]) -> dict[str, Any]:
    """What some organisations' programmes add up to: programmes, cycles, and the people counted at their
    sessions (below five: "fewer than 5"). For a nominee's record (awards)."""
    mine = Programme.objects.filter(organization__in=list(organisation_ids))
    cycles = Cycle.objects.filter(programme__in=mine)
    attended = cycles.aggregate(**ATTENDED)
    counted = sum(value or 0 for value in attended.values())
    shown = maths.shown_count(counted)
    return {"programmes": mine.count(), "cycles": cycles.count(),
            "people_counted": FEW if shown is None else shown}
