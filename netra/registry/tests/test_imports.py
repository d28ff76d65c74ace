import zipfile

import pytest

from netra.accounts.scoping import scope_for
from netra.registry import imports, tables
from netra.registry.imports import AGENCIES, EXAMPLES, PERSONS, RowError, import_file, normalize_header
from netra.registry.models import Agency, AgencyKind, Person, SubjectType
from netra.registry.tables import read_table, sniff_delimiter
from netra.registry.tests.conftest import OTHER_NIP, VALID_NIP, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

AGENCY_ROWS = [
    ["Nama", "Jenis", "Kode Wilayah", "Jabatan PPK", "Nama PPK", "Kantor Kepegawaian"],
    ["Pemerintah Kabupaten Sanggau", "kabupaten_kota", "61.03", "Bupati Sanggau", "", "BKPSDM Kabupaten Sanggau"],
    ["Pemerintah Provinsi Kalimantan Barat", "Pemerintah provinsi", "Kalbar", "Gubernur Kalimantan Barat", "", ""],
    ["Kementerian Dalam Negeri", "pusat", "", "Menteri Dalam Negeri", "", ""],
]
PERSON_HEADER = ["nama", "jenis_subjek", "jabatan", "instansi", "wilayah", "nip"]


def person_rows(*rows):
    return [PERSON_HEADER, *rows]


def budi(nip=VALID_NIP, name="Budi Santoso"):
    return [name, "pns", "Kepala Bidang", "Pemerintah Kabupaten Sanggau", "", nip]


def test_it_imports_agencies_from_csv_with_indonesian_headers():
    report = import_file(AGENCIES, "instansi.csv", csv_bytes(AGENCY_ROWS))
    assert report.ok and report.written
    assert (report.rows_read, report.rows_ok, report.created) == (3, 3, 3)
    kalbar = Agency.objects.get(name="Pemerintah Provinsi Kalimantan Barat")
    assert (kalbar.kind, kalbar.region_id) == (AgencyKind.PROVINCE, "61")
    assert Agency.objects.get(name="Kementerian Dalam Negeri").region_id is None
    assert Agency.objects.get(region_id="61.03").ppk_office == "BKPSDM Kabupaten Sanggau"


def test_it_reads_semicolons_a_bom_and_cp1252():
    rows = [["nama", "jenis", "wilayah"], ["Dinas Pendidikan Sanggau – Bidang SMP", "kabupaten_kota", "61.03"]]
    with_bom = b"\xef\xbb\xbf" + csv_bytes(rows, delimiter=";")
    assert import_file(AGENCIES, "a.csv", with_bom, dry_run=True).ok
    report = import_file(AGENCIES, "a.csv", csv_bytes(rows, delimiter=";", encoding="cp1252"))
    assert report.ok
    assert Agency.objects.filter(name="Dinas Pendidikan Sanggau – Bidang SMP").exists()


def test_it_imports_persons_from_xlsx(sanggau):
    data = xlsx_bytes(person_rows(
        budi(),
        ["Siti Aminah", "PPPK", "Guru", "Pemerintah Kabupaten Sanggau", "", "199601182020131001"],
        ["Pak Kades", "Kepala desa", "Kepala Desa", "", "61.03", None],
        ["Ani", "Pegawai non-ASN", "Staf", "Pemerintah Kabupaten Sanggau", "", None],
    ))
    report = import_file(PERSONS, "pegawai.xlsx", data)
    assert report.ok, report.problems()
    assert report.created == 4
    budi_saved = Person.objects.get(nip=VALID_NIP)
    assert (budi_saved.agency, budi_saved.region_id, budi_saved.subject_type) == (sanggau, "61.03", SubjectType.PNS)
    assert Person.objects.get(name="Pak Kades").agency is None
    assert Person.objects.get(name="Siti Aminah").subject_type == SubjectType.PPPK


