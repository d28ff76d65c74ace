"""classify_events: activity cues in the lead, case labels from the extracted record."""

import re

import pytest

from netra.extract import events
from netra.extract.events import classify_events
from netra.extract.record import Document, Statistic, Violation


def labels(title: str, text: str, violations=(), statistics=()) -> list[str]:
    doc = Document(source="t", title=title, text=text)
    doc.violations = list(violations)
    doc.statistics = list(statistics)
    return classify_events(doc)


def test_it_labels_a_pledge_read_at_an_apel_as_declaration_and_ceremony():
    title = "Ratusan ASN Pemkab Sumedang Ikuti Apel dan Ikrar Netralitas"
    text = (
        "Pemerintah Kabupaten Sumedang menggelar apel pagi yang dirangkai dengan pembacaan ikrar netralitas "
        "ASN, Senin (7/10/2024).\nDalam amanatnya, Sekda mengingatkan seluruh ASN agar tidak terlibat politik praktis."
    )
    assert labels(title, text) == ["declaration", "ceremony"]


def test_it_labels_a_rakor_with_an_opening_appeal_as_meeting_and_socialization():
    title = ""
    text = (
        "Bawaslu Kabupaten Ende meminta seluruh kepala desa tidak berfoto bersama pasangan calon.\n"
        "Hal itu disampaikan Ketua Bawaslu Ende seusai rapat koordinasi pengawasan netralitas di Ende, "
        "Kamis (10/10/2024)."
    )
    assert labels(title, text) == ["coordination_meeting", "socialization"]


def test_it_ignores_background_mentions_far_down_the_article():
    text = "\n".join(
        ["Bawaslu Kota Bima menggelar sosialisasi pengawasan partisipatif bagi pemilih pemula di aula kampus."]
        + [f"Kalimat isi berita nomor {i} yang membahas pengawasan partisipatif pemilih pemula." for i in range(12)]
        + ["Sebelumnya Pemkot Bima juga telah menggelar apel dan deklarasi netralitas ASN beberapa kali."]
    )
    assert labels("", text) == ["socialization"]


def test_it_does_not_take_a_candidate_declaration_for_a_neutrality_pledge():
    text = (
        "Seorang kepala sekolah diduga hadir dalam acara deklarasi paslon bupati dan mengajak para guru "
        "memilih paslon tersebut."
    )
    violation = Violation(actor_role="kepala sekolah", act_category="campaign_attendance", status="reported")
    assert labels("", text, violations=[violation]) == ["violation_report"]


def test_it_derives_case_labels_from_violations_and_statistics():
    forwarded = Violation(actor_role="camat", status="forwarded")
    sanctioned = Violation(actor_role="ASN", status="sanctioned")
    text = "Bawaslu Kabupaten Bone meneruskan kasus camat ke BKN, sementara seorang ASN sudah disanksi."
    assert labels("", text, violations=[forwarded, sanctioned], statistics=[Statistic(quantity=4)]) == [
        "violation_report", "violation_handling", "sanction", "statistics",
    ]


def test_it_labels_a_parliamentary_hearing_as_other():
    text = (
        "Kementerian PANRB memaparkan data netralitas ASN dalam rapat kerja dengan Komisi II DPR RI di "
        "Jakarta, Rabu (6/11/2024)."
    )
    assert labels("", text, statistics=[Statistic(quantity=120)]) == ["statistics", "other"]


def test_it_falls_back_to_other():
    assert labels("", "Seorang pejabat berbicara tentang cuaca dan pembangunan jalan di daerahnya.") == ["other"]


def test_it_does_not_take_an_earlier_occasion_for_the_event():
    text = (
        "Pj Bupati memimpin apel siaga netralitas ASN di halaman pendopo, Rabu (20/11/2024).\n"
        "Apel itu merupakan yang kedua, sebelumnya sudah pernah dilakukan saat menandatangani komitmen bersama "
        "untuk menjaga netralitas."
    )
    assert labels("", text) == ["ceremony"]


def test_it_counts_a_circular_on_neutrality_as_socialization():
    text = (
        "Pj Wali Kota Tegal menerbitkan surat edaran tentang netralitas ASN menjelang Pilkada 2024.\n"
        "Surat itu dibagikan ke seluruh perangkat daerah, Senin (2/9/2024)."
    )
    assert labels("", text) == ["socialization"]


def test_it_takes_a_pledge_by_village_heads_without_the_word_neutral():
    text = "Ratusan kepala desa di Kabupaten Lombok Timur menandatangani pakta integritas jelang Pilkada 2024."
    assert labels("", text) == ["declaration"]


