from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netra.regions.models import Level


class ScopeKind(models.TextChoices):
    NATIONAL = "national", _("Nasional")
    REGION = "region", _("Wilayah")
    AGENCY = "agency", _("Instansi")


class Role(models.Model):
    """A role as data (see accounts/data/roles.toml): what it is called and how it is scoped."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    description = models.TextField(_("keterangan"), blank=True)
    scope_kind = models.CharField(_("cakupan"), max_length=10, choices=ScopeKind.choices)
    region_levels = models.JSONField(_("tingkat wilayah yang boleh"), default=list, blank=True)
    requires_two_factor = models.BooleanField(
        _("wajib 2FA"), default=False, help_text=_("Pengguna dengan peran ini harus memakai kode TOTP saat masuk.")
    )

    class Meta:
        verbose_name = _("peran")
        verbose_name_plural = _("peran")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user holds a role within a scope: the whole country, a region, or an agency."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.ForeignKey(Role, verbose_name=_("peran"), on_delete=models.PROTECT, related_name="memberships")
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT
    )
    agency = models.ForeignKey(
        "registry.Agency", verbose_name=_("instansi"), null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keanggotaan peran")
        verbose_name_plural = _("keanggotaan peran")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"], condition=Q(region__isnull=True, agency__isnull=True),
                name="membership_unique_national",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "region"], condition=Q(region__isnull=False), name="membership_unique_region"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "agency"], condition=Q(agency__isnull=False), name="membership_unique_agency"
            ),
        ]

    def __str__(self) -> str:
        where = self.region or self.agency or _("Nasional")
        return f"{self.role} – {where}"

    def clean(self) -> None:
        kind = self.role.scope_kind if self.role_id else None
        if kind == ScopeKind.NATIONAL and (self.region_id or self.agency_id):
            raise ValidationError(_("Peran nasional tidak dibatasi wilayah atau instansi; kosongkan keduanya."))
        if kind == ScopeKind.REGION:
            self._clean_region_scope()
        if kind == ScopeKind.AGENCY:
            if not self.agency_id:
                raise ValidationError({"agency": _("Peran ini dibatasi pada satu instansi; pilih instansinya.")})
            if self.region_id:
                raise ValidationError({"region": _("Peran instansi tidak memakai wilayah; kosongkan wilayah.")})

    def _clean_region_scope(self) -> None:
        if not self.region_id:
            raise ValidationError({"region": _("Peran ini dibatasi pada satu wilayah; pilih wilayahnya.")})
        if self.agency_id:
            raise ValidationError({"agency": _("Peran wilayah tidak memakai instansi; kosongkan instansi.")})
        allowed = self.role.region_levels
        if allowed and self.region.level not in allowed:
            labels = ", ".join(str(Level(level).label) for level in allowed)
            message = _("Peran ini hanya untuk wilayah tingkat: %(levels)s.") % {"levels": labels}
            raise ValidationError({"region": message})
