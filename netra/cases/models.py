"""Cases: reports (laporan) and findings (temuan), from intake to decision.

Rules live in ``services.py`` (intake, transitions), ``transitions.py`` (the state
machine table), ``rules/deadlines.py`` (clocks) and ``audit.py`` (the hash chain).
Views and the API only call those.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netra.accounts.scoping import ScopedQuerySet
from netra.cases.choices import (
    Decision,
    ElectionKind,
    EventKind,
    EvidenceAction,
    Forwarding,
    IdentityMode,
    Origin,
    Status,
    SubjectType,
)


class Election(models.Model):
    """An election (Pilkada Serentak 2024, Pemilu 2024): its kind selects the deadline rules."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=10, choices=ElectionKind.choices)
    voting_day = models.DateField(_("hari pemungutan suara"))

    class Meta:
        verbose_name = _("pemilihan")
        verbose_name_plural = _("pemilihan")
        ordering = ["-voting_day"]

    def __str__(self) -> str:
        return self.name


class ElectionStage(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(_("tahapan"), max_length=120)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))

    class Meta:
        verbose_name = _("tahapan pemilihan")
        verbose_name_plural = _("tahapan pemilihan")
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return self.name


class ViolationCode(models.Model):
    """One act of the catalogue (rules/data/catalogue.toml), copied here so cases can point at it."""

    code = models.CharField(_("kode"), max_length=20, primary_key=True)
    track = models.CharField(_("jalur"), max_length=20)
    title = models.CharField(_("uraian"), max_length=300)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300)
    default_sanction = models.CharField(_("sanksi bawaan"), max_length=200)

    class Meta:
        verbose_name = _("kode pelanggaran")
        verbose_name_plural = _("kode pelanggaran")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class CaseQuerySet(ScopedQuerySet):
    scope_region_path = "region"
    scope_region_columns = {1: "province_code", 2: "regency_code"}

    def overdue(self, today: dt.date):
        return self.filter(next_due_on__lt=today)

    def due_within(self, today: dt.date, days: int):
        return self.filter(next_due_on__gte=today, next_due_on__lte=today + dt.timedelta(days=days))


