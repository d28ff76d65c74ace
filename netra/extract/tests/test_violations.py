"""find_violations: one entry per specific suspected violation."""

import re

import pytest

from netra.extract.patterns import Caseless, grouped
from netra.extract.pipeline import extract_text
from netra.extract.record import Document, Person
from netra.extract.violations import (
    _ANY_CATEGORY,
    _ANY_ROLE_LOWER,
    _CUE,
    _RULES,
    _STAGES_ABOVE,
    _SUSPECT_LOWER,
    _last_word,
    _role_of,
    clean_name,
    find_violations,
)


def violations(text: str, title: str = ""):
    return find_violations(Document(source="t", title=title, text=text))


def summary(text: str, title: str = ""):
    return [(v.actor_name, v.actor_role.lower(), v.act_category, v.status) for v in violations(text, title)]


def test_it_finds_an_unnamed_village_official_under_review():
    text = (
        "Seorang oknum kepala desa di Kecamatan Cikajang diduga mengajak warga untuk memilih pasangan "
        "calon bupati tertentu dalam sebuah pengajian.\n"
        "Panwaslu Kecamatan Cikajang saat ini sedang melakukan penelusuran atas informasi tersebut."
    )
    assert summary(text) == [(None, "kepala desa", "campaign_involvement", "under_review")]


def test_it_names_the_accused_post_holder_and_reads_forwarding():
    text = (
        "Bawaslu Kabupaten Lebak telah meneruskan hasil kajian ke BKN.\n"
        "Dugaan pelanggaran dilakukan oleh Kepala Dinas Perhubungan, Suryadi Pratama, yang diduga "
        "menggunakan mobil dinas untuk mengangkut massa kampanye.\n"
        "Suryadi sudah dimintai klarifikasi pekan lalu."
    )
    result = violations(text)
    assert [(v.actor_name, v.actor_role, v.act_category, v.status) for v in result] == [
        ("Suryadi Pratama", "kepala dinas", "use_of_office", "forwarded")
    ]
    assert result[0].actor_org == "Dinas Perhubungan"


def test_it_takes_names_introduced_as_the_accused():
    text = (
        "Dua guru SD dilaporkan ke Bawaslu karena mengunggah foto bersama pasangan calon di Facebook, "
        "yakni Hj Wartini dan Sulastri.\n"
        "Laporan itu akan dikaji dalam dua hari."
    )
    assert summary(text) == [
        ("Wartini", "guru sd", "social_media", "reported"),
        ("Sulastri", "guru sd", "social_media", "reported"),
    ]


def test_it_does_not_take_the_reporter_for_the_accused():
    text = (
        "Seorang warga bernama Budi Santoso melaporkan salah satu ASN di lingkungan Pemkab Serang ke Bawaslu "
        "karena diduga ikut berkampanye untuk calon bupati."
    )
    assert summary(text) == [(None, "asn", "campaign_involvement", "reported")]


def test_it_keeps_different_acts_of_one_group_apart_and_reads_sanctions():
    text = (
        "Empat orang ASN Dinas Kesehatan diberhentikan dengan tidak hormat karena menjadi anggota partai politik.\n"
        "Mereka juga sempat mendaftar sebagai calon legislatif.\n"
        "Selain itu, salah satu dari ASN tersebut mengunggah dukungan untuk calon presiden di Instagram.\n"
        "Atas unggahan itu, BKN merekomendasikan hukuman disiplin sedang."
    )
    result = violations(text)
    assert [(v.actor_role, v.act_category, v.status, v.sanction) for v in result] == [
        ("ASN", "candidacy", "sanctioned", "diberhentikan dengan tidak hormat"),
        ("ASN", "social_media", "recommended_sanction", "hukuman disiplin sedang"),
    ]


def test_it_separates_cases_in_different_places_and_reads_each_outcome():
    text = (
        "Di Kabupaten Buru Selatan ada dugaan keterlibatan salah satu lurah dalam tim pemenangan.\n"
        "Kasus itu sudah dilimpahkan ke Sentra Gakkumdu.\n"
        "Kemudian di Seram Bagian Barat, ada juga dugaan pelanggaran ASN yang setelah ditelusuri "
        "ternyata tidak memenuhi syarat."
    )
    assert summary(text) == [
        (None, "lurah", "other", "forwarded"),
        (None, "asn", "other", "dismissed"),
    ]


def test_it_folds_a_generic_asn_group_into_the_specific_post():
    text = (
        "Bawaslu Kota Kendari merekomendasikan dua ASN ke BKN terkait penggunaan fasilitas negara.\n"
        "\"Yang kami rekomendasikan Kepala Bidang di dua dinas,\" kata Ketua Bawaslu."
    )
    assert summary(text) == [(None, "kepala bidang", "use_of_office", "forwarded")]


def test_it_finds_nothing_in_rules_appeals_and_ceremonies():
    text = (
        "Pj Bupati Sleman memimpin apel dan ikrar netralitas ASN, Senin (7/10/2024).\n"
        "ASN dilarang memposting, menyukai, atau membagikan konten pasangan calon di media sosial.\n"
        "Jika ada ASN yang melanggar, Bawaslu akan meneruskan ke BKN untuk diberi sanksi.\n"
        "Para kepala desa diminta tidak terlibat dalam kampanye."
    )
    assert violations(text) == []


