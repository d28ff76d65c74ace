r"""Faster forms of the same regular expressions.

**Alternations of literal words** (institutions, heads of office) as a trie: "(?:Ketua|Kepala|Ketua KPU)"
becomes "Ke(?:tua(?: KPU)?|pala)", so the engine no longer tries every word at every position.

**Case-insensitive patterns** run as case-sensitive ones over lowered text (about twice as fast).
``re.IGNORECASE`` slows every character comparison. When ``text.lower()`` keeps the text's length
(always, for Indonesian news), the lowercased pattern over the lowered text finds the same matches
at the same offsets; otherwise the IGNORECASE pattern runs on the text as written. One known difference:
IGNORECASE also equates the Turkish dotless "ı" and the long "ſ" with "i" and "s", and the lowered path
does not ("junı" is no "juni" there); no Indonesian word is written with either.
Matches from the lowered path carry lowered text: read offsets from them, not ``group()``.

**Long alternations grouped by first character** ("diduga|dugaan|melanggar" -> "d(?:iduga|ugaan)|melanggar"):
at each place a scan looks, the engine rules out a whole group with one comparison instead of trying every
alternative. Alternatives that begin with different characters cannot match at the same place, and within
a group their order is kept, so :func:`grouped` finds the same matches. The helpers below read a pattern's
structure (top-level alternatives, where a group closes) for it and for similar rewrites elsewhere.

**Scans for words**: most cues are alternatives of words after a word boundary ("\b(?:diduga|dugaan|...)").
A scan of such a pattern tries it at every character of the text. When every alternative begins with a word
character, a match begins just after a character that is no word character, or at the start of the text; so,
in ASCII text, "[<ASCII non-word character>](?:diduga|dugaan|...)" over the text after an added "\x00" finds
the same matches, each with the character before it, and the scan tries it only at spaces and punctuation (a
scan opening with a character class skips the other characters): about twice as fast. "\x00" stands for the
start of the text, so :class:`WordScan` suits patterns that never match it nor look back at it (a lookbehind
such as "(?<=\W)" right at a word's start would; "(?<!perangkat\s)" does not). Other text is scanned as before
(non-ASCII letters are word characters the class does not list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def lowercase_pattern(pattern: str) -> str:
    """Lowercase a pattern's letters but not its escapes (\\S stays \\S)."""
    return re.sub(r"(\\.)|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), pattern)


class Caseless:
    """A pattern matched case-insensitively (see the module docstring)."""

    __slots__ = ("ignorecase", "lowered")

    def __init__(self, pattern: str) -> None:
        self.ignorecase = re.compile(pattern, re.IGNORECASE)
        self.lowered = re.compile(lowercase_pattern(pattern))

    def _pattern_and_text(self, text: str) -> tuple[re.Pattern, str]:
        lowered = text.lower()
        return (self.lowered, lowered) if len(lowered) == len(text) else (self.ignorecase, text)

    def found(self, text: str) -> bool:
        """Whether the pattern occurs in ``text``."""
        pattern, subject = self._pattern_and_text(text)
        return pattern.search(subject) is not None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Matches in ``text`` (offsets into ``text``; their group() text may be lowered)."""
        pattern, subject = self._pattern_and_text(text)
        return pattern.finditer(subject)

    def search(self, text: str) -> re.Match | None:
        """The first match (offsets into ``text``; its group() text may be lowered)."""
        pattern, subject = self._pattern_and_text(text)
        return pattern.search(subject)


def literal_alternation(words: list[str]) -> str:
    """A pattern matching the same literal words as "|".join(map(re.escape, longest_first)), as a trie.

    The trie tries a longer word before a shorter one it extends, so, with whatever follows the
    alternation in the pattern, it picks the same word as the longest-first alternation would.
    Callers pass words sorted longest first (or groups of words that cannot start at the same place).
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:{})".format("|".join(branches))
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word first


# --- reading a pattern's structure ---------------------------------------------------


