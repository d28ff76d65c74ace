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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from netra.extract.cleaning import split_sentences
from netra.extract.patterns import Caseless, group_end, top_alternatives
from netra.extract.record import Document

_RULES = tomllib.loads((Path(__file__).parent / "data" / "events.toml").read_text(encoding="utf-8"))
_LEAD = _RULES["lead"]
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

    def match(self, pattern: Caseless, pos: int) -> re.Match | None:
        """The pattern matched at ``pos`` (what comes before ``pos`` is seen by its look-behinds and \\b)."""
        if self._same_length:
            return pattern.lowered.match(self.lowered, pos)
        return pattern.ignorecase.match(self.text, pos)

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
    part_of: frozenset[str] = frozenset()  # labels that, when found too, make this one part of them

    def matches(self, sentence: _Sentence, context: _NextSentence, cue_starts: list[int]) -> bool:
        """A cue in ``sentence``; what it requires may also stand in ``context`` (the next sentence).

        ``cue_starts`` are the places where a cue of any label starts (at least one): a cue of this
        label can start nowhere else.
        """
        if not any(sentence.match(self.cue, start) for start in cue_starts):
            return False  # the usual case: neither the cues nor the requirement need be looked for
        cues = list(sentence.finditer(self.cue, cue_starts[0]))
        if self.requires and not sentence.found(self.requires) and not context.found(self.requires):
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
    return _Label(rule.get("label", key), Caseless(rule["cue"]), **optional, part_of=frozenset(rule.get("part_of", ())))


def _without_leading_group(alternative: str) -> list[str]:
    """ "(?:a|b)c" -> ["ac", "bc"] (nested leading groups too): the same places, each alternative opening with text.

    An alternative that does not open with a plain group, or whose group is repeated or optional, stays whole.
    """
    if not alternative.startswith("(?:"):
        return [alternative]
    close = group_end(alternative)
    rest = alternative[close + 1 :]
    if rest[:1] in ("?", "*", "+", "{"):
        return [alternative]
    return [x for inner in top_alternatives(alternative[3:close]) for x in _without_leading_group(inner + rest)]


def _word_start_alternatives(pattern: str) -> tuple[list[str], str] | None:
    """ "\\b(?:a|b)\\b" -> (["a", "b"], "\\b"), "\\b(?:a|b)" -> (["a", "b"], ""); None for another form."""
    if not pattern.startswith(r"\b(?:"):
        return None
    close = group_end(pattern, len(r"\b"))
    trailing = pattern[close + 1 :]
    if trailing not in ("", r"\b"):
        return None
    return top_alternatives(pattern[len(r"\b(?:") : close]), trailing


def _word_start_pattern(patterns: list[str]) -> str:
    """A pattern that matches at the places where one of ``patterns`` matches, faster.

    Patterns written "\\b(?:a|b|...)" or "\\b(?:a|b|...)\\b" have their alternatives (a leading group spread
    out: "(?:x|y)z" gives "xz" and "yz") grouped under their first letter after one "\\b": "\\b(?:d(?:eklarasi|
    ialog)|...)". At the start of a word the engine then tries one group instead of every alternative. Which
    alternative matches first may differ, so only where a match starts, or that there is one, may be read.
    Alternatives that do not open with a letter stay whole in that group; patterns of another form stay as they are.
    """
    by_letter: dict[str, list[str]] = {}
    not_by_letter: list[str] = []
    other_forms: list[str] = []
    for pattern in patterns:
        parts = _word_start_alternatives(pattern)
        if parts is None:
            other_forms.append(f"(?:{pattern})")
            continue
        alternatives, trailing = parts
        for alternative in (spread for a in alternatives for spread in _without_leading_group(a)):
            first, after = alternative[:1], alternative[1:2]
            if first.isascii() and first.isalpha() and after not in ("?", "*", "+", "{"):
                by_letter.setdefault(first.lower(), []).append(alternative[1:] + trailing)
            else:
                not_by_letter.append(f"(?:{alternative}){trailing}")
    groups = [letter + "(?:" + "|".join(rests) + ")" for letter, rests in by_letter.items()]
    return "|".join([r"\b(?:" + "|".join(groups + not_by_letter) + ")", *other_forms])


_FRAMING = Caseless(_word_start_pattern([_LEAD["framing"]]))
_BACKGROUND = Caseless(_word_start_pattern([_LEAD["background"]]))
_ACTIVITIES = [_label(key) for key in _RULES["labels"]]
# Every activity cue in one pattern: most sentences have none, and one search rules them all out.
_ANY_CUE = Caseless(_word_start_pattern([rule["cue"] for rule in _RULES["labels"].values()]))
# Where a sentence stands: the opening counts as it is, the rest of the lead unless it looks back,
# a later sentence only when it frames the activity.
_OPENING, _LEAD_ROLE, _FRAMED = "opening", "lead", "framed"
# Only looked for, as the framing and background patterns: the faster form of _word_start_pattern will do.
_APPEAL_PART_OF = frozenset(_RULES["labels"]["socialization"]["appeal_part_of"])
_APPEAL = Caseless(_word_start_pattern([_RULES["labels"]["socialization"]["appeal"]]))


