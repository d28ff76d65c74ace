"""patterns: faster forms of the same regular expressions, and the tools that read a pattern's structure."""

import re

from netra.extract.patterns import (
    Caseless,
    WordScan,
    after_non_word,
    group_end,
    grouped,
    literal_alternation,
    top_alternatives,
)


def test_pattern_alternatives_split_at_the_top_level_only():
    assert top_alternatives(r"a|(?:b|c)d|[|x]|\|e|[]|]") == ["a", "(?:b|c)d", "[|x]", r"\|e", "[]|]"]


def test_a_group_ends_at_its_own_closing_bracket():
    pattern = r"(?:a(?:b)|[)]|\))c"
    assert pattern[group_end(pattern)] == ")" and pattern[group_end(pattern) + 1 :] == "c"
    assert group_end(pattern, 4) == 8  # the inner "(?:b)"


def test_grouping_alternatives_by_first_character_keeps_the_matches():
    pattern = r"\b(?:(?:di|meng)?unggah(?:an)?|dugaan|(?<!perangkat\s)lurah\b|duga)"
    assert grouped(pattern) == (
        r"\b(?:d(?:iunggah(?:an)?|uga(?:an|))|mengunggah(?:an)?|unggah(?:an)?|l(?<!perangkat\sl)urah\b)"
    )
    text = "diunggah dugaan menduga perangkat lurah, lurah, unggahan duga mengunggah"
    assert [m.span() for m in re.finditer(grouped(pattern), text)] == [m.span() for m in re.finditer(pattern, text)]
    assert grouped(r"\w+|abc") == r"\w+|abc"  # an alternative without a first character: left as it is



def test_a_trie_of_literal_words_matches_like_the_longest_first_alternation():
    words = ["Ketua KPU", "Ketua", "Kepala"]
    text = "Ketua KPU Sikka dan Kepala Dinas serta Ketua RT"
    plain = "|".join(map(re.escape, words))
    assert [m.group() for m in re.finditer(literal_alternation(words), text)] == re.findall(plain, text)


def test_caseless_matches_lowered_text_at_the_same_offsets():
    pattern = Caseless(r"\bBawaslu\s+Kabupaten")
    text = "Laporan ke BAWASLU Kabupaten Sikka"
    assert pattern.search(text).span() == re.search(r"\bBawaslu\s+Kabupaten", text, re.I).span()
    assert pattern.found("İstanbul bawaslu kabupaten")  # lowering changes the length: the IGNORECASE path


def test_the_fast_scan_is_only_used_where_every_alternative_begins_with_a_word_character():
    assert after_non_word(r"\b(?:a|b)c") is not None
    assert after_non_word(r"\ba|b") is None  # the boundary is before the first alternative only
    assert after_non_word(r"\b(?:\d+|dua)") is None
    assert after_non_word(r"\b(?:x)?y") is None
    assert after_non_word(r"\b\s*x") is None
    assert after_non_word(r"(?:a|b)") is None


def test_a_word_scan_finds_what_its_pattern_finds():
    scan = WordScan(r"\b(?:asn|kepala desa|camat)", with_places=True)
    assert scan.fast is not None
    for text in ("asn di desa", "(asn)kepala desa,camat.", "pasn asn_x asn", "café asn", "", "kepala desa"):
        assert scan.spans(text) == [m.span() for m in scan.pattern.finditer(text)]
        assert scan.found(text) == (scan.pattern.search(text) is not None)
        assert scan.places(text) == [m.start() for m in re.finditer(f"(?={scan.pattern.pattern})", text)]


def test_caseless_matches_like_ignorecase_except_for_the_dotless_i():
    cue = Caseless(r"\bjuni\b")
    for text in ("JUNI", "Juni 2024", "juniper", "bulan Juni.", "“Juni”"):
        assert cue.found(text) == (re.search(r"\bjuni\b", text, re.IGNORECASE) is not None)
    assert re.search("juni", "junı", re.IGNORECASE) and not cue.found("junı")  # the documented difference
