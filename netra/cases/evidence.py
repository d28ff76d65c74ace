"""Evidence: files stored once under their SHA-256, links, and the chain of custody.

A file is streamed to a temporary file under ``EVIDENCE_DIR`` while it is hashed
and measured, its type is read from its content (``data/evidence_types.toml``),
and it is then renamed to ``EVIDENCE_DIR/<sha[:2]>/<sha[2:4]>/<sha>``. The same
content uploaded twice is kept once. Every upload, view and download is recorded
as an ``EvidenceAccess`` row.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from netra.cases import audit, services
from netra.cases.choices import EventKind, EvidenceAction
from netra.cases.models import Case, Evidence, EvidenceAccess, StoredFile

TYPES_FILE = Path(__file__).resolve().parent / "data" / "evidence_types.toml"
URL_MAX_LENGTH = 1000
MEGABYTE = 1024 * 1024
HEAD_BYTES = 64


@dataclass(frozen=True)
class FileType:
    mime: str
    label: str
    magic: tuple[str, ...]
    brands: tuple[str, ...]
    riff: tuple[str, ...]


@dataclass(frozen=True)
class Spooled:
    """An upload written to a temporary file, hashed and checked, not yet in place."""

    temp_path: Path
    sha256: str
    size: int
    content_type: str
    name: str

    def discard(self) -> None:
        self.temp_path.unlink(missing_ok=True)


# --- the allow-list ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def allowed_types() -> tuple[FileType, ...]:
    with TYPES_FILE.open("rb") as handle:
        entries = tomllib.load(handle)["type"]
    return tuple(FileType(e["mime"], e["label"], tuple(e.get("magic", ())), tuple(e.get("brands", ())),
                          tuple(e.get("riff", ()))) for e in entries)


def allowed_labels() -> str:
    """The accepted types in words, for help texts: "gambar JPEG, gambar PNG, …"."""
    return ", ".join(t.label for t in allowed_types())


def _by_magic() -> dict[str, str]:
    return {ext: t.mime for t in allowed_types() for ext in t.magic}


def _by_brand() -> dict[str, str]:
    return {brand: t.mime for t in allowed_types() for brand in t.brands}


def _by_riff() -> dict[str, str]:
    return {form: t.mime for t in allowed_types() for form in t.riff}


def _iso_brands(head: bytes) -> list[str]:
    """The major and compatible brands of an ISO media file ("ftyp" box first), else []."""
    if head[4:8] != b"ftyp":
        return []
    box_end = min(int.from_bytes(head[:4], "big"), len(head))
    brands = [head[8:12]] + [head[i:i + 4] for i in range(16, box_end - 3, 4)]
    return [brand.decode("latin-1") for brand in brands]


def sniff(path: Path) -> str | None:
    """The allowed MIME type of the file's content, or None when it is not an allowed type."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head:
        return None
    if head[:4] == b"RIFF":
        return _by_riff().get(head[8:12].decode("latin-1"))
    brands = _iso_brands(head)
    if brands:
        by_brand = _by_brand()
        return next((by_brand[b] for b in brands if b in by_brand), None)
    try:
        matches = puremagic.magic_file(path)
    except (puremagic.PureError, ValueError):
        return None
    by_magic = _by_magic()
    return next((by_magic[m.extension] for m in matches if m.extension in by_magic), None)


# --- limits and messages ----------------------------------------------------------------------------

def _limit_bytes(megabytes: float) -> int:
    return int(megabytes * MEGABYTE)


def _mb(size: float) -> str:
    return f"{size / MEGABYTE:.1f}"


def _too_big(name: str) -> str:
    return f"Berkas \u201c{name}\u201d terlalu besar: batas per berkas {settings.EVIDENCE_MAX_FILE_MB:g} MB."


def _not_allowed(name: str) -> str:
    return (f"Isi berkas \u201c{name}\u201d bukan jenis yang diterima. Yang diterima: gambar, PDF, video "
            f"atau audio; jenis berkas dibaca dari isinya, bukan dari namanya.")


def _empty(name: str) -> str:
    return f"Berkas \u201c{name}\u201d kosong."


def _report_too_big(total: int) -> str:
    return (f"Ukuran semua berkas ({_mb(total)} MB) melebihi batas {settings.EVIDENCE_MAX_REPORT_MB:g} MB "
            f"per laporan.")


# --- storing ----------------------------------------------------------------------------------------

def _display_name(uploaded) -> str:
    return os.path.basename(str(getattr(uploaded, "name", "") or "berkas"))[:255] or "berkas"


