"""General fixes found on a held-out set of real articles: each case is a rule, written in our own words."""

from datetime import date

import pytest

from netra.extract.cleaning import split_sentences
from netra.extract.dates import choose_event_date
from netra.extract.events import classify_events
from netra.extract.people import find_people
from netra.extract.pipeline import extract_text
from netra.extract.record import Document
from netra.extract.statistics import find_statistics
from netra.extract.violations import find_violations


def people_of(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.position) for p in find_people(Document(source="t", text=text))]


def quantities(text: str) -> list[float]:
    return [s.quantity for s in find_statistics(Document(source="t", text=text))]


# -- sentences -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hadir pula Kepala Desa Mekarsari, H. Ujang Sobari, dalam acara itu.",
    "Materi disampaikan Dr. Rini Astuti, M.Si. dari universitas setempat.",
    "Aturan itu tertuang dalam Perbawaslu No. 6 Tahun 2024 tentang pengawasan.",
    "Guru itu, Siti Aminah, S.Pd. mengajar di sekolah dasar.",
    "Surat ditandatangani Yohanes P. Lado selaku sekretaris.",
])
def test_a_full_stop_after_an_abbreviation_or_initial_does_not_end_the_sentence(text):
    assert split_sentences(text) == [text]


def test_sentences_still_split_after_ordinary_words():
    assert split_sentences("Rapat selesai sore hari. Peserta pulang.") == [
        "Rapat selesai sore hari.", "Peserta pulang."]


# -- people ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("ujar Ketua Bawaslu Kabupaten Lembata Maria Goreti BKL kepada wartawan, Senin.",
     [("Maria Goreti BKL", "Ketua Bawaslu Kabupaten Lembata")]),
    ("Laporan diterima Sekretaris Tim Kampanye, I Ketut Sudarsana, di kantornya.",
     [("I Ketut Sudarsana", "Sekretaris Tim Kampanye")]),
    ("Pemeriksaan dijalani Kades Sukadamai Wahyudin selama satu jam.", [("Wahyudin", "Kades Sukadamai")]),
    ("Surat itu ditandatangani Kepala BKN Bima Prasetya Nugraha pekan lalu.",
     [("Bima Prasetya Nugraha", "Kepala BKN")]),
    ("kata Koordinator Divisi Hukum, Pencegahan, Parmas dan Humas, Ratna Dewi kepada wartawan.",
     [("Ratna Dewi", "Koordinator Divisi Hukum, Pencegahan, Parmas dan Humas")]),
])
def test_positions_and_names(text, expected):
    assert people_of(text) == expected


def test_a_closed_list_of_names_shares_the_position():
    text = "Acara dihadiri Anggota Bawaslu Kota Tual Yosef Rahanra, Nurlela, dan Abdul Somad, serta tamu lain."
    assert people_of(text) == [
        ("Yosef Rahanra", "Anggota Bawaslu Kota Tual"), ("Nurlela", "Anggota Bawaslu Kota Tual"),
        ("Abdul Somad", "Anggota Bawaslu Kota Tual")]


def test_a_list_of_names_is_not_mistaken_for_a_position():
    text = "Hadir Ketua KPU Kota Tual Rizal Umasangadji, Sekretaris KPU Hasan Rumra, dan undangan lain."
    assert ("Rizal Umasangadji", "Ketua KPU Kota Tual") in people_of(text)


def test_number_words_and_governments_are_not_names():
    names = [name for name, _ in people_of("Kepala Dinas Sosial Pemkab Ende, Satu orang lainnya hadir.")]
    assert "Satu" not in names and "Pemkab Ende" not in names


# -- statistics ------------------------------------------------------------------------------

def test_a_copula_between_number_and_unit_still_counts():
    assert quantities("Dari 80 laporan, 25 merupakan temuan pengawas dan 55 adalah laporan masyarakat.") \
        == [80, 25, 55]


def test_a_count_among_earlier_cases_counts():
    assert quantities("Bawaslu menangani sejumlah kasus netralitas ASN, tiga di antaranya telah diteruskan ke BKN.") \
        == [3]


def test_a_negation_in_an_earlier_clause_does_not_cancel_a_count():
    assert quantities("Sebanyak 40 laporan tidak diregistrasi, 12 laporan masih diproses.") == [40, 12]


