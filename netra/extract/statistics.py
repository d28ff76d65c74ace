"""Aggregate counts about neutrality supervision ("3 laporan", "sebanyak 19 ASN ... dijatuhi hukuman").

A number (digits with Indonesian separators, or a number word) is a statistic when the
word right after it is a unit from ``data/statistics.toml``: a case unit (laporan, aduan,
kasus, ...), a person unit backed by an aggregate cue and a violation cue, a percentage
near such words, or a headcount given as the base of a case count ("ASN ... dengan jumlah
14.851 dengan dugaan pelanggaran 8 kasus"). Citations, years, ranks and money are left out
by the words before the number; counts repeated in the headline and the body are kept once.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from netra.extract.cleaning import split_sentences
from netra.extract.patterns import Caseless, literal_alternation
from netra.extract.record import Document, Statistic

_RULES = tomllib.loads((Path(__file__).parent / "data" / "statistics.toml").read_text(encoding="utf-8"))
_NUMBERS = _RULES["numbers"]
_UNITS = _RULES["units"]
_CONTEXT = _RULES["context"]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _number_word_pattern() -> str:
    digit = literal_alternation(sorted(_NUMBERS["digits"], key=len, reverse=True))
    tens = rf"(?:{digit})\s+{_NUMBERS['tens']}(?:\s+(?:{digit}))?"
    teens = rf"(?:{digit})\s+{_NUMBERS['teens']}"
    return rf"{tens}|{teens}|{literal_alternation(sorted(_NUMBERS['specials'], key=len, reverse=True))}|{digit}"


# Digits not glued to a word, a separator or a decimal part, as
# "(?<![\w.,/:-])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)" but with the first digit before the
# look-behind that checks what precedes it: a scan tries this branch only where a digit is (same matches).
_DIGITS_AFTER_FIRST = r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
_DIGITS = rf"\d(?<![\w.,/:-]\d){_DIGITS_AFTER_FIRST}"
_DIGITS_NUMBER = rf"(?P<digits>{_DIGITS})(?![\w/:-]|[.,]\d)"
_NUMBER = re.compile(rf"{_DIGITS_NUMBER}|(?<![\w-])(?P<words>{_number_word_pattern()})(?![\w-])", re.IGNORECASE)
_UNIT = re.compile(
    rf"\s*(?:(?:{_alternation(_UNITS['copulas'])})\s+(?=(?:{_alternation(_UNITS['case'])})\b))?\(?(?:orang\s+)?"
    rf"(?:(?P<case>{_alternation(_UNITS['case'])})"
    rf"|(?P<person>{_alternation(_UNITS['person'])})"
    rf"|(?P<continuation>{_alternation(_UNITS['continuation'])})"
    rf"|(?P<percent>{_alternation(_UNITS['percent'])}))(?!\w)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w%-]+")
_UNIT_TAIL = re.compile(
    r"(?:\s+(?!(?:itu|ini|kami|kita|sebanyak|sesuai|dengan|agar|dan|atau)\b)(?:\([A-Z]+\)|[a-z]+|ASN|PNS|PPPK|KASN|BKN|PPK)){0,4}"
)
_SCOPE = re.compile(
    r"\b(?:[Dd]i|[Ss]e-?)\s*(?:(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)\s+)?"
    r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
)
_ELLIPTICAL = re.compile(
    rf"\s+(?P<among>(?:di\s*antaranya|diantaranya)\s+)?(?:(?:telah|sudah|masih|juga|tidak|belum)\s+)?"
    rf"(?:{_alternation(_UNITS['elliptical_verbs'])})\b",
    re.IGNORECASE,
)
# "dua kasus tersebut": the unit points back at a count already given.
_ANAPHORIC = re.compile(r"\s+(?:tersebut|itu)\b", re.IGNORECASE)
_PLACE_BEFORE_NUMBER = re.compile(
    r"\b(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"\s*(?:dengan|sebanyak|ada|:|-)?\s*$"
)
_EXCLUDED_AFTER = Caseless(_alternation(_CONTEXT["excluded_after"]))
_OTHER_TYPE = Caseless(rf"\b(?:{_alternation(_CONTEXT['other_violation_types'])})\b")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MONEY = Caseless(rf"\b(?:{_alternation(_CONTEXT['money_politics'])})\b")
# Each money phrase holds its longest word, as _MONEY.lowered spells it (only A-Z lowered): a lowered text
# without any of these words holds no money phrase.
_MONEY_WORDS = tuple(
    max(phrase.translate(_ASCII_LOWER).split(), key=len) for phrase in _CONTEXT["money_politics"]
)
_NEUTRALITY = Caseless(rf"\b(?:{_alternation(_CONTEXT['neutrality'])})")
_NEXT_NUMBER = re.compile(r"\d|[.;!?](?:\s|$)")
# "sebanyak 463 atau 74,9 persen dinilai melanggar": the share restates the count before it.
_SHARE_AFTER = re.compile(r"\s+atau\s+\d+(?:,\d+)?\s*(?:persen|%)", re.IGNORECASE)
_OR_BEFORE = Caseless(r"\batau\s*$")
_PERSONS_COUNTED = re.compile(r"\b\d[\d.]*\s+orang\b")
# A percentage in brackets right after a counted figure: "178 ASN (47,8 persen)".
_SHARE_OF_PREVIOUS = re.compile(r"\d\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s*\(\s*$")
_FURNITURE = re.compile(r"^\s*(?:baca\s+(?:juga|berita)|berita\s+(?:terkait|lainnya)|lihat\s+juga)\b", re.I)
_VIOLATION = Caseless(rf"\b(?:{_alternation(_CONTEXT['violation'])})\b")
_CASE_WORD = re.compile(rf"\b(?:{_alternation(_UNITS['case'])})\b", re.IGNORECASE)
_PERSON_WORD = re.compile(rf"\b(?:{_alternation(_UNITS['person'])})\b", re.IGNORECASE)
_YEARS = range(1945, 2101)
# The word lists that words are looked up in, as sets (same membership, found without going through a list).
_EXCLUDED_BEFORE = frozenset(_CONTEXT["excluded_before"])
_NEGATIONS = frozenset(_CONTEXT["negations"])
_AGGREGATE = frozenset(_CONTEXT["aggregate"])
_HEADCOUNT = frozenset(_CONTEXT["headcount"])
_PERCENT_EXCLUDED_BEFORE = frozenset(_CONTEXT["percent_excluded_before"])
_NOT_PLACES = frozenset(_CONTEXT["not_places"])
_NUMBER_LOWER = re.compile(_NUMBER.pattern)


def _number_scan_pattern() -> str:
    """A pattern for lowered text that begins one character before each number ``_NUMBER_LOWER.finditer`` finds.

    A number begins after a character that is no word character nor "-" (nor ".", ",", "/" or ":" before
    digits), or at the start of the text: scanned with a character put before it, one character class opens
    the pattern and a scan tries only the places of such a character. Number words are tried as a trie of their
    first letters ("d(?:ua(?:...)?|elapan(?:...)?)|..."): a digit word may go on with "puluh" (and a digit word)
    or "belas", tried in the order of ``_number_word_pattern``; a special ("sepuluh") never begins where a digit
    word does. No match holds the character before the next one (matches end with a word character).
    """
    digit_words = sorted(_NUMBERS["digits"], key=len, reverse=True)
    digit = literal_alternation(digit_words)
    suffix = rf"(?:\s+{_NUMBERS['tens']}(?:\s+{digit})?|\s+{_NUMBERS['teens']})?"
    rests: dict[str, list[str]] = defaultdict(list)
    for word in digit_words:
        rests[word[0]].append(re.escape(word[1:]) + suffix)
    for word in sorted(_NUMBERS["specials"], key=len, reverse=True):
        rests[word[0]].append(re.escape(word[1:]))
    words = "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items())
    return rf"[^\w-](?:(?<![.,/:])\d{_DIGITS_AFTER_FIRST}(?![\w/:-]|[.,]\d)|(?:{words})(?![\w-]))"


_NUMBER_SCAN = re.compile(_number_scan_pattern())
# Joins a document's sentences for one scan: no number holds it, and a number's look-arounds treat it
# like the end of the text (it is neither a word character, a space nor a separator such as "." or "-").
# Lowering is per character except for a final sigma, which it also ends like the end of the text.
_SENTENCE_JOIN = "\x00"
_EXCLUDED_PERCENT = Caseless(rf"\b(?:{_alternation(_CONTEXT['percent_excluded_before'])})\b")


@dataclass(slots=True)
class _Count:
    quantity: float | int
    unit: str
    scope: str | None
    kind: str  # "case", "person", "percent", "headcount"


def find_statistics(doc: Document) -> list[Statistic]:
    """Aggregate supervision counts in the document, each figure once.

    In a case story (the violations stage found cases), a small count of persons is the group accused
    ("Bawaslu mengindikasikan sebanyak enam ASN tidak netral"), not a figure of its own.
    """
    found: list[Statistic] = []
    case_story = bool(doc.violations)
    for sentence, lowered, numbers in _sentences_with_numbers(doc):
        if _FURNITURE.match(sentence):
            continue
        earlier = list(found)  # repeats are looked for in other sentences only
        for count in _counts(sentence, lowered, numbers, previous_unit=found[-1].unit if found else None):
            if case_story and count.kind == "person" and count.quantity < _CONTEXT["person_aggregate_minimum"]:
                continue
            if not any(_same_figure(count, stat) for stat in earlier):
                found.append(Statistic(quantity=count.quantity, unit=count.unit, scope=count.scope))
    return found


def _sentences_with_numbers(doc: Document) -> Iterator[tuple[str, str | None, list[re.Match]]]:
    """The headline and body sentences that hold a number (or each sentence, see below), with the sentence
    lowered (None when that changes its length) and its numbers.

    The numbers of all sentences are found in one scan of the lowered document (most sentences hold
    none), then matched again in their own sentence. When lowering changes the document's length,
    each sentence is scanned on its own, as ``counts_in_sentence`` does, and all are given.
    """
    sentences = _headline_and_body(doc)
    joined = _SENTENCE_JOIN.join(sentences)
    lowered = joined.lower()
    if len(lowered) != len(joined):
        for sentence in sentences:
            yield sentence, *_numbers_in_sentence(sentence)
        return
    starts = _number_starts(lowered)
    sentence_start = 0
    for sentence in sentences:
        sentence_end = sentence_start + len(sentence)
        first = bisect_left(starts, sentence_start)
        if first < len(starts) and starts[first] < sentence_end:
            own = lowered[sentence_start:sentence_end]
            last = bisect_left(starts, sentence_end, first)
            yield sentence, own, [_NUMBER_LOWER.match(own, start - sentence_start) for start in starts[first:last]]
        sentence_start = sentence_end + len(_SENTENCE_JOIN)


def _number_starts(lowered: str) -> list[int]:
    """Where the numbers of a lowered text begin, in order (the starts of ``_NUMBER_LOWER.finditer``)."""
    # The scan begins one character before each number; the character put before the text makes up for it.
    return [match.start() for match in _NUMBER_SCAN.finditer(_SENTENCE_JOIN + lowered)]


def _same_figure(count: _Count, stat: Statistic) -> bool:
    """A repeat: the same number for the same place (or with no place on one side)."""
    if float(count.quantity) != float(stat.quantity):
        return False
    return not count.scope or not stat.scope or count.scope.lower() == stat.scope.lower()


def counts_in_sentence(sentence: str, previous_unit: str | None = None) -> list[_Count]:
    """Statistic candidates of one sentence, in reading order.

    ``previous_unit`` is the unit of the article's last count: a bare number before a
    handling verb ("Sedangkan 1.378 ditindaklanjuti ...") continues those figures.
    """
    return _counts(sentence, *_numbers_in_sentence(sentence), previous_unit)


def _numbers_in_sentence(sentence: str) -> tuple[str | None, list[re.Match]]:
    """The sentence lowered (None when lowering changes its length) and the numbers matched in that text."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        return None, list(_NUMBER.finditer(sentence))
    # A case-sensitive scan of the lowered sentence is about twice as fast as IGNORECASE (same offsets).
    return lowered, [_NUMBER_LOWER.match(lowered, start) for start in _number_starts(lowered)]