def test_it_reports_every_bad_row_and_writes_nothing(sanggau):
    data = csv_bytes(person_rows(
        budi(),
        ["Salah Bulan", "pns", "", "Pemerintah Kabupaten Sanggau", "", "198503122010131003"],
        ["Tanpa Jenis", "", "", "", "61.03", ""],
        ["Di Bogor", "kepala_desa", "", "", "Bogor", ""],
        ["Instansi Asing", "pns", "", "Pemerintah Antah Berantah", "", OTHER_NIP],
        ["Kades Tanpa Wilayah", "kepala_desa", "", "", "", ""],
    ))
    report = import_file(PERSONS, "p.csv", data)
    assert not report.ok and not report.written
    assert (report.rows_read, report.rows_ok) == (6, 1)
    by_row = {error.row_number: error for error in report.errors}
    assert by_row[3].column == "nip" and "Bulan TMT CPNS pada NIP tidak valid" in by_row[3].message
    assert by_row[4].column == "jenis_subjek" and by_row[4].message.startswith("Wajib diisi")
    assert by_row[5].column == "wilayah"
    assert "Kabupaten Bogor (32.01)" in by_row[5].message and "Kota Bogor (32.71)" in by_row[5].message
    assert by_row[6].column == "instansi" and "tidak ditemukan" in by_row[6].message
    assert by_row[7].column == "wilayah" and "wajib punya wilayah" in by_row[7].message
    assert str(by_row[3]).startswith("Baris 3, kolom nip: ")
    assert Person.objects.count() == 0


def test_it_reports_a_region_code_that_does_not_exist():
    report = import_file(AGENCIES, "a.csv", csv_bytes([["nama", "jenis", "wilayah"], ["X", "provinsi", "99.99"]]))
    assert report.errors == [RowError(2, "wilayah", 'Kode wilayah "99.99" tidak ada dalam daftar wilayah Kemendagri.')]


def test_it_reports_rows_repeated_in_the_file(sanggau):
    report = import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi(), budi(name="Budi S."))))
    assert [(e.row_number, e.column) for e in report.errors] == [(3, "nama")]
    assert "Sama dengan baris 2" in report.errors[0].message


def test_two_rows_cannot_update_the_same_stored_person(sanggau):
    import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi(nip=""))))
    report = import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi(), budi(nip=""))))
    assert [(e.row_number, e.column) for e in report.errors] == [(3, "nama")]
    assert Person.objects.get().nip == ""


def test_it_does_not_duplicate_on_reimport(sanggau):
    agencies = csv_bytes(AGENCY_ROWS)
    persons = csv_bytes(person_rows(budi(), ["Ani", "non_asn", "Staf", "Pemerintah Kabupaten Sanggau", "", ""]))
    assert import_file(AGENCIES, "a.csv", agencies).created == 2  # Sanggau exists already
    assert import_file(PERSONS, "p.csv", persons).created == 2
    again = import_file(AGENCIES, "a.csv", agencies)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    again = import_file(PERSONS, "p.csv", persons)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Agency.objects.count() == 3 and Person.objects.count() == 2


def test_it_updates_existing_rows_by_nip_and_by_name(sanggau):
    import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi(), ["Ani", "non_asn", "Staf", sanggau.name, "", ""])))
    changed = csv_bytes(person_rows(
        ["Budi Santoso, S.Pd.", "pns", "Sekretaris Dinas", sanggau.name, "", VALID_NIP],
        ["Ani", "non_asn", "Bendahara", sanggau.name, "", ""],
    ))
    report = import_file(PERSONS, "p.csv", changed)
    assert (report.created, report.updated) == (0, 2)
    assert Person.objects.get(nip=VALID_NIP).name == "Budi Santoso, S.Pd."
    assert Person.objects.get(name="Ani").position == "Bendahara"


def test_it_keeps_a_stored_nip_when_the_row_has_none(sanggau):
    import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi())))
    report = import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi(nip=""))))
    assert report.unchanged == 1
    assert Person.objects.get().nip == VALID_NIP


def test_it_updates_an_agency_matched_by_name_and_region(sanggau):
    rows = [["nama", "jenis", "wilayah", "jabatan_ppk"], [sanggau.name, "kabupaten_kota", "61.03", "Bupati Sanggau"]]
    report = import_file(AGENCIES, "a.csv", csv_bytes(rows))
    assert (report.created, report.updated) == (0, 1)
    sanggau.refresh_from_db()
    assert sanggau.ppk_title == "Bupati Sanggau"


def test_a_crash_half_way_leaves_nothing(sanggau, monkeypatch):
    monkeypatch.setattr(imports, "BATCH_SIZE", 1)
    original, calls = Person.objects.bulk_create, []

    def crash_on_third_batch(objs, *args, **kwargs):
        calls.append(len(objs))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(objs, *args, **kwargs)

    monkeypatch.setattr(Person.objects, "bulk_create", crash_on_third_batch)
    rows = [budi(), *[[f"Pegawai {i}", "non_asn", "", sanggau.name, "", ""] for i in range(4)]]
    with pytest.raises(RuntimeError):
        import_file(PERSONS, "p.csv", csv_bytes(person_rows(*rows)))
    assert len(calls) == 3
    assert Person.objects.count() == 0