def test_a_count_repeated_with_tersebut_is_kept_once():
    assert quantities("Kami menangani dua kasus netralitas ASN dan merekomendasikan dua kasus tersebut ke BKN.") == [2]


# -- events ----------------------------------------------------------------------------------

def test_an_apel_only_as_the_time_of_a_statement_is_no_ceremony():
    title = "Bawaslu Laporkan Seorang ASN ke BKN"
    text = "Hal itu disampaikan Ketua Bawaslu usai apel siaga pengawasan di alun-alun, Minggu."
    assert "ceremony" not in classify_events(Document(source="t", title=title, text=text))


def test_a_warning_of_sanctions_is_a_socialization():
    text = "Pemerintah provinsi menegaskan akan memberikan sanksi tegas kepada ASN yang tidak netral di Pilkada 2024."
    assert classify_events(Document(source="t", title="", text=text)) == ["socialization"]


# -- regions and dates -----------------------------------------------------------------------

def test_a_weekday_with_a_time_of_day_anchors_the_date():
    text = "Ikrar netralitas ASN dibacakan dalam apel Senin pagi (30/10) jelang Pemilu 2024."
    assert choose_event_date(text, None) == date(2023, 10, 30)


# -- violations ------------------------------------------------------------------------------

def test_a_group_of_village_heads_called_by_bawaslu_is_a_case():
    text = ("Bawaslu Kabupaten Garut memanggil sejumlah kepala desa yang membuat video dukungan "
            "kepada salah satu pasangan calon.")
    doc = extract_text("Kades Dipanggil Bawaslu\n" + text)
    assert [v.actor_role for v in find_violations(doc)] == ["kepala desa"]


# -- regions, organisations and dates (second round) -----------------------------------------

def regions_of(text: str) -> list[str]:
    from netra.extract.places import add_regions

    return [r.name for r in add_regions(Document(source="t", text=text)).regions]


def test_a_province_named_only_as_an_election_body_seat_gives_way_to_the_story_regency():
    text = ("Camat Tabanan Utara dilaporkan ke Bawaslu Tabanan oleh tim pemenangan. "
            "Tembusan laporan dikirim ke Bawaslu Provinsi Bali.")
    assert regions_of(text) == ["Kabupaten Tabanan"]


def test_a_province_seat_counts_when_no_regency_is_named():
    assert regions_of("Bawaslu Provinsi Bali menggelar rapat koordinasi netralitas ASN.") == ["Provinsi Bali"]


def test_the_capital_as_a_venue_is_a_region_but_not_as_a_seat():
    assert regions_of("Data itu disampaikan dalam konferensi pers di Jakarta, Senin.") == ["Provinsi DKI Jakarta"]
    assert regions_of("BKN di Jakarta menerima berkas itu.") == []


def test_a_person_named_after_a_national_body_is_no_region():
    assert regions_of("Surat itu diteken Kepala BKN Bima Prasetya Nugraha di kantornya.") == []


def organizations_of(text: str) -> list[str]:
    return extract_text("Judul\n" + text).organizations


def test_bodies_listed_after_a_joint_decree_are_left_out():
    text = ("Larangan itu diatur dalam SKB Menteri PANRB, Menteri Dalam Negeri, Kepala Badan Kepegawaian Negara, "
            "Ketua Komisi Aparatur Sipil Negara, dan Ketua Bawaslu RI. Bawaslu Kabupaten Sikka memeriksa dua ASN.")
    assert organizations_of(text) == ["Bawaslu Kabupaten Sikka"]


def test_central_and_regional_government_in_general_is_no_government():
    text = "Program ini didukung pemerintah pusat dan pemerintah daerah. Bawaslu Kabupaten Sikka hadir."
    assert organizations_of(text) == ["Bawaslu Kabupaten Sikka"]


@pytest.mark.parametrize(("text", "organization"), [
    ("Rapat digelar Kantor Regional (Kanreg) VII BKN di Palembang.", "Kanreg VII BKN"),
    ("Ikrar dipimpin Sekretaris DPRD, diikuti pegawai Sekretariat DPRD Kabupaten Sikka.",
     "Sekretariat DPRD Kabupaten Sikka"),
    ("Narasumber dari BKPPD Kabupaten Sikka menjelaskan aturan disiplin.", "BKPPD Kabupaten Sikka"),
])
def test_more_institutions(text, organization):
    assert organization in organizations_of(text)