def _counts(sentence: str, lowered: str | None, numbers: list[re.Match], previous_unit: str | None) -> list[_Count]:
    """The counts the numbers of a sentence give; ``lowered`` is the sentence lowered, if that kept its length."""
    counts: list[_Count] = []
    if not numbers or _is_about_money_only(sentence, lowered):
        return counts
    for match in numbers:
        count = _classify_number(sentence, match, counts, previous_unit)
        if count is not None:
            counts.append(count)
    if not any(c.kind == "case" for c in counts):
        counts = [c for c in counts if c.kind != "headcount"]
    return counts


def _is_about_money_only(sentence: str, lowered: str | None) -> bool:
    """Money politics without a word on neutrality; ``lowered`` is the sentence lowered, if that kept its length."""
    if lowered is None:
        return _MONEY.found(sentence) and not _NEUTRALITY.found(sentence)
    if not any(word in lowered for word in _MONEY_WORDS):
        return False  # most sentences: a few substring tests instead of a scan
    return _MONEY.lowered.search(lowered) is not None and _NEUTRALITY.lowered.search(lowered) is None


def parse_number(text: str) -> float | int | None:
    """'1.158' -> 1158, '2,5' -> 2.5, 'dua belas' -> 12, 'tiga' -> 3."""
    text = " ".join(text.lower().split())
    if not _NUMBER.fullmatch(text):
        return None
    if text[:1].isdigit():
        return _digits_value(text)
    words = text.split()
    digits, specials = _NUMBERS["digits"], _NUMBERS["specials"]
    if len(words) == 1:
        return digits.get(words[0], specials.get(words[0]))
    if words[1] == _NUMBERS["teens"]:
        return 10 + digits[words[0]]
    if words[1] == _NUMBERS["tens"]:
        return 10 * digits[words[0]] + (digits[words[2]] if len(words) > 2 else 0)
    return None


