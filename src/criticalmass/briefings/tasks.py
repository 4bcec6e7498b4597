"""The briefings' task: building a PDF off the web request (core.queue)."""

from __future__ import annotations

from celery import shared_task

from criticalmass.briefings import pdfs


@shared_task(name="criticalmass.briefings.build_pdf", acks_late=True)
def build_pdf(query: dict[str, str], pdf_key: str) -> int:
    return pdfs.build_and_keep(query, pdf_key)