def test_a_weekday_date_in_a_background_paragraph_is_not_the_event_date():
    text = ("Bawaslu mencatat 20 laporan, kata ketua Bawaslu dalam konferensi pers, 28 Oktober 2024.\n"
            "Sebagai informasi, kasus lain yang menjadi sorotan terjadi di sebuah hotel, Rabu malam (23/10).")
    assert choose_event_date(text, None) == date(2024, 10, 28)


@pytest.mark.parametrize(("sentence", "category"), [
    ("Camat Kubu Utara dilaporkan karena mengirim jadwal kampanye paslon ke grup WhatsApp warga.", "social_media"),
    ("Empat ASN diduga ikut rapat pembentukan tim pemenangan salah satu calon.", "campaign_involvement"),
    ("Seorang kepala desa diduga membuat video dukungan kepada pasangan calon bupati.", "declaration_support"),
])
def test_act_categories(sentence, category):
    doc = extract_text("Dugaan Pelanggaran Netralitas\n" + sentence)
    assert [v.act_category for v in doc.violations] == [category]


def test_forwarding_written_without_a_prefix_is_forwarding():
    text = "Seorang guru PPPK diduga mengunggah video dukungan. Setelah kajian rampung, kami teruskan ke BKN."
    doc = extract_text("Guru PPPK Dilaporkan\n" + text)
    assert [v.status for v in doc.violations] == ["forwarded"]


# -- third round -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Menurut anggota Bawaslu Kabupaten Sikka, Maria Wea, laporan itu sedang dikaji.",
     [("Maria Wea", "anggota Bawaslu Kabupaten Sikka")]),
    ("Laporan dibawa tim hukum BR, I Made Sudana, ke kantor pengawas.", [("I Made Sudana", "tim hukum BR")]),
    ("kata Kepala Kanreg VII BKN Palembang Hendra Saputra dalam rapat.",
     [("Hendra Saputra", "Kepala Kanreg VII BKN Palembang")]),
    ("ujar Staf Ahli Bupati Bidang Pemerintahan, Badan Kepegawaian Negara (BKN) Rudi Hartono di aula.",
     [("Rudi Hartono", "Staf Ahli Bupati Bidang Pemerintahan, BKN")]),
])
def test_more_positions_and_names(text, expected):
    assert people_of(text) == expected


def test_a_candidate_pair_after_a_campaign_team_is_no_person():
    assert people_of("Laporan dibuat Budi Santoso selaku tim pemenangan Paslon Andi Wijaya-Rudi.") \
        == [("Budi Santoso", "tim pemenangan Paslon Andi Wijaya-Rudi")]


def test_lower_case_words_alone_open_no_position():
    assert people_of("Ia juga ketua kelompok tani, dan anggota keluarga hadir.") == []


def test_a_unit_in_parentheses_and_a_share_of_counted_cases():
    assert quantities("Sebanyak 97 (kasus) merupakan pelanggaran netralitas ASN.") == [97]
    text = "Bawaslu menerima 50 laporan dugaan pelanggaran netralitas, yakni mencapai 40 persen di medsos."
    assert quantities(text) == [50, 40]


def test_a_pledge_whose_neutrality_words_follow_in_the_next_sentence_is_a_declaration():
    doc = Document(source="t", title="", text=(
        "Peserta mengikuti apel Deklarasi Pemilu Damai di halaman kantor wali kota, Selasa.\n"
        "Apel diikuti jajaran aparatur sipil negara (ASN)."))
    assert classify_events(doc) == ["declaration", "ceremony"]


def test_bulleted_related_headlines_are_page_furniture():
    doc = extract_text("Camat Diduga Kampanye\nSeorang camat di Kabupaten Sikka diduga berkampanye di kantornya.\n"
                       "- Pilbup Ende 2024, Calon Bertemu Ribuan Nelayan di Pesisir\n"
                       "- Harga Beras di Pasar Maumere Turun Jelang Akhir Pekan\n"
                       "Bawaslu Kabupaten Sikka menelusuri informasi awal tersebut.")
    assert "Pilbup Ende" not in doc.text and [r.name for r in doc.regions] == ["Kabupaten Sikka"]


