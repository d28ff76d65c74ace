"""find_statistics: aggregate supervision counts, and what must not be counted."""

import pytest

from netra.extract import statistics
from netra.extract.pipeline import extract_text
from netra.extract.record import Document
from netra.extract.statistics import counts_in_sentence, find_statistics, parse_number


def quantities(title: str, text: str) -> list[float]:
    return [s.quantity for s in find_statistics(Document(source="t", title=title, text=text))]


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.158", 1158), ("14.851", 14851), ("2,5", 2.5), ("tiga", 3), ("sebelas", 11),
     ("dua belas", 12), ("dua puluh satu", 21), ("sepuluh", 10)],
)
def test_it_parses_indonesian_numbers(text, value):
    assert parse_number(text) == value


def test_it_counts_reports_and_cases_with_digits_and_words():
    text = (
        "Bawaslu Kabupaten Garut mencatat 12 laporan dugaan pelanggaran netralitas ASN selama masa kampanye. "
        "Dari jumlah itu, tiga kasus sudah diteruskan ke BKN."
    )
    assert quantities("", text) == [12, 3]


def test_it_keeps_per_region_breakdowns_with_the_same_number():
    text = "Di Kabupaten Sumba Timur ada dua temuan, sedangkan di Kabupaten Alor juga ada dua temuan."
    assert quantities("", text) == [2, 2]


def test_it_counts_a_figure_repeated_in_headline_and_body_once():
    title = "Ada 45 Aduan Netralitas ASN di Pilkada Serentak 2024"
    text = "Badan Kepegawaian Negara menerima 45 aduan netralitas ASN sejak tahapan pencalonan dimulai."
    assert quantities(title, text) == [45]


def test_it_keeps_a_headcount_given_as_the_base_of_a_case_count():
    text = "Pegawai ASN di Pemkot Ternate dengan jumlah 6.240 orang, dugaan pelanggaran baru 4 kasus."
    assert quantities("", text) == [6240, 4]


def test_it_counts_sanctioned_persons_only_with_an_aggregate_cue():
    assert quantities("", "Sebanyak 27 ASN telah dijatuhi hukuman disiplin oleh PPK masing-masing.") == [27]
    assert quantities("", "Ada dua ASN Dinas Sosial yang dijatuhi hukuman disiplin sedang.") == []


def test_it_carries_the_unit_over_to_lainnya():
    text = "Dari 300 aduan, 120 kasus menunggu verifikasi BKN, sementara 75 lainnya sudah diputus."
    assert quantities("", text) == [300, 120, 75]


def test_it_counts_percentages_of_reports():
    assert quantities("", "Sekitar 62,5 persen laporan netralitas ASN sudah ditindaklanjuti PPK.") == [62.5]


@pytest.mark.parametrize(
    "text",
    [
        "ASN yang terbukti melanggar dapat dijerat Pasal 71 ayat 3 dan Pasal 188 UU Nomor 10 Tahun 2016.",
        "Hal itu diatur dalam Keputusan Bersama Nomor 2 Tahun 2022 dan Surat Edaran Nomor 800/254/BKD.",
        "Kepala desa yang terbukti tidak netral terancam denda paling banyak Rp 6 juta dan 6 bulan penjara.",
        "Pelanggaran netralitas ASN tersebar di 25 provinsi dan 120 kabupaten/kota.",
        "Sebanyak 1.250 ASN mengikuti apel dan menandatangani ikrar netralitas, Senin (14/10/2024).",
        "Selain itu, Bawaslu menemukan 7 kasus politik uang di masa tenang.",
        "Provinsi ini menempati peringkat 6 indeks kerawanan netralitas ASN pada Pemilu 2024.",
        "Bawaslu menangani salah satu laporan yang masuk pada pukul 14.30 WIB.",
        "Tidak ada satu kasus pun yang diteruskan ke KASN.",
    ],
)
def test_it_ignores_citations_money_regions_attendees_and_other_violations(text):
    assert quantities("", text) == []


def test_it_continues_counts_whose_unit_is_left_out():
    text = (
        "Menurut data Bawaslu provinsi, sebanyak 412 ASN dilaporkan diduga tidak netral selama tahapan kampanye. "
        "Sebanyak 310 terbukti melanggar, sedangkan 57 dihentikan karena tidak cukup bukti."
    )
    assert quantities("", text) == [412, 310, 57]


def test_it_takes_large_person_counts_without_a_cue_but_not_small_case_groups():
    assert quantities("", "Tercatat 1.204 ASN dilaporkan melanggar netralitas pada Pilkada lalu.") == [1204]
    assert quantities("", "Kemarin 250 ASN dilaporkan karena hadir di kampanye akbar paslon.") == [250]
    assert quantities("", "Tiga kepala desa di Kecamatan Wonosari dilaporkan ke Bawaslu.") == []


def test_it_leaves_out_counts_of_other_violation_types_beside_neutrality_counts():
    text = (
        "Bawaslu provinsi mencatat 61 temuan, meliputi dugaan tindak pidana pemilihan dan pelanggaran administrasi. "
        "Selain itu ada 17 dugaan pelanggaran netralitas ASN dan 4 dugaan pelanggaran netralitas kepala desa, "
        "serta 30 dugaan pelanggaran kampanye."
    )
    assert quantities("", text) == [17, 4]


def test_it_keeps_a_share_given_with_its_count():
    text = (
        "Menurut dia, ada 540 ASN yang dilaporkan ke BKN. Dari jumlah itu, sebanyak 401 atau 74,3 persen "
        "dinilai melanggar."
    )
    assert quantities("", text) == [540, 401, 74.3]


def test_it_skips_read_more_links():
    text = "Baca juga: Bawaslu laporkan dugaan pelanggaran 35 ASN ke BKN\nBupati meresmikan pasar baru di kecamatan."
    assert quantities("", text) == []