def test_beyond_the_lead_a_cue_counts_only_in_a_framing_sentence_that_does_not_look_back():
    filler = [f"Kalimat isi berita nomor {i} tentang pengawasan pemilihan kepala daerah." for i in range(4)]
    unframed = "Para camat membahas sosialisasi pengawasan netralitas bagi aparatur desa setempat."
    framed = "Bupati memimpin apel pagi bersama ratusan pegawai di halaman kantor bupati."
    looking_back = "Sebelumnya Bupati memimpin rapat koordinasi netralitas bersama para camat."
    assert labels("", "\n".join(filler + [unframed, looking_back])) == ["other"]
    assert labels("", "\n".join(filler + [framed])) == ["ceremony"]
    assert labels("", "\n".join(filler[:2] + [unframed])) == ["socialization"]  # in the lead


def test_a_leading_group_is_spread_over_its_alternatives():
    assert events._without_leading_group("(?:(?:a|b)c|d)e") == ["ace", "bce", "de"]
    assert events._without_leading_group("(?:a|b)?c") == ["(?:a|b)?c"]


@pytest.mark.parametrize(
    "patterns",
    [[r"\b(?:apel|upacara)\b", r"\b(?:deklarasi|(?:ikrar|janji)\s+netral)", r"\b(?:a?b|\d+\s+kali)"],
     [r"\b(?:a)|(?:b)", r"x\b(?:y)", r"\b(?:rapat\s+(?:\w+\s+)?dengan|RDP)\b"]],
)
def test_the_word_start_pattern_matches_where_one_of_its_patterns_does(patterns):
    fast = re.compile(events._word_start_pattern(patterns), re.IGNORECASE)
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    text = "Upacara dan apel; deklarasi; Ikrar  netral, janji; ab b 12 kali; rapat kerja dengan RDP xy a ba"
    for position in range(len(text)):
        found, expected = fast.search(text, position), plain.search(text, position)
        assert (found and found.start()) == (expected and expected.start())


def test_the_next_sentence_of_a_repeated_one_is_read_after_its_last_occurrence_with_one():
    body = events.BodySentences(["Satu dua tiga empat lima.", "Kalimat kedua yang cukup panjang.", "Pendek.",
                                 "Satu dua tiga empat lima.", "Kalimat ketiga yang cukup panjang.",
                                 "Satu dua tiga empat lima."])
    assert body.first(2) == ["Satu dua tiga empat lima.", "Kalimat kedua yang cukup panjang."]
    assert body.following("Satu dua tiga empat lima.") == "Kalimat ketiga yang cukup panjang."
    assert body.following("Kalimat ketiga yang cukup panjang.") == "Satu dua tiga empat lima."
    assert body.following("Pendek.") == ""


def test_an_appeal_within_a_pledge_or_a_case_report_is_part_of_it():
    pledge = ("Pemprov Sikka menggelar apel gabungan dan ikrar netralitas ASN. Saya mengimbau kita semua, ASN, "
              "menjaga netralitas, kata Sekda. Apel diikuti seluruh pegawai.")
    assert "socialization" not in labels("Apel dan Ikrar Netralitas ASN", pledge)
    case = ("Bawaslu memeriksa seorang camat yang diduga tidak netral karena hadir dalam kampanye. Pemeriksaan "
            "dilakukan di kantor Bawaslu pada Senin pagi. Kami mengimbau agar ASN menjaga netralitas, ujar Ketua "
            "Bawaslu.")
    camat = Violation(actor_role="camat", act_category="campaign_attendance", status="under_review")
    assert labels("Camat Diperiksa Bawaslu", case, [camat]) == ["violation_report", "violation_handling"]
    appeal = "Bawaslu Sikka mengimbau seluruh ASN menjaga netralitas menjelang pilkada serentak tahun ini."
    assert labels("Bawaslu Imbau ASN Netral", appeal) == ["socialization"]


def test_an_appeal_at_a_parliamentary_hearing_is_part_of_the_hearing():
    text = ("Komisi II DPR menggelar rapat kerja bersama KASN dan BKN. Komisi II meminta KASN dan BKN meningkatkan "
            "pengawasan netralitas ASN menjelang pilkada, kata Doli saat rapat.")
    assert labels("Komisi II Minta KASN Awasi Netralitas ASN", text) == ["other"]


def test_civil_servants_attending_a_candidates_declaration_is_no_pledge():
    text = ("Sudah ada beberapa laporan yang masuk terkait ASN yang ikut deklarasi atau hadir dalam kegiatan salah "
            "satu bakal calon, kata Ketua Bawaslu.")
    assert "declaration" not in labels("Laporan Netralitas ASN", text)


@pytest.mark.parametrize("text", [
    "Kami telah melakukan pembinaan terhadap dua kepala desa yang terlibat pada acara deklarasi salah satu pasangan "
    "calon bupati, katanya.",
    "Dua kepala desa diduga hadir dalam deklarasi salah satu pasangan calon bupati.",
])
def test_village_heads_at_a_candidates_declaration_is_no_pledge(text):
    assert "declaration" not in labels("Dua Kades Disanksi", text)
