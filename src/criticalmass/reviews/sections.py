"""The gender review status of the documents linked to a plan or a process, on its page."""

from __future__ import annotations

from typing import Any

from criticalmass.core.sections import Section
from criticalmass.reviews.models import Document


def reviews_on(documents: list[Document], subject: str) -> Section | None:
    if not documents:
        return None
    caption = f"Documents on this {subject} and their gender review"
    return Section("Gender review", "reviews/_section.html", {"documents": documents, "caption": caption})


def plan_reviews_section(plan: Any) -> Section | None:
    return reviews_on(list(Document.objects.filter(plan=plan)), "plan")


def process_reviews_section(process: Any) -> Section | None:
    return reviews_on(list(Document.objects.filter(process=process)), "process")
