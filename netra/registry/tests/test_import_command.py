import io

import pytest
from django.core.management import CommandError, call_command

from netra.registry.models import Agency, Person
from netra.registry.tests.conftest import VALID_NIP, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

AGENCIES = [["nama", "jenis", "wilayah"], ["Pemerintah Kabupaten Sanggau", "kabupaten_kota", "61.03"]]


def run(*args):
    out = io.StringIO()
    call_command("import_registry", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_it_imports_agencies_then_persons(tmp_path):
    out = run("agencies", write(tmp_path, "instansi.csv", csv_bytes(AGENCIES)))
    assert "Impor instansi selesai: 1 baris; 1 baru, 0 diperbarui, 0 tidak berubah." in out
    persons = [["nama", "jenis_subjek", "instansi", "nip"], ["Budi", "pns", "Pemerintah Kabupaten Sanggau", VALID_NIP]]
    out = run("persons", write(tmp_path, "pegawai.xlsx", xlsx_bytes(persons)))
    assert "Impor pegawai selesai: 1 baris; 1 baru" in out
    assert Person.objects.get().agency.region_id == "61.03"


def test_it_prints_each_row_error_and_exits_non_zero(tmp_path):
    rows = [*AGENCIES, ["Instansi Salah", "kecamatan", "61.03"], ["Di Bogor", "kabupaten_kota", "Bogor"]]
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_registry", "agencies", str(write(tmp_path, "a.csv", csv_bytes(rows))), stdout=out)
    assert caught.value.returncode == 1
    assert str(caught.value) == "Tidak ada yang diimpor: 2 kesalahan pada 2 dari 3 baris."
    lines = out.getvalue().splitlines()
    assert lines[0].startswith('Baris 3, kolom jenis: Nilai "kecamatan" tidak dikenal.')
    assert lines[1].startswith('Baris 4, kolom wilayah: Nama wilayah "Bogor" cocok dengan lebih dari satu wilayah')
    assert not Agency.objects.exists()


def test_a_dry_run_checks_without_storing(tmp_path):
    out = run("agencies", write(tmp_path, "instansi.csv", csv_bytes(AGENCIES)), "--dry-run")
    assert "Pemeriksaan selesai: 1 baris instansi valid (1 baru" in out and "Tidak ada yang disimpan." in out
    assert not Agency.objects.exists()


def test_a_bad_file_is_a_message_not_a_traceback(tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError, match="Tidak ada yang diimpor."):
        call_command("import_registry", "agencies", str(write(tmp_path, "a.csv", b"")), stdout=out)
    assert out.getvalue().strip() == "Berkas kosong."


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Berkas tidak dapat dibuka"):
        run("agencies", tmp_path / "tidak-ada.csv")


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    path = write(tmp_path, "instansi.csv", csv_bytes(AGENCIES))
    run("agencies", path)
    assert "0 baru, 0 diperbarui, 1 tidak berubah" in run("agencies", path)
    assert Agency.objects.count() == 1
