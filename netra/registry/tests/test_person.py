import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from netra.accounts.scoping import get_visible_or_404
from netra.registry.models import Person, SubjectType, check_nip
from netra.registry.nip import InvalidNip
from netra.registry.tests.conftest import OTHER_NIP, VALID_NIP

pytestmark = pytest.mark.django_db


def nip_errors(subject_type, nip, **extra):
    person = Person(name="Budi", subject_type=subject_type, nip=nip, region_id="61.03", **extra)
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    return caught.value.message_dict["nip"]


@pytest.mark.parametrize(("nip", "message"), [
    ("198513322010011003", "Tanggal lahir pada NIP tidak valid"),
    ("198503122010131003", "Bulan TMT CPNS pada NIP tidak valid: 201013"),
    ("198503122000011003", "baru berusia 14 tahun"),
    ("198503122010013003", "Jenis kelamin pada NIP harus 1 atau 2, bukan 3"),
    ("198503122010011000", "Nomor urut pada NIP harus 001-999, bukan 000"),
    ("19850312201001100", "NIP harus 18 digit, bukan 17 digit"),
    ("19850312201001100X", "NIP hanya boleh berisi angka"),
])
def test_it_names_the_wrong_part_of_a_pns_nip(nip, message):
    assert message in nip_errors(SubjectType.PNS, nip)[0]


def test_it_accepts_a_valid_pns_nip():
    person = Person(name="Budi", subject_type=SubjectType.PNS, nip=VALID_NIP, region_id="61.03")
    person.full_clean()
    assert person.nip == VALID_NIP


def test_it_skips_the_month_check_for_a_pppk_number():
    # Positions 13-14 of a PPPK number count work agreements: "13" is fine there.
    assert check_nip(SubjectType.PPPK, "198503122010131003") == "198503122010131003"
    Person(name="Sari", subject_type=SubjectType.PPPK, nip="198503122010131003", region_id="61.03").full_clean()


@pytest.mark.parametrize(("nip", "part"), [
    ("198513322010131003", "birth_date"),
    ("198503122010133003", "sex"),
    ("198503122010131000", "sequence"),
    ("1985031220101310", "length"),
])
def test_it_still_checks_the_other_parts_of_a_pppk_number(nip, part):
    with pytest.raises(InvalidNip) as caught:
        check_nip(SubjectType.PPPK, nip)
    assert caught.value.part == part


def test_it_refuses_an_nip_for_subjects_who_have_none():
    assert nip_errors(SubjectType.VILLAGE_HEAD, VALID_NIP) == ["Kepala desa tidak memiliki NIP; kosongkan NIP."]


def test_it_requires_a_region_for_village_officials():
    person = Person(name="Pak Kades", subject_type=SubjectType.VILLAGE_HEAD)
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert "wajib punya wilayah" in caught.value.message_dict["region"][0]


def test_it_takes_the_region_of_the_agency_when_none_is_given(sanggau):
    person = Person(name="Budi", subject_type=SubjectType.PNS, agency=sanggau)
    person.full_clean()
    assert person.region_id == "61.03"


def test_it_keeps_nips_unique_but_allows_many_blank_ones():
    Person.objects.create(name="A", subject_type=SubjectType.NON_ASN, region_id="61")
    Person.objects.create(name="B", subject_type=SubjectType.NON_ASN, region_id="61")
    Person.objects.create(name="C", subject_type=SubjectType.PNS, region_id="61", nip=VALID_NIP)
    with pytest.raises(IntegrityError):
        Person.objects.create(name="D", subject_type=SubjectType.PNS, region_id="61", nip=VALID_NIP)


def test_it_is_visible_by_region_and_by_agency(officer_kalbar, officer_kalteng, user_with_role, sanggau):
    in_kalbar = Person.objects.create(name="A", subject_type=SubjectType.PNS, agency=sanggau, region_id="61.03")
    in_kalteng = Person.objects.create(name="B", subject_type=SubjectType.PNS, region_id="62", nip=OTHER_NIP)
    ppk = user_with_role("ppk.sanggau", "ppk_officer", agency=sanggau)
    assert list(Person.objects.visible_to(officer_kalbar)) == [in_kalbar]
    assert list(Person.objects.visible_to(officer_kalteng)) == [in_kalteng]
    assert list(Person.objects.visible_to(ppk)) == [in_kalbar]
    assert get_visible_or_404(Person.objects, officer_kalbar, pk=in_kalbar.pk) == in_kalbar
