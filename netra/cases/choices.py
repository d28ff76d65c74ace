from django.db import models
from django.utils.translation import gettext_lazy as _

from netra.registry.choices import SubjectType  # one list of subject types for both apps


class ElectionKind(models.TextChoices):
    PILKADA = "pilkada", _("Pilkada")
    PEMILU = "pemilu", _("Pemilu")


class Origin(models.TextChoices):
    REPORT = "laporan", _("Laporan")
    FINDING = "temuan", _("Temuan")


class Status(models.TextChoices):
    """Where a case stands. The transitions between them are in ``cases/transitions.py``."""

    RECEIVED = "received", _("Diterima")
    CHECKED = "checked", _("Kajian awal selesai")
    REGISTERED = "registered", _("Diregister")
    NOT_REGISTERED = "not_registered", _("Tidak diregister")
    CLARIFICATION = "clarification", _("Klarifikasi")
    DECIDED = "decided", _("Diputus")
    STOPPED = "stopped", _("Dihentikan")
    MERGED = "merged", _("Digabung")


# Bawaslu's published tallies group the statuses like this.
NOT_YET_REGISTERED = (Status.RECEIVED, Status.CHECKED)
IN_PROGRESS = (Status.RECEIVED, Status.CHECKED, Status.REGISTERED, Status.CLARIFICATION)
CLOSED = (Status.NOT_REGISTERED, Status.DECIDED, Status.STOPPED, Status.MERGED)


class Decision(models.TextChoices):
    OTHER_LAWS = "other_laws", _("Pelanggaran peraturan perundang-undangan lainnya")
    CRIMINAL = "criminal", _("Tindak pidana pemilihan")
    ADMINISTRATIVE = "administrative", _("Pelanggaran administrasi")
    NOT_VIOLATION = "not_violation", _("Bukan pelanggaran")


VIOLATION_DECISIONS = (Decision.OTHER_LAWS, Decision.CRIMINAL, Decision.ADMINISTRATIVE)


class Forwarding(models.TextChoices):
    """Where a decided case goes next (the forwarding ledger itself comes later)."""

    BKN = "bkn", _("BKN (ASN)")
    KASN = "kasn", _("KASN (ASN, sampai 23 Agustus 2024)")
    REGENT = "regent", _("Bupati/Wali Kota (perangkat desa)")
    GAKKUMDU = "gakkumdu", _("Sentra Gakkumdu (pidana)")
    KPU = "kpu", _("KPU (administrasi)")
    NONE = "none", _("Tidak diteruskan")


# Sanctioned by the regent or mayor, not by a PPK (UU 6/2014); the lurah is a civil servant.
VILLAGE_SUBJECTS = frozenset({SubjectType.VILLAGE_HEAD, SubjectType.VILLAGE_STAFF, SubjectType.BPD_MEMBER})


class IdentityMode(models.TextChoices):
    OPEN = "open", _("Terbuka")
    CONFIDENTIAL = "confidential", _("Dirahasiakan (hanya petugas)")
    ANONYMOUS = "anonymous", _("Anonim")


class EventKind(models.TextChoices):
    CREATED = "created", _("Kasus dibuat")
    TRANSITION = "transition", _("Perubahan status")
    INFO_REQUESTED = "info_requested", _("Keterangan tambahan diminta")
    NOTE = "note", _("Catatan")
    EVIDENCE_ADDED = "evidence_added", _("Bukti ditambahkan")
    CODES_CHANGED = "codes_changed", _("Kode pelanggaran diubah")


class EvidenceAction(models.TextChoices):
    UPLOADED = "uploaded", _("Diunggah")
    VIEWED = "viewed", _("Dilihat")
    DOWNLOADED = "downloaded", _("Diunduh")