class Case(models.Model):
    tracking_code = models.CharField(_("kode pelacakan"), max_length=20, unique=True, editable=False)
    register_number = models.CharField(_("nomor register"), max_length=80, blank=True)
    origin = models.CharField(_("asal"), max_length=10, choices=Origin.choices)
    election = models.ForeignKey(Election, verbose_name=_("pemilihan"), on_delete=models.PROTECT)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    decision = models.CharField(_("putusan"), max_length=20, choices=Decision.choices, blank=True)
    forwarded_to = models.CharField(_("diteruskan ke"), max_length=20, choices=Forwarding.choices, blank=True)
    status_reason = models.TextField(_("alasan"), blank=True)

    region = models.ForeignKey("regions.Region", verbose_name=_("wilayah kejadian"), on_delete=models.PROTECT)
    # Denormalised from region for fast scoping and tallies on large tables.
    province_code = models.CharField(max_length=2, db_index=True, editable=False)
    regency_code = models.CharField(max_length=5, blank=True, db_index=True, editable=False)

    summary = models.CharField(_("ringkasan"), max_length=200)
    what_happened = models.TextField(_("uraian kejadian"))
    place = models.CharField(_("tempat kejadian"), max_length=300)
    occurred_on = models.DateField(_("tanggal kejadian"))
    known_on = models.DateField(_("tanggal diketahui"))
    received_at = models.DateTimeField(_("diterima pada"))

    formal_requirements_met = models.BooleanField(_("syarat formal terpenuhi"), null=True)
    material_requirements_met = models.BooleanField(_("syarat materiel terpenuhi"), null=True)
    late_filing = models.BooleanField(_("terlambat dilaporkan"), default=False)
    late_filing_note = models.TextField(_("keterangan keterlambatan"), blank=True)

    registered_on = models.DateField(_("tanggal register"), null=True, blank=True)
    info_requested_on = models.DateField(_("keterangan tambahan diminta"), null=True, blank=True)
    decided_on = models.DateField(_("tanggal putusan"), null=True, blank=True)
    next_due_on = models.DateField(_("batas waktu terdekat"), null=True, blank=True, db_index=True)

    merged_into = models.ForeignKey(
        "self", verbose_name=_("digabung ke"), null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    violation_codes = models.ManyToManyField(ViolationCode, verbose_name=_("kode pelanggaran"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("kasus")
        verbose_name_plural = _("kasus")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["status", "-received_at"], name="case_status_received"),
            models.Index(fields=["province_code", "-received_at"], name="case_province_received"),
            models.Index(fields=["regency_code", "-received_at"], name="case_regency_received"),
            models.Index(fields=["election", "status"], name="case_election_status"),
            # National lists: newest first without sorting the whole table (docs/benchmarks.md).
            models.Index(fields=["-received_at", "-id"], name="case_received"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(known_on__gte=models.F("occurred_on")), name="case_known_after_occurred"
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.DECIDED) | ~Q(decision=""), name="case_decided_has_decision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.summary}"

    def save(self, *args, **kwargs):
        self.province_code = self.region_id[:2]
        self.regency_code = self.region_id[:5] if len(self.region_id) >= 5 else ""
        super().save(*args, **kwargs)

    @property
    def is_report(self) -> bool:
        return self.origin == Origin.REPORT

    def clock_events(self) -> dict[str, dt.date | None]:
        """The dates the deadline rules start and stop on (see rules/data/deadlines.toml)."""
        received = self.received_at.astimezone(dt.timezone(dt.timedelta(hours=7))).date()
        return {
            "learned": self.known_on if self.is_report else None,
            "filed": received if self.is_report else None,
            "discovered": None if self.is_report else self.known_on,
            "finding_recorded": None if self.is_report else received,
            "registered": self.registered_on,
            "info_requested": self.info_requested_on,
            "decided": self.decided_on,
        }


class Reporter(models.Model):
    """Who filed a laporan. The identity is one encrypted blob: the database never holds it in clear."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="reporter")
    identity_mode = models.CharField(_("identitas pelapor"), max_length=20, choices=IdentityMode.choices)
    identity_ciphertext = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("pelapor")
        verbose_name_plural = _("pelapor")

    def __str__(self) -> str:
        return f"{self.get_identity_mode_display()} ({self.case_id})"


class ReportedPerson(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reported_persons")
    name = models.CharField(_("nama terlapor"), max_length=200)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    agency_name = models.CharField(_("instansi"), max_length=200, blank=True)
    agency = models.ForeignKey("registry.Agency", null=True, blank=True, on_delete=models.SET_NULL)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT)
    subject_type = models.CharField(_("jenis subjek"), max_length=20, choices=SubjectType.choices)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    address = models.CharField(_("alamat"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("terlapor")
        verbose_name_plural = _("terlapor")

    def __str__(self) -> str:
        return self.name


class Witness(models.Model):
    """A witness; name and contact are encrypted like the reporter's identity."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="witnesses")
    identity_ciphertext = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("saksi")
        verbose_name_plural = _("saksi")

    def __str__(self) -> str:
        return f"saksi {self.pk} ({self.case_id})"


class StoredFile(models.Model):
    """A file stored once under its SHA-256, however many cases point at it."""

    sha256 = models.CharField(max_length=64, primary_key=True)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("berkas")
        verbose_name_plural = _("berkas")

    def __str__(self) -> str:
        return self.sha256


class EvidenceQuerySet(ScopedQuerySet):
    scope_region_path = "case__region"
    scope_region_columns = {1: "case__province_code", 2: "case__regency_code"}


class Evidence(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    file = models.ForeignKey(StoredFile, null=True, blank=True, on_delete=models.PROTECT)
    original_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    url = models.URLField(_("tautan"), max_length=1000, blank=True)
    description = models.CharField(_("keterangan"), max_length=300, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(file__isnull=False) | ~Q(url=""), name="evidence_has_file_or_url")
        ]

    def __str__(self) -> str:
        return self.original_name or self.url


class EvidenceAccess(models.Model):
    """Chain of custody: every upload, view and download of an evidence file."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="accesses")
    action = models.CharField(max_length=20, choices=EvidenceAction.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("akses bukti")
        verbose_name_plural = _("akses bukti")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.evidence_id} {self.at:%Y-%m-%d %H:%M}"


class CaseEvent(models.Model):
    """One line of a case's history. Append-only; each stores the hash of the one before it.

    ``seq`` numbers every event of every case without gaps, so a deleted event
    leaves a visible hole; ``hash`` covers the event and ``prev_hash``, so an
    edited or reordered event breaks the chain (see ``audit.py``).
    """

    seq = models.PositiveBigIntegerField(unique=True)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    at = models.DateTimeField()
    payload = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("riwayat kasus")
        verbose_name_plural = _("riwayat kasus")
        ordering = ["seq"]
        indexes = [models.Index(fields=["case", "seq"], name="event_case_seq")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind} {self.case_id}"


class ChainHead(models.Model):
    """A single row: the last event's seq and hash. Appends lock it; truncation is detected by it."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


class DeadlineNotice(models.Model):
    """A deadline reminder e-mailed to one handler about one case on one day (see notifications.py)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadline_notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField(_("batas waktu"))
    sent_on = models.DateField(_("tanggal kirim"))
    sent_at = models.DateTimeField(_("dikirim pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat batas waktu")
        verbose_name_plural = _("pengingat batas waktu")
        constraints = [
            models.UniqueConstraint(fields=["case", "user", "due_on", "sent_on"], name="deadline_notice_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.user_id} ({self.sent_on})"
