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
from collections.abc import Iterator
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


class _Sentence:
    """A sentence with its lowered text, made once for the many caseless patterns tried on it.

    Like ``Caseless``, a pattern runs lowered over the lowered text when lowering keeps the length
    (offsets then agree), else case-insensitively over the text as written.
    """

    __slots__ = ("text", "lowered", "_same_length")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self._same_length = len(self.lowered) == len(text)

    def search(self, pattern: Caseless, pos: int = 0) -> re.Match | None:
        if self._same_length:
            return pattern.lowered.search(self.lowered, pos)
        return pattern.ignorecase.search(self.text, pos)

    def found(self, pattern: Caseless) -> bool:
        return self.search(pattern) is not None

    def finditer(self, pattern: Caseless, pos: int = 0) -> Iterator[re.Match]:
        if self._same_length:
            return pattern.lowered.finditer(self.lowered, pos)
        return pattern.ignorecase.finditer(self.text, pos)


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    cue: Caseless
    requires: Caseless | None
    excludes: Caseless | None

    def matches(self, sentence: _Sentence, context: _Sentence | None, first_cue: int = 0) -> bool:
        """A cue in ``sentence``; what it requires may also stand in ``context`` (the next sentence).

        ``first_cue`` is where the sentence's first cue of any label starts: no cue starts before it.
        """
        cues = list(sentence.finditer(self.cue, first_cue))
        if not cues:
            return False  # the usual case: the requirement need not be looked for
        if self.requires and not sentence.found(self.requires) and not (context and context.found(self.requires)):
            return False
        return any(not self._excluded(sentence, m) for m in cues)

    def _excluded(self, sentence: _Sentence, match: re.Match) -> bool:
        if not self.excludes:
            return False
        return any(e.start() <= match.start() < e.end() for e in sentence.finditer(self.excludes))


def _label(key: str) -> _Label:
    """A rule of events.toml; ``label`` names the output label when the key is a variant."""
    rule = _RULES["labels"][key]
    optional = {k: Caseless(rule[k]) if k in rule else None for k in ("requires", "excludes")}
    return _Label(rule.get("label", key), Caseless(rule["cue"]), **optional)


_ACTIVITIES = [_label(key) for key in _RULES["labels"]]
# Every activity cue in one pattern: most sentences have none, and one search rules them all out.
_ANY_CUE = Caseless("|".join(f"(?:{_RULES['labels'][key]['cue']})" for key in _RULES["labels"]))
# Where a sentence stands: the opening counts as it is, the rest of the lead unless it looks back,
# a later sentence only when it frames the activity.
_OPENING, _LEAD_ROLE, _FRAMED = "opening", "lead", "framed"
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
    following = {s: body[k + 1] for k, s in enumerate(body[:-1])}
    found: set[str] = set()
    for sentence, first_cue in _cue_sentences(title, body):
        next_text = following.get(sentence.text, "")
        context = _Sentence(next_text) if next_text else None
        found |= {
            label.name for label in _ACTIVITIES
            if label.name not in found and label.matches(sentence, context, first_cue)
        }
    if not found & {"ceremony", "declaration"} and _is_appeal(title, body):
        found.add("socialization")
    return found


def _cue_sentences(title: str, body: list[str]) -> list[tuple[_Sentence, int]]:
    """The sentences where an activity cue counts, each once, with where its first cue starts.

    Those are the opening (headline and first sentence), the rest of the lead unless it looks
    back at an earlier occasion, and, up to ``framed_sentences``, sentences framing the
    activity as the occasion of the report that do not look back either. The tests run
    rarest first: most sentences hold no cue, and most beyond the lead no framing.
    """
    lead, framed = _LEAD["lead_sentences"], _LEAD["framed_sentences"]
    opening = [(s, _OPENING) for s in ([title] if title else []) + body[:1]]
    later = [(s, _LEAD_ROLE if k < lead else _FRAMED) for k, s in enumerate(body[1 : max(lead, framed)], start=1)]
    found: dict[str, tuple[_Sentence, int]] = {}
    for text, role in opening + later:
        if text in found:
            continue
        sentence = _Sentence(text)
        if role is _FRAMED and not sentence.found(_FRAMING):
            continue
        cue = sentence.search(_ANY_CUE)
        if cue is None or (role is not _OPENING and sentence.found(_BACKGROUND)):
            continue
        found[text] = (sentence, cue.start())
    return list(found.values())


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
