"""Event types of an article: what it reports as having happened.

Activity labels (declaration, ceremony, coordination_meeting, socialization, other) come
from cue patterns in ``data/events.toml`` that must appear in the lead or in an early
sentence framing the activity as the occasion of the report. Case labels come from the
extracted record: ``violation_report`` when there are violations, ``violation_handling``
when one of them went beyond a report, ``sanction`` when one was sanctioned or a sanction
was recommended, and ``statistics`` exactly when statistics were found. So the pipeline
runs this stage after ``find_violations`` and ``find_statistics``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from netra.extract.cleaning import split_sentences
from netra.extract.patterns import Caseless
from netra.extract.record import Document

_RULES = tomllib.loads((Path(__file__).parent / "data" / "events.toml").read_text(encoding="utf-8"))
_LEAD = _RULES["lead"]
_FRAMING = Caseless(_LEAD["framing"])
_BACKGROUND = Caseless(_LEAD["background"])
_FURNITURE = re.compile(
    r"^\s*(?:baca\s+(?:juga|berita)|berita\s+(?:terkait|lainnya)|penulis\s*:|editor\s*:|laporan\s+reporter|"
    r"keterangan\s+foto|home\s*/)",
    re.IGNORECASE,
)

HANDLING_STATUSES = frozenset({"under_review", "forwarded", "recommended_sanction", "sanctioned", "dismissed"})
SANCTION_STATUSES = frozenset({"recommended_sanction", "sanctioned"})
LABEL_ORDER = (
    "declaration", "ceremony", "coordination_meeting", "socialization", "violation_report",
    "violation_handling", "sanction", "statistics", "other",
)


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    cue: Caseless
    requires: Caseless | None
    excludes: Caseless | None

    def matches(self, sentence: str, context: str = "") -> bool:
        """A cue in ``sentence``; what it requires may also stand in ``context`` (the next sentence)."""
        cues = list(self.cue.finditer(sentence))
        if not cues:
            return False  # the usual case: the requirement need not be looked for
        if self.requires and not self.requires.found(sentence) and not (context and self.requires.found(context)):
            return False
        return any(not self._excluded(sentence, m) for m in cues)

    def _excluded(self, sentence: str, match: re.Match) -> bool:
        if not self.excludes:
            return False
        return any(e.start() <= match.start() < e.end() for e in self.excludes.finditer(sentence))


def _label(key: str) -> _Label:
    """A rule of events.toml; ``label`` names the output label when the key is a variant."""
    rule = _RULES["labels"][key]
    optional = {k: Caseless(rule[k]) if k in rule else None for k in ("requires", "excludes")}
    return _Label(rule.get("label", key), Caseless(rule["cue"]), **optional)


_ACTIVITIES = [_label(key) for key in _RULES["labels"]]
# Every activity cue in one pattern: most sentences have none, and one search rules them all out.
_ANY_CUE = Caseless("|".join(f"(?:{_RULES['labels'][key]['cue']})" for key in _RULES["labels"]))
_APPEAL = Caseless(_RULES["labels"]["socialization"]["appeal"])


def classify_events(doc: Document) -> list[str]:
    """Event-type labels in a stable order; 'other' when nothing else applies."""
    labels = set(activity_labels(doc.title, _body_sentences(doc)))
    labels |= case_labels(doc)
    if not labels:
        labels.add("other")
    return [name for name in LABEL_ORDER if name in labels]


def activity_labels(title: str, body: list[str]) -> set[str]:
    """Activity labels whose cue is in the lead or in an early framing sentence."""
    opening = ([title] if title else []) + body[:1]
    lead = [s for s in body[1 : _LEAD["lead_sentences"]] if not _BACKGROUND.found(s)]
    framed = [s for s in body[: _LEAD["framed_sentences"]] if _FRAMING.found(s) and not _BACKGROUND.found(s)]
    following = {s: body[k + 1] for k, s in enumerate(body[:-1])}
    candidates = [s for s in dict.fromkeys(opening + lead + framed) if _ANY_CUE.found(s)]
    found = {label.name for label in _ACTIVITIES if any(label.matches(s, following.get(s, "")) for s in candidates)}
    if not found & {"ceremony", "declaration"} and _is_appeal(title, body):
        found.add("socialization")
    return found


def case_labels(doc: Document) -> set[str]:
    """Labels read off the violations and statistics already extracted."""
    labels = set()
    if doc.violations:
        labels.add("violation_report")
    statuses = {violation.status for violation in doc.violations}
    if statuses & HANDLING_STATUSES:
        labels.add("violation_handling")
    if statuses & SANCTION_STATUSES:
        labels.add("sanction")
    if doc.statistics:
        labels.add("statistics")
    return labels


def _is_appeal(title: str, body: list[str]) -> bool:
    opening = ([title] if title else []) + body[: _RULES["labels"]["socialization"]["appeal_sentences"]]
    return any(_APPEAL.found(sentence) for sentence in opening)


def _body_sentences(doc: Document) -> list[str]:
    body = doc.sentences or split_sentences(doc.text)
    title = doc.title.strip()
    return [
        s for s in body
        if len(s.split()) >= _LEAD["min_words"] and not _FURNITURE.match(s) and s.strip() != title
    ]