def test_it_ignores_aggregate_counts_of_sanctioned_civil_servants():
    text = "Kemendagri mencatat sebanyak 19 ASN yang melanggar netralitas telah dijatuhi hukuman disiplin."
    assert violations(text) == []


def test_it_does_not_treat_a_speaking_official_as_the_accused():
    text = (
        "Pj Gubernur Maluku Utara Samsuddin mengatakan dugaan pelanggaran netralitas ASN masih ditemukan. "
        "Camat Ternate Utara, Rahmat Hidayat, mengatakan pihaknya belum menerima laporan pelanggaran."
    )
    assert violations(text) == []


def test_it_cleans_honorifics_from_names():
    assert clean_name("Hj Siti Aminah") == "Siti Aminah"
    assert clean_name("Drs. Bambang Sutejo") == "Bambang Sutejo"


def test_it_reads_a_list_of_initials_with_units_in_brackets():
    text = (
        "Tiga ASN Pemkot Binjai yang dilaporkan tersebut adalah RS (Dinas Sosial), MH (BPBD) dan YT (Bappeda).\n"
        "Ketiganya sudah dipanggil untuk dimintai keterangan oleh Bawaslu Kota Binjai."
    )
    assert [(v.actor_name, v.actor_role, v.status) for v in violations(text)] == [
        ("RS", "ASN", "under_review"), ("MH", "ASN", "under_review"), ("YT", "ASN", "under_review"),
    ]


def test_it_takes_initials_after_a_post_in_the_same_clause_only():
    text = (
        "Seorang warga berinisial JK melaporkan dugaan pelanggaran ke Panwaslu. "
        "Kepala Puskesmas di Kecamatan Lemahabang berinisial DS diduga mengarahkan bidan untuk memilih paslon nomor 2."
    )
    assert [(v.actor_name, v.actor_role) for v in violations(text)] == [("DS", "kepala puskesmas")]


def test_it_treats_teachers_described_later_as_guru_asn():
    text = (
        "Bawaslu Kabupaten Muna menemukan dua ASN yang diduga memberikan like dan komentar pada unggahan paslon. "
        "Kedua ASN yang diduga melanggar netralitas itu berprofesi sebagai guru di sebuah SMP negeri."
    )
    assert summary(text) == [(None, "guru asn", "social_media", "reported")]


def test_it_keeps_groups_in_different_places_of_one_sentence_apart():
    text = (
        "Menurut Bawaslu provinsi, di Kabupaten Grobogan ada 12 kades dan di Kabupaten Blora ada 2 camat "
        "yang diduga melanggar netralitas."
    )
    assert [(v.actor_role, v.actor_name) for v in violations(text)] == [("kepala desa", None), ("camat", None)]


def test_it_does_not_read_title_case_headline_words_as_a_place():
    title = "Belasan Kades Diperiksa Bawaslu Karena Diduga Tak Netral"
    assert violations("Bawaslu memeriksa para kepala desa pekan ini.", title) == []


def test_it_does_not_accuse_an_official_who_gives_instructions():
    text = (
        "Pj Bupati Bireuen menyebutkan, ASN di lingkungan Pemerintah Kabupaten Bireuen agar tidak terlibat "
        "politik uang atau intimidasi selama proses Pilkada."
    )
    assert violations(text) == []


def test_it_names_a_post_holder_known_to_the_people_stage():
    doc = Document(
        source="t",
        title="",
        text=(
            "Camat Tanjung Priok Budi Santoso diduga hadir dalam kampanye paslon gubernur. "
            "Bawaslu Jakarta Utara telah memanggil yang bersangkutan untuk klarifikasi."
        ),
    )
    doc.people = [Person(name="Budi Santoso", position="Camat Tanjung Priok")]
    assert [(v.actor_name, v.actor_role, v.act_category, v.status) for v in find_violations(doc)] == [
        ("Budi Santoso", "camat", "campaign_attendance", "under_review")
    ]


def test_it_strips_a_hajj_title_and_skips_a_village_head_who_reports():
    text = (
        "Dugaan pelanggaran dilakukan oleh Kepala Desa Sindangsari, H. Maman Suryaman, yang diduga membagikan "
        "kalender bergambar paslon. Kepala Desa Cikaret, Dadang, melaporkan hal itu ke Panwaslu."
    )
    assert [(v.actor_name, v.actor_role) for v in violations(text)] == [("Maman Suryaman", "kepala desa")]


def test_a_post_with_its_abbreviation_then_a_place_is_identified():
    text = ("Bawaslu menerima laporan dugaan pelanggaran netralitas yang dilakukan oleh Kepala Desa (Kades) "
            "Sukamaju Hendra. Hendra diduga mengajak warga memilih calon tertentu.")
    doc = Document(source="t", text=text, people=[Person("Hendra", "Kades Sukamaju")])
    assert [(v.actor_name, v.actor_role) for v in find_violations(doc)] == [("Hendra", "kepala desa")]
    assert violations("Bawaslu mengingatkan bahwa Kepala Desa (Kades) dilarang berkampanye.") == []


