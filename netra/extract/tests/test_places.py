import pytest

from netra.extract.pipeline import extract_text
from netra.extract.places import add_regions, line_tokens, region_at, strip_dateline
from netra.extract.record import Document


def regions_of(text: str, title: str = "") -> list[str]:
    return [r.name for r in add_regions(Document(source="t", title=title, text=text)).regions]


def test_a_name_with_its_level_word_is_a_region():
    assert regions_of("Rapat digelar di Kabupaten Bantul kemarin.") == ["Kabupaten Bantul"]


def test_abbreviations_and_spelling_variants_resolve():
    assert regions_of("ASN di Kalbar dan Kota Bandarlampung diminta netral.") == [
        "Provinsi Kalimantan Barat", "Kota Bandar Lampung"]


def test_jakarta_cities_drop_administrasi_and_the_province_is_dki():
    assert regions_of("Rakor di Ecovention Ancol, Jakarta Utara, dan Provinsi DKI Jakarta.") == [
        "Kota Jakarta Utara", "Provinsi DKI Jakarta"]


def test_a_dateline_is_not_a_region_when_the_text_names_one():
    text = "LAMPUNG, HELOINDONESIA.COM - Sekda memimpin ikrar netralitas ASN Kabupaten Pesawaran di lapangan."
    assert regions_of(text) == ["Kabupaten Pesawaran"]


def test_a_dateline_is_the_last_resort():
    text = "SUNGAI PENUH (Sekatanews) - Rumah camat disebut menjadi tempat berkumpul massa kampanye kemarin."
    assert regions_of(text) == ["Kota Sungai Penuh"]


def test_a_region_inside_an_institution_counts_only_without_other_regions():
    assert regions_of("Ketua Bawaslu Manggarai Barat meminta ASN netral.") == ["Kabupaten Manggarai Barat"]
    text = "Bawaslu Kabupaten Kupang menggelar deklarasi. Koordinator Divisi Bawaslu NTT hadir."
    assert regions_of(text) == ["Kabupaten Kupang"]


@pytest.mark.parametrize("text", [
    "Perangkat kalurahan di Kapanewon Sewon diperiksa.",
    "Camat Kecamatan Hamparan Rawang dilaporkan.",
    "BKN di Jakarta menerima laporan itu.",
])
def test_districts_villages_and_the_bare_capital_are_not_regions(text):
    assert regions_of(text) == []


def test_a_typo_in_a_long_name_still_resolves():
    assert regions_of("Laporan di Kepulauan Tanimbat terkait pengumpulan KTP.") == ["Kabupaten Kepulauan Tanimbar"]


def test_a_level_word_then_an_abbreviation_in_brackets_still_names_the_region():
    text = "Mereka pegawai di lingkungan Pemerintah Kabupaten (Pemkab) Dompu, NTB."
    assert "Kabupaten Dompu" in regions_of(text)
    assert regions_of("Pegawai Kabupaten (ASN) ikut kampanye.") == []


def test_an_election_named_with_its_region_makes_the_region_the_scope():
    text = "Kasus kepala desa pada Pemilihan Kepala Daerah (Pilkada) Jombang, Jawa Timur, berlanjut."
    assert "Kabupaten Jombang" in regions_of(text)
    assert regions_of("Kepala Daerah Jombang hadir. Rapat di Kota Kediri.") == ["Kota Kediri"]


def test_a_people_group_named_after_a_region_is_not_a_region():
    assert regions_of("Foto beberapa orang Papua diunggah. Bawaslu Cianjur menelusuri.") == ["Kabupaten Cianjur"]


