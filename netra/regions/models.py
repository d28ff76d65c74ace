from django.db import models
from django.utils.translation import gettext_lazy as _

from netra.regions import gazetteer


class Level(models.TextChoices):
    PROVINCE = gazetteer.PROVINCE, _("Provinsi")
    REGENCY = gazetteer.REGENCY, _("Kabupaten")
    CITY = gazetteer.CITY, _("Kota")
    DISTRICT = gazetteer.DISTRICT, _("Kecamatan")
    VILLAGE = gazetteer.VILLAGE, _("Desa")
    URBAN_VILLAGE = gazetteer.URBAN_VILLAGE, _("Kelurahan")


class Region(models.Model):
    """An administrative region with its Kemendagri code ("61", "61.03", "61.03.01", ...)."""

    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.CharField(_("tingkat"), max_length=16, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name_key = models.CharField(max_length=120, db_index=True, editable=False)

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return gazetteer.display_name(self.as_place())

    def as_place(self) -> gazetteer.Place:
        return gazetteer.Place(self.code, self.name, self.level, self.parent_id)

    def ancestors_and_self_codes(self) -> list[str]:
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]

    def contains(self, code: str) -> bool:
        return code == self.code or code.startswith(self.code + ".")