def pattern_tokens(pattern: str) -> Iterator[tuple[str, int]]:
    """The pattern's tokens (a character, an escape or a whole character class), each with how many groups hold it."""
    depth, position = 0, 0
    while position < len(pattern):
        end = _class_end(pattern, position) if pattern[position] == "[" else position + 1
        end += pattern[position] == "\\"
        token = pattern[position:end]
        position = end
        depth -= token == ")"
        yield token, depth
        depth += token == "("


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opening at ``start`` ends ("]" right after "[" or "[^" is a member)."""
    position = start + 1 + (pattern[start + 1 : start + 2] == "^")
    position += pattern[position : position + 1] == "]"
    while pattern[position] != "]":
        position += 2 if pattern[position] == "\\" else 1
    return position + 1


def top_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern split at its top-level "|" (not inside a group or a character class)."""
    alternatives, current = [], ""
    for token, depth in pattern_tokens(pattern):
        if token == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += token
    return [*alternatives, current]


def group_end(pattern: str, start: int = 0) -> int:
    """Where the ")" closing the group that opens at ``start`` is."""
    position = start
    for token, depth in pattern_tokens(pattern[start:]):
        if token == ")" and depth == 0:
            return position
        position += len(token)
    raise ValueError(f"unbalanced group in {pattern!r}")


# --- grouping alternatives by first character ------------------------------------------


def grouped(pattern: str) -> str:
    """``pattern`` with its alternatives grouped by first character (same matches), or ``pattern`` itself if
    some alternative does not start with a literal character."""
    alternatives = []
    for alternative in top_alternatives(pattern):
        literal_led = _literal_led(alternative)
        if literal_led is None:
            return pattern
        alternatives += literal_led
    return _group_by_first_character(alternatives) or pattern


def _literal_led(alternative: str) -> list[str] | None:
    """The alternative as alternatives that each start with a literal character (after an optional
    \\b or lookbehind), tried in the same order: '(?:a|b)?c' -> ['ac', 'bc', 'c']. None if it cannot be."""
    if alternative.startswith(r"\b") or alternative.startswith("(?<"):
        prefix = r"\b" if alternative.startswith(r"\b") else alternative[: group_end(alternative) + 1]
        rest = _literal_led(alternative[len(prefix) :])
        return None if rest is None else [prefix + item for item in rest]
    if alternative.startswith("(?:"):
        end = group_end(alternative)
        quantifier, rest = alternative[end + 1 : end + 2], alternative[end + 1 :]
        if quantifier == "?":
            rest = rest[1:]
        if quantifier in ("*", "+", "{") or rest[:1] in ("?", "+"):
            return None  # repeated, or lazy / possessive: not a plain choice
        choices = top_alternatives(alternative[3:end]) + ([""] if quantifier == "?" else [])
        expanded = [_literal_led(choice + rest) for choice in choices]
        return None if None in expanded else [item for items in expanded for item in items]
    return [alternative] if _first_literal(alternative) else None


def _first_literal(alternative: str) -> str | None:
    """The literal character an alternative must start with, if it has one."""
    first, after = alternative[:1], alternative[1:2]
    if first and (first.isalnum() or first in " -'") and after not in ("?", "*", "+", "{"):
        return first
    return None


def _group_by_first_character(alternatives: list[str]) -> str | None:
    r"""'\ba|\bab|\bc' -> '\b(?:a(?:|b)|c)'. A shared leading \b is tested once; a lookbehind before
    the first character moves after it ('(?<!x )lurah' -> 'l(?<!x l)urah'). None if some alternative
    does not start with a literal character."""
    if all(alternative.startswith(r"\b") for alternative in alternatives):
        inner = _group_by_first_character([alternative[2:] for alternative in alternatives])
        return None if inner is None else r"\b" + inner
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        lookbehind = alternative[: group_end(alternative) + 1] if alternative.startswith("(?<") else ""
        rest = alternative[len(lookbehind) :]
        first = _first_literal(rest)
        if first is None:
            return None
        after_first = f"{lookbehind[:-1]}{re.escape(first)})" if lookbehind else ""
        groups.setdefault(first, []).append(after_first + rest[1:])
    branches = []
    for first, rests in groups.items():
        inner = _group_by_first_character(rests) if len(rests) > 1 else None
        body = inner or (rests[0] if len(rests) == 1 else "(?:{})".format("|".join(rests)))
        branches.append(re.escape(first) + body)
    return branches[0] if len(branches) == 1 else "(?:{})".format("|".join(branches))


