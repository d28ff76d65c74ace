from django import forms
from django.utils.translation import gettext_lazy as _

from netra.registry.imports import AGENCIES, PERSONS

KIND_CHOICES = [("instansi", _("Instansi")), ("pegawai", _("Pegawai dan perangkat desa"))]
IMPORT_KINDS = {"instansi": AGENCIES, "pegawai": PERSONS}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis data"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    file = forms.FileField(label=_("Berkas CSV atau XLSX"), help_text=_("Maksimal 5 MB dan 20.000 baris."))
    dry_run = forms.BooleanField(label=_("Periksa saja, jangan simpan"), required=False)

    def clean_kind(self) -> str:
        return IMPORT_KINDS[self.cleaned_data["kind"]]


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), max_length=100, required=False)
