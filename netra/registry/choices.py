from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    """Who a person is, for the neutrality rules: ASN, non-ASN staff, or a village official."""

    PNS = "pns", _("PNS")
    PPPK = "pppk", _("PPPK")
    NON_ASN = "non_asn", _("Pegawai non-ASN")
    VILLAGE_HEAD = "kepala_desa", _("Kepala desa")
    VILLAGE_STAFF = "perangkat_desa", _("Perangkat desa")
    BPD_MEMBER = "bpd", _("Anggota BPD")
    LURAH = "lurah", _("Lurah")
    OTHER = "other", _("Lainnya")