# --- scanning for words (see the module docstring) ------------------------------------

BEFORE_TEXT = "\x00"  # stands for the start of the text in a WordScan's fast scans
_ASCII_NON_WORD = r"[\x00-/:-@\[-^`{-\x7f]"  # the ASCII characters that \W matches


def after_non_word(lowered_pattern: str, lookahead: bool = False) -> re.Pattern | None:
    r"""The fast scan for a lowered "\b(...)" pattern (its matches, or with ``lookahead`` every place where it
    matches), or None if some alternative may begin with something else than a word character."""
    if not lowered_pattern.startswith(r"\b"):
        return None
    words = lowered_pattern[2:]
    if len(top_alternatives(words)) > 1 or not _begins_with_word_character(words):
        return None  # "\ba|b": the boundary is not before every alternative
    return re.compile(_ASCII_NON_WORD + (f"(?={words})" if lookahead else words))


def _begins_with_word_character(pattern: str) -> bool:
    """Each of the pattern's alternatives begins with a literal letter or digit."""
    alternatives = top_alternatives(pattern)
    if len(alternatives) > 1:
        return all(_begins_with_word_character(alternative) for alternative in alternatives)
    if pattern.startswith("(?:"):
        end = group_end(pattern)
        optional = pattern[end + 1 : end + 2] in ("?", "*", "{")
        return not optional and _begins_with_word_character(pattern[3:end])
    first, after = pattern[:1], pattern[1:2]
    return first.isascii() and first.isalnum() and after not in ("?", "*", "{")


class WordScan:
    """A pattern for lowered text whose matches begin at a word (see the module docstring): its matches, and with
    ``with_places`` every place where it matches, found faster in ASCII text."""

    __slots__ = ("pattern", "every_place", "fast", "fast_every_place")

    def __init__(self, lowered_pattern: str, with_places: bool = False) -> None:
        self.pattern = re.compile(lowered_pattern)
        self.fast = after_non_word(lowered_pattern)
        # A lookahead: one zero-width match at each place (or one character, the one before each place).
        self.every_place = re.compile(f"(?={lowered_pattern})") if with_places else None
        self.fast_every_place = after_non_word(lowered_pattern, lookahead=True) if with_places else None

    def found(self, lowered: str) -> bool:
        """Whether the pattern occurs in the lowered text."""
        if self.fast is not None and lowered.isascii():
            return self.fast.search(BEFORE_TEXT + lowered) is not None
        return self.pattern.search(lowered) is not None

    def starts(self, lowered: str) -> list[int]:
        """Where ``pattern.finditer(lowered)`` finds its matches."""
        return [start for start, _ in self.spans(lowered)]

    def spans(self, lowered: str) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer(lowered)``."""
        if self.fast is None or not lowered.isascii():
            return [match.span() for match in self.pattern.finditer(lowered)]
        text, spans, position = BEFORE_TEXT + lowered, [], 0
        # Not fast.finditer: a match may end with the non-word character that opens the next one ("(ASN)").
        while match := self.fast.search(text, position):
            position = match.end() - 1
            spans.append((match.start(), position))  # in ``lowered``: one character earlier
        return spans

    def places(self, lowered: str) -> list[int]:
        """Every place where the pattern matches, in order (also inside another match)."""
        if self.fast_every_place is None or not lowered.isascii():
            return [match.start() for match in self.every_place.finditer(lowered)]
        return [match.start() for match in self.fast_every_place.finditer(BEFORE_TEXT + lowered)]