def test_a_case_in_the_handling_process_is_under_review():
    text = ("Seorang oknum kepala desa di Kecamatan Cikajang diduga mengajak warga memilih calon tertentu.\n"
            "Saat ini laporan itu sedang dalam proses penanganan oleh Bawaslu.")
    assert [v.status for v in violations(text)] == ["under_review"]
    text = ("Seorang oknum kepala desa di Kecamatan Cikajang diduga mengajak warga memilih calon tertentu.\n"
            "Warga melaporkan hal itu ke Bawaslu.")
    assert [v.status for v in violations(text)] == ["reported"]


def test_a_civil_police_officer_who_was_punished_is_sanctioned():
    text = ("Bawaslu menelusuri video dukungan kepada calon bupati. "
            "Sudah ada satu personel Satpol PP Sukamaju yang dihukum oleh pemerintah kabupaten.")
    assert [(v.actor_role, v.status) for v in violations(text)] == [("anggota Satpol PP", "sanctioned")]
    assert violations("Personel Satpol PP membantu Bawaslu menertibkan alat peraga kampanye.") == []


def test_an_ordinal_group_of_village_heads_is_identified():
    text = "Bawaslu menilai ketujuh kepala desa di Kecamatan Sukamaju itu terbukti tidak netral."
    assert [v.actor_role for v in violations(text)] == ["kepala desa"]


def test_a_first_gakkumdu_discussion_is_under_review():
    text = ("Seorang oknum kepala desa di Kecamatan Cikajang diduga mengajak warga memilih calon tertentu.\n"
            "Bawaslu telah melakukan pembahasan pertama atas kasus itu di Sentra Gakkumdu.")
    assert [v.status for v in violations(text)] == ["under_review"]


def test_handing_a_camat_case_to_the_civil_service_commission_is_forwarding():
    text = (
        "Seorang oknum camat di Kabupaten Siak diduga ikut mengkampanyekan bakal calon bupati di sebuah hajatan.\n"
        "Usai klarifikasi, Bawaslu menyerahkan berkas kasus itu ke Komisi Aparatur Sipil Negara (KASN)."
    )
    assert summary(text) == [(None, "camat", "campaign_involvement", "forwarded")]


def test_a_p3k_teacher_whose_post_proved_not_to_be_a_violation_is_dismissed():
    text = (
        "Seorang guru berstatus P3K di Kecamatan Sukanagara diduga mengunggah foto calon presiden di Facebook.\n"
        "Hasil penelusuran Panwaslu tidak ditemukan adanya dugaan pelanggaran dalam unggahan tersebut."
    )
    assert summary(text) == [(None, "guru pppk", "social_media", "dismissed")]


def test_a_lecturer_with_civil_servant_status_keeps_that_status_in_the_role():
    text = "Seorang dosen ASN di Kota Malang diduga tidak netral dan sudah dilaporkan ke Bawaslu."
    assert [v.actor_role for v in violations(text)] == ["dosen ASN"]
    assert [v.actor_role for v in violations("Seorang dosen di Kota Malang diduga tidak netral.")] == ["dosen"]


def test_a_head_urging_school_principals_to_vote_uses_the_office():
    text = (
        "Kepala Bidang SMA Dinas Pendidikan Kota Bima, Rudi Hartono, diduga mengajak kepala sekolah "
        "memilih capres tertentu."
    )
    assert [v.act_category for v in violations(text)] == ["use_of_office"]


def test_attending_the_ballot_number_draw_or_a_party_inauguration_is_attendance():
    draw = "Kepala Desa Sumberagung, Joko Santoso, diduga hadir pada saat pengundian nomor urut pasangan calon di KPU."
    party = "Sebanyak 5 camat di Kabupaten Garut diduga menghadiri undangan pelantikan pengurus partai politik."
    assert [v.act_category for v in violations(draw)] == ["campaign_attendance"]
    assert [v.act_category for v in violations(party)] == ["campaign_attendance"]


def test_a_bare_mention_of_social_media_is_not_an_online_act():
    text = "Video seorang kepala desa di Kecamatan Rembang yang berorasi mendukung paslon viral di media sosial."
    assert [v.act_category for v in violations(text)] == ["campaign_involvement"]


def test_a_village_written_before_the_name_is_not_part_of_it():
    text = (
        "Bawaslu meneruskan dugaan pelanggaran netralitas Kepala Desa Sukamaju Budi Santoso kepada Pj Bupati.\n"
        "Kades Sukamaju Budi Santoso diduga hadir pada kampanye akbar pasangan calon."
    )
    doc = Document(source="t", text=text, people=[Person("Sukamaju Budi Santoso", "Kades Sukamaju")])
    names = [v.actor_name for v in find_violations(doc)]
    assert "Budi Santoso" in names and not any(n and n.startswith("Sukamaju") for n in names)


def test_a_first_name_alone_beside_the_full_name_is_one_entry():
    text = (
        "Kepala sekolah bernama Rina Marlina dilaporkan ke Bawaslu karena hadir pada kampanye paslon.\n"
        "Kepala sekolah Rina kemudian direkomendasikan dijatuhi sanksi teguran tertulis."
    )
    assert [v.actor_name for v in violations(text) if v.actor_name] == ["Rina Marlina"]


