import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from netra.accounts.models import Membership, Role
from netra.accounts.scoping import get_visible_or_404, scope_for
from netra.registry.models import Agency, AgencyKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies(db):
    rows = {
        "kalbar": ("Pemerintah Provinsi Kalimantan Barat", AgencyKind.PROVINCE, "61"),
        "sanggau": ("Pemerintah Kabupaten Sanggau", AgencyKind.REGENCY_CITY, "61.03"),
        "kalteng": ("Pemerintah Provinsi Kalimantan Tengah", AgencyKind.PROVINCE, "62"),
        "kemendagri": ("Kementerian Dalam Negeri", AgencyKind.CENTRAL, None),
    }
    return {
        key: Agency.objects.create(name=name, kind=kind, region_id=region)
        for key, (name, kind, region) in rows.items()
    }


def visible_names(user):
    return set(Agency.objects.visible_to(user).values_list("name", flat=True))


def test_a_national_role_sees_everything(admin_user, agencies):
    assert visible_names(admin_user) == {agency.name for agency in agencies.values()}


def test_a_province_role_sees_its_province_and_everything_below(officer_kalbar, agencies):
    assert visible_names(officer_kalbar) == {agencies["kalbar"].name, agencies["sanggau"].name}


def test_a_regency_role_does_not_see_its_province(user_with_role, no_two_factor, agencies):
    user = user_with_role("pengawas.sanggau", "bawaslu_kabkota", region="61.03")
    assert visible_names(user) == {agencies["sanggau"].name}


def test_an_agency_role_sees_only_its_agency(user_with_role, no_two_factor, agencies):
    user = user_with_role("ppk.kemendagri", "ppk_officer", agency=agencies["kemendagri"])
    assert visible_names(user) == {agencies["kemendagri"].name}


def test_no_role_and_anonymous_see_nothing(outsider, agencies):
    from django.contrib.auth.models import AnonymousUser

    assert visible_names(outsider) == set()
    assert visible_names(AnonymousUser()) == set()


def test_an_inactive_user_sees_nothing(officer_kalbar, agencies):
    officer_kalbar.is_active = False
    assert scope_for(officer_kalbar).is_empty


def test_out_of_scope_objects_answer_404(officer_kalbar, agencies):
    assert get_visible_or_404(Agency.objects, officer_kalbar, pk=agencies["sanggau"].pk) == agencies["sanggau"]
    with pytest.raises(Http404):
        get_visible_or_404(Agency.objects, officer_kalbar, pk=agencies["kalteng"].pk)
    with pytest.raises(Http404):
        get_visible_or_404(Agency.objects, officer_kalbar, pk=999999)


def test_a_region_code_prefix_is_not_mistaken_for_a_parent(user_with_role, no_two_factor):
    # "61.1" must not cover "61.10"-like codes of another branch; only "61.03" and "61.03.x".
    Agency.objects.create(name="Pemerintah Kabupaten Kapuas Hulu", kind=AgencyKind.REGENCY_CITY, region_id="61.06")
    user = user_with_role("pengawas.sanggau", "bawaslu_kabkota", region="61.03")
    assert scope_for(user).covers_region("61.03.01") and not scope_for(user).covers_region("61.06")
    assert not Agency.objects.visible_to(user).filter(region_id="61.06").exists()


@pytest.mark.parametrize(("role_code", "region", "with_agency", "message"), [
    ("bawaslu_provinsi", None, False, "pilih wilayahnya"),
    ("bawaslu_provinsi", "61.03", False, "hanya untuk wilayah tingkat"),
    ("bawaslu_kabkota", "61", False, "hanya untuk wilayah tingkat"),
    ("ppk_officer", None, False, "pilih instansinya"),
    ("bkn_analyst", "61", False, "Peran nasional"),
    ("bawaslu_provinsi", "61", True, "kosongkan instansi"),
])
def test_memberships_must_match_the_scope_of_their_role(outsider, agencies, role_code, region, with_agency, message):
    membership = Membership(
        user=outsider, role=Role.objects.get(code=role_code), region_id=region,
        agency=agencies["kalbar"] if with_agency else None,
    )
    with pytest.raises(ValidationError, match=message):
        membership.full_clean()


def test_roles_come_from_the_data_file():
    from netra.accounts.services import read_roles

    assert set(Role.objects.values_list("code", flat=True)) == {entry["code"] for entry in read_roles()}
    assert Role.objects.get(code="bawaslu_kabkota").region_levels == ["regency", "city"]
