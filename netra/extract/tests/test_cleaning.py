import re

import pytest

from netra.extract import cleaning
from netra.extract.cleaning import clean, clean_lines, is_junk_line, is_short_fragment, load_text, split_sentences
from netra.extract.record import Document

PAGE = """Bawaslu Gelar Rakor Netralitas
Home / Berita / Daerah
Space Iklan
Rabu, 2 Oktober 2024 - 09:15 WIB
SLEMAN - Bawaslu Kabupaten Sleman menggelar rapat koordinasi netralitas ASN, Selasa (1/10/2024).
BACA JUGA: Harga Beras Naik di Pasar Beringharjo
Baca juga:
Bupati Resmikan Jembatan Baru
Ketua Bawaslu Sleman, Arjuna Wiwaha, meminta ASN menjaga netralitas.
Bagikan artikel ini
Penulis: Rina
Editor: Agus
Laporan Reporter Warta.com, Budi
SCROLL TO CONTINUE WITH CONTENT
Tag: Pilkada, Sleman
Berita Terkait
Share
© 2024 Warta Jogja. All Rights Reserved
"""


def cleaned():
    return clean(load_text(PAGE))


def test_it_keeps_the_title_and_article_sentences():
    doc = cleaned()
    assert doc.title == "Bawaslu Gelar Rakor Netralitas"
    assert doc.text.splitlines() == [
        "SLEMAN - Bawaslu Kabupaten Sleman menggelar rapat koordinasi netralitas ASN, Selasa (1/10/2024).",
        "Ketua Bawaslu Sleman, Arjuna Wiwaha, meminta ASN menjaga netralitas.",
    ]


def test_it_drops_related_links_ads_share_bars_and_bylines():
    text = cleaned().text
    for junk in ("BACA JUGA", "Harga Beras", "Jembatan Baru", "Space Iklan", "Bagikan", "Penulis", "Editor",
                 "Reporter", "SCROLL", "Tag:", "Berita Terkait", "Share", "©", "Home /"):
        assert junk not in text


def test_it_reads_the_publication_date_from_a_timestamp_line():
    assert cleaned().publication_date.isoformat() == "2024-10-02"


def test_a_repeated_line_is_kept_once():
    lines, _ = clean_lines(["Ketua Bawaslu hadir dalam acara itu.", "Ketua Bawaslu hadir dalam acara itu."])
    assert lines == ["Ketua Bawaslu hadir dalam acara itu."]


def test_junk_lines_are_recognised():
    assert is_junk_line("Baca Juga :  Kalteng Persiapkan Program Makan Bergizi Gratis")
    assert is_junk_line("- Baca Berita Terbaru Lainnya di GOOGLE NEWS")
    assert not is_junk_line("Bawaslu juga membaca laporan masyarakat tentang netralitas ASN.")


def test_it_splits_sentences():
    assert split_sentences("Ia hadir. Bawaslu Sleman menerima laporan.\nKedua.") == [
        "Ia hadir.", "Bawaslu Sleman menerima laporan.", "Kedua."]


def test_html_goes_through_trafilatura_without_related_links():
    from netra.extract.pipeline import extract_html

    html = """<html><head><title>Deklarasi Netralitas ASN</title></head><body>
    <nav><a href="/">Home</a> <a href="/daerah">Daerah</a></nav>
    <article><h1>Deklarasi Netralitas ASN di Kebumen</h1>
    <p>KEBUMEN - Pemerintah Kabupaten Kebumen menggelar deklarasi netralitas aparatur sipil negara
    menjelang Pilkada 2024 di Pendopo Kabumian, Jumat (4/10/2024), yang diikuti seluruh pimpinan OPD.</p>
    <div class="baca-juga"><p>Baca juga: Harga Cabai Turun di Pasar Tumenggungan</p></div>
    <p>Penjabat Sementara Bupati Kebumen Boedyo Dharmawan meminta ASN tidak memihak kepada pasangan
    calon tertentu dan menggunakan media sosial secara bijak selama masa kampanye berlangsung.</p>
    </article><footer>Copyright 2024 Warta Kebumen</footer></body></html>"""
    record = extract_html(html, source="page.html").as_dict()
    assert "Harga Cabai" not in record["text"]
    assert "Pendopo Kabumian" in record["text"]
    assert record["title"] == "Deklarasi Netralitas ASN di Kebumen"
    assert record["event_date"] == "2024-10-04"