def test_initials_given_after_a_place_clause_name_the_teacher():
    text = (
        "Seorang guru berstatus Pegawai Pemerintah dengan Perjanjian Kerja (P3K), di salah satu SD di "
        "Kecamatan Cidaun, berinisial RK diduga berkampanye di akun Facebook miliknya."
    )
    assert [(v.actor_name, v.actor_role) for v in violations(text)] == [("RK", "guru PPPK")]


def test_a_reporter_named_after_a_place_clause_is_not_the_accused():
    text = (
        "Seorang mahasiswa, di Kecamatan Cidaun, bernama Andi Wijaya melaporkan dugaan pelanggaran "
        "netralitas oleh seorang kepala desa di Kecamatan Cidaun."
    )
    assert "Andi Wijaya" not in [v.actor_name for v in violations(text)]


def test_bawaslu_reporting_a_case_to_bkn_is_forwarding_but_a_complainant_doing_so_is_not():
    by_bawaslu = (
        "Seorang kepala sekolah di Kecamatan Gebog diduga hadir pada kampanye paslon.\n"
        "Bawaslu Kabupaten Kudus kemudian melaporkan dugaan pelanggaran itu ke BKN."
    )
    by_complainant = (
        "Seorang kepala sekolah di Kecamatan Gebog diduga hadir pada kampanye paslon.\n"
        "Tim hukum paslon juga melaporkan kepala sekolah tersebut ke KASN."
    )
    assert [v.status for v in violations(by_bawaslu)] == ["forwarded"]
    assert [v.status for v in violations(by_complainant)] == ["reported"]


def test_grouped_rule_patterns_find_the_same_matches():
    text = (
        "Kepala Desa Sukamaju diduga mengunggah dukungan di Facebook; perangkat lurah dan lurah Cibodas "
        "dilaporkan, lalu direkomendasikan ke KASN untuk diberhentikan sementara. Guru berstatus PPPK itu "
        "yakni AS, dan mengajak para guru untuk memilih paslon, terlibat dalam kampanye."
    ).lower()
    patterns = [rule["pattern"] for key in ("roles", "categories", "stages") for rule in _RULES[key]]
    for pattern in [*patterns, *_RULES["cues"].values()]:
        plain = [m.span() for m in re.finditer(pattern, text)]
        assert [m.span() for m in re.finditer(grouped(pattern), text)] == plain, pattern


def test_the_word_before_a_mention_is_read_as_the_end_anchored_pattern_would():
    pattern = re.compile(r"(\S+)\s+(?:orang\s+)?$")
    for text in ["sebanyak 19 orang ", "dua ", "oleh dua orang\n", "orang ", "ada 3 orang", "", "  ", "x orangx "]:
        match = pattern.search(text)
        assert _last_word(text) == (match.group(1) if match else None), text


# -- names the people stage has delimited -------------------------------------------------


def test_a_list_of_village_heads_each_with_a_village_gives_one_entry_per_name():
    doc = extract_text(
        "Tiga Kades Jadi Tersangka\n"
        "Bawaslu Kabupaten Garut menetapkan tiga kepala desa sebagai tersangka dugaan keterlibatan dalam politik "
        "praktis. Ketiganya antara lain Kades Sukamaju Budi Santoso, Kades Cibodas Ahmad Rifai dan Kades "
        "Mekarsari Rudi Hartono, yang diduga berfoto sambil mengacungkan jari nomor urut pasangan calon."
    )
    assert sorted(v.actor_name for v in doc.violations) == ["Ahmad Rifai", "Budi Santoso", "Rudi Hartono"]
    assert {v.actor_role for v in doc.violations} == {"kepala desa"}


def test_officials_listed_as_attending_are_not_accused():
    doc = extract_text(
        "Deklarasi Netralitas\n"
        "Deklarasi netralitas dipimpin Pj Bupati Garut. Turut hadir Sekda Garut H Nurdin Yana, Kepala Dinas "
        "Pendidikan Ade Manadin serta Ketua Bawaslu Garut. Pj Bupati mengingatkan pelanggaran netralitas "
        "seperti memakai rumah dinas untuk kampanye akan ditindak."
    )
    assert doc.violations == []


def test_a_sanction_imposed_in_the_active_voice_is_sanctioned():
    doc = extract_text(
        "Kades Disanksi\n"
        "Bupati Garut menjatuhkan sanksi teguran tertulis kepada Kepala Desa Sukamaju, Slamet Riyadi, karena "
        "terbukti ikut berkampanye untuk salah satu pasangan calon."
    )
    assert [(v.actor_name, v.status, v.sanction) for v in doc.violations] == [
        ("Slamet Riyadi", "sanctioned", "teguran tertulis")]


def test_a_sanction_asked_for_is_not_yet_imposed():
    doc = extract_text(
        "Bawaslu Minta Kades Diberhentikan\n"
        "Bawaslu Garut meminta bupati agar memberhentikan Kepala Desa Sukamaju, Slamet Riyadi, yang dilaporkan "
        "ikut berkampanye untuk salah satu pasangan calon."
    )
    assert [v.status for v in doc.violations] != ["sanctioned"]


