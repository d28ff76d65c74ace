import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netra.accounts.scoping import ScopedQuerySet
from netra.registry.choices import SubjectType
from netra.registry.nip import InvalidNip, normalize_nip, parse_nip


class AgencyKind(models.TextChoices):
    CENTRAL = "pusat", _("Instansi pusat")
    PROVINCE = "provinsi", _("Pemerintah provinsi")
    REGENCY_CITY = "kabupaten_kota", _("Pemerintah kabupaten/kota")
    VERTICAL = "vertikal", _("Instansi vertikal")


class AgencyQuerySet(ScopedQuerySet):
    scope_region_path = "region"
    scope_agency_path = "pk"


class Agency(models.Model):
    """An employing agency (instansi) and its PPK, the official who imposes sanctions."""

    name = models.CharField(_("nama instansi"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=AgencyKind.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT,
        help_text=_("Kosong untuk instansi pusat."),
    )
    ppk_title = models.CharField(
        _("jabatan PPK"), max_length=200, blank=True, help_text=_("Mis. Bupati Sanggau, Gubernur Kalimantan Barat.")
    )
    ppk_name = models.CharField(_("nama PPK"), max_length=200, blank=True)
    ppk_office = models.CharField(
        _("kantor pengelola kepegawaian"), max_length=200, blank=True, help_text=_("Mis. BKPSDM Kabupaten Sanggau.")
    )

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="agency_unique_name_in_region")]

    def __str__(self) -> str:
        return self.name


# Village-level officials: always tied to a region, usually to no agency.
VILLAGE_SUBJECTS = frozenset({
    SubjectType.VILLAGE_HEAD, SubjectType.VILLAGE_STAFF, SubjectType.BPD_MEMBER, SubjectType.LURAH,
})
# Subjects who never hold an NIP; a number given for them is a data-entry mistake.
SUBJECTS_WITHOUT_NIP = frozenset({
    SubjectType.NON_ASN, SubjectType.VILLAGE_HEAD, SubjectType.VILLAGE_STAFF, SubjectType.BPD_MEMBER,
})
# Checking a PPPK number as if appointed in January still checks birth date, year, sex and sequence.
PPPK_NEUTRAL_MONTH = "01"


def check_nip(subject_type: str, text: str, today: dt.date | None = None) -> str:
    """The compact NIP of a person of ``subject_type``; raises InvalidNip.

    A PPPK's number has 18 digits but positions 13-14 count work agreements, not a month,
    so the appointment part is not checked for PPPK (see nip.py); the other parts are.
    """
    if subject_type != SubjectType.PPPK:
        return parse_nip(text, today).nip
    compact = normalize_nip(text)
    try:
        parse_nip(compact, today)
    except InvalidNip as error:
        if error.part != "appointment":
            raise
        parse_nip(compact[:12] + PPPK_NEUTRAL_MONTH + compact[14:], today)
    return compact


class PersonQuerySet(ScopedQuerySet):
    scope_region_path = "region"
    scope_agency_path = "agency"


class Person(models.Model):
    """A civil servant, non-ASN employee or village official whom a case may be about."""

    name = models.CharField(_("nama"), max_length=200)
    subject_type = models.CharField(_("jenis subjek"), max_length=20, choices=SubjectType.choices)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("instansi"), null=True, blank=True, on_delete=models.PROTECT, related_name="persons",
        help_text=_("Kosong untuk perangkat desa dan anggota BPD."),
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Kosong berarti wilayah instansinya."),
    )
    nip = models.CharField(
        _("NIP"), max_length=18, blank=True, help_text=_("18 digit tanpa spasi, untuk PNS dan PPPK.")
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["nip"], condition=~Q(nip=""), name="person_unique_nip"),
        ]
        indexes = [models.Index(fields=["name"], name="person_name_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_village_official(self) -> bool:
        return self.subject_type in VILLAGE_SUBJECTS

    def clean(self) -> None:
        if not self.region_id and self.agency_id:
            self.region_id = self.agency.region_id
        if self.is_village_official and not self.region_id:
            message = _("Kepala desa, perangkat desa, anggota BPD dan lurah wajib punya wilayah.")
            raise ValidationError({"region": message})
        self._clean_nip()

    def _clean_nip(self) -> None:
        if not self.nip or not self.nip.strip():
            self.nip = ""
            return
        if self.subject_type in SUBJECTS_WITHOUT_NIP:
            label = SubjectType(self.subject_type).label
            raise ValidationError({"nip": _("%(type)s tidak memiliki NIP; kosongkan NIP.") % {"type": label}})
        try:
            self.nip = check_nip(self.subject_type, self.nip)
        except InvalidNip as error:
            raise ValidationError({"nip": error.message}) from None