@pytest.mark.parametrize(("text", "expected"), [
    # a level word that is also the first word of a region name, with nothing else in the line to look at
    ("Warga Kota Baru berkumpul.", ["Kabupaten Kotabaru"]),
    # a level word in lower case after punctuation, and at the end of a run of lower-case words
    ("Rapat --kota Bantul digelar.", ["Kabupaten Bantul"]),
    ("ASN di propinsi Jawa Barat diminta netral.", ["Provinsi Jawa Barat"]),
    # an abbreviation bracketed after a region's name names it later in the same line
    ("Panitia dari Maluku Barat Daya (MBD) hadir; MBD siap.", ["Kabupaten Maluku Barat Daya"]),
])
def test_where_a_mention_may_begin(text: str, expected: list[str]) -> None:
    assert regions_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the longest run of name tokens that is a region name wins over a shorter one
    ("Warga Maluku Barat Daya berkumpul.", ["Kabupaten Maluku Barat Daya"]),
    ("Warga Maluku Barat berkumpul di Maluku.", ["Provinsi Maluku"]),
    # "Kota Baru" followed by another name is part of a longer name; the name after it is still read
    ("Hujan di Kota Baru Bantul.", ["Kabupaten Bantul"]),
])
def test_the_longest_run_of_name_tokens_is_read(text: str, expected: list[str]) -> None:
    assert regions_of(text) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("di kota Bandung, kabupatenx dan kota-kota (Pemkab) diJakarta x-Bantul  propinsi Jawa",
     [("di", 0), ("kota", 3), ("Bandung", 8), (",", 15), ("kabupatenx dan", 17), ("kota-kota", 32), ("(Pemkab)", 42),
      ("diJakarta", 51), ("x-Bantul", 61), ("propinsi", 71), ("Jawa", 80)]),
    ("Warga   di  desa\tSukamaju (14/2/2024) ke Kab. Bogor—kami’s lagi",
     [("Warga", 0), ("di", 8), ("desa", 12), ("Sukamaju", 17), ("(14/2/2024)", 26), ("ke", 38), ("Kab", 41), (".", 44),
      ("Bogor", 46), ("—", 51), ("kami’s lagi", 52)]),
])
def test_line_tokens_and_where_they_begin(line: str, expected: list[tuple[str, int]]) -> None:
    # pins the token pattern (leading spaces in the match, level words grouped by first letter, possessive runs)
    tokens = line_tokens(line, 0)
    assert [(tokens[i].text, tokens[i].start) for i in range(tokens.count)] == expected


def test_the_tokens_containing_positions():
    tokens = line_tokens("di kota Bandung, kabupatenx dan kota-kota (Pemkab)", 0)
    assert tokens.containing([3, 8, 20, 43, 3]) == [1, 2, 4, 6]


def test_region_at_reads_the_tokens_after_spaces():
    line = "Warga   di  desa\tSukamaju ke Kab. Bogor—kami lagi"
    assert region_at(line, line.find("Kab"))[1] == line.find("Bogor") + len("Bogor")
    assert region_at(line, line.find("desa")) == (None, line.find("desa"))


@pytest.mark.parametrize(("text", "expected"), [
    # a line whose only capitalised candidate is a bracketed abbreviation is not read (no region precedes it)
    ("Komisi Aparatur Sipil Negara (KASN) memeriksa. Bawaslu Bantul hadir.", ["Kabupaten Bantul"]),
    ("Laporan diteruskan ke Komisi ASN (KASN).", []),
    # an alias made in one line is read in the next, bracketed again or not
    ("Panitia dari Maluku Barat Daya (MBD) hadir.\nWarga (MBD) dan MBD siap.", ["Kabupaten Maluku Barat Daya"]),
])
def test_bracketed_abbreviations(text: str, expected: list[str]) -> None:
    assert regions_of(text) == expected


@pytest.mark.parametrize("dash", ["-", "–", "—", "--"])
def test_a_dateline_with_any_dash_is_the_last_resort(dash: str) -> None:
    text = f"SUNGAI PENUH {dash} Rumah camat disebut menjadi tempat berkumpul massa kampanye kemarin."
    assert regions_of(text) == ["Kota Sungai Penuh"]
    assert regions_of(text.replace(dash, ",")) == []


def test_the_hyphen_of_a_doubled_word_is_no_dateline_dash():
    text = "Kabupaten Sidrap, Takalar, dan Sinjai masing-masing dua orang juga sudah diteruskan ke KASN."
    assert strip_dateline(text) == (text, None)
    assert strip_dateline("JAKARTA-Bawaslu RI mencatat pelanggaran netralitas ASN di banyak daerah pekan ini.")[1] \
        == "JAKARTA"
    assert strip_dateline("Satujuang- Gegara datang ke kegiatan calon gubernur, sejumlah kades berurusan.")[1] \
        == "Satujuang"


def test_a_level_word_after_se_names_a_region():
    doc = extract_text("Ratusan Kades se-Kabupaten Ogan Komering Ilir Ikrarkan Netralitas\n"
                       "Ratusan kepala desa mengikuti ikrar netralitas di pendopo.")
    assert [region.name for region in doc.regions] == ["Kabupaten Ogan Komering Ilir"]


def test_a_region_whose_body_reports_its_count_is_a_scope_of_the_story():
    doc = extract_text("Judul\nBawaslu Sulsel mencatat, sebanyak 46 ASN melanggar netralitas. Di Kabupaten Pinrang 16 "
                       "orang diteruskan ke KASN.")
    assert [region.name for region in doc.regions] == ["Provinsi Sulawesi Selatan", "Kabupaten Pinrang"]
    doc = extract_text("Judul\nKasus itu diteruskan melalui Bawaslu Lampung ke KASN. Kades di Kabupaten Pesawaran "
                       "dilaporkan.")
    assert [region.name for region in doc.regions] == ["Kabupaten Pesawaran"]  # a step on the way: no scope