def test_a_list_of_the_accused_goes_on_in_the_following_sentences():
    doc = extract_text(
        "Bawaslu Teruskan Kasus ke KASN\n"
        "Bawaslu Sikka telah meneruskan lima dugaan pelanggaran netralitas ASN ke KASN. Mereka yang diduga "
        "melanggar meliputi Kepala Dinas Kesehatan Sikka, Yohanes Bata. Baliho bergambar dirinya terpasang di "
        "Maumere. Kemudian Kepala Dispora Sikka, Agustinus Lewo, dan Kabid Dinas PUPR Sikka Maria Goreti. "
        "Kepala Badan Pendapatan Daerah Sikka, Petrus Nong, juga dilaporkan."
    )
    assert {(v.actor_name, v.actor_role) for v in doc.violations} >= {
        ("Yohanes Bata", "kepala dinas"), ("Agustinus Lewo", "kepala dinas"), ("Maria Goreti", "kepala bidang")}


def test_a_post_named_as_the_source_of_a_report_is_not_accused():
    assert violations("Pelanggaran ASN terbilang kecil berdasarkan laporan dari Kepala Badan Kepegawaian Daerah "
                      "(BKD) Jabar.") == []


def test_a_head_of_office_speaking_after_where_and_when_is_not_accused():
    doc = extract_text(
        "Dua Kades Disanksi\n"
        "Pemkab Sikka memberikan sanksi administrasi kepada dua kepala desa yang terlibat dalam kegiatan deklarasi "
        "pasangan calon. Kepala Dinas Pemberdayaan Masyarakat Desa Kabupaten Sikka Yohanes Bata di Maumere, Rabu, "
        "mengatakan keputusan itu diambil setelah laporan Bawaslu."
    )
    assert [(v.actor_name, v.actor_role, v.act_category, v.status) for v in doc.violations] == [
        (None, "kepala desa", "declaration_support", "sanctioned")]


def test_initials_after_a_handling_verb_name_the_accused():
    doc = extract_text("ASN Dilaporkan\nBawaslu Kota Mataram melaporkan IGLM atas dugaan pelanggaran netralitas ASN "
                       "ke Komisi Aparatur Sipil Negara (KASN).")
    assert [(v.actor_name, v.actor_role, v.status) for v in doc.violations] == [("IGLM", "ASN", "forwarded")]


def test_everyone_named_in_a_list_of_the_accused_is_accused_whatever_their_other_post():
    doc = extract_text(
        "Enam ASN Tidak Netral\n"
        "Bawaslu Kota Sikka menduga enam ASN Dinas Pendidikan melanggar netralitas karena mengampanyekan salah satu "
        "pasangan calon. Adapun keenam ASN itu, diantaranya Kepala Bidang SMP Disdik Sikka yang juga Sekretaris "
        "PGRI Kabupaten Sikka Yohanes Bata, dan pengawas SD yang juga Ketua PGRI Kabupaten Sikka Maria Goreti, "
        "serta empat ASN lainnya."
    )
    assert sorted(v.actor_name for v in doc.violations if v.actor_name) == ["Maria Goreti", "Yohanes Bata"]


def test_a_province_named_after_adalah_is_not_an_accused_person():
    doc = extract_text("Rapat Komisi II\nBawaslu mencatat pelanggaran netralitas kepala desa. Lima provinsi dengan "
                       "pelanggaran kepala desa paling besar adalah Banten 20 laporan, Lampung 12 laporan.")
    assert [v.actor_name for v in doc.violations if v.actor_name] == []


def test_an_appeal_to_all_civil_servants_is_not_the_act_of_the_accused():
    doc = extract_text(
        "Camat Tak Netral\n"
        "Bawaslu menemukan dugaan pelanggaran netralitas ASN oleh salah satu camat dan meneruskannya ke KASN. "
        "Langkah ini juga untuk mengingatkan seluruh ASN untuk tidak terlibat dalam politik praktis."
    )
    assert [(v.actor_role, v.act_category, v.status) for v in doc.violations] == [("camat", "other", "forwarded")]


def test_asking_village_guards_to_secure_a_campaign_is_use_of_office():
    doc = extract_text(
        "Laporan Kades Dihentikan\n"
        "Bawaslu menghentikan laporan terhadap seorang kepala desa karena tidak memenuhi syarat. Oknum kepala desa "
        "tersebut diduga meminta komandan Linmas di desanya untuk mengamankan kampanye salah satu pasangan calon."
    )
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("kepala desa", "use_of_office")]


def test_a_group_set_apart_from_the_named_accused_is_its_own_entry():
    doc = extract_text(
        "Enam ASN Tidak Netral\n"
        "Bawaslu menduga enam ASN Dinas Pendidikan melanggar netralitas karena mengampanyekan salah satu pasangan "
        "calon. Adapun keenam ASN itu, diantaranya Kepala Bidang SMP Yohanes Bata, serta empat ASN lainnya."
    )
    assert {(v.actor_name, v.actor_role) for v in doc.violations} == {("Yohanes Bata", "kepala bidang"), (None, "ASN")}