def _digits_value(digits: str) -> float | int:
    """'1.158' -> 1158, '2,5' -> 2.5: the value of digits with Indonesian separators."""
    integer, _, fraction = digits.replace(".", "").partition(",")
    return float(f"{integer}.{fraction}") if fraction else int(integer)


def _quantity(match: re.Match) -> float | int | None:
    """``parse_number`` of a number matched by ``_NUMBER``: digits need no normalising or checking again."""
    digits = match.group("digits")
    return _digits_value(digits) if digits else parse_number(match.group())


def _classify_number(
    sentence: str, match: re.Match, earlier: list[_Count], previous_unit: str | None
) -> _Count | None:
    """The count a number gives, if any; its place is looked for only then (most numbers give none)."""
    count = _unscoped_count(sentence, match, earlier, previous_unit)
    if count is not None:
        count.scope = _scope_of(sentence, match.start(), match.end())
    return count


def _unscoped_count(
    sentence: str, match: re.Match, earlier: list[_Count], previous_unit: str | None
) -> _Count | None:
    """The count a number gives, its scope left unset."""
    if _is_year(match):
        return None
    quantity = _quantity(match)
    if quantity is None or _is_excluded_by_words_before(sentence, match.start()):
        return None
    after = sentence[match.end() :]
    unit = _UNIT.match(after)
    if unit is None:
        unit_before = earlier[-1].unit if earlier else previous_unit
        share = _SHARE_AFTER.match(after)
        verb_after = after[share.end() :] if share else after
        elliptical = _ELLIPTICAL.match(verb_after)
        among = elliptical is not None and elliptical["among"] and _CASE_WORD.search(sentence[: match.start()])
        if elliptical and (unit_before or among or _has_aggregate_cue(sentence, match)):
            return _Count(quantity, unit_before or (among.group() if among else ""), None, "case")
        return _headcount(sentence, match, quantity)
    unit_text = _unit_text(after, unit)
    if unit.group("case"):
        if _ANAPHORIC.match(after, unit.end()) and any(c.quantity == quantity for c in earlier):
            return None
        if _EXCLUDED_AFTER.found(after[:80]) or _is_other_violation_type(after):
            return None
        return _Count(quantity, unit_text, None, "case")
    if unit.group("person"):
        if _is_breakdown(sentence):  # "Kepulauan Sula 22 orang, Halmahera Timur 20 orang, ..."
            return _Count(quantity, unit_text, None, "person")
        return _person_count(sentence, match, after, quantity, unit_text)
    if unit.group("continuation"):
        previous = next((c.unit for c in reversed(earlier) if c.kind == "case"), previous_unit)
        return _Count(quantity, previous, None, "case") if previous else None
    return _percentage(sentence, match, quantity, unit_text, earlier)


