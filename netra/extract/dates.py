"""Indonesian date phrases: targeted patterns, never a free-text date search.

Recognised: "Rabu (20/11/2024)", "Senin, (29/5/2023)", "(Kamis, 24/10)",
"Senin 18 November 2024", "Sabtu, 30 Desember 2023", "25 Juni 2024",
"(27/12)" and "28/02/2024". A missing year is inferred from the weekday
(when exactly one year of the election cycle fits) or from the publication
date. Document numbers ("Nomor 246 Tahun 2022", "800/254/IV.1/BKD",
"K.1/09/2022") never match.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from netra.extract.patterns import literal_alternation
from netra.extract.record import Document

DATA = tomllib.loads((Path(__file__).parent / "data" / "dates.toml").read_text(encoding="utf-8"))
WEEKDAYS: dict[str, int] = dict(DATA["weekdays"])
MONTHS: dict[str, int] = dict(DATA["months"])
CYCLE_YEARS = range(DATA["cycle_first_year"], DATA["cycle_last_year"] + 1)
ELECTION_ERA = (DATA["era_first_year"], DATA["era_last_year"])
# "(?<![\d/.-])(20\d\d)": the "2" comes first and the look-behind checks what precedes it, so that a scan
# jumps from one "2" to the next instead of testing the look-behind at every place (same matches).
_YEAR = re.compile(r"(2(?<![\d/.-]2)0\d\d)(?![\d/.-])")
NOT_EVENT_CONTEXT = frozenset(DATA["not_event_context"])
BACKGROUND = re.compile(DATA["background"], re.IGNORECASE)
QUOTED_ON = re.compile(DATA["quoted_on"], re.IGNORECASE)

# re.IGNORECASE lets these non-ASCII letters match their ASCII look-alikes ("junı" matches "juni");
# folding them the same way finds the month a match stands for.
_IGNORECASE_LOOKALIKES = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


def month_number(word: str) -> int:
    """The month of a month name matched by the case-insensitive patterns below."""
    lowered = word.lower()
    return MONTHS.get(lowered) or MONTHS[lowered.translate(_IGNORECASE_LOOKALIKES).replace("i\u0307", "i")]


# As tries ("jun(?:i)?..."): the same words as longest-first alternations, tried letter by letter.
_WD = literal_alternation(sorted(WEEKDAYS, key=len, reverse=True))
_MON = literal_alternation(sorted(MONTHS, key=len, reverse=True))

# "(20/11/2024)", "(Kamis, 24/10)", "(27/12)"; a weekday before the parenthesis is read by WEEKDAY_BEFORE.
NUMERIC_IN_PARENS = re.compile(
    rf"\(\s*(?:(?P<wd2>{_WD})\s*,?\s*)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
    re.IGNORECASE,
)
# The day of WRITTEN and NUMERIC_BARE starts with a digit that no word character (or separator) precedes.
# The digit comes first and the look-behind checks it from behind, so that a scan only tries the
# places of a digit instead of every place of the text (same matches as "\b\d{1,2}", three times faster).
_DAY_AFTER_NO_WORD = r"(?P<d>\d(?<!\w\d)\d?)"  # "\b\d{1,2}"
_DAY_AFTER_NO_WORD_OR_SEPARATOR = r"(?P<d>\d(?<![\w./-]\d)\d?)"  # "(?<![\w./-])\d{1,2}"

# "18 November 2024", "30 Desember 2023", "22 September"; a weekday before is read by WEEKDAY_BEFORE.
WRITTEN = re.compile(rf"{_DAY_AFTER_NO_WORD}\s+(?P<mon>{_MON})\.?(?:\s+(?P<y>\d{{4}}))?\b", re.IGNORECASE)
# "Rabu ", "Senin, ", "Sabtu, (", "Senin tanggal " just before a date.
WEEKDAY_BEFORE = re.compile(
    rf"\b(?P<wd>{_WD})\s*,?\s*(?:(?:pagi|siang|sore|malam|dini\s+hari)\s*)?\(?\s*(?:(?:tanggal|tgl\.?)\s+)?$",
    re.IGNORECASE,
)
# "28/02/2024" standing alone: not part of a document number ("K.1/09/2022", "800/254/IV.1").
NUMERIC_BARE = re.compile(rf"{_DAY_AFTER_NO_WORD_OR_SEPARATOR}/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})(?![\w/])")

# WRITTEN and NUMERIC_BARE in one scan: both open with the day, WRITTEN goes on with a space, NUMERIC_BARE with
# "/", so at most one matches at a place, and neither match holds a place where the other could begin. The
# empty group "free" takes part when no separator (".", "/", "-") precedes the day, as NUMERIC_BARE asks.
_WRITTEN_OR_BARE = re.compile(
    r"(?P<d>\d(?<!\w\d)(?:(?<![./-]\d)(?P<free>))?\d?)"
    rf"(?:\s+(?P<mon>{_MON})\.?(?:\s+(?P<y>\d{{4}}))?\b|(?(free)/(?P<m>\d{{1,2}})/(?P<bare_y>\d{{4}})(?![\w/])|(?!)))",
    re.IGNORECASE,
)

_TIME = r"(?:\s*[-,|/]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?)?"
# A line that is only an article timestamp: "Sabtu, 30 Desember 2023 - 22:01 WIB",
# "Kompas.com - 28/02/2024, 20:46 WIB", "30 September 2024", "Diterbitkan: 1 Mei 2024".
# Every line of a page is tried, so the leading words ("Kompas.com -") are read with possessive quantifiers
# (three times faster on the common line that is no timestamp; same matches): a word run is followed by a blank
# or a separator and a blank run by a word or a separator, so a shorter run never makes a match, and fewer
# words than were found leave a blank and a word where the separator must be.
TIMESTAMP_LINE = re.compile(
    rf"^\s*+(?:(?:[\w.]++(?:\s++[\w.]++){{0,3}}+\s*+[-–|:]\s*)|"
    rf"(?:diterbitkan|dipublikasikan|published|posted|update|diperbarui|terbit)(?:\s+pada)?\s*:?\s*)?"
    rf"(?:(?:{_WD})\s*,?\s*)?"
    rf"(?P<date>\d{{1,2}}\s+(?:{_MON})\.?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:T[\d:.+-]+Z?)?{_TIME}\s*$",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class DateMention:
    value: date
    start: int
    weekday_given: bool
    year_given: bool


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def infer_year(month: int, day: int, weekday: int | None, published: date | None,
               years_written: Callable[[], frozenset[int]] = frozenset) -> int | None:
    """The year of a day/month without one: from the weekday (a year the text writes, such as "Pilkada 2020",
    first; else one of the election cycle), else the publication date. ``years_written`` gives the years the
    text writes (asked only when a weekday must be placed)."""
    if weekday is not None:
        written = [y for y in sorted(years_written()) if (d := make_date(y, month, day)) and d.weekday() == weekday]
        if len(written) == 1:
            return written[0]
        fitting = [y for y in CYCLE_YEARS if (d := make_date(y, month, day)) and d.weekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
        if published is not None and published.year in fitting:
            return published.year
        if len(fitting) > 1 and published is not None:
            earlier = [y for y in fitting if y <= published.year]
            return earlier[-1] if earlier else None
        return None
    if published is not None:
        candidate = make_date(published.year, month, day)
        if candidate and candidate > published + timedelta(days=7):
            return published.year - 1
        return published.year
    return None


def _mention(match: re.Match, month: int, year_text: str | None, published: date | None,
             years_written: Callable[[], frozenset[int]] = frozenset,
             weekday_inside: str | None = None) -> DateMention | None:
    """The date of a match with a day ("d"), and perhaps a weekday inside it (``weekday_inside``, as in
    "(Kamis, 24/10)") or just before it."""
    weekday = WEEKDAYS.get((weekday_inside or "").lower())
    before = WEEKDAY_BEFORE.search(match.string, max(0, match.start() - 30), match.start())
    if weekday is None and before is not None:
        weekday = WEEKDAYS.get(before["wd"].lower())
    day = int(match["d"])
    year = full_year(year_text)
    year_given = year is not None
    if year is None:
        year = infer_year(month, day, weekday, published, years_written)
    if year is None:
        return None
    value = make_date(year, month, day)
    if value is None:
        return None
    start = before.start() if weekday is not None and before is not None else match.start()
    return DateMention(value, start, weekday is not None, year_given)


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date phrase in ``text`` that resolves to a full date, in order of appearance."""
    found: dict[int, DateMention] = {}
    years = LazyWrittenYears(text)
    for match in NUMERIC_IN_PARENS.finditer(text):
        if (mention := _mention(match, int(match["m"]), match["y"], published, years, match["wd2"])) is not None:
            found.setdefault(match.start("d"), mention)
    for match in _WRITTEN_OR_BARE.finditer(text):
        if match["mon"] is not None:
            mention = _mention(match, month_number(match["mon"]), match["y"], published, years)
        else:
            mention = _mention(match, int(match["m"]), match["bare_y"], published, years)
        if mention is not None:
            found.setdefault(match.start("d"), mention)
    return sorted(found.values(), key=lambda m: m.start)


