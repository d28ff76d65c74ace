import io

import pytest
from django.core.management import CommandError, call_command

from netra.cli import main as netra_main

pytestmark = pytest.mark.django_db


def resolve(*args) -> str:
    out = io.StringIO()
    call_command("regions", "resolve", *args, stdout=out)
    return out.getvalue()


def test_it_resolves_an_abbreviation():
    first = resolve("Kalbar").splitlines()[0].split()
    assert first[0] == "61"
    assert "Kalimantan Barat" in " ".join(first)


def test_it_resolves_a_spelling_variant_of_a_city():
    assert resolve("Kota Pagaralam").splitlines()[0].startswith("16.72")
    assert "Kota Pagar Alam" in resolve("Kota Pagaralam")


def test_a_bare_name_lists_regency_and_city():
    lines = resolve("Bogor").splitlines()
    assert lines[0].startswith("32.01") and lines[1].startswith("32.71")


def test_garbage_prints_no_match_instead_of_failing():
    assert "Tidak ada wilayah" in resolve("???")


def test_it_asks_for_regions_when_the_table_is_empty():
    from netra.regions.models import Region

    for depth in (2, 1):  # children before parents: the parent key protects them
        Region.objects.filter(code__regex=r"^\d{2}" + r"(\.\d{2})" * (depth - 1) + "$").delete()
    with pytest.raises(CommandError, match="netra regions load"):
        resolve("Kalbar")


def test_stats_counts_regions_by_level():
    out = io.StringIO()
    call_command("regions", "stats", stdout=out)
    assert "Provinsi" in out.getvalue() and "38" in out.getvalue()


def test_the_netra_entry_point_lists_commands(capsys):
    netra_main(["help", "regions"])
    assert "resolve" in capsys.readouterr().out