def test_a_dry_run_writes_nothing(sanggau):
    report = import_file(PERSONS, "p.csv", csv_bytes(person_rows(budi())), dry_run=True)
    assert report.ok and not report.written and report.created == 1
    assert Person.objects.count() == 0


def test_it_refuses_rows_outside_the_users_scope(officer_kalbar, palangka_raya, sanggau):
    rows = person_rows(budi(), ["Joko", "pns", "", palangka_raya.name, "", OTHER_NIP])
    report = import_file(PERSONS, "p.csv", csv_bytes(rows), scope=scope_for(officer_kalbar))
    assert [(e.row_number, e.column) for e in report.errors] == [(3, "wilayah")]
    assert "di luar cakupan" in report.errors[0].message
    assert Person.objects.count() == 0


def test_the_example_files_import_cleanly():
    assert import_file(AGENCIES, "a.csv", csv_bytes(EXAMPLES[AGENCIES])).created == 1
    assert import_file(PERSONS, "p.csv", csv_bytes(EXAMPLES[PERSONS])).created == 1


# --- Files that are not what they should be ----------------------------------------------------------


def file_error(data, name="berkas.csv", kind=AGENCIES):
    report = import_file(kind, name, data)
    assert not report.ok and not report.errors
    assert Agency.objects.count() == 0
    return report.file_error


def test_an_empty_file_is_refused():
    assert file_error(b"") == "Berkas kosong."
    assert file_error(b"\r\n,,\r\n , \r\n") == "Berkas kosong."
    assert file_error(b"nama,jenis\r\n") == "Berkas hanya berisi judul kolom; tidak ada baris data."


def test_a_wrong_header_names_the_missing_and_unknown_columns():
    message = file_error(csv_bytes([["name", "jenis", "alamat"], ["X", "pusat", "Jl. Merdeka"]]))
    assert "Kolom wajib tidak ada: nama." in message
    assert "Kolom tidak dikenal: name, alamat." in message
    assert "judul kolom: nama, jenis, wilayah" in message


def test_a_binary_file_renamed_csv_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "bukan berkas teks CSV maupun XLSX" in file_error(png)
    assert "bukan berkas teks CSV maupun XLSX" in file_error(b"\x81\x8d\x8f\x90\x9d" * 10)


def test_a_corrupt_xlsx_is_refused():
    good = xlsx_bytes([["nama", "jenis"], ["X", "pusat"]])
    assert "Berkas XLSX rusak" in file_error(good[: len(good) // 2], "instansi.xlsx")
    assert "Berkas XLSX rusak" in file_error(b"not really a workbook", "instansi.xlsx")
    assert "Berkas XLSX rusak" in file_error(_zip_without_workbook(), "instansi.xlsx")


def _zip_without_workbook() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return buffer.getvalue()


def test_an_old_xls_is_refused():
    assert ".xls" in file_error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "instansi.xls")


def test_an_oversized_file_is_refused(monkeypatch):
    monkeypatch.setattr(tables, "MAX_FILE_BYTES", 1024 * 1024)
    data = csv_bytes([["nama", "jenis"], *[[f"Instansi nomor {i:07d}", "pusat"] for i in range(40_000)]])
    assert len(data) > 1024 * 1024
    assert file_error(data) == "Berkas terlalu besar: maksimal 1 MB."


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 3)
    data = csv_bytes([["nama", "jenis"], *[[f"Instansi {i}", "pusat"] for i in range(4)]])
    assert file_error(data) == "Berkas berisi lebih dari 3 baris data. Bagi menjadi beberapa berkas."
    assert "lebih dari 3 baris" in file_error(xlsx_bytes([["nama", "jenis"], *[[f"I{i}", "pusat"] for i in range(5)]]))


def test_it_flags_an_nip_that_excel_stored_as_a_number(sanggau):
    row = budi(nip=float(VALID_NIP))
    report = import_file(PERSONS, "p.xlsx", xlsx_bytes(person_rows(row)))
    assert [e.column for e in report.errors] == ["nip"]
    assert "Format kolom ini sebagai Teks" in report.errors[0].message


def test_it_normalises_headers_and_sniffs_delimiters():
    assert normalize_header("\ufeff Kode  Wilayah ") == "kode_wilayah"
    assert normalize_header("Jabatan-PPK") == "jabatan_ppk"
    assert sniff_delimiter("nama;jenis;wilayah\nA, B;pusat;") == ";"
    assert sniff_delimiter("nama,jenis\n") == ","
    assert read_table("a.csv", b"nama\tjenis\nA\tpusat\n").rows == [(2, ["A", "pusat"])]
