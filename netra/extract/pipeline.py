"""The extraction pipeline, as a checklist (after trafilatura's ``bare_extraction``).

load -> clean -> language check -> dates -> regions -> organisations -> people
-> events -> violations -> statistics. Every stage is a small function that takes
the Document and returns it enriched; bad input becomes warnings, never an exception.
"""

from __future__ import annotations

from pathlib import Path

from netra.extract.cleaning import check_language, clean, load_path, load_text
from netra.extract.dates import add_dates
from netra.extract.events import classify_events
from netra.extract.organizations import add_organizations
from netra.extract.people import add_people
from netra.extract.places import add_regions
from netra.extract.record import Document
from netra.extract.statistics import find_statistics
from netra.extract.violations import find_violations


def run(doc: Document) -> Document:
    """All stages over a loaded Document (``doc.raw`` set)."""
    if not doc.raw:
        return doc
    doc = clean(doc)
    if not doc.text:
        return doc
    doc = check_language(doc)
    doc = add_dates(doc)
    doc = add_regions(doc)
    doc = add_organizations(doc)
    doc = add_people(doc)
    doc.violations = find_violations(doc)
    doc.statistics = find_statistics(doc)
    doc.event_types = classify_events(doc)
    return doc


def run_safely(doc: Document) -> Document:
    """``run`` that turns an unexpected error into a warning, so a batch always goes on."""
    try:
        return run(doc)
    except Exception as error:  # noqa: BLE001 - one bad document must not stop a batch
        doc.warn(f"extraction failed: {type(error).__name__}: {error}")
        return doc


def extract_path(path: str | Path) -> Document:
    """One input file (.txt, .html or .json) to a Document."""
    return run_safely(load_path(path))


def extract_text(text: str, source: str = "<text>", title: str | None = None) -> Document:
    """Plain text to a Document (line 1 is the title unless ``title`` is given)."""
    return run_safely(load_text(text, source, title))


def extract_html(html: str, source: str = "<html>", url: str | None = None) -> Document:
    """A saved HTML page to a Document."""
    return run_safely(Document(source=source, raw=html, is_html=True, url=url))
