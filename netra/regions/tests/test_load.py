import pytest

from netra.regions.models import Level, Region
from netra.regions.services import load_regions


@pytest.mark.django_db
def test_it_loads_every_region_once_and_a_second_run_changes_nothing():
    first = load_regions()
    counts = {level: Region.objects.filter(level=level).count() for level in Level.values}
    assert counts[Level.PROVINCE] == 38
    assert counts[Level.REGENCY] + counts[Level.CITY] == 514
    assert counts[Level.DISTRICT] >= 7000
    assert counts[Level.VILLAGE] + counts[Level.URBAN_VILLAGE] >= 80000
    assert first.total == Region.objects.count()

    second = load_regions()
    assert (second.created, second.updated) == (0, 0)
    assert Region.objects.count() == first.total


@pytest.mark.django_db
def test_it_uses_official_spellings_and_links_parents():
    palangka_raya = Region.objects.get(code="62.71")
    assert palangka_raya.name == "Kota Palangka Raya"
    assert palangka_raya.parent_id == "62"
    assert str(Region.objects.get(code="33")) == "Provinsi Jawa Tengah"
