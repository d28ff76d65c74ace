import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_works_for_a_superuser(client, django_user_model):
    from netra.accounts.models import Role

    Role.objects.update(requires_two_factor=False)
    user = django_user_model.objects.create_superuser("super", "super@example.id", "kata-sandi-super-123")
    client.force_login(user)
    for url in ["/admin/", "/admin/regions/region/?q=Bogor", "/admin/accounts/role/",
                f"/admin/auth/user/{user.pk}/change/", "/admin/registry/agency/add/"]:
        assert client.get(url).status_code == 200, url


def test_regions_cannot_be_added_by_hand_in_the_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("super", "super@example.id", "kata-sandi-super-123")
    client.force_login(user)
    assert client.get("/admin/regions/region/add/").status_code == 403