def _is_other_violation_type(after: str) -> bool:
    """'55 temuan, dengan berbagai jenis ... tindak pidana, administrasi ...' is not a neutrality count."""
    end = _NEXT_NUMBER.search(after, 1)
    clause = after[: end.start() if end else 120][:160]
    return _OTHER_TYPE.found(clause) and not _NEUTRALITY.found(clause)


def _is_year(match: re.Match) -> bool:
    digits = match.group("digits")
    return bool(digits) and digits.isdigit() and int(digits) in _YEARS


def _is_excluded_by_words_before(sentence: str, start: int) -> bool:
    """A citation, rank or money word right before the number at ``start``, or a negation shortly before it."""
    tail = sentence[max(0, start - 60) : start]
    words = _WORD.findall(tail)
    if not words:
        return False
    tail_last_two = [w.lower() for w in words[-2:]]
    if tail_last_two[-1] in _EXCLUDED_BEFORE:
        return True
    # The clause's words are the tail's words after the last separator (no word holds one), so its last two
    # are among the tail's last two: without a negation there, the clause has none (most numbers).
    if _NEGATIONS.isdisjoint(tail_last_two):
        return False
    clause = tail[max(tail.rfind(","), tail.rfind(";"), tail.rfind(":")) + 1 :]  # after the last of , ; :
    last_two = [w.lower() for w in _WORD.findall(clause)[-2:]]
    if len(last_two) == 2 and last_two[0] in _NEGATIONS and last_two[1].startswith(("di", "ter")):
        return False  # "belum diregister 10 perkara": a status label, not a negated count
    return not _NEGATIONS.isdisjoint(last_two)