def classify_events(doc: Document) -> list[str]:
    """Event-type labels in a stable order; 'other' when nothing else applies."""
    cases = case_labels(doc)
    body = BodySentences(doc.sentences or split_sentences(doc.text), doc.title)
    labels = set(activity_labels(doc.title, body, cases)) | cases
    if not labels:
        labels.add("other")
    return [name for name in LABEL_ORDER if name in labels]


class BodySentences:
    """The body sentences events reads: long enough, not page furniture, not the headline.

    Only the first few are read, so sentences are filtered as they are asked for.
    """

    def __init__(self, sentences: Sequence[str], title: str = "") -> None:
        self._sentences = sentences
        self._title = title.strip()
        self._kept: list[str] = []
        self._read = 0  # sentences looked at so far

    def first(self, count: int) -> list[str]:
        """The first ``count`` body sentences (fewer when the body is shorter)."""
        while len(self._kept) < count and self._read < len(self._sentences):
            sentence = self._sentences[self._read]
            self._read += 1
            if self._is_body(sentence):
                self._kept.append(sentence)
        return self._kept[:count]

    def following(self, sentence: str) -> str:
        """The body sentence after the last occurrence of ``sentence`` that has one after it, else ""."""
        if not self._is_body(sentence):
            return ""  # not in the body at all (the headline, say)
        sentences = self._sentences
        for index in range(len(sentences) - 1, -1, -1):
            if sentences[index] == sentence:
                after = next((s for s in sentences[index + 1 :] if self._is_body(s)), None)
                if after is not None:
                    return after
        return ""

    def _is_body(self, sentence: str) -> bool:
        min_words = _LEAD["min_words"]
        # split(None, n - 1) stops after n words: n pieces exactly when there are at least n words
        return (
            sentence.strip() != self._title and not _FURNITURE.match(sentence)
            and len(sentence.split(None, min_words - 1)) >= min_words
        )


class _NextSentence:
    """The body sentence after a cue sentence, looked up only when a requirement is looked for in it."""

    __slots__ = ("_body", "_text", "_sentence")

    def __init__(self, body: BodySentences, text: str) -> None:
        self._body, self._text = body, text
        self._sentence: _Sentence | None = None

    def found(self, pattern: Caseless) -> bool:
        if self._sentence is None:
            self._sentence = _Sentence(self._body.following(self._text))
        return bool(self._sentence.text) and self._sentence.found(pattern)


def activity_labels(title: str, body: BodySentences, case_labels: set[str] = frozenset()) -> set[str]:
    """Activity labels whose cue is in the lead or in an early framing sentence; a label found only by rules
    that are part of another label found (or of ``case_labels``) is left out."""
    matched: list[_Label] = []
    for sentence, cue_starts in _cue_sentences(title, body):
        context = _NextSentence(body, sentence.text)
        settled = {label.name for label in matched if not label.part_of}  # found by a rule of its own
        matched += [label for label in _ACTIVITIES
                    if label.name not in settled and label not in matched
                    and label.matches(sentence, context, cue_starts)]
    names = {label.name for label in matched} | set(case_labels)
    found = {label.name for label in matched if not label.part_of & names}
    if not found & _APPEAL_PART_OF and _is_appeal(title, body):
        found.add("socialization")
    return found


def _cue_sentences(title: str, body: BodySentences) -> list[tuple[_Sentence, list[int]]]:
    """The sentences where an activity cue counts, each once, with where cues of any label start.

    Those are the opening (headline and first sentence), the rest of the lead unless it looks
    back at an earlier occasion, and, up to ``framed_sentences``, sentences framing the
    activity as the occasion of the report that do not look back either. The tests run
    rarest first: most sentences hold no cue, and most beyond the lead no framing.
    """
    lead, framed = _LEAD["lead_sentences"], _LEAD["framed_sentences"]
    early = body.first(max(lead, framed))
    opening = [(s, _OPENING) for s in ([title] if title else []) + early[:1]]
    later = [(s, _LEAD_ROLE if k < lead else _FRAMED) for k, s in enumerate(early[1:], start=1)]
    found: dict[str, tuple[_Sentence, list[int]]] = {}
    for text, role in opening + later:
        if text in found:
            continue
        sentence = _Sentence(text)
        if role is _FRAMED and not sentence.found(_FRAMING):
            continue
        cue = sentence.search(_ANY_CUE)
        if cue is None or (role is not _OPENING and sentence.found(_BACKGROUND)):
            continue
        found[text] = (sentence, _cue_starts(sentence, cue.start()))
    return list(found.values())


def _cue_starts(sentence: _Sentence, first: int) -> list[int]:
    """Every place from ``first`` (the first) where a cue of some label starts, cues overlapping or not."""
    starts = [first]
    while (cue := sentence.search(_ANY_CUE, starts[-1] + 1)) is not None:
        starts.append(cue.start())
    return starts


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


def _is_appeal(title: str, body: BodySentences) -> bool:
    opening = ([title] if title else []) + body.first(_RULES["labels"]["socialization"]["appeal_sentences"])
    return any(_APPEAL.found(sentence) for sentence in opening)
