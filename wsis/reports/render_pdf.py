"""A report Document as an A4 PDF, printed by WeasyPrint from the report's HTML."""

from __future__ import annotations

import hashlib

from wsis.reports.document import Document
from wsis.reports.render_html import render_html, w3c_date


def render_pdf(doc: Document) -> bytes:
    """The PDF bytes; the same Document (generation time included) always gives the same bytes."""
    # Imported here: WeasyPrint loads Pango and fontconfig, which only a PDF needs.
    from weasyprint import HTML, URLFetcher

    # The page is self-contained; refusing every URL keeps text from the registry from fetching anything.
    fetcher = URLFetcher(allowed_protocols=())
    printed = HTML(string=render_html(doc), url_fetcher=fetcher).render()
    # Dates come from the document, never from the clock, so a second run is byte-identical.
    moment = w3c_date(doc.generated_at) or None
    printed.metadata.created = moment
    printed.metadata.modified = moment
    identifier = hashlib.sha256(f"{doc.fingerprint()}|{doc.generated_at}".encode()).hexdigest()[:32]
    return printed.write_pdf(pdf_identifier=identifier.encode("ascii"))