SAMPLES = ["Dr. Ani tiba. (Kata dia.) “Benar.” 2 orang", "a.\n", "x.\n.", "Dr..", ".", " .", "S.Pd.", "(H.",
           "tab\tand\u00a0nb  sp",
           'Ia pergi." Lalu\u00a0Dia? ) 5 hal!\u2003"Ya', "single space only", " \u200b", "akhir:\n", "tiga kata saja?",
           "Kab.Barito Kuala dan Kec.Mentaya", "DKab.Sleman", "Ds.Kalisari, Kot.Baru", "Prov.jawa"]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_faster_forms_agree_with_the_plain_patterns(text):
    plain_end = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
    assert [m.span() for m in cleaning.SENTENCE_END.finditer(text)] == [m.span() for m in plain_end.finditer(text)]
    last_word = re.search(r"(\S+)\.$", text)
    assert cleaning._word_before_final_stop(text) == (last_word[1] if last_word else None)
    plain_spaces = re.compile(r"[\t\u00a0\u200b][ \t\u00a0\u200b]*| [ \t\u00a0\u200b]+")
    assert cleaning.collapse_spaces(text) == plain_spaces.sub(" ", text)
    plain_fragment = len(text.split()) <= 3 and not re.search(r"[.!?\"”:]$", text)
    assert is_short_fragment(text) == plain_fragment
    assert cleaning.unglue_abbreviations(text) == cleaning.GLUED_ABBREVIATION.sub(r"\1. ", text)


def test_the_shared_options_are_those_extract_builds():
    from trafilatura.settings import Extractor

    built = Extractor(output_format="txt", fast=True, recall=True, comments=False, tables=False, dedup=False)
    shared = cleaning.extraction_options(None)
    assert cleaning.extraction_options(None) is shared
    for name in Extractor.__slots__:
        if name != "date_params":  # holds today's date, read only with metadata
            assert getattr(shared, name) == getattr(built, name), name
    assert cleaning.extraction_options("https://example.com/a").url == "https://example.com/a"


def test_the_article_ends_at_its_copyright_line():
    page = ("Judul\nBanda Aceh (ANTARA) - Panwaslih Aceh melaporkan dua PNS ke Komisi ASN karena tidak netral dalam "
            "Pemilu 2019 dan keduanya dinilai melanggar aturan netralitas ASN.\nCopyright © ANTARA 2019\n"
            "Adies Kadir siap perjuangkan penghapusan retribusi IPT warga Surabaya Sebelumnya\n")
    doc = clean(Document(source="t", raw=page))
    assert "Surabaya" not in doc.text and "Panwaslih Aceh" in doc.text


def test_a_copyright_line_before_the_body_does_not_end_it():
    page = ("Judul\nCopyright © Warta 2024\nBawaslu Sikka memeriksa seorang camat yang diduga tidak netral dalam "
            "kampanye pasangan calon bupati di kecamatannya pekan lalu.\n")
    assert "camat" in clean(Document(source="t", raw=page)).text


def test_a_line_of_a_tally_is_content_not_a_widget():
    assert not is_short_fragment("Dumai: 7 laporan")
    assert is_short_fragment("Politik Daerah")
    page = ("Judul\nBawaslu Riau mencatat 114 laporan dugaan pelanggaran netralitas ASN selama tahapan Pilkada 2024 "
            "di seluruh kabupaten dan kota.\nDumai: 7 laporan\nKampar: 1 laporan\n")
    assert "Dumai: 7 laporan" in clean(Document(source="t", raw=page)).text
