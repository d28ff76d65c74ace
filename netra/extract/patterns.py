"""Faster forms of the same regular expressions.

**Alternations of literal words** (institutions, heads of office) as a trie: "(?:Ketua|Kepala|Ketua KPU)"
becomes "Ke(?:tua(?: KPU)?|pala)", so the engine no longer tries every word at every position.

**Case-insensitive patterns** run as case-sensitive ones over lowered text (about twice as fast).
``re.IGNORECASE`` slows every character comparison. When ``text.lower()`` keeps the text's length
(always, for Indonesian news), the lowercased pattern over the lowered text finds the same matches
at the same offsets; otherwise the IGNORECASE pattern runs on the text as written.
Matches from the lowered path carry lowered text: read offsets from them, not ``group()``.

**Long alternations grouped by first character** ("diduga|dugaan|melanggar" -> "d(?:iduga|ugaan)|melanggar"):
at each place a scan looks, the engine rules out a whole group with one comparison instead of trying every
alternative. Alternatives that begin with different characters cannot match at the same place, and within
a group their order is kept, so :func:`grouped` finds the same matches. The helpers below read a pattern's
structure (top-level alternatives, where a group closes) for it and for similar rewrites elsewhere.
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
