from django.db import models
from django.utils.translation import gettext_lazy as _

from netra.accounts.scoping import ScopedQuerySet


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
