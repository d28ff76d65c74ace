"""Evidence storage: content addressing, type by content, limits, custody rows, one history event."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.cases import evidence
from netra.cases.choices import EventKind, EvidenceAction
from netra.cases.models import Evidence, EvidenceAccess, StoredFile

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + b"\x11" * 64
PDF = b"%PDF-1.4\n" + b"1 0 obj << >> endobj\n" * 4 + b"%%EOF\n"
MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64
MOV = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00" * 64
HEIC = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heic" + b"\x00" * 64
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom" + b"\x00" * 64
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 64
AMR = b"#!AMR\n" + b"\x3c" * 64
OGG = b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00" + b"\x00" * 64
WEBM = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d") + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64
AVI = b"RIFF\x24\x00\x00\x00AVI LIST" + b"\x00" * 64
HTML = b"<html><script>alert(1)</script></html>"
TEXT = b"hanya teks biasa"


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(("content", "mime"), [
    (PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf"), (MP4, "video/mp4"),
    (MOV, "video/quicktime"), (HEIC, "image/heic"), (M4A, "audio/mp4"), (MP3, "audio/mpeg"),
    (WAV, "audio/wav"), (WEBP, "image/webp"), (AMR, "audio/amr"), (OGG, "audio/ogg"), (WEBM, "video/webm"),
])
def test_it_reads_the_type_from_the_content(db, content, mime):
    assert evidence.store_upload(upload("bukti.bin", content)).content_type == mime


def test_it_stores_under_the_sha256_path(db, settings):
    stored = evidence.store_upload(upload("foto.png", PNG))
    sha = hashlib.sha256(PNG).hexdigest()
    assert stored.sha256 == sha and stored.size == len(PNG)
    assert evidence.path_of(stored) == settings.EVIDENCE_DIR / sha[:2] / sha[2:4] / sha
    assert evidence.path_of(stored).read_bytes() == PNG
    with evidence.open_stored(stored) as handle:
        assert handle.read() == PNG


def test_it_stores_duplicates_once(db, settings):
    first = evidence.store_upload(upload("a.png", PNG))
    second = evidence.store_upload(upload("salinan.png", PNG))
    assert first.pk == second.pk and StoredFile.objects.count() == 1
    files = [p for p in settings.EVIDENCE_DIR.rglob("*") if p.is_file()]
    assert files == [evidence.path_of(first)]


def test_it_accepts_a_png_named_pdf_as_png(db):
    assert evidence.store_upload(upload("surat.pdf", PNG)).content_type == "image/png"


@pytest.mark.parametrize("content", [EXE, ELF, HTML, TEXT, AVI])
def test_it_refuses_content_that_is_not_allowed_whatever_its_name(db, settings, content):
    with pytest.raises(ValidationError) as error:
        evidence.store_upload(upload("foto.jpg", content))
    assert "foto.jpg" in error.value.messages[0]
    assert "bukan jenis yang diterima" in error.value.messages[0]
    assert StoredFile.objects.count() == 0
    assert not [p for p in settings.EVIDENCE_DIR.rglob("*") if p.is_file()]


def test_it_refuses_an_empty_file(db):
    with pytest.raises(ValidationError, match="kosong"):
        evidence.store_upload(upload("kosong.png", b""))


def test_it_refuses_a_file_over_the_limit_and_leaves_no_temp_file(db, settings):
    settings.EVIDENCE_MAX_FILE_MB = 0.0001  # about 104 bytes
    with pytest.raises(ValidationError) as error:
        evidence.store_upload(upload("besar.png", PNG + b"\x00" * 200))
    assert "besar.png" in error.value.messages[0] and "0.0001 MB" in error.value.messages[0]
    assert not [p for p in settings.EVIDENCE_DIR.rglob("*") if p.is_file()]


def test_it_attaches_files_and_links_with_custody_and_one_event(file_case, officer_kalbar):
    case = file_case()
    events_before = case.events.count()
    items = evidence.attach_evidence(
        case, [upload("foto.png", PNG), upload("surat.pdf", PDF)],
        ["https://contoh.id/video", "", "https://contoh.id/video"], user=officer_kalbar, ip="10.0.0.5")
    assert [i.original_name for i in items] == ["foto.png", "surat.pdf", ""]
    assert [i.url for i in items] == ["", "", "https://contoh.id/video"]
    accesses = EvidenceAccess.objects.filter(evidence__case=case)
    assert accesses.count() == 2
    assert {(a.action, a.user_id, a.ip_address) for a in accesses} == {
        (EvidenceAction.UPLOADED, officer_kalbar.pk, "10.0.0.5")}
    assert case.events.count() == events_before + 1
    event = case.events.last()
    assert event.kind == EventKind.EVIDENCE_ADDED and event.actor == officer_kalbar
    assert [f["sha256"] for f in event.payload["files"]] == [
        hashlib.sha256(PNG).hexdigest(), hashlib.sha256(PDF).hexdigest()]
    assert event.payload["urls"] == ["https://contoh.id/video"]
    assert "foto.png" not in str(event.payload)


def test_a_bad_file_refuses_the_whole_submission(file_case, settings):
    case = file_case()
    with pytest.raises(ValidationError) as error:
        evidence.attach_evidence(case, [upload("foto.png", PNG), upload("virus.jpg", EXE)], ["https://contoh.id"])
    assert "virus.jpg" in error.value.message_dict["evidence"][0]
    assert Evidence.objects.count() == 0 and StoredFile.objects.count() == 0
    assert not case.events.filter(kind=EventKind.EVIDENCE_ADDED).exists()
    assert not [p for p in settings.EVIDENCE_DIR.rglob("*") if p.is_file()]


def test_it_refuses_a_report_over_the_total_limit(file_case, settings):
    settings.EVIDENCE_MAX_REPORT_MB = 0.0002  # about 210 bytes; each file is under the per-file limit
    case = file_case()
    files = [upload("a.png", PNG + b"\x01" * 60), upload("b.png", PNG + b"\x02" * 60)]
    with pytest.raises(ValidationError) as error:
        evidence.attach_evidence(case, files, [])
    assert "per laporan" in error.value.message_dict["evidence"][0]
    assert Evidence.objects.count() == 0


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://contoh.id/berkas", "bukan tautan",
                                 "https://contoh.id/" + "a" * 1000])
def test_it_refuses_bad_links(file_case, url):
    case = file_case()
    with pytest.raises(ValidationError) as error:
        evidence.attach_evidence(case, [], [url])
    assert "Tautan" in error.value.message_dict["evidence"][0]
    assert Evidence.objects.count() == 0


def test_nothing_to_attach_adds_no_event(file_case):
    case = file_case()
    before = case.events.count()
    assert evidence.attach_evidence(case, [], ["  ", ""]) == []
    assert case.events.count() == before


def test_it_records_views_and_downloads(file_case, officer_kalbar):
    case = file_case()
    [item] = evidence.attach_evidence(case, [upload("foto.png", PNG)], [])
    evidence.record_access(item, EvidenceAction.VIEWED, officer_kalbar, "10.0.0.9")
    evidence.record_access(item, "downloaded", officer_kalbar, "10.0.0.9")
    assert list(item.accesses.values_list("action", "user_id")) == [
        ("uploaded", None), ("viewed", officer_kalbar.pk), ("downloaded", officer_kalbar.pk)]
    with pytest.raises(ValueError):
        evidence.record_access(item, "deleted")


def test_a_rolled_back_transaction_leaves_no_rows(file_case):
    from django.db import transaction

    case = file_case()
    with pytest.raises(RuntimeError), transaction.atomic():
        evidence.attach_evidence(case, [upload("foto.png", PNG)], [])
        raise RuntimeError("gagal sesudahnya")
    assert Evidence.objects.count() == 0 and StoredFile.objects.count() == 0
