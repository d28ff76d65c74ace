"""Shared fixtures: the region table (provinces and kab/kota) and the personas.

Personas, after healthchecks' Alice/Bob/Charlie: a national administrator, an
officer scoped to Kalimantan Barat (61), one scoped to Kalimantan Tengah (62),
and an outsider with an account but no role.
"""

import pytest
from django.core.cache import cache

PASSWORD = "kata-sandi-uji-123"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from netra.regions.gazetteer import lokal_places
    from netra.regions.services import load_regions

    with django_db_blocker.unblock():
        load_regions(lokal_places(max_depth=2))


@pytest.fixture(autouse=True)
def _fresh_caches():
    from netra.regions.services import forget_gazetteer

    cache.clear()
    forget_gazetteer()
    yield
    forget_gazetteer()


TEST_ENCRYPTION_KEY = "pGJ3Dh9I8nB6k0cX4oQ2m7Vt5sW1yZ3aR8uE6fH0jLg="


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ENCRYPTION_KEYS = TEST_ENCRYPTION_KEY
    settings.EVIDENCE_DIR = tmp_path / "evidence"


def make_user(username, role_code=None, region=None, agency=None, **extra):
    from django.contrib.auth import get_user_model

    from netra.accounts.models import Membership, Role

    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if role_code:
        Membership.objects.create(user=user, role=Role.objects.get(code=role_code), region_id=region, agency=agency)
    return user


@pytest.fixture
def no_two_factor(db):
    """Roles without the 2FA requirement, for tests about something else."""
    from netra.accounts.models import Role

    Role.objects.update(requires_two_factor=False)


@pytest.fixture
def admin_user(db, no_two_factor):
    return make_user("admin.nasional", "admin")


@pytest.fixture
def officer_kalbar(db, no_two_factor):
    return make_user("pengawas.kalbar", "bawaslu_provinsi", region="61")


@pytest.fixture
def officer_kalteng(db, no_two_factor):
    return make_user("pengawas.kalteng", "bawaslu_provinsi", region="62")


@pytest.fixture
def outsider(db, no_two_factor):
    return make_user("tanpa.peran")


@pytest.fixture
def user_with_role(db):
    """make_user(username, role_code=None, region=None, agency=None) for one-off personas."""
    return make_user
