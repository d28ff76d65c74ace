import pytest

from netra.cases.rules import catalogue
from netra.cases.rules.catalogue import default_sanctions, entries_for, get, load_catalogue, load_sanctions

# domain.md section 1: the discipline table's sanction level per act.
DISCIPLINE_LEVELS = {n: "berat" for n in range(1, 13)} | {3: "sedang", 9: "sedang", 5: "ptdh"}


def codes(track):
    return [entry.code for entry in entries_for(track)]


def test_it_lists_the_seven_ethics_acts_of_the_2022_joint_decree():
    assert codes("etik") == [f"ETIK-{n}" for n in range(1, 8)]


def test_it_lists_the_twelve_discipline_acts_of_the_2022_joint_decree():
    assert codes("disiplin") == [f"DIS-{n}" for n in range(1, 13)]


def test_it_gives_every_entry_a_unique_code_a_legal_basis_and_a_sanction():
    entries = load_catalogue()
    assert len({entry.code for entry in entries}) == len(entries)
    sanctions = default_sanctions()
    for entry in entries:
        assert entry.title and entry.legal_basis and entry.imposed_by and entry.applies_to
        level = sanctions.level(entry.sanction.level)
        assert level.track == entry.track
        assert entry.sanction.forms
        assert {sanctions.form(code).level for code in entry.sanction.forms} == {level.code}


def test_it_gives_ethics_acts_a_moral_sanction_as_a_closed_or_open_statement():
    for entry in entries_for("etik"):
        assert entry.sanction.level == "moral"
        assert entry.sanction.forms == ("pernyataan_tertutup", "pernyataan_terbuka")
    assert default_sanctions().level("moral").legal_basis == "PP 42/2004 Pasal 15"


def test_it_gives_discipline_acts_the_levels_of_the_joint_decree():
    assert {int(e.code.split("-")[1]): e.sanction.level for e in entries_for("disiplin")} == DISCIPLINE_LEVELS
    assert "Pasal 87 ayat (4) huruf c" in get("DIS-5").legal_basis


def test_it_holds_the_pp_94_2021_sanction_forms():
    sanctions = default_sanctions()
    assert [f.label for f in sanctions.forms_of("ringan")] == [
        "Teguran lisan",
        "Teguran tertulis",
        "Pernyataan tidak puas secara tertulis",
    ]
    assert [f.months for f in sanctions.forms_of("sedang")] == [6, 9, 12]
    assert all("25%" in f.label for f in sanctions.forms_of("sedang"))
    assert [f.code for f in sanctions.forms_of("berat")] == [
        "penurunan_jabatan",
        "pembebasan_jabatan",
        "pemberhentian_dengan_hormat",
    ]
    assert [lv.code for lv in sanctions.ladder("disiplin")] == ["ringan", "sedang", "berat", "ptdh"]


def test_it_orders_the_village_ladder_from_reprimand_to_dismissal():
    ladder = default_sanctions().ladder("desa")
    assert [lv.label for lv in ladder] == [
        "Sanksi administratif berupa teguran",
        "Pemberhentian sementara",
        "Pemberhentian",
    ]


def test_it_covers_the_village_prohibitions_of_uu_6_2014():
    bases = {entry.code: entry.legal_basis for entry in entries_for("desa")}
    assert any("Pasal 29 huruf g" in basis for basis in bases.values())
    assert any("Pasal 29 huruf j" in basis for basis in bases.values())
    assert any("Pasal 51" in basis for basis in bases.values())
    assert any("Pasal 64" in basis for basis in bases.values())
    kepala_desa = [e for e in entries_for("desa") if e.applies_to == ("kepala_desa",)]
    assert kepala_desa and all(e.imposed_by == "Bupati/Wali Kota" for e in kepala_desa)


def test_it_covers_the_criminal_provisions_of_both_election_laws():
    bases = [entry.legal_basis for entry in entries_for("pidana")]
    for citation in ("Pasal 71 ayat (1) jo. Pasal 188", "Pasal 70 ayat (1) jo. Pasal 189",
                     "Pasal 280 ayat (3) jo. Pasal 494", "Pasal 490"):
        assert any(citation in basis for basis in bases), citation
    assert get("PID-1").elections == ("pilkada",)
    assert get("PID-4").elections == ("pemilu",)


def test_it_raises_for_an_unknown_code():
    with pytest.raises(KeyError):
        get("ETIK-99")


def test_it_rejects_an_entry_whose_sanction_form_belongs_to_another_level(tmp_path):
    data = tmp_path / "catalogue.toml"
    data.write_text(
        'tracks = ["disiplin"]\nsubject_types = ["pns"]\n'
        '[[entry]]\ncode = "DIS-1"\ntrack = "disiplin"\ntitle = "T"\nlegal_basis = "B"\n'
        'applies_to = ["pns"]\nelections = ["pemilu"]\nimposed_by = "PPK"\n'
        'sanction = { level = "berat", forms = ["teguran_lisan"] }\n'
    )
    with pytest.raises(ValueError, match="not forms of berat"):
        load_catalogue(data)


def test_it_rejects_a_sanction_form_of_an_unknown_level(tmp_path):
    data = tmp_path / "sanctions.toml"
    data.write_text('[[form]]\ncode = "x"\nlevel = "nope"\nlabel = "X"\nmonths = 0\n')
    with pytest.raises(ValueError, match="unknown level"):
        load_sanctions(data)


def test_it_returns_a_fresh_list_from_load_catalogue():
    assert isinstance(load_catalogue(), list)
    assert catalogue.catalogue()[0].code == "ETIK-1"