def written_years(text: str) -> frozenset[int]:
    """The election-era years the text writes ("Pilkada 2020", "tahun 2019")."""
    return frozenset(int(y) for y in _YEAR.findall(text) if ELECTION_ERA[0] <= int(y) <= ELECTION_ERA[1])


class LazyWrittenYears:
    """``written_years(text)``, read from the text only if a weekday must be placed, and then once.

    (``functools.cache(partial(...))`` does the same, but building it costs more than most documents save.)
    """

    __slots__ = ("text", "years")

    def __init__(self, text: str) -> None:
        self.text = text
        self.years: frozenset[int] | None = None

    def __call__(self) -> frozenset[int]:
        if self.years is None:
            self.years = written_years(self.text)
        return self.years


def parse_timestamp_line(line: str) -> date | None:
    """The date of a line that is only a timestamp, else None."""
    match = TIMESTAMP_LINE.match(line)
    if match is None:
        return None
    return parse_date(match["date"])


def parse_date(text: str) -> date | None:
    """One date written as ISO, d/m/yyyy or "d Month yyyy"."""
    text = text.strip()
    if iso := ISO_DATE.match(text):
        return make_date(int(iso[1]), int(iso[2]), int(iso[3]))
    if bare := NUMERIC_BARE.match(text):
        return make_date(int(bare["y"]), int(bare["m"]), int(bare["d"]))
    if (written := WRITTEN.search(text)) and written["y"]:
        return make_date(int(written["y"]), month_number(written["mon"]), int(written["d"]))
    return None


