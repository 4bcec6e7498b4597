"""A peace process's negotiation page carries the same sections as a mission's page: women's share of
its leadership posts and the "nothing about us without us" check."""

from __future__ import annotations

import datetime as dt

from criticalmass.core.models import Source
from criticalmass.doors.models import Holder, Post
from criticalmass.parity.models import Process


def test_it_shows_a_negotiations_leadership_and_the_without_us_check_on_its_page(client, db):
    source = Source.objects.create(slug="talks", dataset="Talks", publisher="Tests", file="t.csv",
                                   citation="Tests.")
    talks = Process.objects.create(slug="colombia", name="Colombia: Havana talks",
                                   kind=Process.Kind.NEGOTIATION, source=source)
    post = Post.objects.create(kind=Post.Kind.CHIEF_MEDIATOR, title="Chief mediator, Havana", process=talks)
    Holder.objects.create(post=post, name="C. Mediator", sex=Holder.Sex.WOMAN, start_date=dt.date(2015, 1, 1),
                          citation="Press release")
    page = client.get("/negotiations/colombia/").content.decode()
    assert "Women in its leadership posts" in page
    assert "Nothing about us without us" in page
