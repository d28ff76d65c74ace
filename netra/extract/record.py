"""The typed record that flows through the extraction pipeline.

Every stage takes a :class:`Document` and fills some of its fields. Field names
are stable: other stages (events, violations, statistics) and the monitoring
app read them. :meth:`Document.as_dict` gives the output schema of
``netra extract`` (the same schema as the corpus gold annotations).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(slots=True)
class Region:
    name: str  # official display name: "Provinsi Jawa Tengah", "Kota Bogor"
    level: str  # "province" | "regency" | "city"
    code: str  # Kemendagri code: "33", "32.71"


@dataclass(slots=True)
class Person:
    name: str  # without ranks, honorifics, degrees
    position: str | None = None  # in the text's own words


@dataclass(slots=True)
class Violation:
    actor_name: str | None = None
    actor_role: str | None = None
    actor_org: str | None = None
    act: str | None = None
    act_category: str = "other"
    status: str = "unknown"
    sanction: str | None = None


@dataclass(slots=True)
class Statistic:
    quantity: float | int
    unit: str | None = None
    scope: str | None = None
    as_of: str | None = None  # ISO date


@dataclass(slots=True)
class Document:
    """One input document and everything extracted from it."""

    source: str
    raw: str = ""  # decoded input (HTML or text), capped in size
    is_html: bool = False
    url: str | None = None
    title: str = ""
    text: str = ""  # cleaned article text, one paragraph per line
    sentences: list[str] = field(default_factory=list)
    language: str | None = None
    event_types: list[str] = field(default_factory=list)
    event_date: date | None = None
    publication_date: date | None = None
    regions: list[Region] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    loaded: bool = True  # False when the input could not be read at all (missing file, no permission)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def as_dict(self) -> dict:
        """The output record of ``netra extract`` (gold-annotation schema plus warnings)."""
        return {
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "event_types": list(self.event_types),
            "event_date": _iso(self.event_date),
            "publication_date": _iso(self.publication_date),
            "regions": [asdict(region) for region in self.regions],
            "organizations": list(self.organizations),
            "people": [asdict(person) for person in self.people],
            "violations": [asdict(violation) for violation in self.violations],
            "statistics": [asdict(statistic) for statistic in self.statistics],
            "warnings": list(self.warnings),
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