def test_an_unnamed_group_that_is_the_named_actors_is_not_repeated():
    doc = extract_text(
        "Dua ASN Dilaporkan\n"
        "Bawaslu menerima laporan dugaan pelanggaran netralitas dua ASN. Keduanya yakni Budi Santoso dan Ahmad Rifai, "
        "guru di SMP Negeri 1 Sikka."
    )
    assert sorted(v.actor_name for v in doc.violations) == ["Ahmad Rifai", "Budi Santoso"]


def test_a_finger_pose_alone_is_no_listed_category():
    doc = extract_text("Kades Berpose\nBawaslu menelusuri foto sejumlah kepala desa yang berpose dua jari nomor urut "
                       "salah satu pasangan calon saat acara silaturahmi.")
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("kepala desa", "other")]


def test_uploading_a_photo_to_social_media_is_social_media():
    doc = extract_text("ASN Dilaporkan\nBawaslu melaporkan IGLM atas dugaan pelanggaran netralitas ASN ke KASN. "
                       "ASN tersebut mengupload foto dirinya berpose salam tiga jari ke sosial media.")
    assert [(v.actor_name, v.act_category) for v in doc.violations] == [("IGLM", "social_media")]


def test_threatening_to_cut_social_aid_is_use_of_office():
    doc = extract_text("Lurah Dilaporkan\nSeorang lurah berinisial FM dilaporkan ke Bawaslu karena diduga mengancam "
                       "warga akan dikeluarkan dari daftar penerima bantuan PKH jika tidak memilih paslon tertentu.")
    assert [(v.actor_name, v.act_category) for v in doc.violations] == [("FM", "use_of_office")]


def test_the_accused_in_a_list_take_their_act_from_the_sentence_that_opened_the_list():
    doc = extract_text(
        "Enam ASN Tidak Netral\n"
        "Bawaslu menduga enam ASN Dinas Pendidikan melanggar netralitas karena mengampanyekan salah satu pasangan "
        "calon. Adapun keenam ASN itu, diantaranya Kepala Bidang SMP Yohanes Bata, serta empat ASN lainnya. "
        "Bawaslu juga mengingatkan agar ASN tidak mengunggah dukungan di media sosial."
    )
    assert {(v.actor_name, v.act_category) for v in doc.violations} == {
        ("Yohanes Bata", "campaign_involvement"), (None, "campaign_involvement")}


def test_an_act_named_only_in_the_rule_broken_does_not_split_the_case():
    doc = extract_text(
        "Dua Kades Disanksi\n"
        "Pemkab Sikka memberikan sanksi administrasi kepada dua kepala desa yang terlibat dalam kegiatan deklarasi "
        "pasangan calon. Dua kepala desa dikenai sanksi berdasarkan Pasal 51 huruf j yang memuat larangan kepala desa "
        "terlibat dalam kampanye."
    )
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("kepala desa", "declaration_support")]


def test_police_chiefs_are_posts_and_overseers_officials_are_never_accused():
    doc = extract_text(
        "Kapolres Dilaporkan\n"
        "Kapolres Sikka AKBP Budi Santoso dilaporkan ke Bawaslu karena diduga memerintahkan para kapolsek menggiring "
        "masyarakat untuk memilih salah satu pasangan calon. Hal itu dikatakan Kepala Bagian Data dan Informasi KASN "
        "Yohanes Bata usai menemui Bawaslu."
    )
    assert [(v.actor_name, v.actor_role) for v in doc.violations] == [("Budi Santoso", "Kapolres")]


def test_a_village_written_between_the_post_and_the_name_is_not_part_of_the_name():
    doc = extract_text(
        "Sekdes Dilaporkan\n"
        "Bawaslu menerima laporan dugaan pelanggaran netralitas. Sekdes yang dilaporkan adalah Sekdes Sukamaju "
        "Budi Santoso dan Sekdes Cibodas Ahmad Rifai Hidayat, yang berfoto bersama calon bupati."
    )
    assert sorted(v.actor_name for v in doc.violations) == ["Ahmad Rifai Hidayat", "Budi Santoso"]


def test_the_post_scan_stays_grouped_by_first_letter():
    """A post pattern opening with a capture group makes grouped() give up on the whole post scan (~25% slower)."""
    from netra.extract.violations import _ANY_ROLE_PATTERN

    assert grouped(_ANY_ROLE_PATTERN) != _ANY_ROLE_PATTERN


def test_spelled_out_ranks_and_places_are_not_names():
    doc = extract_text(
        "Kapolres Dilaporkan\n"
        "Kapolres Sikka, Ajun Komisaris Besar Polisi Budi Santoso, dilaporkan ke Bawaslu karena diduga memerintahkan "
        "para kapolsek se-Kabupaten, Sikka, untuk menggiring masyarakat memilih salah satu pasangan calon."
    )
    assert [v.actor_name for v in doc.violations] == ["Budi Santoso"]


def test_steering_support_through_ones_office_is_use_of_office():
    doc = extract_text(
        "Pejabat Dilaporkan\n"
        "Bawaslu meneruskan ke BKN laporan dugaan pelanggaran netralitas yang dilakukan tiga ASN. Para ASN terlapor "
        "diduga melakukan penggiringan dukungan terhadap salah satu bakal calon melalui kegiatan dinas."
    )
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("ASN", "use_of_office")]


