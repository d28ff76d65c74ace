import re

import pytest

from netra.extract.organizations import RULES, find_organizations, government_contexts
from netra.extract.places import add_regions
from netra.extract.record import Document


def orgs_of(text: str) -> list[str]:
    return find_organizations(add_regions(Document(source="t", text=text)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ketua Bawaslu Bantul menelusuri laporan itu.", ["Bawaslu Kabupaten Bantul"]),
    ("Ketua Bawaslu Sulteng, Nasrun, hadir di Sigi.", ["Bawaslu Provinsi Sulawesi Tengah"]),
    ("Ketua Bawaslu RI, Rahmat Bagja, hadir.", ["Bawaslu RI"]),
    ("Laporan diteruskan ke Komisi Aparatur Sipil Negara (KASN) dan Badan Kepegawaian Negara.", ["KASN", "BKN"]),
    ("Kepala Rutan Kelas IIB Sanggau hadir bersama Komandan Kodim 1204/Sanggau dan Kepala Kepolisian "
     "Resor Sanggau di Rutan Sanggau.", ["Rutan Kelas IIB Sanggau", "Kodim 1204/Sanggau", "Polres Sanggau"]),
    ("Ketua panwascam Selaru diberhentikan.", ["Panwaslu Kecamatan Selaru"]),
    ("Rapat bersama Komisi II DPR RI membahas netralitas.", ["Komisi II DPR RI"]),
])
def test_institutions_are_normalised(text, expected):
    assert orgs_of(text) == expected


def test_a_list_shares_its_region():
    text = "Hadir jajaran Komisioner KPU dan Bawaslu Kabupaten Kebumen dalam deklarasi di Kebumen."
    assert orgs_of(text) == ["KPU Kabupaten Kebumen", "Bawaslu Kabupaten Kebumen"]


def test_setempat_and_local_offices_take_the_document_region():
    text = "Sekdakab memimpin ikrar ASN Kabupaten Pesawaran di lingkup Pemkab setempat bersama Satpol PP."
    assert orgs_of(text) == ["Pemerintah Kabupaten Pesawaran", "Satpol PP Kabupaten Pesawaran"]


def test_bodies_named_only_in_a_legal_citation_are_left_out():
    text = "Ikrar ini menindaklanjuti Keputusan Bersama Menteri PAN-RB, Menteri Dalam Negeri tentang netralitas."
    assert orgs_of(text) == []


def test_an_unqualified_election_body_is_left_out():
    assert orgs_of("ASN jangan sampai dipanggil oleh Bawaslu karena tidak netral.") == []


def test_rumah_dinas_is_no_office():
    assert orgs_of("Deklarasi digelar di Rumah Dinas Bupati Sleman.") == []


def test_a_prosecutors_office_written_in_full_keeps_its_full_name():
    assert "Kejaksaan Negeri Kendal" in orgs_of("Gakkumdu terdiri atas Bawaslu Kendal dan Kejaksaan Negeri Kendal.")
    assert "Kejari Kendal" not in orgs_of("Gakkumdu terdiri atas Bawaslu Kendal dan Kejaksaan Negeri Kendal.")


def test_signatories_of_a_joint_regulation_are_not_organisations():
    text = ("Ia melanggar Peraturan Bersama Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, "
            "Menteri Dalam Negeri, Kepala Badan Kepegawaian Negara, Ketua KASN, dan Ketua Bawaslu Nomor 2 Tahun 2022.")
    assert not {"BKN", "Kemendagri"} & set(orgs_of(text))


def test_a_university_named_in_full_is_an_organisation():
    text = "Seorang dosen ASN di Fakultas Kedokteran Universitas Jenderal Soedirman (Unsoed) diperiksa."
    assert "Universitas Jenderal Soedirman" in orgs_of(text)
    assert not any(o.startswith("Universitas") for o in orgs_of("Ia lulusan universitas swasta."))


@pytest.mark.parametrize(("text", "expected"), [
    # within reach of a legal trigger, with no full stop between: part of the citation
    ("Sesuai Peraturan Bawaslu Nomor 5, Bawaslu Kabupaten Bantul mengawasi.", []),
    # a colon ends the citation; overlapping trigger words are read as before
    ("Undang-Undang-Undang Nomor 1: KPU Kota Bogor siap.", ["KPU Kota Bogor"]),
    # an alias glued to a word, a slash, a dot or a hyphen is part of something else
    ("Laman xBawaslu dan /KPU Kota Bogor.", []),
    ("ASN Kota Bandarlampung diminta netral.", ["Pemerintah Kota Bandar Lampung"]),
])
def test_citations_glued_aliases_and_government_context(text: str, expected: list[str]) -> None:
    assert orgs_of(text) == expected


def test_government_contexts_match_as_one_alternation_of_the_words() -> None:
    words = "|".join(f"(?<!\\w){re.escape(word)}" for word in RULES["government_context_words"])
    one_pattern = re.compile(f"(?:{words}){RULES['government_context_after']}")
    text = ("ASN Kota Bandung, xASN Kota Bogor, PNS) pemerintahan Kabupaten Bantul dan pegawai lingkup "
            "Provinsi Bali; lingkungan pemerintah Kota Kediri, ASN\nKabupaten Sleman, ASN kota Depok.")
    assert [m.span() for m in government_contexts(text)] == [m.span() for m in one_pattern.finditer(text)]
    assert len(government_contexts(text)) == 5


def test_a_kodim_written_without_its_slash_gets_the_official_form():
    assert "Kodim 1704/Mappi" in orgs_of("Apel dihadiri Kasdim Kodim 1704 Mappi serta jajaran anggota Kodim.")
    assert "Kodim 1204/Sanggau" in orgs_of("Hadir pula perwakilan Kodim 1204/Sanggau dalam apel itu.")


def test_a_regional_bkn_office_keeps_its_city():
    orgs = orgs_of("BKN memblokir data kepegawaian: Kanreg IV BKN Makassar 5 data dan Kanreg III BKN, Senin.")
    assert "Kanreg IV BKN Makassar" in orgs and "Kanreg III BKN" in orgs


@pytest.mark.parametrize(("text", "expected"), [
    # a trigger after the last body does not matter
    ("Ketua Bawaslu Bantul menerbitkan Surat Edaran.", ["Bawaslu Kabupaten Bantul"]),
    # a body inside a citation is left out, the one before it is kept
    ("Ketua Bawaslu Bantul menjelaskan Peraturan KPU Nomor 7 Tahun 2022.", ["Bawaslu Kabupaten Bantul"]),
    # a trigger too far before the first body (the window before it is 240 characters)
    ("Peraturan " + "x" * 300 + " Ketua Bawaslu Bantul hadir.", ["Bawaslu Kabupaten Bantul"]),
    ("Peraturan Bersama " + "x " * 60 + "Ketua Bawaslu Bantul hadir.", []),
])
def test_legal_triggers_are_read_only_before_the_bodies(text, expected):
    """find_mentions reads trigger words only from the first body's window to the last body: same result."""
    assert orgs_of(text) == expected