def _has_aggregate_cue(sentence: str, match: re.Match) -> bool:
    before = [w.lower() for w in _WORD.findall(sentence[: match.start()][-60:])]
    return not _AGGREGATE.isdisjoint(before[-_CONTEXT["aggregate_window"] :])


def _is_breakdown(sentence: str) -> bool:
    """A sentence that breaks persons found in violation down by place or post: three or more "N orang"."""
    return len(_PERSONS_COUNTED.findall(sentence)) >= _CONTEXT["breakdown_items"] and _VIOLATION.found(sentence)


def _person_count(sentence, match, after, quantity, unit_text) -> _Count | None:
    """'sebanyak 19 ASN ... dijatuhi hukuman': persons counted in a violation context."""
    before = [w.lower() for w in _WORD.findall(sentence[: match.start()][-120:])]
    if not _has_aggregate_cue(sentence, match) and quantity < _CONTEXT["person_aggregate_minimum"]:
        return None
    around = " ".join(before[-8:] + _WORD.findall(after)[:12])
    if not _VIOLATION.found(around):
        return None
    return _Count(quantity, unit_text, None, "person")


def _headcount(sentence, match, quantity) -> _Count | None:
    before = sentence[: match.start()]
    words = [w.lower() for w in _WORD.findall(before[-120:])][-_CONTEXT["headcount_window"] :]
    if _HEADCOUNT.isdisjoint(words):
        return None
    if not _PERSON_WORD.search(" ".join(words)):
        return None
    person = _PERSON_WORD.search(" ".join(words))
    return _Count(quantity, person.group(), None, "headcount")


def _percentage(sentence, match, quantity, unit_text, earlier) -> _Count | None:
    """'62,5 persen laporan ...': a share of reports or cases, not a rate or a cut in pay."""
    if earlier and _OR_BEFORE.found(sentence[: match.start()]):
        return _Count(quantity, unit_text, None, "percent")
    if earlier and _SHARE_OF_PREVIOUS.search(sentence[: match.start()]):
        return _Count(quantity, unit_text, None, "percent")  # "178 ASN (47,8 persen)": the share that count is
    if any(c.kind == "case" for c in earlier) and not _EXCLUDED_PERCENT.found(sentence[: match.start()][-40:]):
        return _Count(quantity, unit_text, None, "percent")  # a share of the cases counted in the sentence
    window = _CONTEXT["percent_window"]
    before = _WORD.findall(sentence[: match.start()])[-window:]
    if not _PERCENT_EXCLUDED_BEFORE.isdisjoint([w.lower() for w in before]):
        return None
    near = " ".join(before + _WORD.findall(sentence[match.end() :])[: window + 1])
    if not _CASE_WORD.search(near):
        return None
    return _Count(quantity, unit_text, None, "percent")


def _unit_text(after: str, unit: re.Match) -> str:
    tail = _UNIT_TAIL.match(after, unit.end())
    text = after[unit.start() : tail.end() if tail else unit.end()]
    return " ".join(text.split())  # as re.sub(r"\s+", " ", text).strip(): both split at str.isspace()


def _scope_of(sentence: str, start: int, end: int) -> str | None:
    """The place named right before the number, else the nearest "di <Place>" before it or after it."""
    named = _PLACE_BEFORE_NUMBER.search(sentence[:start])
    if named:
        return named.group("place")
    before = [m for m in _SCOPE.finditer(sentence[:start]) if _is_place(m)]
    if before:
        return before[-1].group("place")
    after = next((m for m in _SCOPE.finditer(sentence, end) if _is_place(m)), None)
    return after.group("place") if after else None


def _is_place(match: re.Match) -> bool:
    return match.group("place").split()[0].lower() not in _NOT_PLACES


def _headline_and_body(doc: Document) -> list[str]:
    body = doc.sentences or split_sentences(doc.text)
    return ([doc.title] if doc.title else []) + list(body)