def _is_reference_date(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 40): mention.start].lower()
    after = text[mention.start: mention.start + 40].lower()
    return not NOT_EVENT_CONTEXT.isdisjoint(before.split()) or "mendatang" in after


def _in_background(text: str, mention: DateMention) -> bool:
    """The date sits in a paragraph that looks back ("Sebagai informasi, ...", "Sebelumnya, ...")."""
    return bool(BACKGROUND.match(text, text.rfind("\n", 0, mention.start) + 1, mention.start))


def _quoted_on(text: str, mention: DateMention) -> bool:
    """ "dikutip ..., Selasa (3/12/2024)": the day the statement was quoted, not the event."""
    return bool(QUOTED_ON.search(text, max(0, mention.start - 70), mention.start))


def choose_event_date(text: str, published: date | None) -> date | None:
    """The date of the lead event: the first weekday-anchored date, else the first plain full date."""
    mentions = find_dates(text, published)
    for mention in mentions:  # the first that qualifies is the answer: later ones are not checked
        if mention.weekday_given and not _in_background(text, mention) and not _quoted_on(text, mention):
            return mention.value
    for mention in mentions:
        if mention.year_given and not _is_reference_date(text, mention) and not _quoted_on(text, mention):
            return mention.value
    return None


def add_dates(doc: Document) -> Document:
    doc.event_date = choose_event_date(doc.text, doc.publication_date)
    return doc