def test_an_official_urging_civil_servants_at_a_pledge_is_not_accused():
    doc = extract_text(
        "Ikrar Netralitas ASN\n"
        "Ikrar netralitas ASN dibacakan oleh Sekda Jateng, Sumarno, dalam apel pagi. Dalam sambutannya, Sekda Jateng "
        "Sumarno mengajak ASN untuk mendukung kelancaran Pemilu 2024."
    )
    assert doc.violations == []
    doc = extract_text("Pakta Integritas\nPj Sekda Papua, Derek Hegmur mengharapkan ASN tidak melakukan intimidasi dan "
                       "ancaman kepada pegawai.")
    assert [v.actor_name for v in doc.violations if v.actor_name] == []


def test_asking_people_to_vote_for_a_candidate_is_campaign_involvement():
    doc = extract_text("Kades Dilaporkan\nSeorang kepala desa dilaporkan ke Bawaslu karena mengajak warga untuk "
                       "memilih pasangan calon nomor urut 2.")
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("kepala desa", "campaign_involvement")]


def test_a_specific_post_with_a_demonstrative_is_the_storys_actor_but_not_a_generic_one():
    doc = extract_text("Lurah Diklarifikasi\nBawaslu masih mengkaji dugaan pelanggaran netralitas lurah ini setelah "
                       "foto bersama calon bupati beredar.")
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("lurah", "campaign_attendance")]
    doc = extract_text("Laporan Selesai\nBawaslu sudah menyelesaikan pemeriksaan laporan dugaan pelanggaran netralitas "
                       "ASN ini.")
    assert doc.violations == []


@pytest.mark.parametrize("act, category", [
    ("diduga mewajibkan bawahannya di kantor kecamatan untuk memilih salah satu calon legislatif", "use_of_office"),
    ("diduga terkait penyerahan bantuan sosial di kecamatannya", "use_of_office"),
    ("kedapatan menggunakan APK berbentuk botol minuman bergambar salah satu kandidat", "campaign_involvement"),
    ("diduga aktif mengikuti kampanye salah satu pasangan calon bupati", "campaign_involvement"),
])
def test_more_ways_of_taking_sides_have_their_category(act, category):
    doc = extract_text(f"Camat Dilaporkan\nBawaslu meneruskan ke KASN kasus seorang camat yang {act}.")
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("camat", category)]


def test_an_instruction_to_stay_neutral_is_not_a_use_of_office():
    doc = extract_text("Apel Netralitas\nPj Bupati mengharuskan ASN mematuhi prinsip netralitas dan tidak memihak.")
    assert doc.violations == []


def test_overseers_officials_tallies_and_attendees_are_not_cases():
    statement = extract_text(
        "Rekap Bawaslu\nIrwanto Djurumudi, Kabag Hukum Bawaslu Provinsi Maluku Utara mengemukakan, Bawaslu dalam "
        "penanganan pelanggaran ini sebelumnya memproses sebanyak 118 orang.")
    tally = extract_text(
        "Rekap Bawaslu\nPelanggaran terbanyak dilakukan oleh ASN 81 orang, perangkat desa 21 orang, ketua dan "
        "anggota BPD 10 orang.")
    meeting = extract_text(
        "Rakor Netralitas\nRakor itu turut didampingi oleh Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Aceh "
        "Besar Sofian, yang mengingatkan pelanggaran netralitas akan ditindak.")
    assert statement.violations == tally.violations == meeting.violations == []


def test_a_forwarding_target_after_a_group_is_not_the_groups_employer():
    doc = extract_text("Bawaslu Rekomendasi\nBawaslu rekomendasi dua ASN Bandarlampung ke KASN karena diduga "
                       "tidak netral.")
    assert [v.actor_role for v in doc.violations] == ["ASN"]


@pytest.mark.parametrize("act", [
    "mengunakan APK berbentuk botol minuman bergambar salah satu kandidat",  # a common misspelling
    "mengikuti yel-yel dan bertepuk tangan dalam kampanye salah satu paslon",
])
def test_common_spellings_of_campaign_involvement(act):
    doc = extract_text(f"ASN Dilaporkan\nBawaslu merekomendasikan ke BKN kasus seorang ASN yang kedapatan {act}.")
    assert [(v.actor_role, v.act_category) for v in doc.violations] == [("ASN", "campaign_involvement")]


def test_a_post_a_village_and_its_district_are_no_name():
    doc = extract_text("Tiga Kades Dilaporkan\nKetiga oknum Kades yang dilaporkan tersebut yakni Kades Bangunrejo "
                       "Ketapang, Kades Ketapang, dan Kades Srikaton Tanjung Bintang karena mendeklarasikan dukungan.")
    assert not any(v.actor_name and "Bangunrejo" in v.actor_name for v in doc.violations)


def test_a_report_about_named_officials_and_the_list_that_follows():
    doc = extract_text(
        "Sekda Dilaporkan\n"
        "Dia membenarkan laporan yang masuk itu terkait dengan Sekda Sikka Yohanes Bata beserta beberapa pejabat "
        "lain di lingkungan Pemkab Sikka. Yakni Kadis Pariwisata Sikka Maria Goreti, dan Camat Alok Petrus Nong."
    )
    assert sorted(v.actor_name for v in doc.violations) == ["Maria Goreti", "Petrus Nong", "Yohanes Bata"]