# -- fourth round ----------------------------------------------------------------------------

def test_a_quoted_on_date_is_not_the_event_date():
    text = ("Bawaslu mencatat 40 laporan, ujar ketuanya dalam rapat, dikutip dari laman, Selasa (3/12/2024).\n"
            "Rapat itu digelar di gedung DPD.")
    assert choose_event_date(text, None) is None


def test_counts_in_a_money_politics_sentence_are_left_out():
    assert quantities("Ada 30 peristiwa dugaan pembagian uang, 5 temuan dan 25 laporan dari masyarakat.") == []


def test_a_negated_elliptical_count_still_counts():
    assert quantities("Sebanyak 200 laporan teregistrasi, 40 tidak teregistrasi.") == [200, 40]


def test_a_post_right_after_a_speech_verb_is_the_speaker_not_the_accused():
    doc = extract_text("Rakor Netralitas\nPenanganan pelanggaran penting, ujar Kepala Dinas Sosial Sikka Budi Santoso "
                       "di Maumere.")
    assert doc.violations == []


def test_a_teacher_described_as_civil_servant_in_full_words():
    doc = extract_text("Guru Tidak Netral\nBawaslu menemukan seorang guru aparatur sipil negara (ASN) tidak netral di "
                       "Kecamatan Kanor. Kasus itu telah direkomendasikan untuk dikaji oleh KASN.")
    assert [(v.actor_role, v.status) for v in doc.violations] == [("guru ASN", "forwarded")]


def test_a_hearing_with_a_dpd_committee_is_other():
    text = "Ketua Bawaslu menyampaikan data itu dalam rapat perdana bersama Komite I DPD RI di Jakarta."
    doc = Document(source="t", title="", text=text)
    assert "other" in classify_events(doc)


def test_abbreviated_first_names_and_religious_affairs_offices():
    assert people_of("kata Plt Kasubag Tata Usaha Kantor Kemenag Sikka, Moch. Rahmat Hidayat, kepada wartawan.") \
        == [("Moch. Rahmat Hidayat", "Plt Kasubag Tata Usaha Kantor Kemenag Sikka")]


# -- fifth round -----------------------------------------------------------------------------

def test_an_initial_may_open_a_name():
    assert people_of("Apel dipimpin Penjabat (Pj) Bupati Sikka, A. Rahman, sebagai pembina.") \
        == [("A. Rahman", "Pj Bupati Sikka")]


def test_a_position_in_parentheses_after_the_name():
    assert people_of("ungkap Yohanes Lado, S.Pd. (Koordinator Divisi Penanganan Pelanggaran) di kantornya.") \
        == [("Yohanes Lado", "Koordinator Divisi Penanganan Pelanggaran")]


def test_a_lower_case_head_with_an_unknown_word_is_no_position():
    assert people_of("Hadir pula anggota Persatuan Guru Republik Indonesia dan warga.") == []


def test_an_appeal_to_campaign_teams_is_no_socialization():
    text = "Panwaslu kecamatan membuat himbauan kepada peserta pemilu tentang tata cara kampanye."
    assert classify_events(Document(source="t", title="", text=text)) == ["other"]
    text = "Bupati mengeluarkan imbauan agar seluruh ASN menjaga netralitas selama pilkada."
    assert classify_events(Document(source="t", title="", text=text)) == ["socialization"]


def test_election_bodies_in_a_national_story_and_with_a_bare_level_word():
    text = ("Ketua Bawaslu RI menyampaikan data itu dalam rapat yang juga dihadiri jajaran KPU dan DKPP.")
    assert organizations_of(text) == ["Bawaslu RI", "KPU", "DKPP"]
    text = "Empat ASN Kota Sungai Penuh diduga tidak netral, kata Komisioner Bawaslu Kota kepada wartawan."
    assert "Bawaslu Kota Sungai Penuh" in organizations_of(text)


def test_a_named_office_ends_at_a_verb_of_a_title_case_headline():
    assert organizations_of("Panwascam Lela Gelar Rapat Evaluasi Pengawasan\nRapat digelar kemarin.") \
        == ["Panwaslu Kecamatan Lela"]
