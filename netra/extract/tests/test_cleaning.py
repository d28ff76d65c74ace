from netra.extract.cleaning import clean, clean_lines, is_junk_line, load_text, split_sentences

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
