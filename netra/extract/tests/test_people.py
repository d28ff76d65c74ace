from itertools import islice, product

import pytest

from netra.extract.people import (
    HEAD,
    HEAD_IN_PARENTHESES,
    HEADS,
    INITIAL,
    LOWER_HEADS,
    NAME_THEN_POSITION,
    ROLE,
    SELAKU,
    SHORTEST_INTRODUCERS,
    SINGLE_POSITION_TOKENS,
    TOKEN,
    HeadWindow,
    abbreviate,
    capital_follows,
    find_people,
    generates,
    heads_in,
    is_initial,
    lines_holding,
    may_begin_region,
    names_then_head_positions,
    position_length,
    region_run,
    role_matches,
    selaku_matches,
    tokenize,
)
from netra.extract.pipeline import extract_text
from netra.extract.record import Document


def people_of(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.position) for p in find_people(Document(source="t", text=text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("kata Ketua Bawaslu Bantul, Didik Joko Nugroho, kepada wartawan.",
     [("Didik Joko Nugroho", "Ketua Bawaslu Bantul")]),
    ("Pj Bupati Mempawah Ismail menghadiri rapat koordinasi.", [("Ismail", "Pj Bupati Mempawah")]),
    ("Penjabat (Pj) Gubernur Nusa Tenggara Barat, Lalu Gita Ariadi memimpin apel.",
     [("Lalu Gita Ariadi", "Pj Gubernur Nusa Tenggara Barat")]),
    ("Pj Sekretaris Daerah (Sekda) Kota Pagar Alam, Rano Fahlesi SE MSi, hadir.",
     [("Rano Fahlesi", "Pj Sekda Kota Pagar Alam")]),
    ("Dikonfirmasi terpisah, Penewu Sewon, Hartini, mengatakan belum tahu.", [("Hartini", "Penewu Sewon")]),
    ("Kapolres Garut AKBP Rendra Pratama hadir.", [("Rendra Pratama", "Kapolres Garut")]),
    ("Kepala Badan Kesbangpol Kalteng Katma F. Dirun mengatakan hal itu.",
     [("Katma F. Dirun", "Kepala Badan Kesbangpol Kalteng")]),
])
def test_position_and_name_structures(text, expected):
    assert people_of(text) == expected


def test_a_representative_gets_mewakili():
    text = "disaksikan Komandan Kodim 1204/Sanggau yang diwakili oleh Bapak Mayor Arm Dulloh, dan lainnya."
    assert people_of(text) == [("Dulloh", "mewakili Komandan Kodim 1204/Sanggau")]


def test_a_name_before_its_position():
    assert people_of('"Kami minta klarifikasi," ungkap Gandi Indah Jaya, Ketua Bawaslu Seluma, Senin (9/9).') == [
        ("Gandi Indah Jaya", "Ketua Bawaslu Seluma")]


def test_selaku_gives_the_position():
    assert people_of("Laporan dibuat oleh Jadio Pugantara selaku tim pemenangan pasangan calon nomor 2.") == [
        ("Jadio Pugantara", "tim pemenangan pasangan calon nomor 2")]


def test_named_persons_take_the_role_of_their_sentence_and_citizens_are_left_out():
    text = ("Dua oknum guru TK dilaporkan, yakni Hj Silviyah dan Ulfi. "
            "Laporan disampaikan mahasiswa bernama Rouf Anshori.")
    assert people_of(text) == [("Silviyah", "guru TK"), ("Ulfi", "guru TK")]


def test_mentions_of_one_person_merge_into_the_most_complete():
    text = ("Penjabat Sementara Bupati Kebumen Boedyo Dharmawan hadir. "
            "Dalam kesempatan itu, Pjs Bupati Boedyo menjelaskan pentingnya netralitas.")
    assert people_of(text) == [("Boedyo Dharmawan", "Penjabat Sementara Bupati Kebumen")]


def test_journalists_and_generic_offices_are_not_people():
    assert people_of("Laporan Reporter Tribunnews.com, Reza Deni. Kepala Daerah Menjaga Netralitas.") == []