def test_it_scopes_a_breakdown_by_the_region_named_before_each_number():
    text = "Sebaran terbanyak ada di Kabupaten Brebes dengan 15 kasus, disusul Kabupaten Tegal 12 kasus."
    stats = find_statistics(Document(source="t", title="", text=text))
    assert [(s.quantity, s.scope) for s in stats] == [(15, "Brebes"), (12, "Tegal")]


@pytest.mark.parametrize("text", ["28/02/2024", "12.30", "Rp5.000", "ke-3", ""])
def test_it_does_not_parse_what_is_not_a_count(text):
    assert parse_number(text) is None


NUMBER_SAMPLES = [
    "dua puluh satu kasus, dua  puluh\nsatuan, Dua Belas ASN, sepuluh, seratus, satu-satunya, -dua, kedua, tempat",
    "1.234 laporan, 12,5 persen, 74,9%, 1/2/2024, 12:30, 3.5, 5, 10.000.000, ١٢ kasus, ke-3, x2, 2x, 7-8",
    "İ dua 3 ΑΣ 4 tiga\x00lima 6\x00",
]


@pytest.mark.parametrize("text", NUMBER_SAMPLES)
def test_the_split_number_scan_finds_what_the_one_pattern_finds(text):
    lowered = text.lower()
    assert statistics._number_starts(lowered) == [m.start() for m in statistics._NUMBER_LOWER.finditer(lowered)]


def test_a_document_is_scanned_once_with_the_same_counts_as_sentence_by_sentence():
    sentences = ["Di Kota Malang ada 7 laporan.", "Tidak ada kasus baru pekan ini.",
                 "Tahun 2024 sebanyak dua puluh ASN dilaporkan."]
    doc = Document(source="t", title="Bawaslu catat 3 aduan", text=" ".join(sentences), sentences=sentences)
    by_sentence = [(sentence, counts_in_sentence(sentence)) for sentence in [doc.title, *sentences]]
    in_one_scan = [(sentence, statistics._counts(sentence, lowered, numbers, None))
                   for sentence, lowered, numbers in statistics._sentences_with_numbers(doc)]
    assert in_one_scan == [(sentence, counts) for sentence, counts in by_sentence if sentence != sentences[1]]


def test_figures_that_go_on_from_an_earlier_sentence_keep_its_unit():
    doc = extract_text(
        "Rekap BKN\nBKN mencatat sebanyak 1.005 ASN dilaporkan melanggar netralitas. Sebanyak 580 ASN telah dijatuhi "
        "sanksi. Sedangkan 147 sisanya belum mendapat tindak lanjut. \"121 lainnya dalam proses penindakan,\" ujarnya. "
        "BKN telah memblokir 26 data kepegawaian."
    )
    assert [s.quantity for s in doc.statistics] == [1005, 580, 147, 121, 26]


def test_a_status_label_after_belum_is_not_a_negated_count():
    doc = extract_text("Rekap Bawaslu\nTotal terdapat 195 kasus: 130 diregister, 55 tidak diregister, belum "
                       "diregister 10 perkara. Tidak ada satu kasus pun yang dihentikan.")
    assert [s.quantity for s in doc.statistics] == [195, 130, 55, 10]


def test_a_share_in_brackets_after_a_count_is_a_statistic():
    doc = extract_text("Sanksi ASN\nBaru 194 ASN (52,2 persen) yang telah dijatuhi sanksi oleh PPK. Sisanya, 178 ASN "
                       "(47,8 persen) belum dijatuhi sanksi.")
    assert [s.quantity for s in doc.statistics] == [194, 52.2, 178, 47.8]


def test_a_small_group_accused_in_a_case_story_is_not_a_statistic():
    doc = extract_text("Enam ASN Tidak Netral\nBawaslu Kota Medan mengindikasikan sebanyak enam ASN di lingkungan "
                       "Pemkot Medan tidak netral karena diduga mengampanyekan salah satu pasangan calon.")
    assert doc.violations and doc.statistics == []


def test_a_small_count_of_persons_in_a_figures_story_is_still_a_statistic():
    doc = extract_text("Rekap Bawaslu\nBawaslu mencatat sebanyak 12 ASN dilaporkan melanggar netralitas sepanjang "
                       "tahapan kampanye.")
    assert [s.quantity for s in doc.statistics] == [12]


def test_every_line_of_a_breakdown_of_persons_in_violation_is_a_figure():
    doc = extract_text("Rekap Bawaslu\nASN yang terbukti melanggar berasal dari Kepulauan Sula 22 orang, Halmahera "
                       "Selatan 19 orang, Ternate 15 orang dan Tidore 9 orang.")
    assert [s.quantity for s in doc.statistics] == [22, 19, 15, 9]


def test_a_list_of_people_present_is_no_breakdown():
    doc = extract_text("Sosialisasi\nSosialisasi diikuti guru 22 orang, kepala sekolah 9 orang dan pengawas 3 orang.")
    assert doc.statistics == []


@pytest.mark.parametrize(
    ("before", "excluded"),
    [("Bawaslu mencatat bukan", True), ("Ternyata tidak ada", True), ("tidak ada lagi", False),
     ("tidak, ada", False), ("yang tak; ada", False), ("kasus yang belum diregister", False),
     ("melanggar Pasal", True), ("", False), ("tanpa,", False), ("ada sebanyak", False)],
)
def test_a_negation_counts_only_in_the_last_two_words_of_the_clause_before_a_number(before, excluded):
    # The negation test looks at the tail's last two words first: a separator among them must still cut the clause.
    sentence = f"{before} 5 laporan"
    assert statistics._is_excluded_by_words_before(sentence, sentence.index("5")) is excluded