# -- the faster scans of word cues find the same matches ------------------------------------

_TRICKY_TEXTS = [
    "kades sukamaju diduga melanggar",  # a match at the very start
    "(asn)guru pns dilaporkan",  # a post ending in ")" right before the next post
    "aparatur sipil negara (asn)kepala desa,camat;lurah.",  # no space after punctuation
    "perangkat lurah dan lurah_x lurah2 lurah",  # "_" and digits are word characters
    "kepala sekolah “diduga” tidak netral — dugaan",  # non-ASCII: scanned as before
    "café asn dilaporkan é asn",  # a non-ASCII letter is a word character
    "laporan terkait dengan camat, rekomendasi ke kasn diteruskan",
    "",
    "asn",
]


@pytest.mark.parametrize("text", _TRICKY_TEXTS)
def test_word_scans_find_what_the_plain_patterns_find(text):
    for scan in (_ANY_ROLE_LOWER, _SUSPECT_LOWER, _CUE["name_intro"].words, _ANY_CATEGORY, *_STAGES_ABOVE):
        assert scan.fast is not None  # the fast form is in use
        assert scan.spans(text) == [match.span() for match in scan.pattern.finditer(text)]
        assert scan.found(text) == (scan.pattern.search(text) is not None)
    for scan in _STAGES_ABOVE:
        assert scan.places(text) == [match.start() for match in re.finditer(f"(?={scan.pattern.pattern})", text)]


@pytest.mark.parametrize("text", _TRICKY_TEXTS + ["Turut hadir Camat X", "Jika Kades", "ujar Kepala Dinas "])
def test_cues_are_found_as_the_case_insensitive_patterns_find_them(text):
    for key, cue in _CUE.items():
        for part in (text, text[: len(text) // 2], text[3:]):
            assert cue.found(part) == Caseless(_RULES["cues"][key]).found(part), (key, part)


@pytest.mark.parametrize("surface", [
    "Guru SD", "guru honorer", "guru ASN", "Guru PNS", "guru berstatus PPPK", "Pj Bupati",
    "Penjabat Sementara (Pjs) Wali Kota", "penyuluh KB", "anggota TNI", "Lurah", "perangkat lurah", "perangkat desa",
    " Camat ", "kepala disdik", "kepala distrik", "Kepala SDN", "aparatur sipil negara (ASN)", "pegawai",
    "pendamping lokal desa", "xyz",
])
def test_the_role_of_a_post_is_the_first_rule_matching_all_of_it(surface):
    for rule in _RULES["roles"]:
        match = re.fullmatch(rule["pattern"], surface.strip(), re.IGNORECASE)
        if match:
            expected = rule["role"].replace("{1}", match.group(1) or "") if "{1}" in rule["role"] else rule["role"]
            break
    else:
        expected = "ASN"
    assert _role_of(surface) == expected


def test_an_actor_name_drops_the_same_honorifics_and_ranks_as_a_person_name():
    assert clean_name("Ustadz Ahmad Fauzi") == "Ahmad Fauzi"  # an honorific listed in people.toml
    assert clean_name("Bharada Yoga Pratama") == "Yoga Pratama"  # a rank listed in people.toml
    assert clean_name("Satu orang") is None  # a word that is never a name
    assert clean_name("Tb. Heryana Satpol") == "Heryana"  # stops at a post word of case reports


@pytest.mark.parametrize(("sentence", "category"), [
    ("Tiga ASN di Kabupaten Muna diduga mengantar salah satu paslon untuk mendaftar ke KPU.", "campaign_involvement"),
    ("Sejumlah kepala desa diduga menghadiri acara paslon gubernur di Kota Bengkulu.", "campaign_attendance"),
    ("Sejumlah kepala desa di Kecamatan Silo diduga melakukan deklarasi untuk pasangan calon gubernur.",
     "declaration_support"),
])
def test_the_act_category_of_common_case_wordings(sentence, category):
    assert [entry[2] for entry in summary(sentence)] == [category]


def test_the_candidate_named_after_atas_nama_is_not_the_accused():
    text = ("Kakanwil Kemenag Malut, H. Amar Manaf diduga melanggar netralitas ASN dengan mengkampanyekan salah satu "
            "Bacakada di Kabupaten Pulau Morotai atas nama Qubais Baba.")
    assert [(name, role) for name, role, _, _ in summary(text)] == [("Amar Manaf", "kakanwil")]


def test_one_group_named_under_two_names_of_its_region_is_one_entry():
    doc = extract_text(
        "11 ASN di Kukar Diduga Melanggar Netralitas dalam Pemilu 2024\n"
        "Sebanyak 11 Aparatur Sipil Negara atau ASN di Kabupaten Kutai Kartanegara, Kalimantan Timur, diduga "
        "melanggar netralitas selama masa kampanye Pemilu 2024.\n"
        "Laporan penanganan pelanggaran netralitas ASN yang disampaikan oleh Bawaslu Kukar ke KASN pun sudah "
        "diproses dan sudah masuk daftar tunggu."
    )
    assert [(v.actor_role, v.status) for v in doc.violations] == [("ASN", "forwarded")]