@pytest.mark.parametrize(("position", "expected"), [
    ("Ketua Komisi Pemilihan Umum (KPU) Kabupaten Sanggau", "Ketua KPU Kabupaten Sanggau"),
    ("Pelaksana Harian Direktur Jenderal Politik dan Pemerintahan Umum (Plh. Dirjen Polpum) Kemendagri",
     "Plh. Dirjen Polpum Kemendagri"),
    ("Pelaksana harian (Plh) Asisten Daerah (Asda) III Setda Provinsi Jawa Barat",
     "Plh Asda III Setda Provinsi Jawa Barat"),
    ("Badan Pengawas Pemilu (Bawaslu) Kota Bogor", "Bawaslu Kota Bogor"),
])
def test_spelled_out_abbreviations_keep_the_short_form(position, expected):
    assert abbreviate(position) == expected


def generates_by_trying_each_cut(letters: str, words: tuple[str, ...]) -> bool:
    """What generates() answers, tested cut by cut: letters[:k] from the first word, the rest from the others."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in ("dan", "&") and generates_by_trying_each_cut(letters, rest):
        return True
    if not letters or word[0] != letters[0]:
        return False
    for k in range(1, len(letters) + 1):
        remaining = iter(word[1:])
        if all(char in remaining for char in letters[1:k]) and generates_by_trying_each_cut(letters[k:], rest):
            return True
    return False


def test_generates_takes_every_cut_its_greedy_run_allows():
    pieces = ["a", "ab", "ba", "aab", "bab", "dan", "&"]
    for words in [(), *((w,) for w in pieces), *product(pieces, repeat=2), *product(pieces[:4], repeat=3)]:
        for length in range(5):
            for letters in map("".join, product("abdn", repeat=length)):
                generates.cache_clear()
                assert generates(letters, words) == generates_by_trying_each_cut(letters, words), (letters, words)


@pytest.mark.parametrize(("text", "expected"), [
    ("Warga melaporkan Kepala Desa (Kades) Mekar Utara Wahyudin ke pengawas.",
     [("Wahyudin", "Kades Mekar Utara")]),
    ("Kades Sumber Barat Hendra Saputra membantah tuduhan itu.", [("Hendra Saputra", "Kades Sumber Barat")]),
    ("Kades Sukamaju Barat menghadiri rapat.", []),
])
def test_a_compass_word_ends_the_village_name_not_starts_the_persons(text, expected):
    assert people_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Yang diperiksa adalah Budi Santoso (Kepala SD) dan Rina Wati (Guru SMP).",
     [("Budi Santoso", "Kepala SD"), ("Rina Wati", "Guru SMP")]),
    ("Menurut Dedi Kurnia (Guru), semua pihak harus netral.", []),
])
def test_a_two_word_position_in_parentheses_after_a_name(text, expected):
    assert sorted(people_of(text)) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Hal itu disampaikan Divisi Hukum Bawaslu Kabupaten Bantul, Budi Santoso, kepada wartawan.",
     [("Budi Santoso", "Divisi Hukum Bawaslu Kabupaten Bantul")]),
    ("Divisi Pencegahan menggelar rapat bersama camat.", []),
])
def test_a_division_of_an_institution_opens_a_position(text, expected):
    assert people_of(text) == expected


# The faster scans must find what the plain patterns find.

@pytest.mark.parametrize("text", [
    "Ketua KPU Bantul", "xKetua Ketua", "Plh.Ketua Bawaslu", "Plh. Ketua", "-Ketua ketua-Ketua", "Ketua\nKetua",
    "kata anggota Bawaslu X, Nama", "Wakil Ketua DPRD dan wakil ketua", "(Kades) Pj_Bupati", "",
    "éKetua é Ketua", "ÉWakil Ketua Umum", "²Ketua ½Camat", "“Ketua …anggota\u00a0Ketua", "Ketua—ketua ‘Pj’", "1Ketua",
])
def test_heads_in_finds_what_head_finditer_finds(text):
    assert list(heads_in(text)) == [(m.start(), m.group()) for m in HEAD.finditer(text)]


def test_heads_and_lower_case_heads_start_differently():
    """HEAD_WORD puts both lists in one trie: no word of one may start where a word of the other can."""
    assert all(head[0].isupper() for head in HEADS) and all(head[0].islower() for head in LOWER_HEADS)


@pytest.mark.parametrize("text", [
    "ujar anggota Bawaslu", "ujar anggota bawaslu", "anggota  _Bawaslu", "anggota\nBawaslu", "anggota",
    "anggota’Bawaslu X", "anggota.Bawaslu", "anggota. Bawaslu", "tim hukum (GP)", "anggota " + " " * 260 + "X",
])
def test_capital_follows_reads_the_windows_next_token(text):
    for start, head in heads_in(text):
        tokens = HeadWindow.at(text, start).tokens
        words = len(head.split())
        assert capital_follows(text, start, head) == (len(tokens) > words and tokens[words][0].isupper())


def test_lines_holding_gives_each_line_once_with_its_start():
    text = "Pertama.\nIa adalah Budi, yakni guru.\nTidak ada.\nyaitu Ani\n"
    assert list(lines_holding(text, SHORTEST_INTRODUCERS)) == [
        (9, "Ia adalah Budi, yakni guru."), (48, "yaitu Ani")]


def test_a_name_on_an_earlier_line_takes_the_role_of_the_last_sentence_before_it():
    text = "Pelakunya seorang guru SD.\n\nIa adalah Ani Lestari.\nAda pula warga bernama Budi."
    assert people_of(text) == [("Ani Lestari", "guru SD")]


def test_a_position_that_ends_its_sentence_names_nobody_in_the_next_one():
    doc = extract_text("Deklarasi\nDeklarasi netralitas dipimpin Pj Bupati Garut. Turut hadir Sekda Garut H Nurdin "
                       "Yana dan Ketua Bawaslu Garut.")
    assert [(p.name, p.position) for p in doc.people] == [("Nurdin Yana", "Sekda Garut")]


def test_unknown_words_before_an_institution_and_a_comma_are_part_of_the_position():
    doc = extract_text("Rakor Pokja\nRakor dihadiri Kasi Kum Polres, AKP Budi Hartono, dan Kanit Provost Polres "
                       "Sikka, Bripka Yohanes Bata, di kantor Bawaslu.")
    assert [(p.name, p.position) for p in doc.people] == [
        ("Budi Hartono", "Kasi Kum Polres"), ("Yohanes Bata", "Kanit Provost Polres Sikka")]


TRICKY_TEXTS = [
    "Ketua Bawaslu Bantul, Didik Joko Nugroho, S.Pd. (Koordinator Divisi Hukum) hadir.",
    "Komandan Kodim 1204/Sanggau, Kab. Sanggau (x) dan (Pj) Bupati_Garut O'Neil ’s Budi,",
    "a_b __ ² ½ é. É, (tanpa tutup ... (KPU)(Bawaslu) A.B.C 3.5 x-y \u00a0Budi\tSantoso (Ketua\nKPU)",
    "", " ", "(", "Budi Santoso (Ketua Bawaslu Kabupaten Bantul)", "Ahmad Budi Santoso Rahmat Yusuf Ahmad Budi "
    "Santoso Rahmat Yusuf Ahmad Budi Santoso Rahmat Yusuf Ahmad Budi Santoso Rahmat Yusuf Budi (Ketua KPU Bantul)",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_tokenize_and_token_ends_agree_with_the_token_pattern(text):
    assert tokenize(text) == TOKEN.findall(text)
    window = HeadWindow(text, 3, tokenize(text))
    for k in range(len(window.tokens)):
        assert window.end_of(k) == 3 + next(islice(TOKEN.finditer(text), k, None)).end()


@pytest.mark.parametrize("text", [
    *TRICKY_TEXTS, "Budi (Anggota) (Ketua KPU) dan Ani Rahma (Ketua KPU Bantul) (Ketua Bawaslu Sleman)",
    "Budi Santoso (warga) Ani (Ketua KPU Bantul), Budi S.Pd. ( Ketua Bawaslu Garut ) dan (Ketua (KPU) Sleman)",
    "Ahmad Budi Santoso Rahmat Yusuf Ahmad Budi Santoso Rahmat Yusuf Ahmad Budi Santoso Rahmat Yusuf Ahmad Budi "
    "Santoso (Wakil Ketua DPRD) Rahmat Yusuf Ahmad Budi Santoso Rahmat Yusuf Budi (Ketua KPU Bantul)",
])
def test_names_then_head_positions_finds_what_finditer_finds_before_a_head(text):
    expected = [(m.span(), m.groupdict()) for m in NAME_THEN_POSITION.finditer(text)
                if HEAD_IN_PARENTHESES.match(text, m.start("position") - 1)]
    assert [(m.span(), m.groupdict()) for m in names_then_head_positions(text)] == expected


@pytest.mark.parametrize("text", [
    "Dua oknum Guru SD dan KEPALA DESA, yakni", "seorang ASN", "ſiswa dan ıbu guru", "İbu guru dan warga", "",
])
def test_role_matches_finds_what_the_case_insensitive_pattern_finds(text):
    assert [m.span() for m in role_matches(text)] == [m.span() for m in ROLE.finditer(text)]


def test_is_initial_is_a_full_initial_match():
    for token in ["A.", "Z.", "a.", "AB", "A", "A..", "É.", ".A", "1."]:
        assert is_initial(token) == (INITIAL.fullmatch(token) is not None)


def test_a_region_run_begins_only_where_a_region_key_may():
    assert may_begin_region("Nusa") and may_begin_region("Bantul") and may_begin_region("Éxyz")
    assert region_run(["Nusa", "Tenggara", "Barat", "Didik"], 0) == 3
    assert not may_begin_region("Qxqzw") and region_run(["Qxqzw", "Bantul"], 0) == 0


@pytest.mark.parametrize("text", TRICKY_TEXTS + [
    "Jadio Pugantara selaku tim pemenangan pasangan calon, mengatakan", "Budi, selaku\nKetua RT",
    "., selakuKetua  selaku   selaku  M, ", "O'Neil  selaku  ketua tim ’ Budi , Budi selaku , Ahmad Santoso selaku x",
    "Santoso Santoso Ahmad  selaku Santoso x ketua Budi  selaku ketua, ,  ketua  selaku ", "selaku Budi selaku",
])
def test_selaku_matches_finds_what_finditer_finds(text):
    expected = [(m.span(), m.groupdict()) for m in SELAKU.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in selaku_matches(text)] == expected


def test_single_position_tokens_are_one_position_word_wherever_they_stand():
    for token in SINGLE_POSITION_TOKENS:
        assert position_length([token], 0) == 1
        assert position_length(["BKN", token, "Bantul", ","], 1) == 1


def test_spelled_out_police_ranks_and_tubagus_are_not_names():
    doc = extract_text("Laporan\nKapolres Garut Ajun Komisaris Besar Polisi Budi Satria dilaporkan. Sekdes Cening "
                       "Tb. Heryana juga hadir.")
    assert [(p.name, p.position) for p in doc.people] == [("Budi Satria", "Kapolres Garut"),
                                                          ("Heryana", "Sekdes Cening")]


def test_a_village_then_its_district_after_a_village_head_is_no_name():
    doc = extract_text("Tiga Lurah\nBawaslu mengklarifikasi tiga lurah. Yakni, Lurah Margorejo Tempel, Lurah Sambirejo "
                       "Prambanan dan Lurah Widodomartani Ngemplak.")
    assert doc.people == []


def test_a_district_after_a_village_post_is_not_its_heads_name():
    doc = extract_text("Klarifikasi\nAlim yang juga menjabat sebagai Kepala Desa Karangsono, Sukorejo. Kades Selur, "
                       "Ngrayun, diperiksa.")
    assert [p.name for p in doc.people if p.name in ("Sukorejo", "Ngrayun")] == []


def test_a_bureau_is_part_of_the_position_and_the_foreign_ministry_an_institution():
    doc = extract_text("Rekap BKN\nPlt Kepala Biro Humas Hukum dan Kerjasama BKN Paryono menjelaskan data itu. "
                       "Juru Bicara Kementerian Luar Negeri, Lalu Muhammad Iqbal, juga dilaporkan.")
    names = [p.name for p in doc.people]
    assert "Paryono" in names and "Biro Humas Hukum" not in names and "Luar" not in names
    assert "Kementerian Luar Negeri" in doc.organizations


def test_position_words_after_a_comma_continue_the_position_when_a_name_follows():
    doc = extract_text("Rakornas\nDari Bawaslu RI hadir Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan "
                       "Humas Loly Suhenti melalui zoom.")
    assert [(p.name, p.position) for p in doc.people] == [
        ("Loly Suhenti", "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Humas")]


@pytest.mark.parametrize("text, expected", [
    ("Ketua Bawaslu Kab.Barito Kuala Ahdi Hanafiah menjelaskan rakor itu.",
     ("Ahdi Hanafiah", "Ketua Bawaslu Kab. Barito Kuala")),
    ("Kata Ketua Bawaslu Provinsi NTT, Nonato da Purificacao Sarmento kepada wartawan.",
     ("Nonato da Purificacao Sarmento", "Ketua Bawaslu Provinsi NTT")),
])
def test_abbreviated_levels_and_name_particles(text, expected):
    assert [(p.name, p.position) for p in extract_text("Rakor\n" + text).people] == [expected]


def test_pihaknya_is_no_name():
    assert extract_text("Rakor\nKetua Bawaslu Sikka, Pihaknya akan mengawasi.").people == []


def test_koordiv_opens_a_position_written_after_the_name():
    doc = extract_text("Rapat\nZaki Hilmi, Koordiv Pengawasan sampaikan pelanggaran netralitas ASN merupakan tren "
                       "paling tinggi.")
    assert [(p.name, p.position) for p in doc.people] == [("Zaki Hilmi", "Koordiv Pengawasan")]


@pytest.mark.parametrize("text", [
    "Kades menghadiri kegiatan calon Bupati Garut, Budi Santoso, di balai desa.",
    "Kades menghadiri kegiatan calon Gubernur dan Wakil Gubernur Bengkulu, Helmi Hasan, di balai desa.",
    "Puluhan kades hadir dalam deklarasi paslon Bupati Sleman Harda Kiswaya.",
])
def test_a_candidate_named_only_as_a_candidate_is_no_person_of_the_record(text):
    assert people_of(text) == []


def test_a_candidate_word_ends_at_a_line_or_a_sentence():
    text = "ASN dilarang mendukung pasangan calon.\nKepala Dinas Pendidikan Pati, Bambang Sutrisno, hadir."
    assert people_of(text) == [("Bambang Sutrisno", "Kepala Dinas Pendidikan Pati")]
    assert people_of("Ia dukung paslon. Bupati Garut Rudy Gunawan hadir.") == [("Rudy Gunawan", "Bupati Garut")]


def test_the_words_of_a_division_before_its_abbreviation_are_no_name():
    text = ("Hal ini disampaikan oleh Koordinator Divisi Penanganan Pelanggaran, Data, dan Informasi (Kordiv PP dan "
            "Datin) Bawaslu Provinsi Bengkulu, Eko Sugianto.")
    assert "Informasi" not in [name for name, _ in people_of(text)]


def test_a_directorate_general_is_part_of_a_position():
    assert people_of("Kasus ini diteruskan ke Dirjen Bina Desa dan Dirjen Otonomi Daerah, kata Eko.") == []


def test_an_officer_of_a_village_government_association_is_a_person_with_a_position():
    assert people_of("kata Ketua Apdesi Jember Kamiluddin saat dikonfirmasi.") == [
        ("Kamiluddin", "Ketua Apdesi Jember")]
    assert people_of("Ketua PPDI Kabupaten Garut, Asep Saepudin, hadir.") == [
        ("Asep Saepudin", "Ketua PPDI Kabupaten Garut")]


def test_a_name_given_for_a_candidate_is_no_person_of_the_record():
    text = "ASN itu mengkampanyekan salah satu Bacakada di Kabupaten Pulau Morotai atas nama Qubais Baba."
    assert people_of(text) == []
    assert people_of("Bawaslu memeriksa seorang ASN bernama Andi Wijaya.") == [("Andi Wijaya", "ASN")]


def test_a_person_examined_or_serving_as_a_position_holds_it():
    text = ("Bawaslu memeriksa Kamiluddin dalam kapasitasnya sebagai Kepala Desa (Kades) Sidomulyo, Kecamatan Silo. "
            "Budi Santoso hadir sebagai Ketua KPU Garut dalam rapat itu.")
    assert people_of(text) == [("Kamiluddin", "Kades Sidomulyo"), ("Budi Santoso", "Ketua KPU Garut")]
    assert people_of("Masyarakat sebagai Kepala Desa hadir.") == []  # no verb of serving: not this construction
