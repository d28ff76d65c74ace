"""Case-insensitive patterns run as case-sensitive ones over lowered text (about twice as fast).

``re.IGNORECASE`` slows every character comparison. When ``text.lower()`` keeps the text's length
(always, for Indonesian news), the lowercased pattern over the lowered text finds the same matches
at the same offsets; otherwise the IGNORECASE pattern runs on the text as written.
Matches from the lowered path carry lowered text: read offsets from them, not ``group()``.
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