def _spool_dir() -> Path:
    folder = Path(settings.EVIDENCE_DIR) / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_chunks(uploaded, handle, limit: int, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in uploaded.chunks():
        size += len(chunk)
        if size > limit:
            raise ValidationError(_too_big(name))
        digest.update(chunk)
        handle.write(chunk)
    return digest.hexdigest(), size


def spool(uploaded) -> Spooled:
    """Stream an upload to a temporary file; raise ValidationError (file removed) if it may not be kept."""
    name = _display_name(uploaded)
    fd, temp_name = tempfile.mkstemp(dir=_spool_dir(), prefix="upload-", suffix=".part")
    temp_path = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            sha256, size = _write_chunks(uploaded, handle, _limit_bytes(settings.EVIDENCE_MAX_FILE_MB), name)
        if size == 0:
            raise ValidationError(_empty(name))
        content_type = sniff(temp_path)
        if content_type is None:
            raise ValidationError(_not_allowed(name))
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    return Spooled(temp_path, sha256, size, content_type, name)


def path_of(stored: StoredFile) -> Path:
    sha = stored.sha256 if isinstance(stored, StoredFile) else str(stored)
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise ValueError(f"not a SHA-256: {sha!r}")
    return Path(settings.EVIDENCE_DIR) / sha[:2] / sha[2:4] / sha


def open_stored(stored: StoredFile):
    """The stored file, opened for reading in binary mode (FileNotFoundError when it is missing)."""
    return path_of(stored).open("rb")


def _place(spooled: Spooled) -> StoredFile:
    target = path_of(spooled.sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        spooled.discard()
    else:
        os.replace(spooled.temp_path, target)
    stored, _ = StoredFile.objects.get_or_create(
        sha256=spooled.sha256, defaults={"size": spooled.size, "content_type": spooled.content_type})
    return stored


def store_upload(uploaded) -> StoredFile:
    """Keep one upload under its SHA-256; the same content is stored once."""
    return _place(spool(uploaded))


# --- links ------------------------------------------------------------------------------------------

def clean_urls(urls: Iterable[str]) -> tuple[list[str], list[str]]:
    """(valid links without duplicates, messages for the invalid ones)."""
    valid, problems = [], []
    check = URLValidator(schemes=["http", "https"])
    for raw in urls:
        url = (raw or "").strip()
        if not url:
            continue
        if len(url) > URL_MAX_LENGTH:
            problems.append(f"Tautan terlalu panjang (lebih dari {URL_MAX_LENGTH} karakter): {url[:60]}\u2026")
            continue
        try:
            check(url)
        except ValidationError:
            problems.append(f"Tautan tidak sah (harus diawali http:// atau https://): {url[:100]}")
            continue
        if urlsplit(url).scheme.lower() in ("http", "https") and url not in valid:
            valid.append(url)
    return valid, problems


# --- attaching to a case ----------------------------------------------------------------------------

def _declared_total_problem(files: list) -> list[str]:
    total = sum(getattr(f, "size", 0) or 0 for f in files)
    return [_report_too_big(total)] if total > _limit_bytes(settings.EVIDENCE_MAX_REPORT_MB) else []


def _spool_all(files: list) -> tuple[list[Spooled], list[str]]:
    spooled, problems = [], []
    for uploaded in files:
        try:
            spooled.append(spool(uploaded))
        except ValidationError as error:
            problems.extend(error.messages)
    total = sum(s.size for s in spooled)
    if not problems and total > _limit_bytes(settings.EVIDENCE_MAX_REPORT_MB):
        problems.append(_report_too_big(total))
    return spooled, problems


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def check_evidence(files: Iterable, urls: Iterable[str]) -> tuple[list[Spooled], list[str]]:
    """Spool and check every file and link; raise ValidationError({"evidence": [...]}) for any bad one."""
    files = list(files)
    valid_urls, problems = clean_urls(urls)
    problems += _declared_total_problem(files)
    spooled: list[Spooled] = []
    if not problems:
        spooled, file_problems = _spool_all(files)
        problems += file_problems
    if problems:
        for item in spooled:
            item.discard()
        raise ValidationError({"evidence": problems})
    return spooled, valid_urls


def _attach(case: Case, spooled: list[Spooled], urls: list[str], actor, ip) -> list[Evidence]:
    items = [Evidence(case=case, file=_place(s), original_name=s.name, added_by=actor) for s in spooled]
    items += [Evidence(case=case, url=url, added_by=actor) for url in urls]
    for item in items:
        item.save()
    EvidenceAccess.objects.bulk_create([
        EvidenceAccess(evidence=item, action=EvidenceAction.UPLOADED, user=actor, ip_address=ip)
        for item in items if item.file_id
    ])
    audit.append_event(case, EventKind.EVIDENCE_ADDED, actor=actor, payload={
        "files": [{"sha256": s.sha256, "size": s.size, "content_type": s.content_type} for s in spooled],
        "urls": urls,
    })
    return items


def attach_evidence(case: Case, files: Iterable, urls: Iterable[str], user=None, ip=None) -> list[Evidence]:
    """Attach files and links to a case, all or nothing, with custody rows and one history event."""
    spooled, valid_urls = check_evidence(files, urls)
    if not spooled and not valid_urls:
        return []
    try:
        with transaction.atomic():
            return _attach(case, spooled, valid_urls, _actor(user), ip)
    finally:
        for item in spooled:
            item.discard()


def file_report_with_evidence(data: services.CaseInput, identity: Mapping[str, Any], identity_mode: str,
                              files: Iterable, urls: Iterable[str], ip=None) -> Case:
    """A public report and its evidence in one transaction: a bad file or date files nothing.

    The files are checked before the report is written; ValidationError is keyed by form field
    (``evidence`` for files and links, ``known_on`` when the holiday calendar does not cover the date).
    """
    spooled, valid_urls = check_evidence(files, urls)
    try:
        with transaction.atomic():
            case = services.file_report(data, identity, identity_mode)
            if spooled or valid_urls:
                _attach(case, spooled, valid_urls, None, ip)
    finally:
        for item in spooled:
            item.discard()
    return case


def record_access(evidence: Evidence, action: str, user=None, ip=None) -> EvidenceAccess:
    """Chain of custody: one row per view or download of an evidence file."""
    if action not in EvidenceAction.values:
        raise ValueError(f"unknown evidence action {action!r}")
    return EvidenceAccess.objects.create(evidence=evidence, action=action, user=_actor(user), ip_address=ip)
