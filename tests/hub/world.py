"""Hub data the tests share: a published practice, a pending story, extra evidence of each grade."""

from __future__ import annotations

from criticalmass.core.models import Role, User
from criticalmass.hub.models import Evidence, Practice, Status


def build_hub(author: User | None = None) -> dict[str, str]:
    author = author or User.objects.create_user(
        "hub-author", password="hub-author-password-1", roles=[Role.ADVOCATE], display_name="Hub Author"
    )
    Practice.objects.create(
        slug="radio-dialogues",
        type=Practice.Type.PRACTICE,
        title="Radio dialogues with commanders",
        what="Weekly radio programmes where women peacebuilders question battalion commanders.",
        country_id="SSD",
        who="A women's network",
        results="Two commanders opened patrol planning to women.",
        contacts="network@example.org",
        show_contacts=False,
        consent=True,
        author=author,
        status=Status.PUBLISHED,
    )
    Practice.objects.create(
        slug="pending-story",
        type=Practice.Type.STORY,
        title="A checkpoint story",
        what="What happened at the checkpoint.",
        consent=True,
        author=author,
        anonymous=True,
    )
    return {"practice": "radio-dialogues", "pending": "pending-story"}


def make_evidence(slug: str, grade: str, claim: str = "", **fields: object) -> Evidence:
    defaults = {
        "claim": claim or f"Claim {slug}",
        "source_title": "A report",
        "source_org": "An institute",
        "source_year": 2020,
        "grade": grade,
        "kind": "evidence",
        "arguments": ",legal_rights,",
        "audiences": ",military,",
    }
    defaults.update(fields)
    return Evidence.objects.create(slug=slug, **defaults)
